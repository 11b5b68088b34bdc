import {
  answeredBefore,
  expectError,
  inviteOf,
  OVERLAP_LATENCY_MS,
  sequentialDepth,
} from '../support/expect';
import { escalated as escalatedTask } from '../support/escalated';
import { decodeJwt } from '../support/jwt';
import type { HttpAnswer, SeededTask } from '../support/stack';
import { useStack } from '../support/use-stack';

/** The core flow of docs/openapi.yaml against the spec-checking fake, through real twilio-run.
 * Every request is a cold start: the flow holds with nothing kept in memory between calls (the
 * other suites run on a warm instance, as Twilio mostly answers). */

const stack = useStack({ coldStarts: true });

/** The task's chat holds one invite, `answer` names it, and a further escalate finds it rather
 * than posting another. */
async function expectOneInvite(task: SeededTask, answer: HttpAnswer<'/video/escalate'>): Promise<void> {
  const invites = stack.fake.noticesOf(task.conversationSid, 'invite');
  expect(invites).toHaveLength(1);
  expect(answer.body.messageSid).toBe(invites[0].sid);
  const again = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expect(again.body).toMatchObject({ inviteStatus: 'already-posted', messageSid: invites[0].sid });
  expect(stack.fake.noticesOf(task.conversationSid, 'invite')).toHaveLength(1);
}

test('escalate → invite in the chat → customer joins from the link → agent token again → complete → join refused', async () => {
  const task = stack.seedTask();
  const escalated = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expect(escalated.status).toBe(200);
  const body = escalated.body;
  expect(body).toMatchObject({
    created: true,
    roomName: `flex-video-${task.taskSid}`,
    inviteStatus: 'posted',
  });
  expect(body.roomSid).toMatch(/^RM[0-9a-f]{32}$/);
  expect(body.joinUrl).toMatch(new RegExp(`^${stack.baseUrl}/join\\.html#invite=`));

  // The room, as Twilio was asked to make it.
  const room = stack.fake.rooms.find((r) => r.sid === body.roomSid)!;
  expect(room).toMatchObject({
    unique_name: body.roomName,
    type: 'group',
    status_callback: `${stack.baseUrl}/video/callbacks/room-status`,
  });

  // The invite, as the customer sees it.
  const invites = stack.fake.noticesOf(task.conversationSid, 'invite');
  expect(invites).toHaveLength(1);
  expect(invites[0].sid).toBe(body.messageSid);
  expect(JSON.parse(invites[0].attributes)).toEqual({
    videoEscalation: { roomSid: body.roomSid, kind: 'invite' },
  });
  const linkInChat = /https?:\/\/\S+#invite=\S+/.exec(invites[0].body!)![0];
  expect(linkInChat).toBe(body.joinUrl);
  expect(invites[0].body!.length).toBeLessThanOrEqual(1600);

  // The agent's token: bound to the room, its exp reported.
  const agentClaims = decodeJwt(body.agent.token);
  expect(agentClaims.grants).toEqual({ identity: body.agent.identity, video: { room: body.roomSid } });
  expect(body.agent.identity).toMatch(/^agent-[0-9a-f]{40}$/);
  expect(body.agent.identity).not.toContain(task.workerSid);
  expect(body.agent.roomName).toBe(body.roomName);
  expect(new Date(body.agent.expiresAt).getTime()).toBe(agentClaims.exp * 1000);

  // The join page is served at the link.
  const page = await fetch(body.joinUrl);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toContain('text/html');

  // The customer joins with the invite from the chat.
  const joined = await stack.post('/video/join', { Invite: inviteOf(linkInChat), Name: 'Ana Lima' });
  expect(joined.status).toBe(200);
  expect(joined.body).toMatchObject({ roomName: body.roomName });
  expect(joined.body.identity).toMatch(/^customer-[A-Za-z0-9_-]{16}$/);
  const customerClaims = decodeJwt(joined.body.token);
  expect(customerClaims.grants.video).toEqual({ room: body.roomSid });
  expect(customerClaims.grants.identity).toBe(joined.body.identity);
  expect(customerClaims.exp - customerClaims.iat).toBeLessThanOrEqual(24 * 3600);
  expect(new Date(joined.body.expiresAt).getTime()).toBe(customerClaims.exp * 1000);

  // The agent's panel opens on the task again: its call, with the same identity and room.
  const opened = await stack.post('/video/agent-call', { Token: task.token, TaskSid: task.taskSid });
  expect(opened.body.call).toMatchObject({
    identity: body.agent.identity,
    roomName: body.roomName,
    roomSid: body.roomSid,
  });

  // The agent reloads: same identity, same room.
  const again = await stack.post('/video/agent-token', { Token: task.token, TaskSid: task.taskSid });
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({
    identity: body.agent.identity,
    roomName: body.roomName,
    roomSid: body.roomSid,
  });
  expect(decodeJwt(again.body.token).grants.video).toEqual({ room: body.roomSid });

  // The agent completes: the room ends, the customer is told once, the link stops working.
  const completed = await stack.post('/video/complete', { Token: task.token, TaskSid: task.taskSid });
  expect(completed.status).toBe(200);
  expect(completed.body).toEqual({ completed: true, roomSid: body.roomSid });
  expect(room.status).toBe('completed');
  const repeat = await stack.post('/video/complete', { Token: task.token, TaskSid: task.taskSid });
  expect(repeat.status).toBe(200);
  expect(repeat.body).toEqual({ completed: true, roomSid: body.roomSid });
  expect(stack.fake.noticesOf(task.conversationSid, 'session-ended', body.roomSid)).toHaveLength(1);

  expectError(await stack.post('/video/join', { Invite: inviteOf(linkInChat) }), 410, 'session_ended');
  expectError(
    await stack.post('/video/agent-token', { Token: task.token, TaskSid: task.taskSid }),
    404,
    'no_room',
  );
  // A panel opening on the task now learns there is no call, without an error.
  expect((await stack.post('/video/agent-call', { Token: task.token, TaskSid: task.taskSid })).body).toEqual({
    call: null,
  });

  // Escalating again opens a new room for the same task, with its own invite.
  const second = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expect(second.status).toBe(200);
  expect(second.body.created).toBe(true);
  expect(second.body.roomSid).not.toBe(body.roomSid);
  expect(stack.fake.noticesOf(task.conversationSid, 'invite')).toHaveLength(2);
  expectError(await stack.post('/video/join', { Invite: inviteOf(linkInChat) }), 410, 'session_ended');
});

