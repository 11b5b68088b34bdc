import { flexShapedToken, newSid } from '../../dev/emulator';
import { expectError } from '../support/expect';
import { useStack } from '../support/use-stack';

/** Every authentication and authorization outcome of docs/openapi.yaml, on every agent endpoint. */

const stack = useStack();

const AGENT_ENDPOINTS = [
  '/video/escalate',
  '/video/agent-token',
  '/video/agent-call',
  '/video/complete',
  '/video/recording',
  '/video/recordings',
  '/video/remove-participant',
  '/video/preflight-token',
  '/video/snapshot-request',
];
/** What each endpoint needs besides Token and TaskSid to get past validation. */
const EXTRA: Record<string, Record<string, string>> = {
  '/video/recording': { Action: 'status' },
  '/video/remove-participant': { Identity: 'customer-AAAAAAAAAAAAAAAA' },
};

describe.each(AGENT_ENDPOINTS)('%s', (endpoint) => {
  const post = (body: Record<string, unknown>) => stack.post(endpoint, { ...EXTRA[endpoint], ...body });

  test('an unknown or expired Flex token is 401 after the token check alone: no task, room or Sync read', async () => {
    const task = stack.seedTask();
    const before = stack.fake.calls.length;
    expectError(await post({ Token: flexShapedToken(), TaskSid: task.taskSid }), 401, 'unauthenticated');
    expect(stack.fake.calls.slice(before).map((c) => `${c.method} ${c.subdomain}${c.template}`)).toEqual([
      'POST iam/v1/Accounts/{AccountSid}/Tokens/validate',
    ]);
  });

  test('a token not shaped like a Flex token is 401 before any Twilio call', async () => {
    const task = stack.seedTask();
    const before = stack.fake.calls.length;
    expectError(await post({ Token: 'not-a-flex-token', TaskSid: task.taskSid }), 401, 'unauthenticated');
    expect(stack.fake.calls.length).toBe(before);
  });

  test('a missing, null or empty token is 401 before any Twilio call', async () => {
    const task = stack.seedTask();
    const before = stack.fake.calls.length;
    for (const Token of [undefined, null, '', '   '])
      expectError(await post({ Token, TaskSid: task.taskSid }), 401, 'unauthenticated');
    expect(stack.fake.calls.length).toBe(before);
  });

  test('a task that is not in the workspace is 403 to an agent, the same answer as another’s task; 404 to a supervisor', async () => {
    const task = stack.seedTask();
    const theirs = stack.seedTask();
    const missing = expectError(await post({ Token: task.token, TaskSid: newSid('WT') }), 403, 'forbidden');
    const notMine = expectError(await post({ Token: task.token, TaskSid: theirs.taskSid }), 403, 'forbidden');
    expect(missing).toEqual(notMine);
    const supervisor = stack.fake.addFlexUser({ identity: 'lead@example.com', roles: ['supervisor'] });
    expectError(await post({ Token: supervisor, TaskSid: newSid('WT') }), 404, 'task_not_found');
  });

  test("another worker's task is 403 forbidden", async () => {
    const mine = stack.seedTask();
    const theirs = stack.seedTask();
    expectError(await post({ Token: mine.token, TaskSid: theirs.taskSid }), 403, 'forbidden');
  });

  test('a user without a worker is 403 forbidden', async () => {
    const task = stack.seedTask();
    const token = stack.fake.addFlexUser({ identity: 'viewer@example.com', roles: ['agent'] });
    const before = stack.fake.calls.length;
    expectError(await post({ Token: token, TaskSid: task.taskSid }), 403, 'forbidden');
    // Nothing to check against: refused without reading the task.
    expect(stack.fake.calls.slice(before).map((c) => c.subdomain)).toEqual(['iam']);
  });

  test.each(['admin', 'supervisor'])('the %s role may act on any task', async (role) => {
    const task = stack.seedTask();
    const token = stack.fake.addFlexUser({
      identity: `${role}@example.com`,
      worker_sid: newSid('WK'),
      roles: [role],
    });
    const answer = await post({ Token: token, TaskSid: task.taskSid });
    // Without a room yet, the endpoints that act on one answer 404 no_room: past authorization.
    const needsRoom = ['/video/agent-token', '/video/recording', '/video/remove-participant'].includes(
      endpoint,
    );
    // This stack's VIDEO_SNAPSHOTS is off (the default): refused by policy, past authorization.
    if (endpoint === '/video/snapshot-request') expectError(answer, 403, 'snapshots_disabled');
    else if (needsRoom) expectError(answer, 404, 'no_room');
    else expect(answer.status).toBe(200);
  });
});

