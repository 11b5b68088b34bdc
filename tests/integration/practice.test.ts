import { emulatorEnv } from '../../dev/emulator';
import { signInvite } from '../../src/core/invites';
import { PRACTICE_LIMIT, PRACTICE_MINUTES } from '../../src/core/practice';
import { loadConfig } from '../../src/platform/config';
import { escalated } from '../support/escalated';
import { expectError } from '../support/expect';
import { decodeJwt } from '../support/jwt';
import type { ApiSchema } from '../../src/contract';
import type { HttpAnswer, SeededTask, Stack } from '../support/stack';
import { postCallback, roomEvent } from '../support/twilio-callbacks';
import { useStack } from '../support/use-stack';

/** Practice calls (issue 23, part 2): a room tied to no task, with its own link, no conversation
 * and no notices, bounded per agent, and impossible to confuse with a customer's room. */

const stack = useStack();
/** The bundle's keys, from the stack's environment: to forge the links that must not cross. */
const config = loadConfig({ ...emulatorEnv('http://127.0.0.1:1'), DOMAIN_NAME: 'localhost:1' });

const start = (task: SeededTask) => stack.post('/video/practice', { Token: task.token, Action: 'start' });
/** `start`'s answer: of the endpoint's three answers, the one with the link. */
function callOf(answer: HttpAnswer<'/video/practice'>): ApiSchema['PracticeCall'] {
  const body = answer.body;
  if (!('joinUrl' in body)) throw new Error(`not a practice call: ${answer.text}`);
  return body;
}
const inviteOf = (joinUrl: string) => joinUrl.split('#invite=')[1];
const everyMessage = (s: Stack) => [...s.fake.conversations.values()].flat();
const roomBySid = (s: Stack, sid: string) => s.fake.rooms.find((r) => r.sid === sid)!;

async function endAll(task: SeededTask, roomSids: string[]) {
  for (const sid of roomSids)
    await stack.post('/video/practice', { Token: task.token, Action: 'end', RoomSid: sid });
}

test('a practice room is tied to no task: its own name, no recording, Twilio ends everyone’s stay at 30 minutes', async () => {
  const task = stack.seedTask();
  const body = callOf(await start(task));
  expect(body.roomName).toMatch(/^practice-[0-9a-f]{24}-1$/);
  expect(body.roomName).not.toContain(task.workerSid);
  expect(body.recording).toBe('off');
  const room = roomBySid(stack, body.roomSid);
  expect(room).toMatchObject({ unique_name: body.roomName, max_participant_duration: PRACTICE_MINUTES * 60 });
  expect(stack.fake.recordingRules.get(body.roomSid)).toEqual([{ type: 'exclude', all: true }]);
  expect(Date.parse(body.endsAt) - Date.parse(room.date_created)).toBe(PRACTICE_MINUTES * 60_000);
  // The agent's token names the practice room and lapses with it; same kind of identity as in a call.
  const grant = decodeJwt(body.agent.token);
  expect(grant.grants.video?.room).toBe(body.roomSid);
  expect(grant.exp).toBeLessThanOrEqual(Math.floor(Date.parse(body.endsAt) / 1000));
  expect(body.agent.identity).toMatch(/^agent-[0-9a-f]{40}$/);
  await endAll(task, [body.roomSid]);
});

