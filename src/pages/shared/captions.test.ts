import { caption, heardFrom, MAX_CAPTION_LINES, noCaptions, type Captions, type Heard } from './captions';
import type { TranscriptionEvent } from './sdk';

const said = (text: string, seq: number, partial = false, identity = 'customer-a'): Heard => ({
  identity,
  text,
  partial,
  seq,
  at: '2026-12-03T00:00:00.000Z',
});
const run = (...heard: Heard[]): Captions => heard.reduce(caption, noCaptions);
const shown = (captions: Captions) => captions.lines.map((l) => `${l.partial ? '~' : ''}${l.text}`);

test('a partial result is replaced in place by the next partial, then by its final result', () => {
  const partial = run(said('Hel', 1, true));
  const growing = caption(partial, said('Hello the', 2, true));
  const settled = caption(growing, said('Hello there.', 3));
  expect(shown(partial)).toEqual(['~Hel']);
  expect(shown(growing)).toEqual(['~Hello the']);
  expect(shown(settled)).toEqual(['Hello there.']);
  // One line throughout, under one key: the view replaces it where it stands.
  expect(new Set([partial, growing, settled].map((c) => c.lines[0].key)).size).toBe(1);
});

test('final results scroll: at most two lines, the newest last', () => {
  const captions = run(said('One.', 1), said('Two.', 2), said('Thr', 3, true));
  expect(MAX_CAPTION_LINES).toBe(2);
  expect(shown(captions)).toEqual(['Two.', '~Thr']);
  expect(shown(caption(captions, said('Three.', 4)))).toEqual(['Two.', 'Three.']);
  expect(shown(caption(caption(captions, said('Three.', 4)), said('Four.', 5)))).toEqual(['Three.', 'Four.']);
  // New lines take new keys.
  const keys = run(said('One.', 1), said('Two.', 2)).lines.map((l) => l.key);
  expect(new Set(keys).size).toBe(2);
});

test('each speaker has a partial line of their own', () => {
  const captions = run(said('Hi', 1, true, 'customer-a'), said('Hey', 2, true, 'customer-b'));
  expect(shown(caption(captions, said('Hi there.', 3, false, 'customer-a')))).toEqual(['Hi there.', '~Hey']);
});

test('a result older than the speaker’s newest (late, or repeated) changes nothing', () => {
  const captions = run(said('Hello there.', 5));
  expect(caption(captions, said('Hel', 4, true))).toBe(captions);
  expect(caption(captions, said('Hello there.', 5))).toBe(captions);
});

test('the SDK’s event becomes a result of a known speaker with one line of words; else nothing', () => {
  const event = (transcription: string, participant = 'PA1'): TranscriptionEvent => ({
    transcription,
    partial_results: true,
    participant,
    sequence_number: 7,
    timestamp: '2026-12-03T00:00:00.000Z',
  });
  const identityOf = (sid: string) => (sid === 'PA1' ? 'customer-a' : undefined);
  expect(heardFrom(event('  Hello,\n there '), identityOf)).toEqual({
    identity: 'customer-a',
    text: 'Hello, there',
    partial: true,
    seq: 7,
    at: '2026-12-03T00:00:00.000Z',
  });
  expect(heardFrom(event(' \n '), identityOf)).toBeNull();
  expect(heardFrom(event('Hello', 'PA2'), identityOf)).toBeNull();
});