test('a first escalate makes 5 Twilio calls, 4 of them in sequence: the token check alone comes first', async () => {
  const task = stack.seedTask();
  // Latency makes overlap visible: calls sent together are all in flight at once.
  stack.fake.latencyMs = OVERLAP_LATENCY_MS;
  const before = stack.fake.calls.length;
  const answer = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expect(answer.status).toBe(200);
  const calls = stack.fake.calls.slice(before);
  expect(calls.map((c) => `${c.method} ${c.subdomain}${c.template}`).sort()).toEqual([
    'GET taskrouter/v1/Workspaces/{WorkspaceSid}/Tasks/{Sid}',
    'GET taskrouter/v1/Workspaces/{WorkspaceSid}/Tasks/{TaskSid}/Reservations',
    'POST conversations/v1/Conversations/{ConversationSid}/Messages',
    'POST iam/v1/Accounts/{AccountSid}/Tokens/validate',
    'POST video/v1/Rooms',
  ]);
  expect(sequentialDepth(calls)).toBe(4);
  const validated = calls.find((c) => c.subdomain === 'iam')!;
  expect(calls.filter((c) => c !== validated).every((c) => answeredBefore(validated, c))).toBe(true);
});

test('ten concurrent escalates share one room and post one invite', async () => {
  const task = stack.seedTask();
  stack.fake.latencyMs = 50;
  const answers = await Promise.all(
    Array.from({ length: 10 }, () =>
      stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid }),
    ),
  );
  for (const answer of answers) expect(answer.status).toBe(200);
  expect(new Set(answers.map((a) => a.body.roomSid)).size).toBe(1);
  expect(answers.filter((a) => a.body.created)).toHaveLength(1);
  expect(stack.fake.rooms.filter((r) => r.unique_name === `flex-video-${task.taskSid}`)).toHaveLength(1);
  const invites = stack.fake.noticesOf(task.conversationSid, 'invite');
  expect(invites).toHaveLength(1);
  // The creator posted the invite; the others found it or saw it being posted.
  expect(answers.find((a) => a.body.created)!.body.messageSid).toBe(invites[0].sid);
  for (const answer of answers) expect([null, invites[0].sid]).toContain(answer.body.messageSid);

  const later = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expect(later.status).toBe(200);
  expect(later.body.created).toBe(false);
  await expectOneInvite(task, later);
});

test('an invite that failed after the room was created is posted by the next escalate', async () => {
  const task = stack.seedTask();
  stack.fake.faults.push({ method: 'POST', path: /\/Messages$/, times: 1, status: 500 });
  const failed = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expect([502, 503]).toContain(failed.status);
  expectError(failed, failed.status, failed.status === 502 ? 'upstream_error' : 'upstream_unavailable');
  expect(stack.fake.rooms.filter((r) => r.unique_name === `flex-video-${task.taskSid}`)).toHaveLength(1);
  expect(stack.fake.noticesOf(task.conversationSid, 'invite')).toHaveLength(0);

  const recovered = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expect(recovered.status).toBe(200);
  expect(recovered.body).toMatchObject({ created: false, inviteStatus: 'posted' });
  await expectOneInvite(task, recovered);
});

