import type { AssistChannel, AssistMessage, AssistType } from '../shared/assist-channel';
import { SNAPSHOT_ANSWER_TIMEOUT_MS, SNAPSHOT_RECEIPT_TIMEOUT_MS, takePicture } from './snapshot';

const REQUEST_ID = 'Q'.repeat(22);

/** A channel that records what is sent and delivers what the test says the customer's page answers. */
function fakeChannel() {
  const sent: AssistMessage[] = [];
  const handlers = new Map<AssistType, Set<(message: AssistMessage) => void>>();
  const channel: AssistChannel = {
    send: (message) => (sent.push(message), true),
    setState: () => undefined,
    on: (type, handler) => {
      const set = handlers.get(type) ?? new Set();
      handlers.set(type, set);
      const stored = handler as unknown as (message: AssistMessage) => void;
      set.add(stored);
      return () => set.delete(stored);
    },
    close: () => undefined,
  };
  const answer = (message: AssistMessage) =>
    handlers.get(message.type)?.forEach((handler) => handler(message));
  const listeners = () =>
    (handlers.get('snapshot-answer')?.size ?? 0) + (handlers.get('snapshot-received')?.size ?? 0);
  return { channel, sent, answer, listeners };
}

const api = {
  snapshotRequest: () => Promise.resolve({ ok: true as const, value: { requestId: REQUEST_ID } }),
};
/** The real timer functions, which jest's fake timers replace in each test. */
const clock = {
  setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
  clearTimeout: (handle: unknown) => clearTimeout(handle as NodeJS.Timeout),
};
/** Lets takePicture's awaited request settle and its listeners be in place. */
const settled = async () => {
  await Promise.resolve();
  await Promise.resolve();
};

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('the request id goes to the customer page; its answer for that id (not another) is the result', async () => {
  const { channel, sent, answer, listeners } = fakeChannel();
  const result = takePicture(api, channel, clock);
  await settled();
  expect(sent).toEqual([{ type: 'snapshot-request', requestId: REQUEST_ID }]);
  answer({ type: 'snapshot-answer', requestId: 'X'.repeat(22), outcome: 'declined' });
  answer({
    type: 'snapshot-answer',
    requestId: REQUEST_ID,
    outcome: 'posted',
    width: 1280,
    height: 720,
    bytes: 5,
  });
  expect(await result).toEqual({ kind: 'posted', width: 1280, height: 720, bytes: 5 });
  expect(listeners()).toBe(0);
});

test('a decline, silence, no channel and a refusal by the service each say so', async () => {
  const declined = fakeChannel();
  const pending = takePicture(api, declined.channel, clock);
  await settled();
  declined.answer({ type: 'snapshot-answer', requestId: REQUEST_ID, outcome: 'declined' });
  expect(await pending).toEqual({ kind: 'declined' });

  const silent = fakeChannel();
  const unanswered = takePicture(api, silent.channel, clock);
  await settled();
  silent.answer({ type: 'snapshot-received', requestId: REQUEST_ID });
  jest.advanceTimersByTime(SNAPSHOT_ANSWER_TIMEOUT_MS);
  expect(await unanswered).toEqual({ kind: 'no-answer' });

  expect(await takePicture(api, null, clock)).toEqual({ kind: 'not-connected' });
  const refusing = {
    snapshotRequest: () =>
      Promise.resolve({
        ok: false as const,
        failure: { status: 403, code: 'snapshots_disabled', retryAfterSeconds: null },
      }),
  };
  const nothingSent = fakeChannel();
  expect(await takePicture(refusing, nothingSent.channel, clock)).toEqual({
    kind: 'refused',
    code: 'snapshots_disabled',
  });
  expect(nothingSent.sent).toEqual([]);
});

test('the customer page’s receipt is reported at once; without one the request did not reach it', async () => {
  const acknowledged = fakeChannel();
  let received = 0;
  const pending = takePicture(api, acknowledged.channel, clock, () => (received += 1));
  await settled();
  // A receipt for another request is not this one's.
  acknowledged.answer({ type: 'snapshot-received', requestId: 'X'.repeat(22) });
  expect(received).toBe(0);
  acknowledged.answer({ type: 'snapshot-received', requestId: REQUEST_ID });
  expect(received).toBe(1);
  // Acknowledged: the receipt's deadline no longer applies; the customer may take their time.
  jest.advanceTimersByTime(SNAPSHOT_ANSWER_TIMEOUT_MS - 1);
  acknowledged.answer({ type: 'snapshot-answer', requestId: REQUEST_ID, outcome: 'declined' });
  expect(await pending).toEqual({ kind: 'declined' });
  expect(jest.getTimerCount()).toBe(0);

  const unheard = fakeChannel();
  const lost = takePicture(api, unheard.channel, clock, () => (received += 1));
  await settled();
  jest.advanceTimersByTime(SNAPSHOT_RECEIPT_TIMEOUT_MS - 1);
  let result: unknown = null;
  void lost.then((value) => (result = value));
  await settled();
  expect(result).toBeNull();
  jest.advanceTimersByTime(1);
  expect(await lost).toEqual({ kind: 'not-received' });
  expect(unheard.listeners()).toBe(0);
  expect(jest.getTimerCount()).toBe(0);
  // A receipt after the agent was told is not reported.
  unheard.answer({ type: 'snapshot-received', requestId: REQUEST_ID });
  expect(received).toBe(1);
});
