import type { AgentResult, ReportedResult } from '../shared/api';
import type { Heard } from '../shared/captions';
import { BATCH_MS, RETRY_MS, TranscriptReporter } from './transcript-reporter';

const clock = {
  now: () => Date.now(),
  setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
  clearTimeout: (handle: unknown) => clearTimeout(handle as number),
};
const heard = (seq: number, partial = false): Heard => ({
  identity: 'customer-abcdefghijklmnop',
  text: `words ${seq}`,
  partial,
  seq,
  at: new Date(seq * 1000).toISOString(),
});
const ok: AgentResult<unknown> = { ok: true, value: { kept: 1 } };
const failed = (status: number, code: string): AgentResult<unknown> => ({
  ok: false,
  failure: { status, code, retryAfterSeconds: status === 503 ? 1 : null },
});

function reporter(answers: AgentResult<unknown>[] = []) {
  const sent: number[][] = [];
  const send = (results: ReportedResult[]) => {
    sent.push(results.map((r) => r.Sequence));
    return Promise.resolve(answers.shift() ?? ok);
  };
  return { sent, reporter: new TranscriptReporter(send, clock) };
}
const settle = async (ms = 0) => {
  await jest.advanceTimersByTimeAsync(ms);
};

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('final results wait up to BATCH_MS and go in one report; partial ones never go', async () => {
  const { sent, reporter: r } = reporter();
  r.add(heard(1, true));
  r.add(heard(2));
  r.add(heard(3));
  await settle(BATCH_MS - 1);
  expect(sent).toEqual([]);
  await settle(1);
  expect(sent).toEqual([[2, 3]]);
});

test('a full report (20 results) goes at once, in the order heard, without waiting', async () => {
  const { sent, reporter: r } = reporter();
  for (let seq = 1; seq <= 20; seq++) r.add(heard(seq));
  await settle();
  expect(sent).toEqual([Array.from({ length: 20 }, (_, i) => i + 1)]);
  r.add(heard(21));
  await settle(BATCH_MS);
  expect(sent[1]).toEqual([21]);
});

test('flush sends what is held now, with the words, time and identity the contract takes', async () => {
  const results: ReportedResult[][] = [];
  const r = new TranscriptReporter((batch) => (results.push(batch), Promise.resolve(ok)), clock);
  r.add(heard(4));
  await r.flush();
  expect(results).toEqual([
    [
      {
        Participant: 'customer-abcdefghijklmnop',
        Text: 'words 4',
        Timestamp: '1970-01-01T00:00:04.000Z',
        Sequence: 4,
      },
    ],
  ]);
});

test('a report that fails for a passing reason is sent again; one refused outright is dropped', async () => {
  const { sent, reporter: r } = reporter([failed(503, 'upstream_unavailable'), ok, failed(404, 'no_room')]);
  r.add(heard(1));
  await r.flush();
  expect(sent).toEqual([[1]]);
  await settle(RETRY_MS);
  expect(sent).toEqual([[1], [1]]);
  r.add(heard(2));
  await r.flush();
  await settle(RETRY_MS + BATCH_MS);
  expect(sent).toEqual([[1], [1], [2]]);
});

test('stop forgets what is held', async () => {
  const { sent, reporter: r } = reporter();
  r.add(heard(1));
  r.stop();
  await settle(BATCH_MS * 2);
  expect(sent).toEqual([]);
});
