import { escalated } from '../support/escalated';
import { useStack } from '../support/use-stack';
import type { Stack } from '../support/stack';
import {
  lastStateIs,
  openPanelOnTask,
  panelScreen,
  panelShot,
  startHost,
  type HostServer,
} from './agent-host';
import { eventually, hasText, hidden, sentParameter, useBrowserContext, visible } from './harness';

/** The recording control under each company policy (VIDEO_RECORDING): what it offers, why it
 * is disabled when it is, the indicator in step with the room, and failures explained. One
 * stack per policy, since the policy is the service's environment. The panel runs the real SDK
 * through the stack's Video edge: the room's recording is the emulator's recording rules, which
 * reach the panel as the SDK's recordingStarted/recordingStopped. */

let flex: HostServer;
const env = (policy: string): Record<string, string> => ({ VIDEO_RECORDING: policy });
const envs = { 'on-demand': env('on-demand'), always: env('always'), off: env('off') };
beforeAll(async () => {
  flex = await startHost();
  for (const policyEnv of Object.values(envs)) policyEnv.ALLOWED_ORIGINS = flex.origin;
});
afterAll(() => flex?.close());
const context = useBrowserContext();

/** The agent alone in the task's room; `recordingAlready`: the room's rules record everything
 * before the panel connects (a recording started elsewhere). */
async function inCall(stack: Stack, recordingAlready = false) {
  const task = await escalated(stack);
  if (recordingAlready) stack.fake.setRecordingRules(task.room, [{ type: 'include', all: true }]);
  const hosted = await openPanelOnTask(context, flex, stack.baseUrl, task);
  await panelScreen(hosted, 'waiting').waitFor();
  const recordingRequests: (string | undefined)[] = [];
  hosted.page.on('request', (request) => {
    if (request.url().endsWith('/video/recording')) recordingRequests.push(sentParameter(request, 'Action'));
  });
  return { hosted, task, roomSid: task.roomSid, recordingRequests };
}

describe('on-demand', () => {
  const stack = useStack({ env: envs['on-demand'] });

  test('start and stop: the customer is told in the chat, the indicator follows the room', async () => {
    const { hosted, task, roomSid, recordingRequests } = await inCall(stack);
    const panel = hosted.panel;
    const section = panel.locator('section.recording');
    await hasText(section.locator('.recording-status'), 'This call is not being recorded.');
    await hidden(panel.locator('.recording-badge'));

    await panel.getByRole('button', { name: 'Start recording' }).click();
    await visible(panel.getByRole('button', { name: 'Stop recording' }));
    expect(recordingRequests).toEqual(['start']);
    expect(stack.fake.noticesOf(task.conversationSid, 'recording-started', roomSid)).toHaveLength(1);
    expect(stack.fake.isRecording(roomSid)).toBe(true);

    // The room reports it through the SDK: indicator, words, announcement, the host told.
    await visible(panel.locator('.recording-badge'));
    await hasText(
      section.locator('.recording-status'),
      'This call is being recorded. The customer was told in the chat.',
    );
    await hasText(panel.locator('#announcer'), 'Recording started.');
    await lastStateIs(hosted, { state: 'connected', recording: true });
    await panelShot(hosted, 'agent-20-recording');

    await panel.getByRole('button', { name: 'Stop recording' }).click();
    await visible(panel.getByRole('button', { name: 'Start recording' }));
    expect(recordingRequests).toEqual(['start', 'stop']);
    await eventually(
      () => stack.fake.noticesOf(task.conversationSid, 'recording-stopped', roomSid).length,
      1,
    );
    expect(stack.fake.isRecording(roomSid)).toBe(false);
    await hidden(panel.locator('.recording-badge'));
    await hasText(panel.locator('#announcer'), 'Recording stopped.');
    await lastStateIs(hosted, { recording: false });
  });

  test('a failure is explained and the control is offered again', async () => {
    const { hosted, roomSid } = await inCall(stack);
    stack.fake.faults.push({ path: /\/RecordingRules$/, times: Infinity, status: 503, twilioCode: 20503 });
    await hosted.panel.getByRole('button', { name: 'Start recording' }).click();
    const problem = hosted.panel.locator('section.recording .problem');
    await visible(problem, 15_000);
    expect(await problem.getAttribute('role')).toBe('alert');
    // Twilio stayed busy through the service's retries: 503 with Retry-After, said in words.
    expect(await problem.textContent()).toBe('The video service is busy. Try again in 2 seconds.');
    await visible(hosted.panel.getByRole('button', { name: 'Start recording' }));
    expect(await hosted.panel.getByRole('button', { name: 'Start recording' }).isEnabled()).toBe(true);
    await lastStateIs(hosted, { recording: false });
    expect(stack.fake.isRecording(roomSid)).toBe(false);
  });
});

describe('always', () => {
  const stack = useStack({ env: envs.always });

  test('the call records from the start; stopping is not offered, and the agent is told why', async () => {
    const { hosted, recordingRequests, roomSid } = await inCall(stack);
    // The policy's rules, set when the room was made: recording before anyone connects.
    expect(stack.fake.isRecording(roomSid)).toBe(true);
    const panel = hosted.panel;
    await visible(panel.locator('.recording-badge'));
    await lastStateIs(hosted, { state: 'connected', recording: true });
    const toggle = panel.getByRole('button', { name: 'Stop recording' });
    expect(await toggle.getAttribute('aria-disabled')).toBe('true');
    await hasText(
      panel.locator('#recording-note'),
      'Your company records every video call; recording can’t be stopped.',
    );
    expect(await toggle.getAttribute('aria-describedby')).toBe('recording-note');
    // Still focusable, so the reason is read with it; pressing it asks nothing.
    await toggle.focus();
    await hosted.page.keyboard.press('Enter');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(recordingRequests).toEqual([]);
    await panelShot(hosted, 'agent-21-recording-always');
  });
});

describe('off', () => {
  const stack = useStack({ env: envs.off });

  test('recording cannot be started, and the agent is told why', async () => {
    const { hosted, recordingRequests } = await inCall(stack);
    const panel = hosted.panel;
    const toggle = panel.getByRole('button', { name: 'Start recording' });
    expect(await toggle.getAttribute('aria-disabled')).toBe('true');
    await hasText(panel.locator('#recording-note'), 'Your company has turned recording off for video calls.');
    await toggle.click({ force: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(recordingRequests).toEqual([]);
    await hidden(panel.locator('.recording-badge'));
  });

  test('a recording running anyway can still be stopped', async () => {
    const { hosted, recordingRequests, roomSid } = await inCall(stack, true);
    await visible(hosted.panel.locator('.recording-badge'));
    const toggle = hosted.panel.getByRole('button', { name: 'Stop recording' });
    expect(await toggle.getAttribute('aria-disabled')).toBe('false');
    await toggle.click();
    await eventually(() => recordingRequests, ['stop']);
    await hidden(hosted.panel.locator('#recording-note'));
    await hidden(hosted.panel.locator('.recording-badge'));
    expect(stack.fake.isRecording(roomSid)).toBe(false);
  });
});
