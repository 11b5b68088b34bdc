import type { AssistChannel, AssistMessage, AssistType } from '../shared/assist-channel';
import { SNAPSHOT_ANSWER_TIMEOUT_MS, takePicture } from './snapshot';

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
  return { channel, sent, answer, listeners: () => handlers.get('snapshot-answer')?.size ?? 0 };
}

const api = {
  snapshotRequest: () => Promise.resolve({ ok: true as const, value: { requestId: REQUEST_ID } }),
};
const timers = () => {
  const pending: (() => void)[] = [];
  return {
    clock: {
      setTimeout: (callback: () => void, ms: number) => {
        expect(ms).toBe(SNAPSHOT_ANSWER_TIMEOUT_MS);
        pending.push(callback);
        return pending.length;
      },
      clearTimeout: () => undefined,
    },
    fire: () => pending.forEach((callback) => callback()),
  };
};

test('the request id goes to the customer page; its answer for that id (not another) is the result', async () => {
  const { channel, sent, answer, listeners } = fakeChannel();
  const result = takePicture(api, channel, timers().clock);
  await Promise.resolve();
  await Promise.resolve();
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
  const pending = takePicture(api, declined.channel, timers().clock);
  await Promise.resolve();
  await Promise.resolve();
  declined.answer({ type: 'snapshot-answer', requestId: REQUEST_ID, outcome: 'declined' });
  expect(await pending).toEqual({ kind: 'declined' });

  const silent = fakeChannel();
  const clock = timers();
  const unanswered = takePicture(api, silent.channel, clock.clock);
  await Promise.resolve();
  await Promise.resolve();
  clock.fire();
  expect(await unanswered).toEqual({ kind: 'no-answer' });

  expect(await takePicture(api, null, timers().clock)).toEqual({ kind: 'not-connected' });
  const refusing = {
    snapshotRequest: () =>
      Promise.resolve({
        ok: false as const,
        failure: { status: 403, code: 'snapshots_disabled', retryAfterSeconds: null },
      }),
  };
  const nothingSent = fakeChannel();
  expect(await takePicture(refusing, nothingSent.channel, timers().clock)).toEqual({
    kind: 'refused',
    code: 'snapshots_disabled',
  });
  expect(nothingSent.sent).toEqual([]);
});
