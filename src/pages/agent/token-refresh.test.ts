import type { AgentGrant, AgentResult } from '../shared/api';
import { MIN_VALIDITY_MS, refreshDelayMs, RETRY_AFTER_FAILURE_MS, TokenKeeper } from './token-refresh';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

test('a 4 h token is renewed ten minutes before it expires; a short one half-way through what is left', () => {
  expect(refreshDelayMs(4 * HOUR, 0)).toBe(4 * HOUR - 10 * MINUTE);
  expect(refreshDelayMs(10 * MINUTE, 0)).toBe(5 * MINUTE);
  expect(refreshDelayMs(1000, 0)).toBe(500);
  expect(refreshDelayMs(0, 5000)).toBe(0);
  expect(refreshDelayMs(100 * 24 * HOUR, 0)).toBe(2 ** 31 - 1);
});

/** A clock whose timers run when the test advances it. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; callback: () => void; id: number }[] = [];
  let nextId = 0;
  return {
    now: () => now,
    setTimeout: (callback: () => void, ms: number) => {
      timers.push({ at: now + ms, callback, id: ++nextId });
      return nextId;
    },
    clearTimeout: (id: unknown) => void (timers = timers.filter((t) => t.id !== id)),
    pending: () => timers.map((t) => t.at - now),
    async advance(ms: number) {
      now += ms;
      for (const due of timers.filter((t) => t.at <= now)) {
        timers = timers.filter((t) => t !== due);
        due.callback();
      }
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

const grant = (token: string, expiresAt: number): AgentGrant => ({
  token,
  identity: 'agent-WK0',
  roomName: 'r',
  roomSid: 'RM1',
  expiresAt,
});

function keeperWith(answers: AgentResult<AgentGrant>[]) {
  const clock = fakeClock();
  let fetches = 0;
  const keeper = new TokenKeeper(() => {
    fetches += 1;
    return Promise.resolve(
      answers.shift() ?? { ok: false, failure: { status: 0, code: 'offline', retryAfterSeconds: null } },
    );
  }, clock);
  return { keeper, clock, fetches: () => fetches };
}

test('the kept token is fetched again before it expires and used for the next connect', async () => {
  const { keeper, clock, fetches } = keeperWith([{ ok: true, value: grant('t2', 8 * HOUR) }]);
  keeper.keep(grant('t1', 4 * HOUR));
  expect(clock.pending()).toEqual([4 * HOUR - 10 * MINUTE]);
  expect(await keeper.tokenForConnect()).toEqual({ ok: true, value: grant('t1', 4 * HOUR) });
  expect(fetches()).toBe(0);

  await clock.advance(4 * HOUR - 10 * MINUTE);
  expect(fetches()).toBe(1);
  expect(await keeper.tokenForConnect()).toEqual({ ok: true, value: grant('t2', 8 * HOUR) });
  // Planned from the new token's expiry: 8 h - 3 h 50 min - 10 min.
  expect(clock.pending()).toEqual([4 * HOUR]);
  keeper.stop();
  expect(clock.pending()).toEqual([]);
});

test('a failed refresh is retried while the kept token still works; no_room stops it', async () => {
  const { keeper, clock, fetches } = keeperWith([
    { ok: false, failure: { status: 503, code: 'upstream_unavailable', retryAfterSeconds: 5 } },
    { ok: false, failure: { status: 404, code: 'no_room', retryAfterSeconds: null } },
  ]);
  keeper.keep(grant('t1', 20 * MINUTE));
  await clock.advance(10 * MINUTE);
  expect(fetches()).toBe(1);
  expect(clock.pending()).toEqual([RETRY_AFTER_FAILURE_MS]);
  await clock.advance(RETRY_AFTER_FAILURE_MS);
  expect(fetches()).toBe(2);
  expect(clock.pending()).toEqual([]);
});

test('a token about to expire, or one Twilio refused, is replaced before connecting', async () => {
  const { keeper, clock, fetches } = keeperWith([
    { ok: true, value: grant('t2', 4 * HOUR) },
    { ok: true, value: grant('t3', 4 * HOUR) },
  ]);
  keeper.keep(grant('t1', MIN_VALIDITY_MS + 1000));
  await clock.advance(2000);
  // Less than a minute left: not used, though its planned refresh has not run yet.
  const fresh = await keeper.tokenForConnect();
  expect(fresh.ok && fresh.value.token).toBe('t2');
  expect(fetches()).toBe(1);
  const forced = await keeper.tokenForConnect(true);
  expect(forced.ok && forced.value.token).toBe('t3');
  expect(fetches()).toBe(2);
});

test('without a kept token, connecting fetches one', async () => {
  const { keeper, fetches } = keeperWith([{ ok: true, value: grant('t1', 4 * HOUR) }]);
  const result = await keeper.tokenForConnect();
  expect(result.ok && result.value.token).toBe('t1');
  expect(fetches()).toBe(1);
});
