import fs from 'node:fs';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import type { Room } from '../../dev/emulator';
import { escalated } from '../support/escalated';
import { ROOT } from '../support/stack';
import { useStack } from '../support/use-stack';
import {
  customerJoins,
  lastStateIs,
  openPanelOnTask,
  panelScreen,
  panelShot,
  panelVideoPlaying,
  useFlexHost,
  type HostedOptions,
  type HostedPanel,
} from './agent-host';
import { eventually, hasText, isFocused, useBrowserContext, visible } from './harness';

/** The panel where it lives: a Flex task canvas (an iframe of about 400×600), a whole window,
 * and a phone-sized window opened by the host (the opener handshake). Keyboard and screen
 * reader use: names, order, focus, the live region. The panel runs the real SDK through the
 * stack's Video edge; the customer is the real join page opened from the chat's link, and
 * recording is the emulator's recording rules. */

const { flex, env } = useFlexHost();
const stack = useStack({ env });
const context = useBrowserContext();

const RECORD_ALL = [{ type: 'include' as const, all: true }];

/** The customer on the real join page from `joinUrl`, the room recording, both seen by the panel. */
async function customerInRecordedCall(hosted: HostedPanel, room: Room, joinUrl: string) {
  await customerJoins(context, joinUrl);
  stack.fake.setRecordingRules(room, RECORD_ALL);
  await panelVideoPlaying(hosted, '.customer-video');
  await panelVideoPlaying(hosted, '.self-view video');
  await lastStateIs(hosted, { state: 'connected', recording: true });
}

/** A task in a call, the panel in it (where `options` say) with the customer, recording. */
async function liveCall(options: HostedOptions = {}, browserContext = context) {
  const task = await escalated(stack);
  const hosted = await openPanelOnTask(browserContext, flex, stack.baseUrl, task, options);
  await panelScreen(hosted, 'waiting').waitFor();
  await customerInRecordedCall(hosted, task.room, task.joinUrl);
  return { hosted, task };
}

/** The panel's camera and microphone requests (harness.ts logs them in every frame). */
const mediaRequests = (hosted: HostedPanel) =>
  hosted.panel.evaluate(() => (window as unknown as { __media: { requests: string[] } }).__media.requests);

