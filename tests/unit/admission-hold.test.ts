import { admitAndHold, type AdmissionHold } from '../../src/core/admission-hold';
import { escalate } from '../../src/core/escalation';
import type { PracticeDeps } from '../../src/core/practice';
import { findInProgressRoom } from '../../src/core/rooms';
import { inviteOf } from '../support/expect';
import { useInProcess } from '../support/in-process';

/** The preview's held /video/join (issue 20: an end or a revocation while waiting shows at once),
 * in-process against the emulator, on a clock the hold's own sleeps move: each check is counted
 * by the room reads the emulator saw. */

const env = useInProcess();
const HOLD_MS = 5_000;
const CHECK_MS = 1_000;

/** One invocation whose clock moves only when the hold sleeps; `between(n)` runs before the n-th
 * check after the first (1, 2, …). */
function heldInvocation(between: (check: number) => Promise<void> | void = () => undefined) {
  let clock = Date.now();
  let sleeps = 0;
  const deps: PracticeDeps = { ...env.deps(), practice: env.config.practice, now: () => new Date(clock) };
  const hold: AdmissionHold = {
    holdMs: HOLD_MS,
    checkMs: CHECK_MS,
    async sleep(ms) {
      clock += ms;
      sleeps += 1;
      await between(sleeps);
    },
  };
  return { deps, hold, sleeps: () => sleeps };
}

async function escalatedTask() {
  const task = env.fake.seedTask();
  const flexTask = { sid: task.taskSid, conversationSid: task.conversationSid };
  const { joinUrl } = await escalate(env.deps(), flexTask, env.agentOf(task), false);
  const room = (await findInProgressRoom(env.deps().twilio, task.taskSid))!;
  return { task, flexTask, invite: inviteOf(joinUrl), roomSid: room.sid };
}

const roomReads = (roomSid: string, since: number) =>
  env.fake.callsTo('GET', new RegExp(`^/video/v1/Rooms/${roomSid}$`), since).length;

test('while nothing changes, the link is checked every second and the grant comes after the hold', async () => {
  const { invite, roomSid } = await escalatedTask();
  const held = heldInvocation();
  const mark = env.fake.calls.length;
  const grant = await admitAndHold(held.deps, invite, held.hold);
  expect(grant.roomName).toMatch(/^flex-video-WT/);
  // The first check, then one after each of the five seconds.
  expect(held.sleeps()).toBe(HOLD_MS / CHECK_MS);
  expect(roomReads(roomSid, mark)).toBe(1 + HOLD_MS / CHECK_MS);
});

test('the room ending during the hold is answered at the very next check', async () => {
  const { invite, roomSid } = await escalatedTask();
  const held = heldInvocation((check) => {
    if (check === 2) env.fake.endRoom(roomSid);
  });
  const mark = env.fake.calls.length;
  await expect(admitAndHold(held.deps, invite, held.hold)).rejects.toMatchObject({ code: 'session_ended' });
  expect(held.sleeps()).toBe(2);
  expect(roomReads(roomSid, mark)).toBe(3);
});

test('a newer link sent during the hold revokes this one at the very next check', async () => {
  const { task, flexTask, invite } = await escalatedTask();
  const held = heldInvocation(async (check) => {
    if (check === 1) await escalate(env.deps(), flexTask, env.agentOf(task), true);
  });
  await expect(admitAndHold(held.deps, invite, held.hold)).rejects.toMatchObject({ code: 'invite_revoked' });
  expect(held.sleeps()).toBe(1);
});

test('a link that is not valid is refused before any Twilio request, and never held', async () => {
  const { invite } = await escalatedTask();
  const held = heldInvocation();
  const mark = env.fake.calls.length;
  const tampered = invite.slice(0, -4) + (invite.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  await expect(admitAndHold(held.deps, tampered, held.hold)).rejects.toMatchObject({
    code: 'invalid_invite',
  });
  expect(held.sleeps()).toBe(0);
  expect(env.fake.calls.length).toBe(mark);
});
