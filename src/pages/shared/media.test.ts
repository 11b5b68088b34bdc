import {
  device,
  fakeDevices,
  fakeSdk,
  FakeTrack,
  FOLLOW,
  settle,
  type Kind,
} from '../../../tests/support/media-doubles';
import type { CameraFilter } from './background';
import { defaultMicrophone, LocalMedia, mediaPermissionGranted } from './media';
import type { LocalTrack } from './sdk';

const kinds = (tracks: (LocalTrack | FakeTrack | MediaStreamTrack | null)[]) =>
  tracks.map((t) => t?.kind ?? null);

test('one request for both when all is well, straight from getUserMedia', async () => {
  const { devices, requests } = fakeDevices();
  const media = new LocalMedia(devices, FOLLOW);
  expect(await media.start()).toEqual({ audio: null, video: null });
  expect(kinds([media.audio, media.video])).toEqual(['audio', 'video']);
  expect(requests.map((r) => r.kinds)).toEqual(['audio+video']);
});

test('a blocked camera still leaves the microphone, and the other way round', async () => {
  const cameraBlocked = new LocalMedia(fakeDevices({ video: 'NotAllowedError' }).devices, FOLLOW);
  expect(await cameraBlocked.start()).toEqual({ audio: null, video: 'denied' });
  expect(kinds([cameraBlocked.audio, cameraBlocked.video])).toEqual(['audio', null]);
  expect(cameraBlocked.cameraOn).toBe(true);

  const noMicrophone = new LocalMedia(fakeDevices({ audio: 'NotFoundError' }).devices, FOLLOW);
  expect(await noMicrophone.start()).toEqual({ audio: 'not-found', video: null });
  expect(kinds([noMicrophone.audio, noMicrophone.video])).toEqual([null, 'video']);
});

test('camera off stops the track (the light goes off); on makes a new one; views hear each change', async () => {
  const { devices, live } = fakeDevices();
  const media = new LocalMedia(devices, FOLLOW);
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
  const media = new LocalMedia(devices, FOLLOW);
  await media.start();
  await Promise.all([
    media.setCameraOn(false),
    media.setCameraOn(true),
    media.setCameraOn(false),
    media.setCameraOn(true),
  ]);
  expect(live('video')).toHaveLength(1);
  expect(live('video')[0]).toBe(media.video);
});

test('a camera that cannot be opened again is shown as off, with the reason', async () => {
  const outcome: { video?: string } = {};
  const { devices } = fakeDevices(outcome);
  const media = new LocalMedia(devices, FOLLOW);
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
  const media = new LocalMedia(devices, FOLLOW);
  await media.start();
  await media.pageHidden();
  expect(media.video).toBeNull();
  expect(media.cameraOn).toBe(true);
  await media.pageShown();
  expect(media.video).not.toBeNull();

  await media.setCameraOn(false);
  await media.pageHidden();
  await media.pageShown();
  expect(media.video).toBeNull();
});

test('a microphone the phone ended while hidden is opened again before Join, and left to the SDK after', async () => {
  const { devices, requests } = fakeDevices();
  const media = new LocalMedia(devices, FOLLOW);
  await media.start();
  media.setMicOn(false);
  (media.audio as unknown as FakeTrack).readyState = 'ended';
  await media.pageShown();
  expect(media.audio?.readyState).toBe('live');
  expect(media.audio?.enabled).toBe(false);
  expect(requests.map((r) => r.kinds)).toEqual(['audio+video', 'audio']);

  media.sdkTracks(fakeSdk().classes);
  (media.audio as unknown as FakeTrack).readyState = 'ended';
  await media.pageShown();
  expect(requests).toHaveLength(2);
});

test('mute and device choices survive track changes; the old camera is released before the new one opens', async () => {
  const { devices, requests } = fakeDevices();
  const media = new LocalMedia(devices, FOLLOW);
  media.setMicOn(false);
  await media.start();
  expect(media.audio?.enabled).toBe(false);

  const firstMicrophone = media.audio as unknown as FakeTrack;
  await media.selectDevice('microphone', 'mic-2');
  expect(firstMicrophone.readyState).toBe('ended');
  expect(media.currentDeviceId('audio')).toBe('mic-2');
  expect(media.audio?.enabled).toBe(false);

  await media.selectDevice('camera', 'cam-2');
  expect(media.currentDeviceId('video')).toBe('cam-2');
  expect(requests[requests.length - 1]).toEqual({ kinds: 'video', liveVideoTracks: 0 });
  await media.setCameraOn(false);
  await media.setCameraOn(true);
  expect(media.currentDeviceId('video')).toBe('cam-2');
});