const box = async (frame: Frame, selector: string) => {
  const found = await frame.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not displayed`);
  return found;
};

/** Nothing runs off the side, and every button is a comfortable target. */
async function expectFits(frame: Frame, width: number): Promise<void> {
  expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  const small = await frame
    .locator('button:visible')
    .evaluateAll((buttons) =>
      buttons
        .filter((b) => b.getBoundingClientRect().height < 44)
        .map((b) => b.getAttribute('aria-label') ?? b.textContent),
    );
  expect(small).toEqual([]);
}

test('task canvas 400×600: the preview, then the call with stage and controls in view', async () => {
  const task = stack.fake.seedTask();
  const hosted = await openPanelOnTask(context, flex, stack.baseUrl, task);
  const panel = hosted.panel;
  await panelScreen(hosted, 'ready').waitFor();
  // Camera and microphone are already allowed here, so the preview starts without a click.
  await panelVideoPlaying(hosted, '.preview-video video');
  expect(await panel.getByRole('button', { name: 'Preview my camera' }).isVisible()).toBe(false);
  expect(
    await panel.locator('.preview-video video').evaluate((video) => getComputedStyle(video).transform),
  ).toBe('matrix(-1, 0, 0, 1, 0, 0)');
  await visible(panel.getByRole('button', { name: 'Mute microphone' }));
  await expectFits(panel, 400);
  await panelShot(hosted, 'agent-30-canvas-setup');
  const previewRequests = await mediaRequests(hosted);
  expect(previewRequests.length).toBeGreaterThan(0);

  await panel.getByRole('button', { name: 'Start video call' }).click();
  await panelScreen(hosted, 'waiting').waitFor();
  const roomSid = (await hosted.stateMessages()).at(-1)!.roomSid as string;
  const room = stack.fake.rooms.find((r) => r.sid === roomSid)!;
  const link = /\S+#invite=\S+/.exec(stack.fake.noticesOf(task.conversationSid, 'invite', roomSid)[0].body!)!;
  await customerInRecordedCall(hosted, room, link[0]);
  // The preview's own tracks went into the call: nothing was opened twice.
  expect(await mediaRequests(hosted)).toEqual(previewRequests);
  await expectFits(panel, 400);
  const toolbar = await box(panel, '.toolbar');
  expect(toolbar.y + toolbar.height).toBeLessThanOrEqual(600);
  const stage = await box(panel, '.stage');
  expect(stage.width).toBe(400);
  const self = await box(panel, '.self-view');
  expect(self.width * self.height).toBeLessThan((stage.width * stage.height) / 6);
  await panel.locator('body').hover({ position: { x: 0, y: 599 } });
  // The README's picture of the panel, refreshed on request only (UPDATE_SCREENSHOTS=1).
  const picture = await panelShot(hosted, 'agent-31-canvas-in-call');
  if (process.env.UPDATE_SCREENSHOTS === '1')
    fs.copyFileSync(picture, path.join(ROOT, 'docs', 'agent-panel.png'));
});

test('a whole window: recording and participants beside the video', async () => {
  const { hosted } = await liveCall({ size: { width: 1200, height: 760 } });
  const stage = await box(hosted.panel, '.stage');
  const side = await box(hosted.panel, '.call-side');
  expect(side.x).toBeGreaterThanOrEqual(stage.x + stage.width);
  expect(stage.width).toBeGreaterThan(700);
  await expectFits(hosted.panel, 1200);
  await panelShot(hosted, 'agent-32-window-in-call');
});

test('a phone-sized window opened by the host: the opener handshake, and the layout fits', async () => {
  const phone = await context
    .browser()!
    .newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const { hosted, task } = await liveCall({ mode: 'window', size: { width: 390, height: 844 } }, phone);
    expect(await hosted.panel.evaluate(() => window.opener !== null && window.parent === window)).toBe(true);
    await lastStateIs(hosted, { state: 'connected', recording: true });
    const customer = stack.fake.connectedIdentities(task.roomSid).find((id) => id !== task.agentIdentity);
    expect(task.agentIdentity).toMatch(/^agent-[0-9a-f]{40}$/);
    expect((await hosted.stateMessages()).at(-1)!.participants).toEqual([task.agentIdentity, customer]);
    await expectFits(hosted.panel, 390);
    const toolbar = await box(hosted.panel, '.toolbar');
    expect(toolbar.y + toolbar.height).toBeLessThanOrEqual(844);
    await panelShot(hosted, 'agent-33-phone-in-call');
  } finally {
    await phone.close();
  }
});

test('keyboard and screen reader: named controls in a sensible order, a polite live region', async () => {
  const { hosted, task } = await liveCall();
  const panel = hosted.panel;
  expect(await panel.locator('#announcer').getAttribute('aria-live')).toBe('polite');
  const unnamed = await panel
    .locator('button:visible, select:visible')
    .evaluateAll(
      (controls) =>
        controls.filter(
          (c) =>
            !(
              c.getAttribute('aria-label') ||
              c.textContent?.trim() ||
              (c.id && document.querySelector(`label[for="${c.id}"]`))
            ),
        ).length,
    );
  expect(unnamed).toBe(0);
  expect(await panel.getByRole('toolbar', { name: 'Call controls' }).count()).toBe(1);

  // Tab walks the toolbar, the visual assist's row (issue 21), recording, then the participants.
  await panel.getByRole('button', { name: 'Show me with your back camera' }).waitFor();
  await panel.getByRole('button', { name: 'Mute microphone' }).focus();
  const order: string[] = [];
  for (let i = 0; i < 10; i += 1) {
    order.push(
      await panel.evaluate(
        () => (document.activeElement as HTMLElement).dataset.control ?? document.activeElement!.tagName,
      ),
    );
    await hosted.page.keyboard.press('Tab');
  }
  expect(order).toEqual([
    'mic',
    'camera',
    'share',
    'devices',
    'end',
    'ask-back-camera',
    'audio-only',
    'recording',
    'remove',
    'new-link',
  ]);

  // The device choices open from the keyboard, each list labelled.
  await panel.getByRole('button', { name: 'Devices' }).focus();
  await hosted.page.keyboard.press('Enter');
  await visible(panel.getByLabel('Camera', { exact: true }));
  await visible(panel.getByLabel('Microphone', { exact: true }));
  await visible(panel.getByLabel('Speaker', { exact: true }));
  await eventually(
    async () => (await panel.getByLabel('Camera', { exact: true }).locator('option').count()) > 0,
    true,
  );
  expect(await panel.getByRole('button', { name: 'Hide devices' }).getAttribute('aria-expanded')).toBe(
    'true',
  );

  // A change of the room is announced without taking focus away.
  await panel.getByRole('button', { name: 'Stop recording' }).focus();
  stack.fake.setRecordingRules(task.room, [{ type: 'exclude', all: true }]);
  await hasText(panel.locator('#announcer'), 'Recording stopped.');
  await isFocused(panel.getByRole('button', { name: 'Start recording' }));
});
