import { expectError, isApiError } from '../support/expect';
import { CUSTOMER_ENDPOINTS, Expected, MALFORMED, NOT_PARAMETERS, withSeeded } from '../support/malformed';
import type { SeededTask } from '../support/stack';
import { useStack } from '../support/use-stack';

/** Malformed input on every endpoint: a 4xx in the contract's shape, and not one Twilio call. */

const stack = useStack();
let task: SeededTask;
beforeAll(() => {
  task = stack.seedTask();
});

describe.each(Object.keys(MALFORMED))('%s', (endpoint) => {
  test.each(MALFORMED[endpoint].map((c) => [`${c.name} → ${c.expected[0]}`, c] as const))(
    '%s',
    async (_name, c) => {
      const before = stack.fake.calls.length;
      // A form body carries strings only; objects and arrays are sent as JSON.
      const answer = await stack.post(endpoint, withSeeded(c.body, task), { form: c.form });
      expectError(answer, c.expected[0], c.expected[1]);
      expect(stack.fake.calls.length).toBe(before);
    },
  );

  test('bodies that are not parameters at all → 4xx', async () => {
    const before = stack.fake.calls.length;
    const [status, code]: Expected = CUSTOMER_ENDPOINTS.includes(endpoint)
      ? [400, 'invalid_request']
      : [401, 'unauthenticated'];
    for (const raw of NOT_PARAMETERS) {
      const answer = await stack.post(endpoint, raw, { headers: { 'Content-Type': 'application/json' } });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      // twilio-run itself may refuse some of these before the Function runs, without our body.
      if (isApiError(answer.json)) expectError(answer, status, code);
    }
    expect(stack.fake.calls.length).toBe(before);
  });

  // Unparseable JSON never reaches a Function: the runtime's body parser refuses it. Locally
  // twilio-run answers with its own development error page, which the bundle cannot shape.
  test('unparseable JSON is refused with a 4xx before the function runs', async () => {
    const before = stack.fake.calls.length;
    for (const raw of ['{', '{"Token": }', '\u0000\u0001', '{"a":'.repeat(1000)]) {
      const answer = await stack.post(endpoint, raw, { headers: { 'Content-Type': 'application/json' } });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.text).not.toMatch(/fake-auth-token|fake-api-secret/);
    }
    expect(stack.fake.calls.length).toBe(before);
  });
});

test('/video/recording: Action given twice (form) is malformed', async () => {
  const before = stack.fake.calls.length;
  const twice = `Token=${encodeURIComponent(task.token)}&TaskSid=${task.taskSid}&Action=start&Action=stop`;
  expectError(
    await stack.post('/video/recording', twice, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    }),
    400,
    'invalid_request',
  );
  expect(stack.fake.calls.length).toBe(before);
});
