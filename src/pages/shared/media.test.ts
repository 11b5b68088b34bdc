import { LocalMedia, type MediaDevicesLike } from './media';
import type { LocalTrack, LocalTrackClasses } from './sdk';

type Kind = 'audio' | 'video';

class FakeTrack {
  enabled = true;
  readyState: 'live' | 'ended' = 'live';
  constructor(
    readonly kind: Kind,
    readonly constraints: unknown,
  ) {}
  stop() {
    this.readyState = 'ended';
  }
  getSettings() {
    const asked = this.constraints as { deviceId?: { exact: string } };
    return { deviceId: asked.deviceId?.exact ?? `${this.kind}-default` };
  }
}

/** getUserMedia whose outcome per kind is set by each test; it records every request and the
 * state of the other tracks at that moment. */
function fakeDevices(outcome: { audio?: string; video?: string } = {}) {
  const made: FakeTrack[] = [];
  const requests: { kinds: string; liveVideoTracks: number }[] = [];
  const devices: MediaDevicesLike = {
    getUserMedia: async (constraints?: MediaStreamConstraints) => {
      const kinds = (['audio', 'video'] as const).filter((kind) => constraints?.[kind]);
      requests.push({ kinds: kinds.join('+'), liveVideoTracks: made.filter((t) => t.kind === 'video' && t.readyState === 'live').length });
      const failure = kinds.map((kind) => outcome[kind]).find(Boolean);
      if (failure) throw Object.assign(new Error(failure), { name: failure });
      const tracks = kinds.map((kind) => new FakeTrack(kind, constraints?.[kind]));
      made.push(...tracks);
      return {
        getTracks: () => tracks,
        getAudioTracks: () => tracks.filter((t) => t.kind === 'audio'),
        getVideoTracks: () => tracks.filter((t) => t.kind === 'video'),
      } as unknown as MediaStream;
    },
    enumerateDevices: async () =>
      [
        { kind: 'videoinput', deviceId: 'cam-1', label: 'Front' },
        { kind: 'audioinput', deviceId: 'mic-1', label: 'Built-in' },
        { kind: 'audiooutput', deviceId: 'spk-1', label: 'Speakers' },
        { kind: 'videoinput', deviceId: '', label: '' },
      ] as MediaDeviceInfo[],
  };
  const live = (kind: Kind) => made.filter((t) => t.kind === kind && t.readyState === 'live');
  return { devices, made, requests, live };
}

/** The SDK's LocalTrack constructors, recording what was wrapped and what the page did with it. */
function fakeSdk() {
  const wrapped: FakeWrapper[] = [];
  class FakeWrapper {
    stoppedBySdk = false;
    readonly kind: Kind;
    /** What the SDK reads when it publishes the track. */
    readonly enabledWhenWrapped: boolean;
    constructor(readonly mediaStreamTrack: FakeTrack) {
      this.kind = mediaStreamTrack.kind;
      this.enabledWhenWrapped = mediaStreamTrack.enabled;
      wrapped.push(this);
    }
    enable(enabled = true) {
      this.mediaStreamTrack.enabled = enabled;
      return this;
    }
    stop() {
      this.stoppedBySdk = true;
      this.mediaStreamTrack.stop();
      return this;
    }
  }
  const classes = { LocalAudioTrack: FakeWrapper, LocalVideoTrack: FakeWrapper } as unknown as LocalTrackClasses;
  return { classes, wrapped };
}

const kinds = (tracks: (LocalTrack | FakeTrack | MediaStreamTrack | null)[]) => tracks.map((t) => t?.kind ?? null);

test('one request for both when all is well, straight from getUserMedia', async () => {
  const { devices, requests } = fakeDevices();
  const media = new LocalMedia(devices);
  expect(await media.start()).toEqual({ audio: null, video: null });
  expect(kinds([media.audio, media.video])).toEqual(['audio', 'video']);
  expect(requests.map((r) => r.kinds)).toEqual(['audio+video']);
});

test('a blocked camera still leaves the microphone, and the other way round', async () => {
  const cameraBlocked = new LocalMedia(fakeDevices({ video: 'NotAllowedError' }).devices);
  expect(await cameraBlocked.start()).toEqual({ audio: null, video: 'denied' });
  expect(kinds([cameraBlocked.audio, cameraBlocked.video])).toEqual(['audio', null]);
  expect(cameraBlocked.cameraOn).toBe(true);

  const noMicrophone = new LocalMedia(fakeDevices({ audio: 'NotFoundError' }).devices);
  expect(await noMicrophone.start()).toEqual({ audio: 'not-found', video: null });
  expect(kinds([noMicrophone.audio, noMicrophone.video])).toEqual([null, 'video']);
});

test('camera off stops the track (the light goes off); on makes a new one; views hear each change', async () => {
  const { devices, live } = fakeDevices();
  const media = new LocalMedia(devices);
  await media.start();
  let changes = 0;
  media.onChange(() => (changes += 1));
  const first = media.video as unknown as FakeTrack;

  await media.setCameraOn(false);
  expect(first.readyState).toBe('ended');
  expect(media.video).toBeNull();
  expect(changes).toBe(1);
  await media.setCameraOn(true);
  expect(media.video).not.toBeNull();
  expect(media.video).not.toBe(first);
  expect(live('video')).toHaveLength(1);
  expect(changes).toBe(2);
});