test('the trainer joins with the link; nothing reaches any conversation, and the room’s events post nothing', async () => {
  const task = stack.seedTask();
  const before = everyMessage(stack).length;
  const body = callOf(await start(task));
  const joined = await stack.post('/video/join', { Invite: inviteOf(body.joinUrl) });
  expect(joined.body).toMatchObject({
    roomName: body.roomName,
    transcription: { policy: 'off', active: false },
  });
  expect(joined.body.identity).toMatch(/^customer-/);
  const room = roomBySid(stack, body.roomSid);
  for (const event of ['participant-connected', 'recording-started', 'participant-disconnected']) {
    const answer = await postCallback(
      stack,
      '/video/callbacks/room-status',
      roomEvent(room, event, {
        ParticipantSid: `PA${'0'.repeat(32)}`,
        ParticipantIdentity: 'supervisor-0123456789012345678901234567890123456789',
      }),
    );
    expect(answer.body).toEqual({ handled: 'practice', ended: false });
  }
  await stack.post('/video/practice', { Token: task.token, Action: 'end', RoomSid: body.roomSid });
  expect(roomBySid(stack, body.roomSid).status).toBe('completed');
  const ended = await postCallback(stack, '/video/callbacks/room-status', roomEvent(room, 'room-ended'));
  expect(ended.body).toEqual({ handled: 'practice', ended: false });
  expect(everyMessage(stack)).toHaveLength(before);
  // Once ended, the link admits nobody.
  expectError(await stack.post('/video/join', { Invite: inviteOf(body.joinUrl) }), 410, 'session_ended');
});

test('the room ends itself at its first event once 30 minutes old', async () => {
  const task = stack.seedTask();
  const body = callOf(await start(task));
  const room = roomBySid(stack, body.roomSid);
  room.date_created = new Date(Date.now() - (PRACTICE_MINUTES * 60_000 + 1_000)).toISOString();
  const answer = await postCallback(
    stack,
    '/video/callbacks/room-status',
    roomEvent(room, 'participant-disconnected'),
  );
  expect(answer.body).toEqual({ handled: 'practice', ended: true });
  expect(room.status).toBe('completed');
});

test('Twilio ends the practice call at 30 minutes: both are disconnected, the empty room completes, the bundle hears it all', async () => {
  // The emulator applies MaxParticipantDuration and EmptyRoomTimeout as its clock moves on, and
  // delivers the callbacks Twilio would send to the room's StatusCallback (the bundle).
  stack.fake.callbacks.enabled = true;
  try {
    const task = stack.seedTask();
    const before = everyMessage(stack).length;
    const body = callOf(await start(task));
    const room = roomBySid(stack, body.roomSid);
    const joined = await stack.post('/video/join', { Invite: inviteOf(body.joinUrl) });
    stack.fake.addParticipant(room.sid, body.agent.identity);
    stack.fake.addParticipant(room.sid, String(joined.body.identity));
    const connected = () => stack.fake.connectedIdentities(room.sid).length;

    stack.fake.advanceClock((PRACTICE_MINUTES - 1) * 60_000);
    expect([connected(), room.status]).toEqual([2, 'in-progress']);
    stack.fake.advanceClock(90_000);
    expect([connected(), room.status]).toEqual([0, 'in-progress']);
    expect(stack.fake.participants.filter((p) => p.room_sid === room.sid).map((p) => p.duration)).toEqual([
      PRACTICE_MINUTES * 60,
      PRACTICE_MINUTES * 60,
    ]);
    expect(room.empty_room_timeout).toBe(1);
    stack.fake.advanceClock(60_000); // the room's EmptyRoomTimeout, in minutes
    expect(room.status).toBe('completed');

    await stack.fake.callbacks.idle();
    const delivered = stack.fake.callbacks.deliveries.filter((d) => d.params.RoomSid === room.sid);
    expect(delivered.map((d) => [d.event, d.status])).toEqual([
      ['room-created', 200],
      ['participant-connected', 200],
      ['participant-connected', 200],
      ['participant-disconnected', 200],
      ['participant-disconnected', 200],
      ['room-ended', 200],
    ]);
    // A practice room's events post nothing anywhere, and its link admits nobody now.
    expect(everyMessage(stack)).toHaveLength(before);
    expectError(await stack.post('/video/join', { Invite: inviteOf(body.joinUrl) }), 410, 'session_ended');
  } finally {
    stack.fake.callbacks.enabled = false;
  }
});

