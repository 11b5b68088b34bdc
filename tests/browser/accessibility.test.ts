import type { Frame, Page, WebSocketRoute } from 'playwright-core';
import { escalated, type Escalated } from '../support/escalated';
import { inviteOf, stringMatching } from '../support/expect';
import { useStack } from '../support/use-stack';
import { seriousViolations } from './axe';
import { openHostedPanel, panelScreen, useFlexHost, type HostedPanel } from './agent-host';
import {
  hasText,
  isFocused,
  openPage,
  useBrowserContext,
  waitForScreen,
  waitForVideoPlaying,
} from './harness';

/** The join page and the agent panel as assistive technology meets them, in each state of a
 * call, on the real SDK against the local Video edge: an axe audit (no serious or critical
 * violation), the live region's words at each change, and keyboard-only use of the controls. */

const { flex, env } = useFlexHost();
const stack = useStack({ env });
const context = useBrowserContext();

/** What the page's polite live region says once it settled (announce clears it first). */
const liveRegionSays = (where: Page | Frame, words: string) => hasText(where.locator('#announcer'), words);

/** Every signalling socket of the test's pages passes through here (installed before a page
 * opens, as Playwright wraps the page's WebSocket then). After `hold`, new sockets are answered by
 * no one, so a dropped connection stays "reconnecting" until `release`. */
async function signallingHolder(): Promise<{ hold(): void; release(): Promise<void> }> {
  let holding = false;
  const held: WebSocketRoute[] = [];
  await context.routeWebSocket(/__video-edge/, (socket) => {
    if (holding) held.push(socket);
    else socket.connectToServer();
  });
  return {
    hold: () => void (holding = true),
    async release() {
      holding = false;
      for (const socket of held.splice(0)) await socket.close();
    },
  };
}

/** The sid the edge holds for `identity` in the room. */
function participantSid(roomSid: string, identity: string): string {
  const held = stack.edge.list().find((p) => p.roomSid === roomSid && p.identity === identity);
  if (!held) throw new Error(`the edge holds no ${identity} in ${roomSid}`);
  return held.sid;
}

/** The focused element as a keyboard user meets it: its name, and whether :focus-visible
 * draws something (an outline or a box shadow). */
function focusedControl(where: Page | Frame): Promise<{ name: string; ring: boolean }> {
  return where.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const ring =
      el.matches(':focus-visible') &&
      ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none');
    const label = (el as HTMLInputElement).labels?.[0]?.textContent;
    const name = el.getAttribute('aria-label') ?? label ?? el.textContent?.trim() ?? '';
    return { name, ring };
  });
}

/** Tabs through `count` stops from where the focus is, each with its name and focus ring. */
async function tabStops(page: Page, where: Page | Frame, count: number) {
  const stops: { name: string; ring: boolean }[] = [];
  for (let i = 0; i < count; i += 1) {
    await page.keyboard.press('Tab');
    stops.push(await focusedControl(where));
  }
  return stops;
}

const ringed = (...names: string[]) => names.map((name) => ({ name, ring: true }));

async function openJoinPage(url: string) {
  const tab = await openPage(context);
  await tab.page.goto(url);
  return tab.page;
}

