import fs from 'node:fs';
import path from 'node:path';
import { CHAT_SERVICE_SID } from '../../dev/emulator';
import { ASSIST_SRC } from '../../src/pages/join/assist-script';
import { escalated } from '../support/escalated';
import { ROOT } from '../support/stack';
import { useStack } from '../support/use-stack';
import { customerJoins, openPanelOnTask, panelScreen, panelShot, useFlexHost } from './agent-host';
import { seriousViolations } from './axe';
import { eventually, hasText, hidden, isFocused, screenshot, useBrowserContext, visible } from './harness';

/** Take picture under each VIDEO_SNAPSHOTS policy, with the real SDK on both pages through the
 * stack's Video edge: the request crosses the call's data track, the customer allows or declines
 * (ask) or only sees it happen (on), and the picture from the customer's own camera lands in the
 * emulator's conversation (the customer's chat) as a media message, or does not; under off the
 * panel has no button. One stack per policy, since the policy is the service's environment. */

const context = useBrowserContext();

/** A Flex host and a stack under one VIDEO_SNAPSHOTS policy (and any `more` of the service's
 * environment), for the describe block it is called in. */
function policyStack(policy: string, more: Record<string, string> = {}) {
  const { flex, env } = useFlexHost();
  Object.assign(env, more, { VIDEO_SNAPSHOTS: policy });
  return { flex, stack: useStack({ env }) };
}

async function inCall({ flex, stack }: ReturnType<typeof policyStack>) {
  const task = await escalated(stack);
  const hosted = await openPanelOnTask(context, flex, stack.baseUrl, task);
  await panelScreen(hosted, 'waiting').waitFor();
  const customer = await customerJoins(context, task.joinUrl);
  await panelScreen(hosted, 'live').waitFor();
  // The customer's assist script loads after connect; the panel's channel opens with its call.
  await eventually(() => customer.page.evaluate(() => '__joinAssist' in window), true);
  return { task, hosted, panel: hosted.panel, customer: customer.page };
}

describe('ask', () => {
  const policy = policyStack('ask');
  const stack = policy.stack;
  const snapshotsIn = (conversationSid: string) => stack.fake.noticesOf(conversationSid, 'snapshot-taken');

  test('Allow: the customer sees the flash and the words, and the picture from their camera appears in the chat', async () => {
    const { task, hosted, panel, customer } = await inCall(policy);
    await hasText(panel.locator('section.snapshots .note'), 'The customer is asked to allow each picture.');
    await panel.getByRole('button', { name: 'Take picture' }).click();
    // The customer's page acknowledged the request: it reached them, and they are asked.
    await hasText(panel.locator('.snapshot-status'), 'Waiting for the customer to allow the picture…');

    const prompt = customer.getByRole('alertdialog', { name: 'The agent would like to take a picture' });
    await visible(prompt);
    await screenshot(customer, 'snapshot-customer-prompt');
    expect(await seriousViolations(customer, '.snapshot-prompt')).toEqual([]);
    await isFocused(prompt.getByRole('button', { name: 'Allow' }));
    expect(snapshotsIn(task.conversationSid)).toHaveLength(0);
    await prompt.getByRole('button', { name: 'Allow' }).click();
    await visible(customer.locator('[data-snapshot="taken"]'));
    await hasText(customer.locator('[data-snapshot="taken"]'), 'The agent took a picture');

    await eventually(() => snapshotsIn(task.conversationSid).length, 1, 20_000);
    const [message] = snapshotsIn(task.conversationSid);
    const media = (message.media as { sid: string; size: number; content_type: string }[])[0];
    const file = stack.fake.media.get(media.sid)!;
    expect(file.serviceSid).toBe(CHAT_SERVICE_SID);
    expect(file.bytes.length).toBe(media.size);
    expect(['image/jpeg', 'image/png']).toContain(file.contentType);
    // A real picture of the customer's fake camera: decodable, and at the camera's own size.
    const size = await customer.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes]));
      return { width: bitmap.width, height: bitmap.height };
    }, file.bytes.toString('base64'));
    expect(size.width).toBeGreaterThan(0);
    const status = panel.locator('.snapshot-status');
    await hasText(
      status,
      `Picture added to the chat (${size.width} × ${size.height} pixels, ${Math.round(file.bytes.length / 1024)} kB).`,
    );
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    fs.writeFileSync(
      path.join(ROOT, 'test-results', 'snapshot-measured.json'),
      JSON.stringify({ ...size, bytes: file.bytes.length, type: file.contentType }),
    );
    await panelShot(hosted, 'snapshot-agent-posted');
  });

  test('Decline: nothing is taken, nothing reaches the chat, and the agent is told', async () => {
    const { task, panel, customer } = await inCall(policy);
    const mark = stack.fake.calls.length;
    await panel.getByRole('button', { name: 'Take picture' }).click();
    const prompt = customer.getByRole('alertdialog', { name: 'The agent would like to take a picture' });
    await prompt.getByRole('button', { name: 'Decline' }).click();
    await hasText(panel.locator('.snapshot-status'), 'The customer declined the picture.');
    await hidden(customer.locator('[data-snapshot="taken"]'));
    expect(snapshotsIn(task.conversationSid)).toHaveLength(0);
    expect(stack.fake.callsTo('POST', /^\/mcs\//, mark)).toHaveLength(0);
  });

  test('a customer page that never gets the request (its assist script did not load): the agent is told it did not arrive', async () => {
    // The call itself connects (the page publishes its assist track at connect), but nothing on
    // the customer's side reads the request, so no receipt comes back.
    await context.route(`**${ASSIST_SRC}`, (route) => route.abort());
    const task = await escalated(stack);
    const hosted = await openPanelOnTask(context, policy.flex, stack.baseUrl, task);
    await panelScreen(hosted, 'waiting').waitFor();
    const customer = await customerJoins(context, task.joinUrl);
    await panelScreen(hosted, 'live').waitFor();
    await hosted.panel.getByRole('button', { name: 'Take picture' }).click();
    const status = hosted.panel.locator('.snapshot-status[data-outcome="not-received"]');
    await hasText(status, 'The request didn’t reach the customer’s page. Try again.');
    expect(await customer.page.evaluate(() => '__joinAssist' in window)).toBe(false);
    expect(await hosted.panel.getByRole('button', { name: 'Take picture' }).isDisabled()).toBe(false);
    expect(snapshotsIn(task.conversationSid)).toHaveLength(0);
  });
});