test('choosing a camera while it is off only remembers the choice', async () => {
  const { devices, requests } = fakeDevices();
  const media = new LocalMedia(devices, FOLLOW);
  await media.start();
  await media.setCameraOn(false);
  await media.selectDevice('camera', 'cam-2');
  expect(media.video).toBeNull();
  expect(requests).toHaveLength(1);
});

test('at Join the same tracks are handed to the SDK, wrapped once however often asked', async () => {
  const { devices } = fakeDevices();
  const { classes, wrapped } = fakeSdk();
  const media = new LocalMedia(devices, FOLLOW);
  await media.start();
  const handed = media.sdkTracks(classes);
  expect(handed.map((t) => t.mediaStreamTrack)).toEqual([media.audio, media.video]);
  expect(media.sdkTracks(classes)).toEqual(handed);
  expect(wrapped).toHaveLength(2);
});

test('after Join, mute goes through the SDK and a replaced camera is unpublished before it stops', async () => {
  const { devices } = fakeDevices();
  const { classes } = fakeSdk();
  const media = new LocalMedia(devices, FOLLOW);
  await media.start();
  const [audio, video] = media.sdkTracks(classes);
  const heard: string[] = [];
  media.onPublishedTrackChange((previous, next) => {
    const state = previous ? (previous.mediaStreamTrack as unknown as FakeTrack).readyState : 'none';
    heard.push(
      `${previous === video ? 'first' : previous ? 'other' : 'none'} (${state}) → ${next ? 'new' : 'none'}`,
    );
  });

  media.setMicOn(false);
  expect(audio.mediaStreamTrack.enabled).toBe(false);

  await media.setCameraOn(false);
  await media.setCameraOn(true);
  expect(heard).toEqual(['first (live) → none', 'none (none) → new']);
  expect((video as unknown as { stoppedBySdk: boolean }).stoppedBySdk).toBe(true);
  expect(media.sdkTracks(classes).map((t) => t.mediaStreamTrack)).toEqual([media.audio, media.video]);
});

test('after Join, another camera keeps the published track: the SDK wrapper takes it, the old one stopped first', async () => {
  const { devices, requests, live } = fakeDevices();
  const { classes, wrapped } = fakeSdk(true);
  const media = new LocalMedia(devices, FOLLOW);
  await media.start();
  const [, video] = media.sdkTracks(classes);
  const first = media.video as unknown as FakeTrack;
  const heard: unknown[] = [];
  media.onPublishedTrackChange((previous, next) => heard.push([previous, next]));

  expect(await media.useCamera({ facing: 'environment' })).toBe(true);
  const second = media.video as unknown as FakeTrack;
  expect(second).not.toBe(first);
  expect(first.readyState).toBe('ended');
  expect(requests.at(-1)).toMatchObject({ kinds: 'video', liveVideoTracks: 0 });
  expect(second.constraints).toMatchObject({ facingMode: { exact: 'environment' } });
  expect((video as unknown as { carried: FakeTrack[] }).carried).toEqual([second]);
  expect(heard).toEqual([]);
  expect(wrapped).toHaveLength(2);
  expect(media.sdkTracks(classes)[1]).toBe(video);
  expect(live('video')).toEqual([second]);

  await media.useCamera({ deviceId: 'cam-2' });
  expect(media.currentDeviceId('video')).toBe('cam-2');
  expect((video as unknown as { carried: FakeTrack[] }).carried).toHaveLength(2);
  expect(heard).toEqual([]);
});

test('a camera asked for that is not there: the one before is opened again, and the answer is false', async () => {
  const { devices, state } = fakeDevices();
  const { classes } = fakeSdk(true);
  state.missingCamera = (constraints) => 'facingMode' in constraints;
  const media = new LocalMedia(devices, FOLLOW);
  await media.start();
  media.sdkTracks(classes);
  expect(await media.useCamera({ facing: 'environment' })).toBe(false);
  expect(media.video).not.toBeNull();
  expect(media.currentDeviceId('video')).toBe('cam-1');
  expect(media.problems.video).toBeNull();
});

