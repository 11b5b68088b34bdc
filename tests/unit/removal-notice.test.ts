import { admitCustomer, escalate } from '../../src/core/escalation';
import { NOTICE_AUTHOR } from '../../src/core/messages';
import { BUILT_IN_NOTICES } from '../../src/core/notices';
import { removeParticipant } from '../../src/core/participants';
import { findInProgressRoom } from '../../src/core/rooms';
import { inviteOf } from '../support/expect';
import { useInProcess } from '../support/in-process';

/** A removed customer is told in the chat (issue 20): their page cannot tell a removal from any
 * other disconnect by itself. In-process, against the emulator. */

const env = useInProcess();

async function customerInCall() {
  const task = env.fake.seedTask();
  const deps = env.deps();
  const agent = env.agentOf(task);
  const { joinUrl } = await escalate(
    deps,
    { sid: task.taskSid, conversationSid: task.conversationSid },
    agent,
    false,
  );
  const room = (await findInProgressRoom(deps.twilio, task.taskSid))!;
  const customer = await admitCustomer(deps, inviteOf(joinUrl));
  return { task, agent, room, customer };
}

test('removing a connected customer posts the removal notice, in the chat’s language, once', async () => {
  const { task, agent, room, customer } = await customerInCall();
  env.fake.addParticipant(room.sid, customer.identity);
  const before = env.fake.messages(task.conversationSid).length;
  const chat = { conversationSid: task.conversationSid, notices: BUILT_IN_NOTICES.es };
  await expect(removeParticipant(env.deps(), room, agent, customer.identity, chat)).resolves.toMatchObject({
    removed: true,
  });
  const posted = env.fake.messages(task.conversationSid).slice(before);
  expect(posted.map((m) => [m.author, m.body, JSON.parse(m.attributes) as unknown])).toEqual([
    [
      NOTICE_AUTHOR,
      BUILT_IN_NOTICES.es['participant-removed'],
      { videoEscalation: { roomSid: room.sid, kind: 'participant-removed' } },
    ],
  ]);
});

test('nobody connected under that identity (or no chat): the link is revoked, nothing is posted', async () => {
  const { task, agent, room, customer } = await customerInCall();
  const before = env.fake.messages(task.conversationSid).length;
  const chat = { conversationSid: task.conversationSid, notices: BUILT_IN_NOTICES.en };
  await expect(removeParticipant(env.deps(), room, agent, customer.identity, chat)).resolves.toMatchObject({
    removed: false,
  });
  env.fake.addParticipant(room.sid, customer.identity);
  await removeParticipant(env.deps(), room, agent, customer.identity);
  expect(env.fake.messages(task.conversationSid).length).toBe(before);
});
