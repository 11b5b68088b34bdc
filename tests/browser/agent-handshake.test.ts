import { useStack } from '../support/use-stack';
import { checkedStates, lastStateIs, openPanelOnTask, panelScreen, useFlexAndStranger } from './agent-host';
import { eventually, hasText, isFocused, sentParameter, useBrowserContext, visible } from './harness';

/** The panel embedded as the Flex plugin embeds it, by a host page on another origin: the
 * handshake, the allowed origins from /video/agent-config, the state messages, and the two ways
 * into a call (start one, or join the task's room). The bundle runs under twilio-run against
 * the emulator, and the panel runs the real SDK through the stack's Video edge. */

const env: Record<string, string> = {};
const hosts = useFlexAndStranger(env);
const stack = useStack({ env });
const context = useBrowserContext();

const tokenChecks = () => stack.fake.callsTo('POST', /\/iam\/v1\/Accounts\/.+\/Tokens\/validate$/).length;

test('agent-config is public and names the allowed origins', async () => {
  const response = await fetch(`${stack.baseUrl}/video/agent-config`);
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({
    allowedOrigins: ['https://flex.twilio.com', hosts.flex.origin],
    recordingPolicy: 'on-demand',
  });
});

test('a session from a disallowed origin is ignored: nothing is asked with its token', async () => {
  const task = stack.fake.seedTask();
  const checksBefore = tokenChecks();
  // A stranger cannot frame the panel (frame-ancestors: framing.test.ts), but it can open it in a
  // window of its own and post to it: the panel still hears only the allowed origins.
  const hosted = await openPanelOnTask(context, hosts.stranger, stack.baseUrl, task, { mode: 'window' });
  await panelScreen(hosted, 'waiting-for-host').waitFor();
  // The stranger got the ready message (it carries nothing) and, as it answered at once, would
  // have been heard by now; give a slow machine a moment more.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(await hosted.received()).toEqual([
    { origin: stack.baseUrl, data: { type: 'video-escalation:ready', version: 1 } },
  ]);
  const asked = hosted.requests.filter((url) => url.startsWith(`${stack.baseUrl}/video/`));
  expect(asked).toEqual([`${stack.baseUrl}/video/agent-config`]);
  expect(tokenChecks()).toBe(checksBefore);
  expect(await panelScreen(hosted, 'waiting-for-host').textContent()).toContain('Waiting for Flex…');
});

test('an allowed host: ready, session, no room yet → Start video call; every state is well-formed', async () => {
  const task = stack.fake.seedTask();
  const roomsBefore = stack.fake.rooms.length;
  const hosted = await openPanelOnTask(context, hosts.flex, stack.baseUrl, task);
  const setup = panelScreen(hosted, 'ready');
  await setup.waitFor();
  await hasText(setup.locator('h1'), 'Video call');
  await visible(hosted.panel.getByRole('button', { name: 'Start video call' }));
  // The task's room was looked for, and nothing was created.
  expect(hosted.requests.filter((url) => url.includes('/video/agent-call'))).toHaveLength(1);
  expect(stack.fake.rooms.length).toBe(roomsBefore);
  const states = await checkedStates(hosted);
  expect(states).toEqual([
    { type: 'video-escalation:state', state: 'idle', roomSid: null, recording: false, participants: [] },
  ]);
  // Nothing went anywhere but this service, and the panel's CSP held.
  expect(
    hosted.requests.filter(
      (url) =>
        !url.startsWith(stack.baseUrl) && !url.startsWith(hosts.flex.origin) && !url.startsWith('data:'),
    ),
  ).toEqual([]);
  expect(
    await hosted.panel.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  ).toEqual([]);
});

test('Start video call: one room, one invite in the chat, the agent in the room and told', async () => {
  const task = stack.fake.seedTask();
  const hosted = await openPanelOnTask(context, hosts.flex, stack.baseUrl, task);
  await hosted.panel.getByRole('button', { name: 'Start video call' }).click();
  await panelScreen(hosted, 'waiting').waitFor();
  await hasText(
    hosted.panel.locator('.waiting p'),
    'Waiting for the customer to join from the link in the chat…',
  );
  await hasText(hosted.panel.locator('.notice'), 'The link was posted in the chat.');

  const room = stack.fake.rooms.find((r) => r.unique_name.includes(task.taskSid))!;
  expect(room.status).toBe('in-progress');
  const invites = stack.fake.noticesOf(task.conversationSid, 'invite', room.sid);
  expect(invites).toHaveLength(1);
  expect(invites[0].body).toContain(`${stack.baseUrl}/join.html#invite=`);

  // The edge admitted the panel with its token (it checks the grant names this room), its
  // camera and microphone with it.
  await eventually(() => stack.edge.list().filter((p) => p.roomSid === room.sid).length, 1);
  const [held] = stack.edge.list().filter((p) => p.roomSid === room.sid);
  expect(held.withMedia).toBe(true);
  expect(stack.fake.connectedIdentities(room.sid)).toEqual([held.identity]);
  // Opaque: nothing of the worker in it (core/tokens.ts).
  const agent = held.identity;
  expect(agent).toMatch(/^agent-[0-9a-f]{40}$/);
  expect(agent).not.toContain(task.workerSid);
  await lastStateIs(hosted, { state: 'connected', roomSid: room.sid, participants: [agent] });
  const states = await checkedStates(hosted);
  // Connecting while the room is made, then connecting to it: the host learns the room first.
  expect(states.map((s) => [s.state, s.roomSid])).toEqual([
    ['idle', null],
    ['connecting', null],
    ['connecting', room.sid],
    ['connected', room.sid],
  ]);
});

