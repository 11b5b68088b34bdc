import { READINESS_ATTRIBUTE } from '../../src/core/readiness';
import {
  customerJoins,
  openPanelOnTask,
  panelScreen,
  panelShot,
  panelVideoPlaying,
  useFlexHost,
} from './agent-host';
import { useBrowserContext, visible } from './harness';
import { preflightDouble } from './preflight-double';
import { useStack } from '../support/use-stack';

/** Issue 23 in the panel, on the real SDK through the stack's Video edge: under
 * VIDEO_AGENT_READINESS=require, Start video call waits for a passing check with the policy
 * acknowledged; a practice call connects the panel and a trainer's join page, and no
 * conversation receives anything. The network probe is the equipment check's named double
 * (preflight-double.ts): preflight cannot pass on the edge. */

const POLICY = 'Business dress, a quiet room, nothing confidential in view.';
const { flex, env } = useFlexHost();
Object.assign(env, { VIDEO_AGENT_READINESS: 'require', VIDEO_AGENT_POLICY_TEXT: POLICY });
const stack = useStack({ env });
const context = useBrowserContext();

test('under require, Start video call is disabled before the check and enabled after it passed', async () => {
  await preflightDouble(context, 'good');
  const task = stack.fake.seedTask();
  const hosted = await openPanelOnTask(context, flex, stack.baseUrl, task);
  await panelScreen(hosted, 'ready').waitFor();
  const panel = hosted.panel;
  const start = panel.getByRole('button', { name: 'Start video call' });
  await visible(panel.locator('.readiness-note[data-readiness="required"]'));
  expect(await start.isDisabled()).toBe(true);
  expect(await panel.locator('.policy-text').textContent()).toBe(POLICY);

  // A passing check without the policy acknowledged is not enough.
  await panel.getByRole('button', { name: 'Check my equipment' }).click();
  await visible(panel.getByRole('button', { name: 'Check again' }), 30_000);
  await visible(panel.locator('.readiness-note[data-readiness="required"]'));
  expect(await start.isDisabled()).toBe(true);

  await panel.getByLabel(/I have read the video policy/).check();
  await panel.getByRole('button', { name: 'Check again' }).click();
  await visible(panel.locator('.readiness-note[data-readiness="passed"]'), 30_000);
  expect(await start.isDisabled()).toBe(false);
  // Kept on the worker, signed, with the check's items.
  const attributes = JSON.parse(stack.fake.workers.get(task.workerSid)!.attributes) as Record<
    string,
    unknown
  >;
  const record = attributes[READINESS_ATTRIBUTE];
  expect(record).toMatchObject({
    verdict: 'good',
    items: { camera: { verdict: 'good' }, network: { verdict: 'good' } },
    policy: { acknowledgedAt: expect.stringMatching(/^\d{4}-/) as unknown },
  });
  await panelShot(hosted, 'agent-40-readiness-passed');
  await start.click();
  await panelScreen(hosted, 'waiting').waitFor();
  expect(stack.fake.conversations.get(task.conversationSid)).toHaveLength(1);
});

test('a practice call connects the panel and a trainer’s join page; no conversation receives anything', async () => {
  const task = stack.fake.seedTask();
  const hosted = await openPanelOnTask(context, flex, stack.baseUrl, task);
  await panelScreen(hosted, 'ready').waitFor();
  const messagesBefore = [...stack.fake.conversations.values()].flat().length;
  // Under require too: a practice call is no customer call.
  await hosted.panel.getByRole('button', { name: 'Practice call' }).click();
  await panelScreen(hosted, 'waiting').waitFor();
  const link = hosted.panel.locator('[data-control="practice-link"]');
  await visible(link);
  const joinUrl = await link.inputValue();
  expect(joinUrl).toMatch(/\/join\.html#invite=RM/);
  const practiceMessage = (await hosted.received())
    .map((m) => m.data as Record<string, unknown>)
    .find((data) => data?.type === 'video-escalation:practice');
  expect(practiceMessage).toMatchObject({ joinUrl });

  const trainer = await customerJoins(context, joinUrl);
  await panelScreen(hosted, 'live').waitFor();
  await panelVideoPlaying(hosted, '.customer-video');
  await visible(trainer.page.locator('.agent-video, .stage video').first(), 15_000);
  await panelShot(hosted, 'agent-41-practice-call');

  const room = stack.fake.rooms.find((r) => joinUrl.includes(r.sid))!;
  expect(room.unique_name).toMatch(/^practice-/);
  // The host (the task's tab in Flex) never saw a call; no conversation got a message.
  expect((await hosted.stateMessages()).map((m) => m.state)).not.toContain('connected');
  expect([...stack.fake.conversations.values()].flat()).toHaveLength(messagesBefore);

  await hosted.panel.locator('[data-control="end"]').click();
  await hosted.panel.getByRole('button', { name: 'End call' }).click();
  await visible(hosted.panel.getByText('The practice call has ended'));
  expect(room.status).toBe('completed');
  expect([...stack.fake.conversations.values()].flat()).toHaveLength(messagesBefore);
});