test('a practice link cannot enter a task’s room, and a task’s link cannot enter a practice room', async () => {
  const call = await escalated(stack);
  const task = stack.seedTask();
  const body = callOf(await start(task));
  const issuedAt = Date.now();
  const expiresAt = Math.floor(issuedAt / 1000) + 600;
  const practiceLinkToTaskRoom = signInvite(config.practice.inviteKeys, {
    roomSid: call.roomSid,
    issuedAt,
    expiresAt,
  });
  const taskLinkToPracticeRoom = signInvite(config.inviteKeys, {
    roomSid: body.roomSid,
    issuedAt,
    expiresAt,
  });
  expectError(await stack.post('/video/join', { Invite: practiceLinkToTaskRoom }), 401, 'invalid_invite');
  expectError(await stack.post('/video/join', { Invite: taskLinkToPracticeRoom }), 401, 'invalid_invite');
  // Nor do the agent endpoints of a task reach it: the practice room has no task.
  expect((await stack.post('/video/join', { Invite: inviteOf(call.joinUrl) })).body.roomName).toBe(
    call.roomName,
  );
  await endAll(task, [body.roomSid]);
});

test('two practice rooms at once per agent; the third waits for one to end', async () => {
  const task = stack.seedTask();
  const first = callOf(await start(task));
  const second = callOf(await start(task));
  expect(second.roomName).toMatch(/-2$/);
  const third = expectError(await start(task), 429, 'rate_limited');
  expect(third.error.message).toContain('2 practice calls open');
  // Another agent is not held back.
  const other = stack.seedTask();
  expect((await start(other)).status).toBe(200);
  await endAll(task, [first.roomSid]);
  expect(callOf(await start(task)).roomName).toBe(first.roomName);
});

test('at most six starts an hour, counted in Sync; the seventh is 429 with Retry-After', async () => {
  const task = stack.seedTask();
  const rooms: string[] = [];
  for (let i = 0; i < PRACTICE_LIMIT; i++) {
    const body = callOf(await start(task));
    rooms.push(body.roomSid);
    await endAll(task, [body.roomSid]);
  }
  const refused = await start(task);
  expectError(refused, 429, 'rate_limited');
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000);
  expect(new Set(rooms).size).toBe(PRACTICE_LIMIT);
});

test('token and end act only on the caller’s own practice room in progress; any other room is 404', async () => {
  const task = stack.seedTask();
  const other = stack.seedTask();
  const call = await escalated(stack);
  const body = callOf(await start(task));
  for (const roomSid of [body.roomSid, call.roomSid, `RM${'0'.repeat(32)}`]) {
    for (const Action of ['token', 'end'])
      expectError(
        await stack.post('/video/practice', { Token: other.token, Action, RoomSid: roomSid }),
        404,
        'no_room',
      );
  }
  expect(roomBySid(stack, call.roomSid).status).toBe('in-progress');
  const again = await stack.post('/video/practice', {
    Token: task.token,
    Action: 'token',
    RoomSid: body.roomSid,
  });
  expect(again.body).toMatchObject({ roomSid: body.roomSid, identity: body.agent.identity });
  expect(
    (await stack.post('/video/practice', { Token: task.token, Action: 'end', RoomSid: body.roomSid })).body,
  ).toEqual({
    completed: true,
    roomSid: body.roomSid,
  });
});

test.each([
  ['no Action', {}],
  ['an unknown Action', { Action: 'begin' }],
  ['end without RoomSid', { Action: 'end' }],
  ['a malformed RoomSid', { Action: 'token', RoomSid: 'RM123' }],
])('%s is 400 invalid_request', async (_name, body) => {
  const task = stack.seedTask();
  expectError(await stack.post('/video/practice', { Token: task.token, ...body }), 400, 'invalid_request');
});

test('without a valid Flex token nothing is made', async () => {
  const rooms = stack.fake.rooms.length;
  expectError(await stack.post('/video/practice', { Action: 'start' }), 401, 'unauthenticated');
  expectError(
    await stack.post('/video/practice', { Token: 'not-a-token', Action: 'start' }),
    401,
    'unauthenticated',
  );
  expect(stack.fake.rooms.length).toBe(rooms);
});