describe('on', () => {
  const policy = policyStack('on');

  test('no prompt, the same disclosure, and the picture in the chat', async () => {
    const { task, panel, customer } = await inCall(policy);
    await hasText(
      panel.locator('section.snapshots .note'),
      'Pictures are taken without asking; the customer sees each one happen.',
    );
    await panel.getByRole('button', { name: 'Take picture' }).click();
    await hasText(customer.locator('[data-snapshot="taken"]'), 'The agent took a picture');
    expect(
      await customer.getByRole('alertdialog', { name: 'The agent would like to take a picture' }).count(),
    ).toBe(0);
    await eventually(
      () => policy.stack.fake.noticesOf(task.conversationSid, 'snapshot-taken').length,
      1,
      20_000,
    );
  });

  test('without ImageCapture the still is a frame of the customer’s own camera at its full size, as JPEG', async () => {
    const { task, panel, customer } = await inCall(policy);
    const camera = await customer.evaluate(() => {
      delete (window as { ImageCapture?: unknown }).ImageCapture;
      const video = document.querySelector<HTMLVideoElement>('.self-view video');
      return (video?.srcObject as MediaStream | null)?.getVideoTracks()[0]?.getSettings() ?? null;
    });
    expect(camera?.width).toBeGreaterThan(0);
    await panel.getByRole('button', { name: 'Take picture' }).click();
    const posted = () => policy.stack.fake.noticesOf(task.conversationSid, 'snapshot-taken');
    await eventually(() => posted().length, 1, 20_000);
    const file = policy.stack.fake.media.get((posted()[0].media as { sid: string }[])[0].sid)!;
    expect(file.contentType).toBe('image/jpeg');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    fs.writeFileSync(
      path.join(ROOT, 'test-results', 'snapshot-measured-frame.json'),
      JSON.stringify({
        width: camera!.width,
        height: camera!.height,
        bytes: file.bytes.length,
        type: file.contentType,
      }),
    );
    await hasText(
      panel.locator('.snapshot-status'),
      `Picture added to the chat (${camera!.width} × ${camera!.height} pixels, ${Math.round(file.bytes.length / 1024)} kB).`,
    );
  });
});

describe('off', () => {
  const policy = policyStack('off');

  test('the panel has no Take picture', async () => {
    const task = await escalated(policy.stack);
    const hosted = await openPanelOnTask(context, policy.flex, policy.stack.baseUrl, task);
    await panelScreen(hosted, 'waiting').waitFor();
    await visible(hosted.panel.locator('section.recording'));
    expect(await hosted.panel.locator('section.snapshots').count()).toBe(0);
    expect(await hosted.panel.getByRole('button', { name: 'Take picture' }).count()).toBe(0);
  });
});

describe('a practice call', () => {
  const policy = policyStack('ask', { VIDEO_TRANSCRIPTION: 'always' });

  test('offers no Take picture and no transcription (a practice room has no chat and no transcription); the trainer’s page shows no transcription badge', async () => {
    const task = policy.stack.fake.seedTask();
    const hosted = await openPanelOnTask(context, policy.flex, policy.stack.baseUrl, task);
    await panelScreen(hosted, 'ready').waitFor();
    await hosted.panel.getByRole('button', { name: 'Practice call' }).click();
    await panelScreen(hosted, 'waiting').waitFor();
    await visible(hosted.panel.locator('[data-control="practice-link"]'));
    // Both sections are built under these policies, and hidden in the practice call.
    for (const section of ['section.snapshots', 'section.transcription']) {
      expect(await hosted.panel.locator(section).count()).toBe(1);
      await hidden(hosted.panel.locator(section));
    }
    expect(await hosted.panel.getByRole('button', { name: 'Take picture' }).isVisible()).toBe(false);

    // The trainer plays the customer. The panel's camera request reaches their page over the
    // pages' assist channel, after the panel's transcription state would have.
    const link = await hosted.panel.locator('[data-control="practice-link"]').inputValue();
    const trainer = await customerJoins(context, link);
    await hosted.panel.getByRole('button', { name: 'Show me with your back camera' }).click();
    await visible(trainer.page.getByRole('alertdialog'));
    await hidden(trainer.page.locator('.transcription-badge'));
  });
});
