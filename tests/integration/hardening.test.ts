import { loadConfig } from '../../src/platform/config';
import { signInvite, verifyInvite } from '../../src/core/invites';
import { AUTH_TOKEN, emulatorEnv } from '../../dev/emulator';
import { Escalated, escalated } from '../support/escalated';
import {
  answeredBefore,
  expectError,
  inviteOf,
  OVERLAP_LATENCY_MS,
  sequentialDepth,
  thrownBy,
} from '../support/expect';
import type { Stack } from '../support/stack';
import { useStack } from '../support/use-stack';

/** What an attacker, a forwarded link or an operator's mistake could do, and what stops it. */

/** Every request a cold start, so the round trips counted include the service check a cold
 * instance makes. */
const stack = useStack({ coldStarts: true });

const join = (invite: string, extra: Record<string, unknown> = {}, on: Stack = stack) =>
  on.post('/video/join', { Invite: invite, ...extra });
const invitesIn = (task: Escalated) => stack.fake.noticesOf(task.conversationSid, 'invite', task.roomSid);
/** What a web-chat customer can post: any body and attributes, even the author's name. */
const spoof = (task: Pick<Escalated, 'conversationSid' | 'roomSid'>, kind: string) =>
  stack.fake.postAsParticipant(task.conversationSid, {
    author: 'system',
    body: 'not from the bundle',
    attributes: { videoEscalation: { roomSid: task.roomSid, kind } },
  });

describe('one link, one customer identity', () => {
  test('every join with the same link gets the same identity, whatever Name it sends', async () => {
    const task = await escalated(stack);
    const invite = inviteOf(task.joinUrl);
    const names = [
      undefined,
      'Ana Lima',
      '😀'.repeat(64),
      'customer-xyz',
      task.agentIdentity,
      'Bob\u202e\u0000\nX',
    ];
    const identities = new Set<string>();
    for (const Name of names) {
      const answer = await join(invite, Name === undefined ? {} : { Name });
      expect(answer.status).toBe(200);
      identities.add(answer.body.identity);
    }
    expect(identities.size).toBe(1);
    const [identity] = identities;
    expect(identity).toMatch(/^customer-[A-Za-z0-9_-]{16}$/);
    expect(Buffer.byteLength(identity, 'utf8')).toBeLessThanOrEqual(128);
    expect(identity).not.toBe(task.agentIdentity);
  });

  test('two links are two identities', async () => {
    const task = await escalated(stack);
    const resent = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
    const a = await join(inviteOf(task.joinUrl));
    const b = await join(inviteOf(resent.body.joinUrl));
    expect(a.body.identity).not.toBe(b.body.identity);
  });

  test('a join reads the room and the link revocations together (and, on a cold instance, the Sync service): one round trip', async () => {
    const task = await escalated(stack);
    stack.fake.latencyMs = OVERLAP_LATENCY_MS;
    const before = stack.fake.calls.length;
    expect((await join(inviteOf(task.joinUrl))).status).toBe(200);
    const calls = stack.fake.calls.slice(before);
    expect(calls.map((c) => `${c.method} ${c.subdomain}${c.template}`).sort()).toEqual([
      'GET sync/v1/Services/{ServiceSid}/Documents/{Sid}',
      // The check that the guards' service has ACLs on, once per instance: every request here is
      // a cold start.
      'GET sync/v1/Services/{Sid}',
      'GET video/v1/Rooms/{Sid}',
    ]);
    expect(sequentialDepth(calls)).toBe(1);
  });
});

