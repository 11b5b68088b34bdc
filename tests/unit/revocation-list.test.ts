import { randomBytes } from 'node:crypto';
import { admitCustomer, escalate } from '../../src/core/escalation';
import { readRevocations, revokeLinks } from '../../src/core/links';
import { removeParticipant } from '../../src/core/participants';
import { findInProgressRoom } from '../../src/core/rooms';
import { customerIdentity } from '../../src/core/tokens';
import { inviteOf } from '../support/expect';
import { useInProcess } from '../support/in-process';

/** The revocation list forgets nobody (issue 18, item 1): in-process, against the emulator, since
 * it fills the list in Sync and then removes through the real flow. */

const env = useInProcess();

test('the 201st removal from a room does not re-admit the first: the list falls back to revoking every older link', async () => {
  const task = env.fake.seedTask();
  const deps = env.deps();
  const agent = env.agentOf(task);
  const flexTask = { sid: task.taskSid, conversationSid: task.conversationSid };
  const { joinUrl } = await escalate(deps, flexTask, agent, false);
  const room = (await findInProgressRoom(deps.twilio, task.taskSid))!;
  const firstInvite = inviteOf(joinUrl);
  const first = await admitCustomer(deps, firstInvite);

  await removeParticipant(deps, room, agent, first.identity);
  await expect(admitCustomer(env.deps(), firstInvite)).rejects.toMatchObject({ code: 'invite_revoked' });
  // The list filled to its 200 by one batch of 199 more nonces, then the 201st removal.
  const filler = env.deps();
  const others = Array.from({ length: 199 }, () => randomBytes(12).toString('base64url'));
  await revokeLinks(filler.twilio, filler.syncServiceSid, room.sid, { revokedNonces: others }, Date.now());
  const full = await readRevocations(filler.twilio, filler.syncServiceSid, room.sid);
  expect(full).toMatchObject({ revokedBefore: 0 });
  expect(full.revokedNonces).toHaveLength(200);
  await removeParticipant(env.deps(), room, agent, customerIdentity(randomBytes(12).toString('base64url')));
  await expect(admitCustomer(env.deps(), firstInvite)).rejects.toMatchObject({ code: 'invite_revoked' });
  const fresh = env.deps();
  const revocations = await readRevocations(fresh.twilio, fresh.syncServiceSid, room.sid);
  expect(revocations.revokedNonces.length).toBeLessThanOrEqual(200);
  expect(revocations.revokedBefore).toBeGreaterThan(0);
  // A link issued after the fallback still works.
  const { joinUrl: later } = await escalate(env.deps(), flexTask, agent, false);
  await expect(admitCustomer(env.deps(), inviteOf(later))).resolves.toMatchObject({
    roomName: room.uniqueName,
  });
}, 60_000);