describe('the join page', () => {
  /** A fresh invite's preview with the camera and microphone on. */
  async function preview(): Promise<{ page: Page; invite: Escalated }> {
    const invite = await escalated(stack);
    const page = await openJoinPage(invite.joinUrl);
    await waitForScreen(page, 'preview');
    // Chromium's fake permission prompt says yes, so the page may open them by itself.
    const turnOn = page.getByRole('button', { name: 'Turn on camera and microphone' });
    await turnOn
      .or(page.getByRole('button', { name: 'Join call' }))
      .first()
      .waitFor();
    if (await turnOn.isVisible()) await turnOn.click();
    await waitForVideoPlaying(page, '.preview-video video');
    return { page, invite };
  }

  test('preview, in call, reconnecting and ended: no serious or critical violation; the live region says each change', async () => {
    const signalling = await signallingHolder();
    const { page, invite } = await preview();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Join call' }).click();
    await waitForScreen(page, 'waiting');
    const customer = stack.edge.list().find((p) => p.roomSid === invite.roomSid)!.identity;
    stack.edge.addSignallingOnly(invite.roomSid, invite.agentIdentity);
    await waitForScreen(page, 'live');
    await liveRegionSays(page, 'The agent has joined the call.');
    expect(await seriousViolations(page)).toEqual([]);

    signalling.hold();
    stack.edge.dropSocket(participantSid(invite.roomSid, customer));
    await waitForScreen(page, 'reconnecting');
    await liveRegionSays(page, 'Connection lost. Reconnecting…');
    expect(await seriousViolations(page)).toEqual([]);
    await signalling.release();
    await waitForScreen(page, 'live');
    await liveRegionSays(page, 'Reconnected.');

    stack.fake.endRoom(invite.roomSid);
    await waitForScreen(page, 'ended');
    // The end is a screen of its own whose heading takes the focus, so a screen reader reads it.
    await hasText(page.locator('h1'), 'The call has ended');
    await isFocused(page.locator('h1'));
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a link that cannot be used: the error screen has no serious or critical violation', async () => {
    const page = await openJoinPage(`${stack.baseUrl}/join.html#invite=not-an-invite`);
    await page.locator('#app > section.message').waitFor();
    await isFocused(page.locator('h1'));
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('keyboard only: the preview and the call controls in order, each with a visible focus ring, Space and Enter press them', async () => {
    const { page } = await preview();
    await page.locator('h1').focus();
    expect(await tabStops(page, page, 7)).toEqual(
      ringed(
        'Mute microphone',
        'Turn camera off',
        // Join right under the picture, on a phone's first screen (issue 20); the choices after.
        'Join call',
        'Camera',
        'Microphone',
        'Speaker',
        'Blur my background',
      ),
    );
    await page.getByRole('button', { name: 'Mute microphone' }).focus();
    await page.keyboard.press('Space');
    await isFocused(page.getByRole('button', { name: 'Unmute microphone' }));
    await page.keyboard.press('Enter');
    await isFocused(page.getByRole('button', { name: 'Mute microphone' }));

    await page.getByRole('button', { name: 'Join call' }).focus();
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'waiting');
    // The visual assist's row (issue 21; one camera here, so no switch) comes once connected.
    await page.getByRole('button', { name: 'Audio only' }).waitFor();
    await page.locator('h1').focus();
    // The self-view's "Move your video" sits on the stage, before the call bar (issue 20).
    expect(await tabStops(page, page, 6)).toEqual(
      ringed(
        'Move your video',
        'Audio only',
        'Mute microphone',
        'Turn camera off',
        'Blur my background',
        'Leave call',
      ),
    );
    await page.getByRole('button', { name: 'Turn camera off' }).focus();
    await page.keyboard.press('Space');
    await isFocused(page.getByRole('button', { name: 'Turn camera on' }));
    await page.keyboard.press('Enter');
    await waitForVideoPlaying(page, '.self-view video');
  });
});

describe('the agent panel, embedded by its host', () => {
  const openPanel = (task: { token: string; taskSid: string }) =>
    openHostedPanel(context, flex, stack.baseUrl, task);
  /** The audit of the panel's frame alone: the test host around it is not the product. */
  const panelViolations = (hosted: HostedPanel) => seriousViolations(hosted.page, '#panel');

  test('setup, in call, reconnecting and ended: no serious or critical violation; the live region says each change', async () => {
    const signalling = await signallingHolder();
    const task = stack.seedTask();
    const hosted = await openPanel(task);
    const panel = hosted.panel;
    await panelScreen(hosted, 'ready').waitFor();
    expect(await panelViolations(hosted)).toEqual([]);
    // The audit reaches into the panel's frame: a button without a name put there is found.
    await panel.evaluate(() => document.body.append(document.createElement('button')));
    expect(await panelViolations(hosted)).toEqual([stringMatching(/^button-name: #panel /)]);
    await panel.evaluate(() => document.body.lastElementChild!.remove());

    await panel.getByRole('button', { name: 'Start video call' }).click();
    await panelScreen(hosted, 'waiting').waitFor({ timeout: 30_000 });
    const roomSid = stack.fake.rooms.at(-1)!.sid;
    const agent = stack.edge.list().find((p) => p.roomSid === roomSid)!.identity;
    const link = /\S+#invite=\S+/.exec(stack.fake.noticesOf(task.conversationSid, 'invite')[0]?.body ?? '');
    const invite = inviteOf(link![0]);
    const joined = await stack.post('/video/join', { Invite: invite });
    stack.edge.addSignallingOnly(roomSid, joined.body.identity);
    await panelScreen(hosted, 'live').waitFor();
    await liveRegionSays(panel, 'Customer joined the call.');
    expect(await panelViolations(hosted)).toEqual([]);

    signalling.hold();
    stack.edge.dropSocket(participantSid(roomSid, agent));
    await panelScreen(hosted, 'reconnecting').waitFor();
    await liveRegionSays(panel, 'Connection lost. Reconnecting…');
    await hasText(panel.locator('.status-pill'), 'Reconnecting…');
    expect(await panelViolations(hosted)).toEqual([]);
    await signalling.release();
    await panelScreen(hosted, 'live').waitFor();
    await liveRegionSays(panel, 'Reconnected.');

    stack.fake.endRoom(roomSid);
    await panelScreen(hosted, 'ended').waitFor();
    await hasText(panel.locator('h1'), 'The video call has ended');
    await isFocused(panel.locator('h1'));
    expect(await panelViolations(hosted)).toEqual([]);
  });

  test('keyboard only: the call controls in order, each with a visible focus ring, Space and Enter press them', async () => {
    const task = await escalated(stack);
    const hosted = await openPanel(task);
    const panel = hosted.panel;
    await panelScreen(hosted, 'waiting').waitFor({ timeout: 30_000 });
    await panel.getByRole('button', { name: 'Show me with your back camera' }).waitFor();
    await panel.locator('h1').focus();
    expect(await tabStops(hosted.page, panel, 9)).toEqual(
      ringed(
        'Mute microphone',
        'Turn camera off',
        'Share screen',
        'Devices',
        'End video call',
        // The visual assist's row under the toolbar (issue 21).
        'Show me with your back camera',
        'Audio only',
        'Start recording',
        'Send a new link',
      ),
    );
    await panel.getByRole('button', { name: 'Mute microphone' }).focus();
    await hosted.page.keyboard.press('Space');
    await isFocused(panel.getByRole('button', { name: 'Unmute microphone' }));
    await hosted.page.keyboard.press('Enter');
    await isFocused(panel.getByRole('button', { name: 'Mute microphone' }));
  });
});