describe('revocable links', () => {
  test('Resend revokes the earlier links: they answer 410 invite_revoked, the new one admits', async () => {
    const task = await escalated(stack);
    const again = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
    const resent = await stack.post('/video/escalate', {
      Token: task.token,
      TaskSid: task.taskSid,
      Resend: true,
    });
    expect(resent.status).toBe(200);
    expect(invitesIn(task)).toHaveLength(2);
    expectError(await join(inviteOf(task.joinUrl)), 410, 'invite_revoked');
    expectError(await join(inviteOf(again.body.joinUrl)), 410, 'invite_revoked');
    expect((await join(inviteOf(resent.body.joinUrl))).status).toBe(200);

    // A second Resend revokes the first one's link in turn.
    const third = await stack.post('/video/escalate', {
      Token: task.token,
      TaskSid: task.taskSid,
      Resend: true,
    });
    expectError(await join(inviteOf(resent.body.joinUrl)), 410, 'invite_revoked');
    expect((await join(inviteOf(third.body.joinUrl))).status).toBe(200);
  });

  test('concurrent Resends leave the newest link working and never bring an older one back', async () => {
    const task = await escalated(stack);
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid, Resend: true }),
      ),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expectError(await join(inviteOf(task.joinUrl)), 410, 'invite_revoked');
    const issuedAt = (url: string) => Number(inviteOf(url).split('.')[2]);
    const newest = answers.map((a) => a.body.joinUrl).sort((a, b) => issuedAt(b) - issuedAt(a))[0];
    expect((await join(inviteOf(newest))).status).toBe(200);
  });

  test('a failed revocation posts no new link', async () => {
    const task = await escalated(stack);
    stack.fake.faults.push({
      method: 'POST',
      path: /\/sync\/v1\/Services\/[^/]+\/Documents$/,
      times: Infinity,
      status: 503,
    });
    const answer = await stack.post('/video/escalate', {
      Token: task.token,
      TaskSid: task.taskSid,
      Resend: true,
    });
    expect(answer.status).toBeGreaterThanOrEqual(500);
    expect(invitesIn(task)).toHaveLength(1);
  });
});

describe('POST /video/remove-participant', () => {
  const remove = (task: Escalated, Identity: string, token = task.token) =>
    stack.post('/video/remove-participant', { Token: token, TaskSid: task.taskSid, Identity });

  test('disconnects the customer and revokes the link that admitted them; other links still work', async () => {
    const task = await escalated(stack);
    const joined = await join(inviteOf(task.joinUrl));
    stack.fake.addParticipant(task.roomSid, task.agentIdentity);
    stack.fake.addParticipant(task.roomSid, joined.body.identity);
    const answer = await remove(task, joined.body.identity);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ removed: true, roomSid: task.roomSid, identity: joined.body.identity });
    expect(stack.fake.connectedIdentities(task.roomSid)).toEqual([task.agentIdentity]);
    expectError(await join(inviteOf(task.joinUrl)), 410, 'invite_revoked');

    const resent = await stack.post('/video/escalate', {
      Token: task.token,
      TaskSid: task.taskSid,
      Resend: true,
    });
    expect((await join(inviteOf(resent.body.joinUrl))).status).toBe(200);
  });

  test('someone not connected: removed false, and a customer identity’s link is revoked all the same', async () => {
    const task = await escalated(stack);
    const joined = await join(inviteOf(task.joinUrl));
    const answer = await remove(task, joined.body.identity);
    expect(answer.body).toEqual({ removed: false, roomSid: task.roomSid, identity: joined.body.identity });
    expectError(await join(inviteOf(task.joinUrl)), 410, 'invite_revoked');
  });

  test('an unexpected participant can be removed; their identity reaches Twilio intact', async () => {
    const task = await escalated(stack);
    const stranger = 'someone else@example.com';
    stack.fake.addParticipant(task.roomSid, stranger);
    const answer = await remove(task, stranger);
    expect(answer.body).toMatchObject({ removed: true, identity: stranger });
    expect(stack.fake.connectedIdentities(task.roomSid)).toEqual([]);
  });

  test("the agent's own identity is 400; without a room 404; not the holder 403", async () => {
    const task = await escalated(stack);
    stack.fake.addParticipant(task.roomSid, task.agentIdentity);
    const before = stack.fake.calls.length;
    expectError(await remove(task, task.agentIdentity), 400, 'invalid_request');
    expect(
      stack.fake.calls.slice(before).filter((c) => c.subdomain === 'video' && c.method === 'POST'),
    ).toEqual([]);
    expect(stack.fake.connectedIdentities(task.roomSid)).toEqual([task.agentIdentity]);

    const other = stack.seedTask();
    expectError(
      await stack.post('/video/remove-participant', {
        Token: other.token,
        TaskSid: other.taskSid,
        Identity: 'customer-AAAAAAAAAAAAAAAA',
      }),
      404,
      'no_room',
    );
    expectError(await remove(task, 'customer-AAAAAAAAAAAAAAAA', other.token), 403, 'forbidden');
  });
});

