import { Escalated, escalated } from '../support/escalated';
import { inviteOf } from '../support/expect';
import { decodeJwt } from '../support/jwt';
import { participantConnected as connected } from '../support/twilio-callbacks';
import { useStack } from '../support/use-stack';

/** Revocation that holds: a customer whose link was revoked stays out, even with a Video token
 * issued before the revocation (issue 18, item 1). */

const stack = useStack();
/** Each test makes about ten requests, each a process twilio-run forks: time for a busy machine. */
const MANY_REQUESTS_MS = 300_000;

/** A customer admitted by the link: the identity /video/join gave them, connected to the room. */
async function joinWith(joinUrl: string, task: Escalated) {
  const { body } = await stack.post('/video/join', { Invite: inviteOf(joinUrl) });
  return stack.fake.addParticipant(task.roomSid, body.identity);
}

/** Another working link of the same room: a repeated escalate signs a fresh one (not posted). */
async function secondLink(task: Escalated): Promise<string> {
  const { body } = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  return body.joinUrl;
}

const participantDisconnects = (since: number) =>
  stack.fake.callsTo('POST', /^\/video\/v1\/Rooms\/RM[0-9a-f]{32}\/Participants\/[^/]+$/, since);

/** A task in a call: its agent, the customer of the posted link, and a second customer admitted
 * by another working link of the room. */
async function callOfThree() {
  const task = await escalated(stack);
  const agent = stack.fake.addParticipant(task.roomSid, task.agentIdentity);
  const first = await joinWith(task.joinUrl, task);
  const second = await joinWith(await secondLink(task), task);
  return { task, agent, first, second };
}

const participantConnected = (task: Escalated, participant: { sid: string; identity: string }) =>
  connected(stack, task.room, participant);

test(
  'a removed customer who reconnects with the token they already hold is disconnected at once, and nobody else',
  async () => {
    const { task, agent, first: removed, second: stays } = await callOfThree();
    const removal = await stack.post('/video/remove-participant', {
      Token: task.token,
      TaskSid: task.taskSid,
      Identity: removed.identity,
    });
    expect(removal.body.removed).toBe(true);

    // The SDK reconnects with the token it was given before the removal: Twilio admits it.
    const back = stack.fake.addParticipant(task.roomSid, removed.identity);
    const before = stack.fake.calls.length;
    const answer = await participantConnected(task, back);
    expect(answer.body).toEqual({ handled: 'participant-connected', disconnected: true });
    expect(participantDisconnects(before).map((c) => [c.path.split('/').pop(), c.form.Status])).toEqual([
      [back.sid, 'disconnected'],
    ]);
    expect(stack.fake.connectedIdentities(task.roomSid)).toEqual([agent.identity, stays.identity]);

    // The agent and the customer whose link still works connect untouched.
    const afterRevoked = stack.fake.calls.length;
    expect((await participantConnected(task, stays)).body).toEqual({
      handled: 'participant-connected',
      disconnected: false,
    });
    expect((await participantConnected(task, agent)).body).toEqual({ handled: 'ignored' });
    expect(participantDisconnects(afterRevoked)).toEqual([]);
    expect(stack.fake.connectedIdentities(task.roomSid)).toEqual([agent.identity, stays.identity]);
  },
  MANY_REQUESTS_MS,
);

test(
  'Resend disconnects every customer an earlier link admitted before it answers; the new link’s customer stays',
  async () => {
    const { task, agent, first, second: copied } = await callOfThree();

    const resent = await stack.post('/video/escalate', {
      Token: task.token,
      TaskSid: task.taskSid,
      Resend: true,
    });
    expect(resent.status).toBe(200);
    expect(stack.fake.connectedIdentities(task.roomSid)).toEqual([agent.identity]);

    // Either old customer coming back with their old token is sent away again.
    for (const old of [first, copied]) {
      const back = stack.fake.addParticipant(task.roomSid, old.identity);
      expect((await participantConnected(task, back)).body).toEqual({
        handled: 'participant-connected',
        disconnected: true,
      });
    }
    const current = await joinWith(resent.body.joinUrl, task);
    const before = stack.fake.calls.length;
    expect((await participantConnected(task, current)).body).toMatchObject({ disconnected: false });
    expect(participantDisconnects(before)).toEqual([]);
    expect(stack.fake.connectedIdentities(task.roomSid)).toEqual([agent.identity, current.identity]);
  },
  MANY_REQUESTS_MS,
);

test('the customer’s Video token lives only as long as connecting needs (10 minutes)', async () => {
  const task = await escalated(stack);
  const { body } = await stack.post('/video/join', { Invite: inviteOf(task.joinUrl) });
  const claims = decodeJwt(body.token);
  expect(claims.exp - claims.iat).toBe(600);
});
