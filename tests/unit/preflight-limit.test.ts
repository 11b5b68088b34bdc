import { PREFLIGHT_LIMIT, PREFLIGHT_WINDOW_MS, takePreflightQuota } from '../../src/core/preflight';
import { useInProcess } from '../support/in-process';

/** Preflight tokens are rate-limited per agent, with the count kept in Twilio Sync (issue 18, item
 * 6): in-process against the emulator. */

const env = useInProcess();

test('an agent gets ten preflight tokens a minute; the eleventh is 429 until the oldest leaves the window', async () => {
  const task = env.fake.seedTask();
  const agent = env.agentOf(task);
  const other = env.agentOf(env.fake.seedTask());
  const start = Date.now();
  const take = (who = agent, at = start) =>
    takePreflightQuota(env.deps().twilio, env.config.syncServiceSid, who, at);
  for (let i = 0; i < PREFLIGHT_LIMIT; i++) await take(agent, start + i * 1_000);
  const refused = await take(agent, start + 20_000).catch((err: unknown) => err);
  expect(refused).toMatchObject({ code: 'rate_limited', status: 429, retryAfterSeconds: 40 });
  // Another agent is not held back; nor is this one once the first token is a minute old.
  await expect(take(other, start + 20_000)).resolves.toBeUndefined();
  await expect(take(agent, start + PREFLIGHT_WINDOW_MS + 1)).resolves.toBeUndefined();
  await expect(take(agent, start + PREFLIGHT_WINDOW_MS + 2)).rejects.toMatchObject({ code: 'rate_limited' });
});

test('concurrent requests never both take the last place', async () => {
  const agent = env.agentOf(env.fake.seedTask());
  const now = Date.now();
  const outcomes = await Promise.allSettled(
    Array.from({ length: PREFLIGHT_LIMIT + 5 }, () =>
      takePreflightQuota(env.deps().twilio, env.config.syncServiceSid, agent, now),
    ),
  );
  expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBeLessThanOrEqual(PREFLIGHT_LIMIT);
});