describe('only the bundle’s own messages count as its notices', () => {
  test('a spoofed invite after a failed post does not stop the real one', async () => {
    const task = stack.seedTask();
    stack.fake.faults.push({ method: 'POST', path: /\/Messages$/, times: 1, status: 400 });
    const failed = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
    expect(failed.status).toBeGreaterThanOrEqual(400);
    const room = stack.fake.rooms.find((r) => r.unique_name === `flex-video-${task.taskSid}`)!;
    spoof({ conversationSid: task.conversationSid, roomSid: room.sid }, 'invite');
    const retried = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
    expect(retried.status).toBe(200);
    expect(retried.body.inviteStatus).toBe('posted');
    const invites = stack.fake
      .noticesOf(task.conversationSid, 'invite', room.sid)
      .filter((m) => m.participant_sid === null);
    expect(invites).toHaveLength(1);
    expect(invites[0].sid).toBe(retried.body.messageSid);
  });

  test('a spoofed session-ended or recording notice silences nothing', async () => {
    const task = await escalated(stack);
    spoof(task, 'recording-started');
    const started = await stack.post('/video/recording', {
      Token: task.token,
      TaskSid: task.taskSid,
      Action: 'start',
    });
    expect(started.body).toEqual({ recording: true, roomSid: task.roomSid });
    spoof(task, 'session-ended');
    await stack.post('/video/complete', { Token: task.token, TaskSid: task.taskSid });
    for (const kind of ['recording-started', 'session-ended']) {
      expect(
        stack.fake
          .noticesOf(task.conversationSid, kind, task.roomSid)
          .filter((m) => m.participant_sid === null && m.author === 'system'),
      ).toHaveLength(1);
    }
  });
});

describe('POST /video/complete', () => {
  test('ends the room in at most 5 sequential Twilio round trips, ending and claiming the notice together', async () => {
    const task = await escalated(stack);
    stack.fake.latencyMs = OVERLAP_LATENCY_MS;
    const before = stack.fake.calls.length;
    const answer = await stack.post('/video/complete', { Token: task.token, TaskSid: task.taskSid });
    expect(answer.status).toBe(200);
    const calls = stack.fake.calls.slice(before);
    expect(sequentialDepth(calls)).toBeLessThanOrEqual(5);
    const ending = calls.find((c) => c.method === 'POST' && c.template === '/v1/Rooms/{Sid}')!;
    const claim = calls.find(
      (c) => c.method === 'POST' && c.template === '/v1/Services/{ServiceSid}/Documents',
    )!;
    const notice = calls.find(
      (c) => c.method === 'POST' && c.template === '/v1/Conversations/{ConversationSid}/Messages',
    )!;
    expect(answeredBefore(ending, claim)).toBe(false);
    expect(answeredBefore(ending, notice)).toBe(true);
  });

  test('when ending the room fails, the customer is not told it ended, and a retry does both', async () => {
    const task = await escalated(stack);
    stack.fake.faults.push({
      method: 'POST',
      path: /\/video\/v1\/Rooms\/RM[0-9a-f]+$/,
      times: Infinity,
      status: 500,
    });
    expect((await stack.post('/video/complete', { Token: task.token, TaskSid: task.taskSid })).status).toBe(
      502,
    );
    expect(stack.fake.noticesOf(task.conversationSid, 'session-ended')).toHaveLength(0);
    stack.fake.faults.length = 0;
    expect((await stack.post('/video/complete', { Token: task.token, TaskSid: task.taskSid })).status).toBe(
      200,
    );
    expect(stack.fake.noticesOf(task.conversationSid, 'session-ended')).toHaveLength(1);
  });

  test('a chat closed before the session ends: the room ends, complete answers 200, and so does a repeat', async () => {
    const task = await escalated(stack);
    stack.fake.conversations.delete(task.conversationSid);
    for (let i = 0; i < 2; i++) {
      const answer = await stack.post('/video/complete', { Token: task.token, TaskSid: task.taskSid });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ completed: true, roomSid: task.roomSid });
    }
    expect(stack.fake.rooms.find((r) => r.sid === task.roomSid)!.status).toBe('completed');
  });
});

