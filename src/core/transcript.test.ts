import {
  elapsed,
  inOrder,
  speakerOf,
  splitIntoMessages,
  transcriptLines,
  type TranscriptResult,
} from './transcript';

const AGENT = `agent-${'a1'.repeat(20)}`;
const CUSTOMER = 'customer-AAAAAAAAAAAAAAAA';
const start = Date.parse('2026-01-01T10:00:00Z');
const said = (
  speaker: TranscriptResult['speaker'],
  text: string,
  seconds: number,
  seq = 0,
): TranscriptResult => ({
  speaker,
  text,
  at: start + seconds * 1000,
  seq,
});

test('speakers are the agent and customers of the bundle’s own identities; anyone else is unknown', () => {
  expect(speakerOf(AGENT)).toBe('agent');
  expect(speakerOf(CUSTOMER)).toBe('customer');
  for (const other of ['agent-x', 'customer-short', 'alice', `agent-${'A1'.repeat(20)}`, `${CUSTOMER} `])
    expect(speakerOf(other)).toBeUndefined();
});

test('results come out in the order spoken: by time, then by sequence number, whatever order they arrived in', () => {
  const results = [said('customer', 'c', 5, 9), said('agent', 'b', 2, 4), said('agent', 'a', 2, 3)];
  expect(inOrder(results).map((r) => r.text)).toEqual(['a', 'b', 'c']);
  expect(results.map((r) => r.text)).toEqual(['c', 'b', 'a']); // not sorted in place
});

test('each line is timed from the room’s start and labelled Agent or Customer, never an identity', () => {
  const lines = transcriptLines(
    [said('customer', 'I need\nhelp  ', 65), said('agent', 'Hello', 3), said('agent', 'Bye', 3725)],
    start,
  );
  expect(lines).toEqual(['[00:03] Agent: Hello', '[01:05] Customer: I need help', '[1:02:05] Agent: Bye']);
  expect(elapsed(-5_000)).toBe('[00:00]');
});

test('messages hold whole lines within the limit, in order, and lose nothing', () => {
  const lines = Array.from(
    { length: 40 },
    (_, i) => `[00:${String(i).padStart(2, '0')}] Agent: ${'word '.repeat(20).trim()} ${i}`,
  );
  const messages = splitIntoMessages(lines, 400);
  expect(messages.length).toBeGreaterThan(1);
  for (const message of messages) expect(message.length).toBeLessThanOrEqual(400);
  expect(messages.join('\n').split('\n')).toEqual(lines);
});

test('a line longer than a message is cut between words, never inside one', () => {
  const words = Array.from({ length: 300 }, (_, i) => `w${i}`);
  const line = `[00:01] Customer: ${words.join(' ')}`;
  const messages = splitIntoMessages([line], 100);
  for (const message of messages) {
    expect(message.length).toBeLessThanOrEqual(100);
    expect(message).not.toMatch(/^\s|\s$/);
  }
  expect(messages.join(' ')).toBe(line);
  expect(splitIntoMessages([])).toEqual([]);
});

test('at Twilio’s limit: 1,600 characters exactly fit one message, one more starts another', () => {
  const half = 'x'.repeat(799);
  expect(splitIntoMessages([half, half])).toEqual([`${half}\n${half}`]);
  expect(splitIntoMessages([half, `${half}yy`])).toEqual([half, `${half}yy`]);
});
