import { escalated, type Escalated } from '../support/escalated';
import { participantConnected as connected } from '../support/twilio-callbacks';
import { useStack } from '../support/use-stack';

/** No silent watcher (issue 18, 1b): a supervisor in a task's room is told apart from its agent,
 * by identity on every page and by a notice in the customer's chat. */

const CUSTOM_TEXT = 'Our team lead has joined the call to help.';
const stack = useStack({
  env: { VIDEO_LANGUAGE_ATTRIBUTE: 'language', VIDEO_NOTICE_SUPERVISOR_JOINED: CUSTOM_TEXT },
});

const agentToken = async (task: Escalated, flexToken: string) =>
  (await stack.post('/video/agent-token', { Token: flexToken, TaskSid: task.taskSid })).body;

const participantConnected = (task: Escalated, participant: { sid: string; identity: string }) =>
  connected(stack, task.room, participant);

test('an admin or supervisor without a reservation is a supervisor in the room; the task’s agent, even an admin, is its agent', async () => {
  const task = await escalated(stack);
  const lead = stack.fake.addFlexUser({ identity: 'lead@example.com', roles: ['supervisor'] });
  const admin = stack.fake.addFlexUser({ identity: 'root@example.com', roles: ['admin'] });
  const adminHoldingTask = stack.fake.addFlexUser({
    identity: 'owner@example.com',
    worker_sid: task.workerSid,
    roles: ['admin', 'agent'],
  });

  const [asLead, asAdmin, asOwner] = [
    await agentToken(task, lead),
    await agentToken(task, admin),
    await agentToken(task, adminHoldingTask),
  ];
  expect(asLead.identity).toMatch(/^supervisor-[0-9a-f]{40}$/);
  expect(asAdmin.identity).toMatch(/^supervisor-[0-9a-f]{40}$/);
  expect(asAdmin.identity).not.toBe(asLead.identity);
  // The worker holding the reservation is the agent whatever its roles: the same participant.
  expect(asOwner.identity).toBe(task.agentIdentity);
  expect(task.agentIdentity).toMatch(/^agent-[0-9a-f]{40}$/);
});

test('a supervisor’s entry is told in the chat once per entry, in the configured text; the agent’s and the customer’s are not', async () => {
  const task = await escalated(stack);
  const lead = stack.fake.addFlexUser({ identity: 'lead@example.com', roles: ['supervisor'] });
  const supervisorIdentity = (await agentToken(task, lead)).identity;
  const notices = () => stack.fake.noticesOf(task.conversationSid, 'supervisor-joined', task.roomSid);

  const agent = stack.fake.addParticipant(task.roomSid, task.agentIdentity);
  expect((await participantConnected(task, agent)).body).toEqual({ handled: 'ignored' });
  expect(notices()).toEqual([]);

  const entry = stack.fake.addParticipant(task.roomSid, supervisorIdentity);
  expect((await participantConnected(task, entry)).body).toEqual({
    handled: 'supervisor-connected',
    notice: 'posted',
  });
  // Twilio delivers a callback again when it did not hear the answer: still one notice.
  expect((await participantConnected(task, entry)).body).toEqual({
    handled: 'supervisor-connected',
    notice: 'already-posted',
  });
  expect(notices().map((m) => [m.author, m.body])).toEqual([['system', CUSTOM_TEXT]]);

  // Leaving and coming back is a new participant, and a new entry to tell.
  stack.fake.disconnect(entry);
  const again = stack.fake.addParticipant(task.roomSid, supervisorIdentity);
  expect((await participantConnected(task, again)).body).toEqual({
    handled: 'supervisor-connected',
    notice: 'posted',
  });
  expect(notices()).toHaveLength(2);
});

test('the notice follows the task’s language, and a room that ended tells nobody', async () => {
  const seeded = stack.seedTask();
  const attributes = { conversationSid: seeded.conversationSid, channelType: 'web', language: 'es' };
  stack.fake.tasks.get(seeded.taskSid)!.attributes = JSON.stringify(attributes);
  const spanish = await escalated(stack, { task: seeded });
  const lead = stack.fake.addFlexUser({ identity: 'lead@example.com', roles: ['supervisor'] });
  const identity = (await agentToken(spanish, lead)).identity;
  await participantConnected(spanish, stack.fake.addParticipant(spanish.roomSid, identity));
  expect(
    stack.fake.noticesOf(spanish.conversationSid, 'supervisor-joined', spanish.roomSid).map((m) => m.body),
  ).toEqual(['Un supervisor se ha unido a la videollamada.']);

  const ended = await escalated(stack);
  const late = stack.fake.addParticipant(ended.roomSid, (await agentToken(ended, lead)).identity);
  stack.fake.endRoom(ended.roomSid);
  expect((await participantConnected(ended, late)).body).toEqual({ handled: 'ignored' });
  expect(stack.fake.noticesOf(ended.conversationSid, 'supervisor-joined')).toEqual([]);
});