test('a callback is never preflighted: an unsigned request that looks like one is 403 invalid_signature', async () => {
  const answer = await stack.post('/video/callbacks/room-status', '', {
    origin: 'https://flex.twilio.com',
    headers: { 'Access-Control-Request-Method': 'POST' },
  });
  expectError(answer, 403, 'invalid_signature');
});

describe('VIDEO_RECORDING=always does not rest on a Twilio default', () => {
  const always = useStack({ env: { VIDEO_RECORDING: 'always' } });

  test('rooms are created with explicit rules, so status says recording from the first second', async () => {
    const task = await escalated(always);
    const create = always.fake.callsTo('POST', /^\/video\/v1\/Rooms$/).at(-1)!;
    expect(JSON.parse(create.form.RecordingRules)).toEqual({ rules: [{ type: 'include', all: true }] });
    expect(always.fake.recordingRules.get(task.roomSid)).toEqual([{ type: 'include', all: true }]);
    const status = await always.post('/video/recording', {
      Token: task.token,
      TaskSid: task.taskSid,
      Action: 'status',
    });
    expect(status.body).toEqual({ recording: true, roomSid: task.roomSid });
  });
});

describe('notice texts that cannot carry the link', () => {
  const tooLong = useStack({ env: { VIDEO_NOTICE_INVITE: `${'Please join. '.repeat(120)}{joinUrl}` } });

  test('are refused as 500 misconfigured naming the variable, before any Twilio call', async () => {
    const task = tooLong.seedTask();
    const before = tooLong.fake.calls.length;
    const answer = await tooLong.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
    expect(expectError(answer, 500, 'misconfigured').error.message).toContain('VIDEO_NOTICE_INVITE');
    expect(tooLong.fake.calls.length).toBe(before);
    expect(tooLong.fake.rooms).toHaveLength(0);
  });
});

describe('invite secrets', () => {
  const NEW_SECRET = 'n'.repeat(40);
  const rotated = useStack({
    env: { VIDEO_INVITE_SECRET: NEW_SECRET, VIDEO_INVITE_SECRET_PREVIOUS: AUTH_TOKEN },
  });
  const env = { ...emulatorEnv(), DOMAIN_NAME: 'localhost:1' };

  test('a link signed before the rotation (with the auth token) still admits while VIDEO_INVITE_SECRET_PREVIOUS holds it; new links use the new secret', async () => {
    const task = await escalated(rotated);
    const signedBefore = signInvite(loadConfig(env).inviteKeys, {
      roomSid: task.roomSid,
      issuedAt: Date.now(),
      expiresAt: Math.floor(Date.now() / 1000) + 600,
    });
    expect((await join(signedBefore, {}, rotated)).status).toBe(200);
    const signedWithNew = inviteOf(task.joinUrl);
    const nowSeconds = Math.floor(Date.now() / 1000);
    expect(() =>
      verifyInvite(
        loadConfig({ ...env, VIDEO_INVITE_SECRET: NEW_SECRET }).inviteKeys,
        signedWithNew,
        nowSeconds,
      ),
    ).not.toThrow();
    expect(thrownBy(() => verifyInvite(loadConfig(env).inviteKeys, signedWithNew, nowSeconds))).toMatchObject(
      { code: 'invalid_invite' },
    );
    expect((await join(signedWithNew, {}, rotated)).status).toBe(200);
    const foreign = signInvite(
      loadConfig({ ...env, AUTH_TOKEN: 'another-account-token-0123456789' }).inviteKeys,
      {
        roomSid: task.roomSid,
        issuedAt: Date.now(),
        expiresAt: Math.floor(Date.now() / 1000) + 600,
      },
    );
    expectError(await join(foreign, {}, rotated), 401, 'invalid_invite');
  });
});
