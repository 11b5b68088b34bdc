import { createHash } from 'node:crypto';
import { validateFlexToken } from '../../src/platform/flex-auth';
import { useInProcess } from '../support/in-process';

/** Anonymous callers cost nothing (issue 18, item 3): the real validation, in-process against the
 * emulator, which records every request. */

const env = useInProcess();
const iamCalls = (since: number) => env.fake.calls.slice(since).filter((call) => call.subdomain === 'iam');

/** A hundred tokens of every shape a caller can make up, none a compact JWE with a JSON header. */
function garbageTokens(): string[] {
  const digest = (i: number) => createHash('sha256').update(String(i)).digest('base64url');
  const jwt = (i: number) =>
    `${Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')}.${digest(i)}.${digest(i + 1)}`;
  return Array.from({ length: 100 }, (_, i) => {
    switch (i % 5) {
      case 0:
        return digest(i).repeat((i % 7) + 1);
      case 1:
        return jwt(i);
      case 2:
        return `${digest(i)}..${digest(i)}.${digest(i)}.${digest(i)}`;
      case 3:
        return `${digest(i)}.${digest(i)}.${digest(i)}.${digest(i)}`;
      default:
        return `flex-${digest(i)} ${i}`;
    }
  });
}

test('a hundred tokens not shaped like Flex tokens are 401 without one request to IAM', async () => {
  const { twilio } = env.deps();
  const before = env.fake.calls.length;
  const tokens = garbageTokens();
  expect(new Set(tokens).size).toBe(100);
  for (const token of tokens) {
    await expect(validateFlexToken(twilio, env.config.accountSid, token)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  }
  expect(iamCalls(before)).toEqual([]);
});

test('a Flex-shaped token still goes to IAM, once', async () => {
  const task = env.fake.seedTask();
  const before = env.fake.calls.length;
  await expect(
    validateFlexToken(env.deps().twilio, env.config.accountSid, task.token),
  ).resolves.toMatchObject({
    workerSid: task.workerSid,
  });
  expect(iamCalls(before)).toHaveLength(1);
});

test('a 429 from IAM is not retried: 503 upstream_unavailable with a Retry-After', async () => {
  const task = env.fake.seedTask();
  env.fake.faults.push({
    method: 'POST',
    path: /Tokens\/validate$/,
    times: 3,
    status: 429,
    twilioCode: 20429,
  });
  const before = env.fake.calls.length;
  const failure = await validateFlexToken(env.deps().twilio, env.config.accountSid, task.token).catch(
    (err: unknown) => err,
  );
  expect(failure).toMatchObject({ code: 'upstream_unavailable', status: 503, retryAfterSeconds: 2 });
  expect(iamCalls(before)).toHaveLength(1);
});