test('quick toggling never leaves two cameras open', async () => {
  const { devices, live } = fakeDevices();
  const media = new LocalMedia(devices);
  await media.start();
  await Promise.all([media.setCameraOn(false), media.setCameraOn(true), media.setCameraOn(false), media.setCameraOn(true)]);
  expect(live('video')).toHaveLength(1);
  expect(live('video')[0]).toBe(media.video);
});

test('a camera that cannot be opened again is shown as off, with the reason', async () => {
  const outcome: { video?: string } = {};
  const { devices } = fakeDevices(outcome);
  const media = new LocalMedia(devices);
  await media.start();
  await media.setCameraOn(false);
  outcome.video = 'NotReadableError';
  await media.setCameraOn(true);
  expect(media.video).toBeNull();
  expect(media.cameraOn).toBe(false);
  expect(media.problems.video).toBe('in-use');
});

test('pausing for a hidden page keeps the choice; a camera the customer turned off stays off', async () => {
  const { devices } = fakeDevices();
  const media = new LocalMedia(devices);
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

test('mute and device choices survive track changes; the old camera is released before the new one opens', async () => {
  const { devices, requests } = fakeDevices();
  const media = new LocalMedia(devices);
  media.setMicOn(false);
  await media.start();
  expect(media.audio?.enabled).toBe(false);

  const firstMicrophone = media.audio as unknown as FakeTrack;
  await media.useMicrophone('mic-2');
  expect(firstMicrophone.readyState).toBe('ended');
  expect(media.currentDeviceId('audio')).toBe('mic-2');
  expect(media.audio?.enabled).toBe(false);

  await media.useCamera('cam-2');
  expect(media.currentDeviceId('video')).toBe('cam-2');
  expect(requests[requests.length - 1]).toEqual({ kinds: 'video', liveVideoTracks: 0 });
  await media.setCameraOn(false);
  await media.setCameraOn(true);
  expect(media.currentDeviceId('video')).toBe('cam-2');
});

test('choosing a camera while it is off only remembers the choice', async () => {
  const { devices, requests } = fakeDevices();
  const media = new LocalMedia(devices);
  await media.start();
  await media.setCameraOn(false);
  await media.useCamera('cam-2');
  expect(media.video).toBeNull();
  expect(requests).toHaveLength(1);
});

test('at Join the same tracks are handed to the SDK, wrapped once however often asked', async () => {
  const { devices } = fakeDevices();
  const { classes, wrapped } = fakeSdk();
  const media = new LocalMedia(devices);
  await media.start();
  const handed = media.sdkTracks(classes);
  expect(handed.map((t) => t.mediaStreamTrack)).toEqual([media.audio, media.video]);
  expect(media.sdkTracks(classes)).toEqual(handed);
  expect(wrapped).toHaveLength(2);
});

test('after Join, mute goes through the SDK and a replaced camera is unpublished before it stops', async () => {
  const { devices } = fakeDevices();
  const { classes } = fakeSdk();
  const media = new LocalMedia(devices);
  await media.start();
  const [audio, video] = media.sdkTracks(classes);
  const heard: string[] = [];
  media.onPublishedTrackChange((previous, next) => {
    const state = previous ? (previous.mediaStreamTrack as unknown as FakeTrack).readyState : 'none';
    heard.push(`${previous === video ? 'first' : previous ? 'other' : 'none'} (${state}) → ${next ? 'new' : 'none'}`);
  });

  media.setMicOn(false);
  expect(audio.mediaStreamTrack.enabled).toBe(false);

  await media.setCameraOn(false);
  await media.setCameraOn(true);
  expect(heard).toEqual(['first (live) → none', 'none (none) → new']);
  expect((video as unknown as { stoppedBySdk: boolean }).stoppedBySdk).toBe(true);
  expect(media.sdkTracks(classes).map((t) => t.mediaStreamTrack)).toEqual([media.audio, media.video]);
});

test('a muted microphone replaced after Join reaches the SDK already muted', async () => {
  const { devices } = fakeDevices();
  const { classes, wrapped } = fakeSdk();
  const media = new LocalMedia(devices);
  await media.start();
  media.sdkTracks(classes);
  media.setMicOn(false);
  await media.useMicrophone('mic-2');
  const replacement = wrapped[wrapped.length - 1] as unknown as { kind: Kind; enabledWhenWrapped: boolean };
  expect(replacement.kind).toBe('audio');
  expect(replacement.enabledWhenWrapped).toBe(false);
});

test('stop releases everything, through the SDK for what it holds', async () => {
  const { devices, made } = fakeDevices();
  const { classes, wrapped } = fakeSdk();
  const media = new LocalMedia(devices);
  await media.start();
  media.sdkTracks(classes);
  await media.setCameraOn(false);
  await media.setCameraOn(true);
  media.stop();
  expect(made.every((track) => track.readyState === 'ended')).toBe(true);
  expect(wrapped.map((w) => (w as unknown as { stoppedBySdk: boolean }).stoppedBySdk)).toEqual([true, true, true]);
  expect([media.audio, media.video]).toEqual([null, null]);
});

test('devices are listed by kind, without the unnamed ones a browser shows before permission', async () => {
  const media = new LocalMedia(fakeDevices().devices);
  const lists = await media.listDevices();
  expect([lists.cameras, lists.microphones, lists.speakers].map((list) => list.map((d) => d.deviceId))).toEqual([['cam-1'], ['mic-1'], ['spk-1']]);
});
