import { failureOf } from './room-events';

const NOW = new Date('2026-05-06T07:08:09.000Z');
const RT = `RT${'d'.repeat(32)}`;

test("a recording failure keeps Twilio's sid, track, reason and time", () => {
  expect(
    failureOf(
      {
        roomSid: 'RM',
        event: 'recording-failed',
        recordingSid: RT,
        trackName: 'cam',
        reason: 'media_upload',
        timestamp: '2026-01-02T03:04:05Z',
      },
      NOW,
    ),
  ).toEqual({
    recordingSid: RT,
    trackName: 'cam',
    reason: 'media_upload',
    failedAt: '2026-01-02T03:04:05.000Z',
  });
});

test.each([
  ['no timestamp', undefined],
  ['a word', 'yesterday'],
  ['a date without a time', '2026-01-02'],
  ['an impossible date', '2026-13-45T99:99:99Z'],
  ['epoch seconds', '1767323045'],
])('%s as the timestamp falls back to the time of arrival', (_name, timestamp) => {
  expect(failureOf({ roomSid: 'RM', event: 'recording-failed', timestamp }, NOW).failedAt).toBe(
    NOW.toISOString(),
  );
});

test('a malformed recording sid, a missing track and reason are stored as unknown', () => {
  expect(
    failureOf({ roomSid: 'RM', event: 'recording-failed', recordingSid: 'RT-nope', trackName: '' }, NOW),
  ).toEqual({
    recordingSid: null,
    trackName: null,
    reason: 'Twilio gave no reason',
    failedAt: NOW.toISOString(),
  });
});
