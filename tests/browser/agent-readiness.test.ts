import fs from 'node:fs';
import path from 'node:path';
import { READINESS_ATTRIBUTE, type ReadinessRecord } from '../../src/core/readiness';
import {
  customerJoins,
  openPanelOnTask,
  panelScreen,
  panelShot,
  panelVideoPlaying,
  useFlexHost,
} from './agent-host';
import { useFakeCameraClips } from './appearance-shots';
import { useBrowserContext, visible, voiceWav } from './harness';
import { preflightDouble } from './preflight-double';
import { ROOT } from '../support/stack';
import { useStack } from '../support/use-stack';

/** Issue 23 in the panel, on the real SDK through the stack's Video edge: under
 * VIDEO_AGENT_READINESS=require, Start video call waits for both checks, equipment and
 * appearance, to pass with the policy acknowledged; a practice call connects the panel and a
 * trainer's join page, and no conversation receives anything. The fake camera plays a centred,
 * lit face (a labelled photograph made into a clip, as in appearance.test.ts), so the appearance
 * check has a face to judge, and the fake microphone a voice at a good level (voiceWav). The
 * network probe is the equipment check's named double (preflight-double.ts): preflight cannot pass
 * on the edge. */

const POLICY = 'Business dress, a quiet room, nothing confidential in view.';
const { flex, env } = useFlexHost();
Object.assign(env, { VIDEO_AGENT_READINESS: 'require', VIDEO_AGENT_POLICY_TEXT: POLICY });
const stack = useStack({ env });
// Before the browser: its launch plays the clip, made in this file's first beforeAll.
const { clip } = useFakeCameraClips(['obama-good']);
// Tall enough for the panel to show both checks and Start video call in one picture (the README's).
const context = useBrowserContext(
  { fakeVideoFile: clip('obama-good'), fakeAudioFile: voiceWav() },
  { viewport: { width: 1280, height: 1400 } },
);

const keptRecord = (workerSid: string) =>
  (JSON.parse(stack.fake.workers.get(workerSid)!.attributes) as Record<string, ReadinessRecord | undefined>)[
    READINESS_ATTRIBUTE
  ];

test('under require, Start video call is disabled before the checks and enabled only after both passed', async () => {
  await preflightDouble(context, 'good');
  const task = stack.fake.seedTask();
  const hosted = await openPanelOnTask(context, flex, stack.baseUrl, task, {
    size: { width: 420, height: 1300 },
  });
  await panelScreen(hosted, 'ready').waitFor();
  const panel = hosted.panel;
  const start = panel.getByRole('button', { name: 'Start video call' });
  const required = panel.locator('.readiness-note[data-readiness="required"]');
  await visible(required);
  expect(await start.isDisabled()).toBe(true);
  expect(await panel.locator('.policy-text').textContent()).toBe(POLICY);

  // The equipment check passed, with the policy acknowledged, is not enough on its own.
  await panel.getByLabel(/I have read the video policy/).check();
  const reported = panel
    .page()
    .waitForResponse(
      (response) =>
        response.url().endsWith('/video/readiness') &&
        (response.request().postDataJSON() as { Action?: string }).Action === 'report',
      { timeout: 30_000 },
    );
  await panel.getByRole('button', { name: 'Check my equipment' }).click();
  // The service's answer, which the panel's gate follows: not ready, for want of the appearance items.
  expect(await (await reported).json()).toMatchObject({
    missingItems: ['appearance-framing', 'appearance-lighting', 'appearance-voice'],
    ready: false,
    policyAcknowledged: true,
  });
  await visible(panel.locator('.equipment-check').getByRole('button', { name: 'Check again' }));
  expect(Object.keys(keptRecord(task.workerSid)?.items ?? {}).sort()).toEqual([
    'camera',
    'microphone',
    'network',
    'speakers',
  ]);
  expect(keptRecord(task.workerSid)).toMatchObject({
    verdict: expect.stringMatching(/^(good|warning)$/) as unknown,
    policy: { acknowledgedAt: expect.stringMatching(/^\d{4}-/) as unknown },
  });
  await visible(required);
  expect(await start.isDisabled()).toBe(true);

  // Then the appearance check, on the fake camera's face: both passed, Start is enabled.
  await panel.getByRole('button', { name: 'Check how I look and sound' }).click();
  await visible(panel.locator('.readiness-note[data-readiness="passed"]'), 60_000);
  expect(await start.isDisabled()).toBe(false);
  // Kept on the worker, signed, with both checks' items; the acknowledgement carried over.
  expect(keptRecord(task.workerSid)).toMatchObject({
    items: {
      camera: { verdict: 'good' },
      microphone: { verdict: 'good' },
      network: { verdict: 'good' },
      'appearance-framing': { verdict: 'good', finding: 'appearance-framing-good' },
      'appearance-lighting': { verdict: 'good', finding: 'appearance-lighting-good' },
      'appearance-voice': { verdict: expect.stringMatching(/^(good|warning)$/) as unknown },
    },
    policy: { acknowledgedAt: expect.stringMatching(/^\d{4}-/) as unknown },
  });
  await panel.locator('.readiness-note').scrollIntoViewIfNeeded();
  const shot = await panelShot(hosted, 'agent-40-readiness-passed');
  fs.copyFileSync(shot, path.join(ROOT, 'docs', 'screenshots', 'agent-readiness-passed.png'));
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