test('a task re-routed through many workers: the holder is found whatever its reservation count, asking for their reservations only', async () => {
  const task = stack.seedTask({ reservationStatus: 'timeout' });
  for (let i = 0; i < 120; i++)
    stack.fake.addReservation(task.taskSid, newSid('WK'), i % 2 ? 'rejected' : 'timeout');
  stack.fake.addReservation(task.taskSid, task.workerSid, 'accepted');
  const before = stack.fake.calls.length;
  const answer = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expect(answer.status).toBe(200);
  const listed = stack.fake.callsTo('GET', /\/Reservations$/, before);
  expect(listed.map((c) => c.query.WorkerSid)).toEqual([task.workerSid]);
});

test.each(['pending', 'rejected', 'timeout', 'canceled', 'rescinded', 'wrapping', 'completed'])(
  'escalate and agent-token need an accepted reservation, not a %s one',
  async (status) => {
    const task = stack.seedTask({ reservationStatus: status });
    expectError(
      await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid }),
      403,
      'forbidden',
    );
    expectError(
      await stack.post('/video/agent-token', { Token: task.token, TaskSid: task.taskSid }),
      403,
      'forbidden',
    );
  },
);

test('complete accepts a wrapping reservation and answers roomSid null for a task that never had a room', async () => {
  const task = stack.seedTask({ reservationStatus: 'wrapping' });
  const answer = await stack.post('/video/complete', { Token: task.token, TaskSid: task.taskSid });
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({ completed: true, roomSid: null });
  expectError(
    await stack.post('/video/complete', {
      Token: stack.seedTask({ reservationStatus: 'completed' }).token,
      TaskSid: task.taskSid,
    }),
    403,
    'forbidden',
  );
});

test('a task without a conversationSid attribute is 409 no_conversation, and no room is made', async () => {
  const task = stack.seedTask({ attributes: { channelType: 'voice', from: '+15550100' } });
  const before = stack.fake.rooms.length;
  expectError(
    await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid }),
    409,
    'no_conversation',
  );
  expect(stack.fake.rooms.length).toBe(before);
  const malformed = stack.seedTask({ attributes: { conversationSid: 'not-a-sid' } });
  expectError(
    await stack.post('/video/escalate', { Token: malformed.token, TaskSid: malformed.taskSid }),
    409,
    'no_conversation',
  );
});

test('the conversation is the task attribute, never a parameter of the caller', async () => {
  const task = stack.seedTask();
  const elsewhere = stack.fake.addConversation();
  const answer = await stack.post('/video/escalate', {
    Token: task.token,
    TaskSid: task.taskSid,
    ConversationSid: elsewhere,
  });
  expect(answer.status).toBe(200);
  expect(stack.fake.messages(elsewhere)).toHaveLength(0);
  expect(stack.fake.noticesOf(task.conversationSid, 'invite')).toHaveLength(1);
});

test('a body parameter named "request" cannot forge headers or break the handler', async () => {
  const task = stack.seedTask();
  const answer = await stack.post(
    '/video/agent-token',
    { Token: task.token, TaskSid: task.taskSid, request: { headers: { origin: 'https://evil.example' } } },
    { origin: 'https://flex.twilio.com' },
  );
  expect([200, 404]).toContain(answer.status);
  expect(answer.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
});
