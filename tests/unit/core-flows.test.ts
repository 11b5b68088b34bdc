import { CLAIM_LEASE_MS } from '../../src/core/once';
import { admitCustomer, completeSession, escalate } from '../../src/core/escalation';
import { changeRecording } from '../../src/core/recording';
import { handleRoomEvent } from '../../src/core/room-events';
import { findInProgressRoom } from '../../src/core/rooms';
import type { FlexTask } from '../../src/core/tasks';
import type { SeededTask } from '../../dev/emulator';
import { useInProcess } from '../support/in-process';

/** The core's once-only flows, in-process against the spec-checking fake with the real client:
 * the races and lost answers the twilio-run suite can only try a few times, tried many times. */

const env = useInProcess({ VIDEO_COMPOSE: 'true' });
const flexTask = (task: SeededTask): FlexTask => ({
  sid: task.taskSid,
  conversationSid: task.conversationSid,
});
const invites = (task: SeededTask) => env.fake.noticesOf(task.conversationSid, 'invite');
const inviteOf = (joinUrl: string) => decodeURIComponent(new URL(joinUrl).hash.slice('#invite='.length));
const roomOf = async (task: SeededTask) => (await findInProgressRoom(env.deps().twilio, task.taskSid))!;

test.each([1, 2, 3, 4, 5])(
  'round %i: twenty concurrent escalates make one room and, once the owner’s head start is over, one invite',
  async () => {
    const task = env.fake.seedTask();
    env.fake.latencyMs = 5;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => escalate(env.deps(), flexTask(task), env.agentOf(task), false)),
    );
    expect(new Set(answers.map((a) => a.roomSid)).size).toBe(1);
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    expect(invites(task)).toHaveLength(1);
    const later = await escalate(
      env.deps({ clockOffsetMs: CLAIM_LEASE_MS + 1_000 }),
      flexTask(task),
      env.agentOf(task),
      false,
    );
    expect(later).toMatchObject({ inviteStatus: 'already-posted', messageSid: invites(task)[0].sid });
    expect(invites(task)).toHaveLength(1);
  },
);

test('an invite stored by Twilio whose answer was lost is found, never posted twice', async () => {
  const task = env.fake.seedTask();
  env.fake.faults.push({ method: 'POST', path: /\/Messages$/, times: 1, status: 500, afterApplying: true });
  const first = await escalate(env.deps(), flexTask(task), env.agentOf(task), false);
  expect(first.inviteStatus).toBe('posted');
  expect(first.messageSid).toBe(invites(task)[0].sid);
  const repeats = await Promise.all(
    Array.from({ length: 5 }, () =>
      escalate(env.deps({ clockOffsetMs: CLAIM_LEASE_MS + 1_000 }), flexTask(task), env.agentOf(task), false),
    ),
  );
  expect(repeats.every((r) => r.inviteStatus === 'already-posted')).toBe(true);
  expect(invites(task)).toHaveLength(1);
});

test('a failed invite is posted once by whichever of many later calls wins the claim', async () => {
  const task = env.fake.seedTask();
  env.fake.faults.push({ method: 'POST', path: /\/Messages$/, times: 1, status: 400 });
  await expect(escalate(env.deps(), flexTask(task), env.agentOf(task), false)).rejects.toBeDefined();
  const retries = await Promise.all(
    Array.from({ length: 8 }, () => escalate(env.deps(), flexTask(task), env.agentOf(task), false)),
  );
  expect(invites(task)).toHaveLength(1);
  expect(retries.filter((r) => r.inviteStatus === 'posted')).toHaveLength(1);
});

test('Resend revokes every earlier link of the room; the newest admits', async () => {
  const task = env.fake.seedTask();
  const first = await escalate(env.deps(), flexTask(task), env.agentOf(task), false);
  const resent = await escalate(env.deps(), flexTask(task), env.agentOf(task), true);
  await expect(admitCustomer(env.deps(), inviteOf(first.joinUrl))).rejects.toMatchObject({
    code: 'invite_revoked',
  });
  await expect(admitCustomer(env.deps(), inviteOf(resent.joinUrl))).resolves.toMatchObject({
    roomName: first.roomName,
  });
  expect(invites(task)).toHaveLength(2);
});