test('without the SDK’s replace step, another camera is published as any replacement; before Join only remembered', async () => {
  const { devices, requests } = fakeDevices();
  const { classes } = fakeSdk();
  const media = new LocalMedia(devices, FOLLOW);
  await media.start();
  await media.setCameraOn(false);
  await media.useCamera({ facing: 'environment' });
  expect(requests).toHaveLength(1);
  await media.setCameraOn(true);
  expect((media.video as unknown as FakeTrack).constraints).toMatchObject({
    facingMode: { exact: 'environment' },
  });

  const [, video] = media.sdkTracks(classes);
  const heard: unknown[] = [];
  media.onPublishedTrackChange((previous, next) => heard.push([previous === video, next?.kind]));
  await media.useCamera({ facing: 'user' });
  expect(heard).toEqual([[true, 'video']]);
});

test('a muted microphone replaced after Join reaches the SDK already muted', async () => {
  const { devices } = fakeDevices();
  const { classes, wrapped } = fakeSdk();
  const media = new LocalMedia(devices, FOLLOW);
  await media.start();
  media.sdkTracks(classes);
  media.setMicOn(false);
  await media.selectDevice('microphone', 'mic-2');
  const replacement = wrapped[wrapped.length - 1] as unknown as { kind: Kind; enabledWhenWrapped: boolean };
  expect(replacement.kind).toBe('audio');
  expect(replacement.enabledWhenWrapped).toBe(false);
});

test('stop releases everything, through the SDK for what it holds', async () => {
  const { devices, made } = fakeDevices();
  const { classes, wrapped } = fakeSdk();
  const media = new LocalMedia(devices, FOLLOW);
  await media.start();
  media.sdkTracks(classes);
  await media.setCameraOn(false);
  await media.setCameraOn(true);
  media.stop();
  expect(made.every((track) => track.readyState === 'ended')).toBe(true);
  expect(wrapped.map((w) => (w as unknown as { stoppedBySdk: boolean }).stoppedBySdk)).toEqual([
    true,
    true,
    true,
  ]);
  expect([media.audio, media.video]).toEqual([null, null]);
});

test('devices are listed by kind, without the unnamed ones a browser shows before permission', async () => {
  const media = new LocalMedia(fakeDevices().devices, FOLLOW);
  const lists = await media.listDevices();
  expect(
    [lists.cameras, lists.microphones, lists.speakers].map((list) => list.map((d) => d.deviceId)),
  ).toEqual([['cam-1'], ['default', 'built-in'], ['spk-1']]);
});

test('a new default microphone (a headset plugged in) is followed, as the SDK follows it, in one step', async () => {
  const { devices, requests, plugInHeadset } = fakeDevices();
  const { classes } = fakeSdk();
  const media = new LocalMedia(devices, FOLLOW);
  await media.start();
  media.setMicOn(false);
  const [before] = media.sdkTracks(classes);
  const heard: [LocalTrack | null, LocalTrack | null][] = [];
  media.onPublishedTrackChange((previous, next) => heard.push([previous, next]));

  plugInHeadset();
  await settle();
  expect(requests[requests.length - 1].audio).toEqual({ deviceId: { exact: 'headset' } });
  expect(media.currentDeviceId('audio')).toBe('headset');
  expect(media.audio?.enabled).toBe(false);
  expect(heard).toHaveLength(1);
  expect(heard[0][0]).toBe(before);
  expect(heard[0][1]?.mediaStreamTrack).toBe(media.audio);
  expect((before.mediaStreamTrack as unknown as FakeTrack).readyState).toBe('ended');
});

test('the default microphone is not followed when it did not change, when the customer chose one, or when turned off', async () => {
  const unchanged = fakeDevices();
  await new LocalMedia(unchanged.devices, FOLLOW).start();
  unchanged.deviceChange(); // a camera plugged in: the default microphone is the same
  await settle();
  expect(unchanged.requests).toHaveLength(1);

  const chosen = fakeDevices();
  const media = new LocalMedia(chosen.devices, FOLLOW);
  await media.start();
  await media.selectDevice('microphone', 'built-in');
  chosen.plugInHeadset();
  await settle();
  expect(media.currentDeviceId('audio')).toBe('built-in');

  const off = fakeDevices();
  await new LocalMedia(off.devices, { followDefaultMicrophone: false }).start();
  expect(off.listeners.size).toBe(0);
});

test('a headset that cannot be opened leaves the old microphone recording', async () => {
  const { devices, plugInHeadset, state } = fakeDevices();
  const media = new LocalMedia(devices, FOLLOW);
  await media.start();
  const before = media.audio;
  state.gate = Promise.reject(Object.assign(new Error('busy'), { name: 'NotReadableError' }));
  state.gate.catch(() => undefined);
  plugInHeadset();
  await settle();
  expect(media.audio).toBe(before);
  expect(media.problems.audio).toBeNull();
});

