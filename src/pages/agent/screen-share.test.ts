import type { LocalParticipant } from '../shared/sdk';
import { SCREEN_TRACK_NAME } from '../shared/sdk';
import { ScreenShare } from './screen-share';

/** A MediaStreamTrack as far as sharing uses it: the browser ends it with an 'ended' event. */
class FakeTrack extends EventTarget {
  readonly kind = 'video';
  stopped = false;
  stop() {
    this.stopped = true;
  }
}

function participant(publishFails = false) {
  const log: string[] = [];
  const local = {
    publishTrack: async (_track: unknown, options?: { name?: string }) => {
      log.push(`publish ${options?.name}`);
      if (publishFails) throw new Error('53304');
    },
    unpublishTrack: () => void log.push('unpublish'),
  } as unknown as LocalParticipant;
  return { local, log };
}

const streamOf = (track: FakeTrack | null) => ({ getVideoTracks: () => (track ? [track] : []) }) as unknown as MediaStream;
const denied = () => Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' });

test('the capture is published as a named extra track and unpublished when stopped here', async () => {
  const track = new FakeTrack();
  const ended: string[] = [];
  const share = new ScreenShare(
    async () => streamOf(track),
    () => ended.push('ended'),
  );
  const { local, log } = participant();
  expect(await share.start(local)).toBe('started');
  expect(share.active).toBe(true);
  expect(log).toEqual([`publish ${SCREEN_TRACK_NAME}`]);
  share.stop();
  expect(log).toEqual([`publish ${SCREEN_TRACK_NAME}`, 'unpublish']);
  expect(track.stopped).toBe(true);
  expect(share.active).toBe(false);
  expect(ended).toEqual([]);
});

test('the browser’s own stop unpublishes it and tells the panel', async () => {
  const track = new FakeTrack();
  const ended: string[] = [];
  const share = new ScreenShare(
    async () => streamOf(track),
    () => ended.push('ended'),
  );
  const { local, log } = participant();
  await share.start(local);
  track.dispatchEvent(new Event('ended'));
  expect(log).toEqual([`publish ${SCREEN_TRACK_NAME}`, 'unpublish']);
  expect(ended).toEqual(['ended']);
  expect(share.active).toBe(false);
});

test('closing the picker is a cancel; no track or a refused publish is a failure, with the capture stopped', async () => {
  const { local } = participant();
  expect(
    await new ScreenShare(
      () => Promise.reject(denied()),
      () => undefined,
    ).start(local),
  ).toBe('cancelled');
  expect(
    await new ScreenShare(
      () => Promise.reject(new Error('NotReadable')),
      () => undefined,
    ).start(local),
  ).toBe('failed');
  expect(
    await new ScreenShare(
      async () => streamOf(null),
      () => undefined,
    ).start(local),
  ).toBe('failed');
  const track = new FakeTrack();
  const refused = new ScreenShare(
    async () => streamOf(track),
    () => undefined,
  );
  expect(await refused.start(participant(true).local)).toBe('failed');
  expect(track.stopped).toBe(true);
  expect(refused.active).toBe(false);
});
