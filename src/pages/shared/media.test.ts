import { LocalMedia } from './media';
import type { LocalTrack, VideoSdk } from './sdk';

/** A stand-in SDK whose getUserMedia outcome per kind is set by each test. */
function fakeSdk(outcome: { audio?: string; video?: string } = {}) {
  const made: FakeTrack[] = [];
  class FakeTrack {
    isEnabled = true;
    stopped = false;
    restartedWith: MediaTrackConstraints | undefined;
    readonly mediaStreamTrack = { getSettings: () => ({ deviceId: `${this.kind}-device` }) } as MediaStreamTrack;
    constructor(readonly kind: 'audio' | 'video', readonly constraints: MediaTrackConstraints) {
      made.push(this);
    }
    enable(enabled = true) {
      this.isEnabled = enabled;
      return this;
    }
    stop() {
      this.stopped = true;
      return this;
    }
    attach(element: HTMLMediaElement) {
      return element;
    }
    detach(element: HTMLMediaElement) {
      return element;
    }
    async restart(constraints?: MediaTrackConstraints) {
      this.restartedWith = constraints;
    }
  }
  const create = async (kind: 'audio' | 'video', constraints: MediaTrackConstraints) => {
    const failure = outcome[kind];
    if (failure) throw Object.assign(new Error(failure), { name: failure });
    return new FakeTrack(kind, constraints) as unknown as LocalTrack;
  };
  const sdk: VideoSdk = {
    isSupported: true,
    connect: () => Promise.reject(new Error('not in these tests')),
    createLocalTracks: async (options) => {
      if (outcome.audio || outcome.video) throw Object.assign(new Error('x'), { name: outcome.video ?? outcome.audio });
      return [await create('audio', options.audio as MediaTrackConstraints), await create('video', options.video as MediaTrackConstraints)];
    },
    createLocalAudioTrack: (constraints = {}) => create('audio', constraints) as never,
    createLocalVideoTrack: (constraints = {}) => create('video', constraints) as never,
  };
  return { sdk, made };
}

test('one request for both when all is well', async () => {
  const { sdk, made } = fakeSdk();
  const media = new LocalMedia(sdk);
  expect(await media.start()).toEqual({ audio: null, video: null });
  expect(media.tracks().map((t) => t.kind)).toEqual(['audio', 'video']);
  expect(made).toHaveLength(2);
});

test('a blocked camera still leaves the microphone, and the other way round', async () => {
  const cameraBlocked = new LocalMedia(fakeSdk({ video: 'NotAllowedError' }).sdk);
  expect(await cameraBlocked.start()).toEqual({ audio: null, video: 'denied' });
  expect(cameraBlocked.tracks().map((t) => t.kind)).toEqual(['audio']);

  const noMicrophone = new LocalMedia(fakeSdk({ audio: 'NotFoundError' }).sdk);
  expect(await noMicrophone.start()).toEqual({ audio: 'not-found', video: null });
  expect(noMicrophone.tracks().map((t) => t.kind)).toEqual(['video']);
});

test('camera off stops the track (the light goes off); on makes a new one; listeners hear both', async () => {
  const { sdk, made } = fakeSdk();
  const media = new LocalMedia(sdk);
  await media.start();
  const changes: string[] = [];
  media.onVideoTrackChange((previous, next) => changes.push(`${previous ? 'track' : 'none'}→${next ? 'track' : 'none'}`));
  const first = made[1];

  await media.setCameraOn(false);
  expect(first.stopped).toBe(true);
  expect(media.video).toBeNull();
  await media.setCameraOn(true);
  expect(media.video).not.toBeNull();
  expect(media.video).not.toBe(first);
  expect(changes).toEqual(['track→none', 'none→track']);
});

test('quick toggling never leaves two cameras open', async () => {
  const { sdk, made } = fakeSdk();
  const media = new LocalMedia(sdk);
  await media.start();
  await Promise.all([media.setCameraOn(false), media.setCameraOn(true), media.setCameraOn(false), media.setCameraOn(true)]);
  expect(made.filter((track) => track.kind === 'video' && !track.stopped)).toHaveLength(1);
});

test('pausing for a hidden page keeps the choice; a camera the customer turned off stays off', async () => {
  const { sdk } = fakeSdk();
  const media = new LocalMedia(sdk);
  await media.start();
  await media.pauseCamera();
  expect(media.video).toBeNull();
  expect(media.cameraOn).toBe(true);
  await media.resumeCamera();
  expect(media.video).not.toBeNull();

  await media.setCameraOn(false);
  await media.pauseCamera();
  await media.resumeCamera();
  expect(media.video).toBeNull();
});

test('mute and device choices survive track changes', async () => {
  const { sdk, made } = fakeSdk();
  const media = new LocalMedia(sdk);
  media.setMicOn(false);
  await media.start();
  expect(media.audio?.isEnabled).toBe(false);

  await media.useMicrophone('mic-2');
  expect(made[0].restartedWith).toEqual({ deviceId: { exact: 'mic-2' } });
  await media.useCamera('cam-2');
  await media.setCameraOn(false);
  await media.setCameraOn(true);
  expect(made[made.length - 1].constraints).toMatchObject({ deviceId: { exact: 'cam-2' } });
});

test('stop releases everything', async () => {
  const { sdk, made } = fakeSdk();
  const media = new LocalMedia(sdk);
  await media.start();
  media.stop();
  expect(made.every((track) => track.stopped)).toBe(true);
  expect(media.tracks()).toEqual([]);
});