test('the default microphone: Chrome’s "default" entry resolved to the real device, or the first listed', () => {
  expect(
    defaultMicrophone([
      device('audioinput', 'default', 'g2'),
      device('audioinput', 'a', 'g1'),
      device('audioinput', 'b', 'g2'),
    ])?.deviceId,
  ).toBe('b');
  expect(defaultMicrophone([device('audioinput', 'x'), device('audioinput', 'y')])?.deviceId).toBe('x');
  expect(defaultMicrophone([device('audioinput', 'default', 'g9')])?.deviceId).toBe('default');
  expect(defaultMicrophone([device('videoinput', 'cam'), device('audioinput', '', '')])).toBeUndefined();
});

test('media permission counts as granted only when camera and microphone both are, and not where it cannot be asked', async () => {
  const permissions = (camera: PermissionState, microphone: PermissionState) => ({
    query: ({ name }: PermissionDescriptor) =>
      Promise.resolve({ state: name === 'camera' ? camera : microphone } as PermissionStatus),
  });
  expect(await mediaPermissionGranted(permissions('granted', 'granted'))).toBe(true);
  expect(await mediaPermissionGranted(permissions('granted', 'prompt'))).toBe(false);
  expect(await mediaPermissionGranted(permissions('denied', 'granted'))).toBe(false);
  // Firefox: "camera" is not a permission name it knows.
  expect(
    await mediaPermissionGranted({
      query: () => Promise.reject(new TypeError('not a valid PermissionName')),
    }),
  ).toBe(false);
});

test('stop ends listening, and a camera still opening when it came is closed at once', async () => {
  const { devices, state, live, listeners } = fakeDevices();
  const media = new LocalMedia(devices, FOLLOW);
  await media.start();
  await media.setCameraOn(false);
  let open = () => {};
  state.gate = new Promise((resolve) => (open = resolve));
  const opening = media.setCameraOn(true);
  media.stop();
  open();
  await opening;
  expect(live('video')).toEqual([]);
  expect(live('audio')).toEqual([]);
  expect(media.video).toBeNull();
  expect(listeners.size).toBe(0);
});

