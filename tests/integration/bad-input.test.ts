import { expectError } from '../support/expect';
import type { SeededTask } from '../support/stack';
import { useStack } from '../support/use-stack';

/** Malformed input on every endpoint: a 4xx in the contract's shape, and not one Twilio call. */

const stack = useStack();
let task: SeededTask;
beforeAll(() => {
  task = stack.seedTask();
});

const HEX = 'a'.repeat(32);
type Body = Record<string, unknown>;
interface Case {
  name: string;
  body: Body;
  form?: boolean;
}

/** Malformed values of one parameter, as JSON (any type) and as form strings. */
function variants(param: string, base: () => Body, jsonValues: unknown[], formValues: string[]): Case[] {
  const without = () => {
    const body = base();
    delete body[param];
    return body;
  };
  return [
    { name: `${param} missing (JSON)`, body: without() },
    { name: `${param} missing (form)`, body: without(), form: true },
    ...jsonValues.map((value) => ({ name: `${param}=${JSON.stringify(value)?.slice(0, 40)} (JSON)`, body: { ...base(), [param]: value } })),
    ...formValues.map((value) => ({ name: `${param}=${value.slice(0, 40)} (form)`, body: { ...base(), [param]: value }, form: true })),
  ];
}

// Cases are listed before the stack starts: these stand for the seeded task's real values.
const TOKEN = '<seeded token>';
const TASK = '<seeded task>';
const agentBase = () => ({ Token: TOKEN, TaskSid: TASK });
const seeded = (body: Body): Body =>
  Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v === TOKEN ? task.token : v === TASK ? task.taskSid : v]));

const tokenCases = () =>
  variants('Token', agentBase, ['', 12345, true, null, [], ['a', 'b'], { token: 'x' }, 'x'.repeat(8193)], ['', 'x'.repeat(9000)]);

const taskSidCases = () =>
  variants(
    'TaskSid',
    agentBase,
    ['', 'WT123', `XX${HEX}`, `WT${HEX}0`, `WT${'g'.repeat(32)}`, `wt${HEX}`, ` WT${HEX}`, `WT${HEX}\n`, 42, true, null, [`WT${HEX}`], { sid: `WT${HEX}` }, `WT${HEX}/../x`, 'W'.repeat(100_000)],
    ['', 'WT123', `RM${HEX}`, `WT${HEX} `, 'WT%00', '../../etc/passwd'],
  );

const resendCases = () =>
  variants('Resend', agentBase, ['yes', 1, 0, 'TRUE', [], { value: true }, null], ['yes', '1', 'on']).filter((c) => !c.name.includes('missing'));

function sendAll(endpoint: string, cases: Case[]) {
  test.each(cases.map((c) => [c.name, c] as const))(`${endpoint}: %s → 400`, async (_name, c) => {
    const before = stack.fake.calls.length;
    // A form body carries strings only; objects and arrays are sent as JSON above.
    const answer = await stack.post(endpoint, seeded(c.body), { form: c.form });
    expectError(answer, 400, 'invalid_request');
    expect(stack.fake.calls.length).toBe(before);
  });
}

describe('/video/escalate', () => sendAll('/video/escalate', [...tokenCases(), ...taskSidCases(), ...resendCases()]));
describe('/video/agent-token', () => sendAll('/video/agent-token', [...tokenCases(), ...taskSidCases()]));
describe('/video/complete', () => sendAll('/video/complete', [...tokenCases(), ...taskSidCases()]));

const joinBase = () => ({ Invite: `RM${HEX}.${'A'.repeat(16)}.1.${'B'.repeat(43)}` });
describe('/video/join', () =>
  sendAll('/video/join', [
    ...variants('Invite', joinBase, ['', 7, false, null, ['x'], { invite: 'x' }, 'i'.repeat(481), 'i'.repeat(1_000_000)], ['', 'i'.repeat(5_000)]),
    ...variants('Name', joinBase, ['N'.repeat(65), 12, true, ['Ana'], { first: 'Ana' }, 'é'.repeat(65)], ['N'.repeat(65), 'x'.repeat(10_000)]).filter(
      (c) => !c.name.includes('missing'),
    ),
  ]));

describe('bodies that are not parameters at all', () => {
  const endpoints = ['/video/escalate', '/video/agent-token', '/video/complete', '/video/join'];
  test.each(endpoints)('%s: an empty body, a JSON array, a JSON string, a nested request object → 400', async (endpoint) => {
    const before = stack.fake.calls.length;
    for (const raw of ['', '[]', '[1,2,3]', '"TaskSid"', 'null', '{"request":{"headers":5}}']) {
      const answer = await stack.post(endpoint, raw, { headers: { 'Content-Type': 'application/json' } });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      if (answer.body?.error) expectError(answer, 400, 'invalid_request');
    }
    expect(stack.fake.calls.length).toBe(before);
  });

  // Unparseable JSON never reaches a Function: the runtime's body parser refuses it. Locally
  // twilio-run answers with its own development error page, which the bundle cannot shape.
  test.each(endpoints)('%s: unparseable JSON is refused with a 4xx before the function runs', async (endpoint) => {
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