test('a task already in a call is joined at once, without creating anything', async () => {
  const task = stack.fake.seedTask();
  const escalated = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expect(escalated.status).toBe(200);
  const roomsBefore = stack.fake.rooms.length;
  const messagesBefore = stack.fake.messages(task.conversationSid).length;

  const hosted = await openPanelOnTask(context, hosts.flex, stack.baseUrl, task);
  await panelScreen(hosted, 'waiting').waitFor();
  await lastStateIs(hosted, {
    state: 'connected',
    roomSid: escalated.body.roomSid,
    participants: [escalated.body.agent.identity],
  });
  expect(stack.fake.rooms.length).toBe(roomsBefore);
  expect(stack.fake.messages(task.conversationSid).length).toBe(messagesBefore);
  expect(hosted.requests.filter((url) => url.includes('/video/escalate'))).toEqual([]);
  expect((await checkedStates(hosted)).map((s) => s.state)).toEqual(['idle', 'connecting', 'connected']);
  expect(await hosted.panel.getByRole('button', { name: 'Start video call' }).count()).toBe(0);
});

test('a Flex token renewed by the host is the one the next call sends', async () => {
  const task = stack.fake.seedTask();
  const hosted = await openPanelOnTask(context, hosts.flex, stack.baseUrl, task);
  await panelScreen(hosted, 'ready').waitFor();
  const renewed = stack.fake.addFlexUser({
    identity: 'renewed@example.com',
    worker_sid: task.workerSid,
    roles: ['agent'],
  });
  await hosted.send({ type: 'video-escalation:token', token: renewed });
  const sent: (string | undefined)[] = [];
  hosted.page.on('request', (request) => {
    if (request.url().endsWith('/video/escalate')) sent.push(sentParameter(request, 'Token'));
  });
  await hosted.panel.getByRole('button', { name: 'Start video call' }).click();
  await panelScreen(hosted, 'waiting').waitFor();
  expect(sent).toEqual([renewed]);
});

test('a refused Flex token is an error for the host, and the renewal that follows is used at once', async () => {
  const task = stack.fake.seedTask();
  const hosted = await openPanelOnTask(context, hosts.flex, stack.baseUrl, {
    token: 'flex-token-that-expired',
    taskSid: task.taskSid,
  });
  const failed = panelScreen(hosted, 'failed');
  await failed.waitFor();
  await hasText(failed.locator('h1'), 'The video call isn’t available');
  await hasText(failed.locator('p'), 'Your Flex session has expired. Reload Flex to sign in again.');
  // Nothing to try again by hand: only a new token helps.
  expect(await hosted.panel.getByRole('button').count()).toBe(0);
  await lastStateIs(hosted, { state: 'error', roomSid: null, recording: false, participants: [] });

  await hosted.send({ type: 'video-escalation:token', token: task.token });
  await panelScreen(hosted, 'ready').waitFor();
  await lastStateIs(hosted, { state: 'idle' });
  expect((await checkedStates(hosted)).map((s) => s.state)).toEqual(['idle', 'error', 'idle']);
});

test('opened on its own, the panel says where it belongs; the real twilio-video loads under its CSP', async () => {
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') violations.push(message.text());
  });
  await page.goto(`${stack.baseUrl}/agent.html`);
  await page.locator('#app > section[data-state="no-host"]').waitFor();
  await hasText(page.locator('h1'), 'Open this panel from Flex');
  await isFocused(page.locator('h1'));
  await page.waitForFunction(
    () =>
      (window as unknown as { Twilio?: { Video?: { isSupported: boolean } } }).Twilio?.Video?.isSupported ===
      true,
  );
  expect(violations).toEqual([]);
  await page.close();
});