describe('a background rule', () => {
  /** A filter that hands out a processed stand-in for each raw camera track, or fails. */
  function fakeFilter(fails = false) {
    const applied: { raw: FakeTrack; track: FakeTrack; stopped: boolean }[] = [];
    const filter: CameraFilter = {
      apply(raw) {
        if (fails) return Promise.reject(new Error('unsupported'));
        const entry = {
          raw: raw as unknown as FakeTrack,
          track: new FakeTrack('video', {}, { deviceId: 'processed', groupId: 'processed' }),
          stopped: false,
        };
        applied.push(entry);
        return Promise.resolve({
          track: entry.track as unknown as MediaStreamTrack,
          raw,
          stop: () => ((entry.stopped = true), raw.stop()),
        });
      },
    };
    return { filter, applied };
  }

  test('every camera track the media holds is the processed one, and stopping it stops the raw camera', async () => {
    const fake = fakeDevices();
    const { filter, applied } = fakeFilter();
    const media = new LocalMedia(fake.devices, { ...FOLLOW, cameraFilter: () => Promise.resolve(filter) });
    await media.start();
    expect(media.video).toBe(applied[0].track);
    expect(media.currentDeviceId('video')).toBe(applied[0].raw.getSettings().deviceId);
    await media.setCameraOn(false);
    expect(applied[0].stopped).toBe(true);
    expect(fake.live('video')).toEqual([]);
    await media.setCameraOn(true);
    expect(media.video).toBe(applied[1].track);
  });

  test('a camera the page leaves unfiltered (the back camera) is held raw; the front camera is filtered again', async () => {
    const fake = fakeDevices();
    const { filter, applied } = fakeFilter();
    const media = new LocalMedia(fake.devices, {
      ...FOLLOW,
      cameraFilter: () => Promise.resolve(filter),
      leftUnfiltered: (camera) =>
        ((camera as unknown as FakeTrack).constraints as { facingMode?: { exact: string } }).facingMode
          ?.exact === 'environment',
    });
    await media.start();
    expect(media.video).toBe(applied[0].track);
    await media.useCamera({ facing: 'environment' });
    expect(applied).toHaveLength(1);
    expect(applied[0].stopped).toBe(true);
    expect(media.video).toBe(fake.live('video')[0]);
    await media.useCamera({ facing: 'user' });
    expect(applied).toHaveLength(2);
    expect(media.video).toBe(applied[1].track);
  });

  test('a rule that cannot run keeps the camera off with the reason; the microphone works', async () => {
    const fake = fakeDevices();
    const media = new LocalMedia(fake.devices, {
      ...FOLLOW,
      cameraFilter: () => Promise.resolve(fakeFilter(true).filter),
    });
    const problems = await media.start();
    expect(media.video).toBeNull();
    expect(problems.video).toBe('background');
    expect(media.cameraOn).toBe(false);
    expect(fake.live('video')).toEqual([]);
    expect(media.audio).not.toBeNull();
  });

  describe("the customer's own choice (setCameraFilter)", () => {
    test('turning it on remakes a running camera through the filter, the raw one released first; off remakes it raw', async () => {
      const fake = fakeDevices();
      const { filter, applied } = fakeFilter();
      let loads = 0;
      const load = () => {
        loads++;
        return Promise.resolve(filter);
      };
      const media = new LocalMedia(fake.devices, FOLLOW);
      await media.start();
      const raw = media.video as unknown as FakeTrack;
      const sdk = fakeSdk();
      media.sdkTracks(sdk.classes);
      const published: [unknown, unknown][] = [];
      media.onPublishedTrackChange((before, after) => published.push([before, after]));

      await media.setCameraFilter(load);
      expect(raw.readyState).toBe('ended');
      expect(media.video).toBe(applied[0].track);
      expect(fake.requests.at(-1)!.liveVideoTracks).toBe(0);
      // The call unpublishes the raw camera and publishes the blurred one.
      expect(
        published.map(([before, after]) => [
          (before as { mediaStreamTrack?: unknown } | null)?.mediaStreamTrack ?? null,
          (after as { mediaStreamTrack?: unknown } | null)?.mediaStreamTrack ?? null,
        ]),
      ).toEqual([
        [raw, null],
        [null, applied[0].track],
      ]);

      await media.setCameraFilter(undefined);
      expect(applied[0].stopped).toBe(true);
      expect(media.video).not.toBeNull();
      expect(applied.map((entry) => entry.track)).not.toContain(media.video);
      expect(fake.live('video')).toHaveLength(1);

      await media.setCameraFilter(load);
      expect(media.video).toBe(applied[1].track);
      expect(loads).toBe(2);
    });

    test('a camera turned off stays off; the next one is filtered', async () => {
      const fake = fakeDevices();
      const { filter, applied } = fakeFilter();
      const load = () => Promise.resolve(filter);
      const media = new LocalMedia(fake.devices, FOLLOW);
      await media.start();
      await media.setCameraOn(false);
      await media.setCameraFilter(load);
      expect(media.video).toBeNull();
      expect(fake.live('video')).toEqual([]);
      await media.setCameraOn(true);
      expect(media.video).toBe(applied[0].track);
    });

    test('a failure keeps the camera off with the reason; turning it off again clears it and leaves the camera off; asking again retries', async () => {
      const fake = fakeDevices();
      let fails = true;
      const { filter, applied } = fakeFilter();
      const load = () => (fails ? Promise.reject(new Error('unsupported')) : Promise.resolve(filter));
      const media = new LocalMedia(fake.devices, FOLLOW);
      await media.start();
      await media.setCameraFilter(load);
      expect(media.video).toBeNull();
      expect(media.problems.video).toBe('background');
      expect(media.cameraOn).toBe(false);
      expect(fake.live('video')).toEqual([]);
      expect(media.audio).not.toBeNull();

      await media.setCameraFilter(undefined);
      expect(media.problems.video).toBeNull();
      expect(media.video).toBeNull();
      expect(fake.live('video')).toEqual([]);

      fails = false;
      await media.setCameraFilter(load);
      expect(media.video).toBe(applied[0].track);
      expect(media.problems.video).toBeNull();
    });

    test('"Try again" after a failure loads the filter again', async () => {
      const fake = fakeDevices();
      let fails = true;
      const { filter, applied } = fakeFilter();
      const media = new LocalMedia(fake.devices, FOLLOW);
      await media.start();
      await media.setCameraFilter(() =>
        fails ? Promise.reject(new Error('offline')) : Promise.resolve(filter),
      );
      expect(media.problems.video).toBe('background');
      fails = false;
      await media.start();
      expect(media.problems.video).toBeNull();
      expect(media.video).toBe(applied[0].track);
    });
  });
});
