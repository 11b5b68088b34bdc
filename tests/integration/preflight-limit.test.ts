import { iso } from '../../dev/emulator';
import { expectError } from '../support/expect';
import { useStack } from '../support/use-stack';

/** Over HTTP: the eleventh preflight token of a minute is 429 in the contract's shape, with
 * Retry-After (the counting itself is tested in-process, tests/unit/preflight-limit.test.ts). */

const stack = useStack();

test('an agent who took ten preflight tokens this minute gets 429 rate_limited with Retry-After', async () => {
  const task = stack.seedTask();
  const first = await stack.post('/video/preflight-token', { Token: task.token, TaskSid: task.taskSid });
  expect(first.status).toBe(200);
  // Nine more, as Twilio holds them: the count is the Sync document the first one wrote.
  const document = [...stack.fake.documents.values()].find((d) =>
    d.unique_name?.startsWith('video-preflight-'),
  );
  expect(document).toBeDefined();
  document!.data = { issuedAt: Array.from({ length: 10 }, () => Date.now() - 5_000) };
  document!.date_updated = iso();
  const refused = await stack.post('/video/preflight-token', { Token: task.token, TaskSid: task.taskSid });
  expectError(refused, 429, 'rate_limited');
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  // Another agent is not held back.
  const other = stack.seedTask();
  expect(
    (await stack.post('/video/preflight-token', { Token: other.token, TaskSid: other.taskSid })).status,
  ).toBe(200);
}, 300_000);