test('a message Twilio stored but whose answer was lost is found, not posted twice', async () => {
  const task = stack.seedTask();
  stack.fake.faults.push({ method: 'POST', path: /\/Messages$/, times: 1, status: 502, afterApplying: true });
  const answer = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expect(answer.status).toBe(200);
  await expectOneInvite(task, answer);
});

test('a message stored after its request timed out is found by the next escalate', async () => {
  const task = stack.seedTask();
  // Twilio stores the message only after the bundle gave up waiting (3 s per attempt).
  stack.fake.faults.push({ method: 'POST', path: /\/Messages$/, times: 1, delayMs: 3_600 });
  const first = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expectError(first, 503, 'upstream_unavailable');
  expect(first.headers.get('retry-after')).toMatch(/^\d+$/);
  await new Promise((resolve) => setTimeout(resolve, 800));
  expect(stack.fake.noticesOf(task.conversationSid, 'invite')).toHaveLength(1);

  const second = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expect(second.status).toBe(200);
  expect(second.body.inviteStatus).toBe('already-posted');
  expect(stack.fake.noticesOf(task.conversationSid, 'invite')).toHaveLength(1);
});

test('Resend posts one more invite, as a JSON boolean or a form string', async () => {
  const task = stack.seedTask();
  await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  const json = await stack.post('/video/escalate', {
    Token: task.token,
    TaskSid: task.taskSid,
    Resend: true,
  });
  expect(json.status).toBe(200);
  expect(json.body.inviteStatus).toBe('posted');
  const form = await stack.post(
    '/video/escalate',
    { Token: task.token, TaskSid: task.taskSid, Resend: 'true' },
    { form: true },
  );
  expect(form.status).toBe(200);
  const invites = stack.fake.noticesOf(task.conversationSid, 'invite');
  expect(invites).toHaveLength(3);
  expect(new Set(invites.map((m) => m.sid))).toEqual(
    new Set([invites[0].sid, json.body.messageSid, form.body.messageSid]),
  );
  const notResent = await stack.post(
    '/video/escalate',
    { Token: task.token, TaskSid: task.taskSid, Resend: 'false' },
    { form: true },
  );
  expect(notResent.body.inviteStatus).toBe('already-posted');
  expect(stack.fake.noticesOf(task.conversationSid, 'invite')).toHaveLength(3);
});

test('tampered, malformed and foreign invites are refused with 401; the customer identity never equals the agent', async () => {
  const task = stack.seedTask();
  const { body } = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  const invite = inviteOf(body.joinUrl);
  const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  const [roomSid, nonce, issuedAt, expiresAt, mac] = invite.split('.');
  const tampered = [
    flip(invite, invite.length - 1),
    flip(invite, 5),
    `${roomSid}.${nonce}.${issuedAt}.${Number(expiresAt) + 3600}.${mac}`,
    `${roomSid}.${nonce}.${Number(issuedAt) + 60_000}.${expiresAt}.${mac}`,
    `RM${'0'.repeat(32)}.${nonce}.${issuedAt}.${expiresAt}.${mac}`,
    `${roomSid}.${flip(nonce, 0)}.${issuedAt}.${expiresAt}.${mac}`,
    invite.slice(0, -1),
    `${invite}A`,
    'hello',
    body.agent.token.slice(0, 110),
  ];
  const before = stack.fake.calls.length;
  for (const bad of tampered)
    expectError(await stack.post('/video/join', { Invite: bad }), 401, 'invalid_invite');
  expect(stack.fake.calls.length).toBe(before);

  const named = await stack.post('/video/join', { Invite: invite, Name: `agent-${task.workerSid}` });
  expect(named.status).toBe(200);
  expect(named.body.identity.startsWith('customer-')).toBe(true);
  expect(named.body.identity).not.toBe(body.agent.identity);
  const spoof = await stack.post('/video/join', { Invite: invite, Name: 'Bob\u202e\u0000\nX' });
  expect(spoof.body.identity).toBe(named.body.identity);
});

