import { INVOCATION_BUDGET_MS } from '../../src/platform/twilio-client';
import { expectError, sequentialDepth } from '../support/expect';
import { useStack } from '../support/use-stack';

/** Twilio slow, throttled, failing; the bundle misconfigured. Every answer still comes in time
 * and in the contract's shape. */

const stack = useStack();

test('a 429 is retried and the escalate succeeds', async () => {
  const task = stack.seedTask();
  stack.fake.faults.push({
    method: 'POST',
    path: /^\/video\/v1\/Rooms$/,
    times: 2,
    status: 429,
    twilioCode: 20429,
  });
  const answer = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expect(answer.status).toBe(200);
  expect(
    stack.fake
      .callsTo('POST', /^\/video\/v1\/Rooms$/)
      .filter((c) => c.form.UniqueName === `flex-video-${task.taskSid}`),
  ).toHaveLength(3);
});

test('a 429 on the message create is retried too: Twilio stored nothing', async () => {
  const task = stack.seedTask();
  stack.fake.faults.push({ method: 'POST', path: /\/Messages$/, times: 1, status: 429 });
  const answer = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expect(answer.status).toBe(200);
  expect(stack.fake.noticesOf(task.conversationSid, 'invite')).toHaveLength(1);
});

test('lasting throttling ends in 503 upstream_unavailable with Retry-After', async () => {
  const task = stack.seedTask();
  stack.fake.faults.push({ path: /^\/taskrouter\//, times: Infinity, status: 429 });
  const answer = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expectError(answer, 503, 'upstream_unavailable');
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
});

test('lasting 5xx ends in 502 upstream_error after bounded retries', async () => {
  const task = stack.seedTask();
  const before = stack.fake.calls.length;
  stack.fake.faults.push({ method: 'POST', path: /^\/video\/v1\/Rooms$/, times: Infinity, status: 500 });
  expectError(
    await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid }),
    502,
    'upstream_error',
  );
  expect(stack.fake.callsTo('POST', /^\/video\/v1\/Rooms$/, before)).toHaveLength(3);
});

test('a dropped connection on a safe request is retried', async () => {
  const task = stack.seedTask();
  stack.fake.faults.push({ method: 'GET', path: /\/Tasks\/WT[0-9a-f]+$/, times: 1, drop: true });
  const answer = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expect(answer.status).toBe(200);
});

test('when every Twilio request takes 1.5 s, an escalate still answers: its round trips fit the budget', async () => {
  const task = stack.seedTask();
  const latencyMs = 1_500;
  stack.fake.latencyMs = latencyMs;
  const before = stack.fake.calls.length;
  const answer = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expect(answer.status).toBe(200);
  // The injected latency counted: no request was repeated, and the round trips in sequence fit
  // the invocation's budget (inside Twilio's 10 s) at that latency each.
  const calls = stack.fake.calls.slice(before);
  expect(calls).toHaveLength(5);
  expect(sequentialDepth(calls) * latencyMs).toBeLessThanOrEqual(INVOCATION_BUDGET_MS);
});

test('when Twilio hangs, the call gives up with 503 before Twilio would have answered at 10 s', async () => {
  const task = stack.seedTask();
  // Twilio's limit for a Function, as a latency: a hung request that the Function still waited
  // for when it answered would be marked answered by then.
  stack.fake.faults.push({ path: /^\/video\//, times: Infinity, delayMs: 10_000 });
  const before = stack.fake.calls.length;
  const answer = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expectError(answer, 503, 'upstream_unavailable');
  const hung = stack.fake.callsTo('POST', /^\/video\/v1\/Rooms$/, before);
  expect(hung.length).toBeGreaterThanOrEqual(1);
  expect(hung.filter((c) => c.answered > 0)).toEqual([]);
});

test('Twilio refusing the credentials is a 502 that names no secret', async () => {
  const task = stack.seedTask();
  stack.fake.faults.push({ path: /^\/taskrouter\//, times: Infinity, status: 401, twilioCode: 20003 });
  const answer = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expect(expectError(answer, 502, 'upstream_error').error.message).toMatch(/credentials/);
});

describe('misconfiguration', () => {
  const broken = useStack({ env: { TWILIO_API_KEY: '', VIDEO_RECORDING: 'sometimes' } });

  test.each(['/video/escalate', '/video/agent-token', '/video/complete', '/video/join'])(
    '%s answers 500 misconfigured naming the variable',
    async (endpoint) => {
      const answer = await broken.post(endpoint, { Token: 'x', TaskSid: `WT${'0'.repeat(32)}`, Invite: 'x' });
      expect(expectError(answer, 500, 'misconfigured').error.message).toMatch(
        /TWILIO_API_KEY|VIDEO_RECORDING/,
      );
      expect(broken.fake.calls).toHaveLength(0);
    },
  );
});