test.each([1, 2, 3])(
  'round %i: starts and stops racing end with the rules of the last decision and one notice per decided change',
  async () => {
    const task = env.fake.seedTask();
    await escalate(env.deps(), flexTask(task), env.agentOf(task), false);
    const room = await roomOf(task);
    env.fake.latencyMs = 3;
    const mark = env.fake.calls.length;
    const actions = ['start', 'stop', 'start', 'start', 'stop', 'start'] as const;
    const outcomes = await Promise.allSettled(
      actions.map((action) => changeRecording(env.deps(), flexTask(task), room, action)),
    );
    // A call that keeps losing the race is told to try again; nothing else may fail.
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected')
        expect(outcome.reason).toMatchObject({ code: 'upstream_unavailable' });
      else expect(outcome.value).toEqual({ recording: expect.any(Boolean) as unknown, roomSid: room.sid });
    }
    // The decisions, as Twilio took them: the writes of the decision document that succeeded, in
    // the order the emulator answered them. Each one flips the last, starting from not recording.
    const key = `video-recording-${room.sid}`;
    const decisions = env.fake.calls
      .slice(mark)
      .filter(
        (c) =>
          c.method === 'POST' &&
          c.subdomain === 'sync' &&
          c.status < 300 &&
          (c.path.endsWith(`/Documents/${key}`) ||
            (c.path.endsWith('/Documents') && c.form.UniqueName === key)),
      )
      .sort((a, b) => a.answered - b.answered)
      .map((c) => (JSON.parse(c.form.Data) as { on: boolean }).on);
    expect(decisions.length).toBeGreaterThan(0);
    decisions.forEach((recording, i) => expect(recording).toBe(i % 2 === 0));
    const last = decisions[decisions.length - 1];
    expect(env.fake.recordingRules.get(room.sid)).toEqual([
      { type: last ? 'include' : 'exclude', all: true },
    ]);
    expect(env.fake.noticesOf(task.conversationSid, 'recording-started', room.sid)).toHaveLength(
      decisions.filter((recording) => recording).length,
    );
    expect(env.fake.noticesOf(task.conversationSid, 'recording-stopped', room.sid)).toHaveLength(
      decisions.filter((recording) => !recording).length,
    );
  },
);

test('room-ended delivered five times at once: one session-ended notice, one composition', async () => {
  const task = env.fake.seedTask();
  const escalated = await escalate(env.deps(), flexTask(task), env.agentOf(task), false);
  env.fake.addRecording(escalated.roomSid);
  env.fake.endRoom(escalated.roomSid);
  const outcomes = await Promise.all(
    Array.from({ length: 5 }, () =>
      handleRoomEvent(env.deps(), { roomSid: escalated.roomSid, event: 'room-ended' }),
    ),
  );
  expect(outcomes.every((o) => o.handled === 'room-ended')).toBe(true);
  expect(env.fake.noticesOf(task.conversationSid, 'session-ended', escalated.roomSid)).toHaveLength(1);
  expect(env.fake.compositionsOf(escalated.roomSid)).toHaveLength(1);
});

test('complete and room-ended racing tell the customer once', async () => {
  const task = env.fake.seedTask();
  const escalated = await escalate(env.deps(), flexTask(task), env.agentOf(task), false);
  const room = await roomOf(task);
  await Promise.all([
    completeSession(env.deps(), flexTask(task), room),
    completeSession(env.deps(), flexTask(task), room),
    new Promise((resolve) => setTimeout(resolve, 2)).then(() =>
      handleRoomEvent(env.deps(), { roomSid: escalated.roomSid, event: 'room-ended' }),
    ),
  ]);
  expect(env.fake.rooms.find((r) => r.sid === escalated.roomSid)!.status).toBe('completed');
  expect(env.fake.noticesOf(task.conversationSid, 'session-ended', escalated.roomSid)).toHaveLength(1);
});

test('a recording decision stored by the release before (`recording`, not `on`) still counts: a repeated start tells nobody again', async () => {
  const task = env.fake.seedTask();
  await escalate(env.deps(), flexTask(task), env.agentOf(task), false);
  const room = await roomOf(task);
  await changeRecording(env.deps(), flexTask(task), room, 'start');
  // The decision document as that release wrote it, in the middle of the recorded call.
  const { twilio, syncServiceSid } = env.deps();
  const document = twilio.sync.v1.services(syncServiceSid).documents(`video-recording-${room.sid}`);
  const { changedAt } = (await document.fetch()).data as { changedAt: number };
  await document.update({ data: { recording: true, change: 1, changedAt } });

  await changeRecording(env.deps(), flexTask(task), room, 'start');
  expect(env.fake.noticesOf(task.conversationSid, 'recording-started', room.sid)).toHaveLength(1);
  await changeRecording(env.deps(), flexTask(task), room, 'stop');
  expect(env.fake.noticesOf(task.conversationSid, 'recording-stopped', room.sid)).toHaveLength(1);
  expect(env.fake.recordingRules.get(room.sid)).toEqual([{ type: 'exclude', all: true }]);
});
