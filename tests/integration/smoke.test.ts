import { startStack, Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

test('smoke', async () => {
  const t = stack.seedTask();
  const started = Date.now();
  const r = await stack.post('/video/escalate', { Token: t.token, TaskSid: t.taskSid });
  console.log(Date.now() - started, r.status, r.text.slice(0, 600), stack.fake.violations, stack.fake.calls.map((c) => `${c.method} ${c.path} ${c.status} ${c.startedAt % 100000}-${c.endedAt % 100000}`));
  const invite = r.body.joinUrl.split('#invite=')[1];
  const j = await stack.post('/video/join', { Invite: invite, Name: 'Ana' });
  console.log(j.status, JSON.stringify(j.body).slice(0, 300));
});
