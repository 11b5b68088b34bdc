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
    publishTrack: (_track: unknown, options?: { name?: string }) => {
      log.push(`publish ${options?.name}`);
      return publishFails ? Promise.reject(new Error('53304')) : Promise.resolve(undefined);
    },
    unpublishTrack: () => void log.push('unpublish'),
  } as unknown as LocalParticipant;
  return { local, log };
}

const streamOf = (track: FakeTrack | null) =>
  ({ getVideoTracks: () => (track ? [track] : []) }) as unknown as MediaStream;
const capturing = (track: FakeTrack | null) => () => Promise.resolve(streamOf(track));
const denied = () => Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' });

/** A share of one captured track, started: what the room saw and what the panel was told. */
async function started() {
  const track = new FakeTrack();
  const ended: string[] = [];
  const share = new ScreenShare(capturing(track), () => ended.push('ended'));
  const { local, log } = participant();
  const outcome = await share.start(local);
  return { track, ended, share, log, outcome };
}

test('the capture is published as a named extra track and unpublished when stopped here', async () => {
  const { track, ended, share, log, outcome } = await started();
  expect(outcome).toBe('started');
  expect(share.active).toBe(true);
  expect(log).toEqual([`publish ${SCREEN_TRACK_NAME}`]);
  share.stop();
  expect(log).toEqual([`publish ${SCREEN_TRACK_NAME}`, 'unpublish']);
  expect(track.stopped).toBe(true);
  expect(share.active).toBe(false);
  expect(ended).toEqual([]);
});

test('the browser’s own stop unpublishes it and tells the panel', async () => {
  const { track, ended, share, log } = await started();
  track.dispatchEvent(new Event('ended'));
  expect(log).toEqual([`publish ${SCREEN_TRACK_NAME}`, 'unpublish']);
  expect(ended).toEqual(['ended']);
  expect(share.active).toBe(false);
});

test('closing the picker is a cancel; no track or a refused publish is a failure, with the capture stopped', async () => {
  const { local } = participant();
  const outcomeOf = (capture: () => Promise<MediaStream>) =>
    new ScreenShare(capture, () => undefined).start(local);
  expect(await outcomeOf(() => Promise.reject(denied()))).toBe('cancelled');
  expect(await outcomeOf(() => Promise.reject(new Error('NotReadable')))).toBe('failed');
  expect(await outcomeOf(capturing(null))).toBe('failed');
  const track = new FakeTrack();
  const refused = new ScreenShare(capturing(track), () => undefined);
  expect(await refused.start(participant(true).local)).toBe('failed');
  expect(track.stopped).toBe(true);
  expect(refused.active).toBe(false);
});
