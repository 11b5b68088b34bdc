import { fakeDevices, fakeSdk, FOLLOW, settle, type Kind } from '../../../tests/support/media-doubles';
import { LocalMedia } from './media';
import { keepPublished } from './published-tracks';
import type { LocalTrack } from './sdk';

/** The room's side of publishing: what the page published and unpublished, by kind; a kind in
 * `refused` is rejected as the room would reject it. */
function fakeParticipant(refused: Set<Kind>) {
  const log: string[] = [];
  const participant = {
    publishTrack: (track: LocalTrack | MediaStreamTrack) => {
      log.push(`publish ${track.kind}`);
      return refused.has(track.kind as Kind)
        ? Promise.reject(new Error('53304'))
        : Promise.resolve(undefined);
    },
    unpublishTrack: (track: LocalTrack | MediaStreamTrack) => log.push(`unpublish ${track.kind}`),
  };
  return { participant, log };
}

test('in a room, a change made while connecting is caught up, each replacement follows, and a refused track is shown as off', async () => {
  const { devices } = fakeDevices();
  const media = new LocalMedia(devices, FOLLOW);
  await media.start();
  const connectedWith = media.sdkTracks(fakeSdk().classes);
  await media.setCameraOn(false);
  const refused = new Set<Kind>();
  const { participant, log } = fakeParticipant(refused);
  const stopFollowing = keepPublished(media, participant, connectedWith);
  expect(log).toEqual(['unpublish video']);

  await media.setCameraOn(true);
  refused.add('audio');
  await media.selectDevice('microphone', 'mic-2');
  await settle();
  expect(log).toEqual(['unpublish video', 'publish video', 'unpublish audio', 'publish audio']);
  expect([media.micOn, media.cameraOn]).toEqual([false, true]);

  refused.add('video');
  await media.selectDevice('camera', 'cam-2');
  await settle();
  expect([media.cameraOn, media.video]).toEqual([false, null]);

  stopFollowing();
  await media.setCameraOn(true);
  expect(log).toHaveLength(7);
});

/** A double of the SDK's LocalParticipant as twilio-video 2.36 behaves (lib/localparticipant.js):
 * publishTrack stays pending until the server answers, and unpublishing a track whose publish is
 * pending rejects that publish ("The LocalTrack was unpublished"). `answer` settles what is
 * still pending as the server would accept it. */
function pendingParticipant() {
  const pending = new Map<LocalTrack, { resolve: () => void; reject: (error: Error) => void }>();
  const participant = {
    publishTrack: (track: LocalTrack | MediaStreamTrack) =>
      new Promise<unknown>((resolve, reject) =>
        pending.set(track as LocalTrack, { resolve: () => resolve(undefined), reject }),
      ),
    unpublishTrack: (track: LocalTrack | MediaStreamTrack) => {
      pending.get(track as LocalTrack)?.reject(new Error(`The ${track.kind} track was unpublished`));
      pending.delete(track as LocalTrack);
    },
  };
  const answer = () => {
    for (const outcome of pending.values()) outcome.resolve();
    pending.clear();
  };
  return { participant, pending, answer };
}

test('a camera replaced while its publish is pending stays on: only the refusal of the track still wanted turns it off', async () => {
  const { devices } = fakeDevices();
  const media = new LocalMedia(devices, FOLLOW);
  await media.start();
  const connectedWith = media.sdkTracks(fakeSdk().classes);
  const { participant, pending, answer } = pendingParticipant();
  keepPublished(media, participant, connectedWith);

  await media.selectDevice('camera', 'cam-2');
  await media.selectDevice('camera', 'cam-3');
  await settle();
  expect([media.cameraOn, media.currentDeviceId('video')]).toEqual([true, 'cam-3']);
  expect([...pending.keys()].map((track) => track.mediaStreamTrack)).toEqual([media.video]);
  answer();
  await settle();
  expect([media.cameraOn, media.currentDeviceId('video')]).toEqual([true, 'cam-3']);

  await media.selectDevice('microphone', 'mic-2');
  await media.selectDevice('microphone', 'mic-3');
  await settle();
  expect(media.micOn).toBe(true);

  // The track still wanted is refused: it would reach no one, so it is shown as off.
  const [wanted] = pending.values();
  wanted.reject(new Error('53305'));
  await settle();
  expect(media.micOn).toBe(false);
});