test('agent endpoints answer CORS only for ALLOWED_ORIGINS; join also for its own page', async () => {
  const task = stack.seedTask();
  const allowed = await stack.post(
    '/video/agent-token',
    { Token: task.token, TaskSid: task.taskSid },
    { origin: 'https://flex.twilio.com' },
  );
  expect(allowed.headers.get('access-control-allow-origin')).toBe('https://flex.twilio.com');
  const foreign = await stack.post(
    '/video/agent-token',
    { Token: task.token, TaskSid: task.taskSid },
    { origin: 'https://evil.example' },
  );
  expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  const fromPage = await stack.post('/video/join', { Invite: 'x' }, { origin: stack.baseUrl });
  expect(fromPage.headers.get('access-control-allow-origin')).toBe(stack.baseUrl);
  const pageOrigin = await stack.post(
    '/video/escalate',
    { Token: task.token, TaskSid: task.taskSid },
    { origin: stack.baseUrl },
  );
  expect(pageOrigin.headers.get('access-control-allow-origin')).toBeNull();
  // Locally twilio-run answers OPTIONS itself; deployed, the Function answers the preflight.
  const preflight = await fetch(`${stack.baseUrl}/video/escalate`, {
    method: 'OPTIONS',
    headers: { Origin: 'https://flex.twilio.com', 'Access-Control-Request-Method': 'POST' },
  });
  expect(preflight.status).toBe(204);
  const before = stack.fake.calls.length;
  const ownPreflight = await stack.post('/video/escalate', '', {
    origin: 'https://flex.twilio.com',
    headers: { 'Access-Control-Request-Method': 'POST' },
  });
  expect(ownPreflight.status).toBe(204);
  expect(ownPreflight.headers.get('access-control-allow-origin')).toBe('https://flex.twilio.com');
  expect(ownPreflight.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
  expect(stack.fake.calls.length).toBe(before);
});

describe('with VIDEO_INVITE_TTL_SECONDS=3', () => {
  const shortLived = useStack({ env: { VIDEO_INVITE_TTL_SECONDS: '3' } });

  test('an invite past its lifetime is 410 invite_expired, with no Twilio call; a resent one expires later', async () => {
    const task = shortLived.seedTask();
    const first = await shortLived.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
    const expiry = (joinUrl: string) => Number(inviteOf(joinUrl).split('.')[3]);
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const before = shortLived.fake.calls.length;
    expectError(
      await shortLived.post('/video/join', { Invite: inviteOf(first.body.joinUrl) }),
      410,
      'invite_expired',
    );
    expect(shortLived.fake.calls.length).toBe(before);

    const resent = await shortLived.post('/video/escalate', {
      Token: task.token,
      TaskSid: task.taskSid,
      Resend: true,
    });
    expect(expiry(resent.body.joinUrl)).toBeGreaterThan(expiry(first.body.joinUrl));
    expect(expiry(resent.body.joinUrl)).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 3);
  });
});

describe('Wait: the preview’s held join', () => {
  const roomReads = (roomSid: string, since: number) =>
    stack.fake.callsTo('GET', new RegExp(`^/video/v1/Rooms/${roomSid}$`), since).length;

  /** Resolves once the emulator has seen `count` reads of the room since `since`. */
  async function roomReadsReach(roomSid: string, since: number, count: number): Promise<void> {
    while (roomReads(roomSid, since) < count) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  test('held while the room goes on, answered at the first check after it ends', async () => {
    const task = await escalatedTask(stack);
    const invite = inviteOf(task.joinUrl);
    const mark = stack.fake.calls.length;
    const answer = stack.post('/video/join', { Invite: invite, Wait: true });
    // Its second check: the request is being held.
    await roomReadsReach(task.roomSid, mark, 2);
    stack.fake.endRoom(task.roomSid);
    const endedAt = roomReads(task.roomSid, mark);
    expectError(await answer, 410, 'session_ended');
    expect(roomReads(task.roomSid, mark) - endedAt).toBe(1);
  });

  test('held while nothing changes: a fresh grant after a check every second', async () => {
    const task = await escalatedTask(stack);
    const mark = stack.fake.calls.length;
    const answer = await stack.post('/video/join', { Invite: inviteOf(task.joinUrl), Wait: 'true' });
    expect(answer.body.roomName).toBe(task.roomName);
    // The first check, then one a second for the 5 s hold.
    expect(roomReads(task.roomSid, mark)).toBe(6);
  });

  test('a newer link revokes a held one at the next check', async () => {
    const task = await escalatedTask(stack);
    const mark = stack.fake.calls.length;
    const answer = stack.post('/video/join', { Invite: inviteOf(task.joinUrl), Wait: true });
    await roomReadsReach(task.roomSid, mark, 2);
    await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid, Resend: true });
    expectError(await answer, 410, 'invite_revoked');
  });

  test.each([['maybe'], [1], [{}]])(
    'Wait %p is 400 invalid_request, before any Twilio request',
    async (wait) => {
      const task = await escalatedTask(stack);
      const mark = stack.fake.calls.length;
      expectError(
        await stack.post('/video/join', { Invite: inviteOf(task.joinUrl), Wait: wait }),
        400,
        'invalid_request',
      );
      expect(stack.fake.calls.length).toBe(mark);
    },
  );
});
