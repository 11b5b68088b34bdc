import { expectError } from '../support/expect';
import { decodeJwt } from '../support/jwt';
import { useStack } from '../support/use-stack';

/** The equipment check's token (the auth outcomes shared by every agent endpoint are in auth.test.ts). */

const stack = useStack();

test('a preflight token names a throwaway room and identity, never the task room or the agent, and needs no room', async () => {
  const task = stack.seedTask();
  const before = stack.fake.calls.length;
  const answer = await stack.post('/video/preflight-token', { Token: task.token, TaskSid: task.taskSid });
  expect(answer.status).toBe(200);
  const payload = decodeJwt(answer.body.token);
  expect(payload.grants).toEqual({ identity: answer.body.identity, video: { room: answer.body.roomName } });
  expect(answer.body.identity).toMatch(/^preflight-[0-9a-f-]{36}$/);
  expect(answer.body.roomName).toMatch(/^preflight-[0-9a-f-]{36}$/);
  expect(payload.exp - payload.iat).toBe(300);
  expect(new Date(answer.body.expiresAt).getTime()).toBe(payload.exp * 1000);
  // Issuing it creates and reads no room.
  expect(stack.fake.calls.slice(before).some((call) => call.subdomain === 'video')).toBe(false);
  expect(stack.fake.rooms).toHaveLength(0);
});

test('while the task has a call, the preflight token still cannot enter it', async () => {
  const task = stack.seedTask();
  const escalated = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expect(escalated.status).toBe(200);
  const answer = await stack.post('/video/preflight-token', { Token: task.token, TaskSid: task.taskSid });
  const room = decodeJwt(answer.body.token).grants.video?.room;
  expect([escalated.body.roomSid, escalated.body.roomName]).not.toContain(room);
  expect(answer.body.identity).not.toBe(escalated.body.agent.identity);
});

test('two checks get two rooms', async () => {
  const task = stack.seedTask();
  const [a, b] = await Promise.all(
    [1, 2].map(() => stack.post('/video/preflight-token', { Token: task.token, TaskSid: task.taskSid })),
  );
  expect(a.body.roomName).not.toBe(b.body.roomName);
});

test.each(['pending', 'wrapping', 'completed'])(
  'a %s reservation is not enough',
  async (reservationStatus) => {
    const task = stack.seedTask({ reservationStatus });
    expectError(
      await stack.post('/video/preflight-token', { Token: task.token, TaskSid: task.taskSid }),
      403,
      'forbidden',
    );
  },
);
