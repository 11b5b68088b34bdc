import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { ROOT } from '../../dev/twilio-run';
import { escalated, type Escalated } from '../support/escalated';
import type { Stack } from '../support/stack';
import { postCallback, roomEvent } from '../support/twilio-callbacks';
import { useStack } from '../support/use-stack';
import {
  customerJoins,
  openPanelOnTask,
  panelScreen,
  panelShot,
  startHost,
  type HostServer,
} from './agent-host';
import {
  eventually,
  hasText,
  hidden,
  screenshot,
  useBrowserContext,
  visible,
  waitForScreen,
} from './harness';

/** Transcription and captions end to end (issue 22): the agent's panel and the customer's join
 * page on the real SDK, through the stack's Video edge, whose `say` delivers typed speech as
 * Twilio's transcription events (only while the emulator's Transcriptions resource of the room is
 * started, as Twilio). One stack per policy. With UPDATE_SCREENSHOTS=1 the captions pictures are
 * written to docs/screenshots/ (the README's transcription section shows them). */

let flex: HostServer;
const envs = {
  'on-demand': { VIDEO_TRANSCRIPTION: 'on-demand' } as Record<string, string>,
  always: { VIDEO_TRANSCRIPTION: 'always' } as Record<string, string>,
};
beforeAll(async () => {
  flex = await startHost();
  for (const env of Object.values(envs)) env.ALLOWED_ORIGINS = flex.origin;
});
afterAll(() => flex?.close());
const context = useBrowserContext();
const ROOM_STATUS = '/video/callbacks/room-status';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
let phones: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(phones.map((phone) => phone.close()));
  phones = [];
});

/** The panel and the customer, both in the task's call, the customer on a phone-sized page. */
async function inCall(stack: Stack) {
  const task = await escalated(stack);
  const hosted = await openPanelOnTask(context, flex, stack.baseUrl, task);
  await panelScreen(hosted, 'waiting').waitFor();
  const phone = await context.browser()!.newContext(PHONE);
  phones.push(phone);
  const customer = await customerJoins(phone, task.joinUrl);
  await panelScreen(hosted, 'live').waitFor();
  await waitForScreen(customer.page, 'live');
  let customerIdentity = '';
  await eventually(() => (customerIdentity = customerIn(stack, task)) !== '', true);
  return { task, hosted, panel: hosted.panel, customer, customerIdentity };
}

/** The customer's identity as the edge holds it ('' until they are in the room). */
const customerIn = (stack: Stack, task: Escalated) =>
  stack.edge.list().find((p) => p.roomSid === task.roomSid && p.identity.startsWith('customer-'))?.identity ??
  '';

/** The caption lines a page shows, a partial one marked `~`. */
const captionLines = (page: Page | Frame) =>
  page
    .locator('.captions .caption-line')
    .evaluateAll((lines) =>
      lines.map((line) => `${line.getAttribute('data-partial') === 'true' ? '~' : ''}${line.textContent}`),
    );

/** A picture for the README: kept in docs/screenshots/ when UPDATE_SCREENSHOTS=1. */
function keep(file: string): void {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  const docs = path.join(ROOT, 'docs', 'screenshots');
  fs.mkdirSync(docs, { recursive: true });
  fs.copyFileSync(file, path.join(docs, path.basename(file)));
}

describe('on-demand', () => {
  const stack = useStack({ env: envs['on-demand'] });

  test('the agent starts transcription; the customer’s speech is captioned in the panel, partial then final; the agent’s on the customer’s page; ending the call posts the transcript once', async () => {
    const { task, panel, hosted, customer, customerIdentity } = await inCall(stack);
    const section = panel.locator('section.transcription');
    await hasText(section.locator('.transcription-status'), 'This call is not being transcribed.');
    // Nothing of the captions is fetched by the customer's page while the call is not transcribed.
    expect(customer.requests.filter((url) => url.includes('/join/captions.'))).toEqual([]);
    // Twilio delivers nothing before the start: the edge refuses.
    expect(stack.edge.say(task.roomSid, customerIdentity, 'Hello?')).toBe('not-transcribed');

    await panel.getByRole('button', { name: 'Start transcription' }).click();
    await visible(panel.getByRole('button', { name: 'Stop transcription' }));
    await hasText(
      section.locator('.transcription-status'),
      'This call is being transcribed. The customer was told in the chat.',
    );
    await hasText(panel.locator('#announcer'), 'Transcription started.');
    expect(stack.fake.noticesOf(task.conversationSid, 'transcription-started', task.roomSid)).toHaveLength(1);
    expect(stack.fake.isTranscribing(task.roomSid)).toBe(true);
    // The customer's page shows the badge at the agent's Start, before anyone has said a word.
    const page = customer.page;
    await visible(page.locator('.transcription-badge'));
    await hasText(page.locator('.transcription-badge'), 'Transcribing');
    await hasText(page.locator('#announcer'), 'This call is now being transcribed.');

    // The agent turns captions on (each side chooses for itself).
    const panelCaptions = panel.getByRole('button', { name: 'Captions' });
    await panelCaptions.click();
    expect(await panelCaptions.getAttribute('aria-pressed')).toBe('true');
    const box = panel.locator('.captions');
    await visible(box);
    expect(await box.getAttribute('aria-live')).toBe('polite');

    // The customer speaks: a partial result, replaced in place by the next, then the final one.
    expect(stack.edge.say(task.roomSid, customerIdentity, 'The router', { partial: true })).toBe('said');
    await eventually(() => captionLines(panel), ['~The router']);
    expect(stack.edge.say(task.roomSid, customerIdentity, 'The router blinks', { partial: true })).toBe(
      'said',
    );
    await eventually(() => captionLines(panel), ['~The router blinks']);
    expect(stack.edge.say(task.roomSid, customerIdentity, 'The router blinks orange.')).toBe('said');
    await eventually(() => captionLines(panel), ['The router blinks orange.']);
    // A partial line is not read out; the final one is (the box is a polite live region).
    expect(await box.locator('[aria-hidden="true"]').count()).toBe(0);

    // The customer's page: its own captions toggle (fetched once the call is transcribed), off
    // until the customer turns it on.
    const customerCaptions = page.getByRole('button', { name: 'Captions' });
    await visible(customerCaptions);
    expect(customer.requests.filter((url) => url.includes('/join/captions.'))).toHaveLength(2);
    await hidden(page.locator('.captions'));
    // One more button in the bar still fits the narrowest phone.
    await page.setViewportSize({ width: 360, height: 640 });
    const edge = await page
      .locator('.controls .leave, .controls [data-control="captions"]')
      .evaluateAll((buttons) => Math.max(...buttons.map((b) => b.getBoundingClientRect().right)));
    expect(edge).toBeLessThanOrEqual(360);
    await page.setViewportSize(PHONE.viewport);
    await customerCaptions.click();
    await visible(page.locator('.captions'));
    // Wherever the customer moves their own video, the captions keep clear of it.
    for (const corner of ['top-end', 'top-start', 'bottom-start', 'bottom-end']) {
      await page.getByRole('button', { name: 'Move your video' }).click();
      await eventually(() => page.locator('.self-view').getAttribute('data-corner'), corner);
      const [self, box] = await Promise.all(
        ['.self-view', '.captions'].map((selector) => page.locator(selector).boundingBox()),
      );
      const apart =
        self!.x >= box!.x + box!.width ||
        box!.x >= self!.x + self!.width ||
        self!.y >= box!.y + box!.height ||
        box!.y >= self!.y + self!.height;
      expect(`${corner}: ${apart ? 'clear' : 'covered'}`).toBe(`${corner}: clear`);
    }

    // Final results scroll: at most two lines. The customer's page shows only the agent's words.
    expect(stack.edge.say(task.roomSid, customerIdentity, 'Only the power light is on.')).toBe('said');
    expect(stack.edge.say(task.roomSid, customerIdentity, 'Is that bad?', { partial: true })).toBe('said');
    await eventually(() => captionLines(panel), ['Only the power light is on.', '~Is that bad?']);
    expect(stack.edge.say(task.roomSid, customerIdentity, 'Is that bad?')).toBe('said');
    expect(stack.edge.say(task.roomSid, task.agentIdentity, 'Please unplug it for ten seconds.')).toBe(
      'said',
    );
    await eventually(() => captionLines(page), ['Please unplug it for ten seconds.']);
    await eventually(() => captionLines(panel), ['Only the power light is on.', 'Is that bad?']);
    keep(await panelShot(hosted, 'captions-panel'));
    keep(await screenshot(page, 'captions-join'));

    // The call ends: the transcript follows the session's end in the chat, once, speaker-labelled.
    await panel.getByRole('button', { name: 'End video call' }).click();
    await panel.getByRole('button', { name: 'End call', exact: true }).click();
    await panelScreen(hosted, 'ended').waitFor();
    // Twilio's room-ended callback posts it, exactly once even when it arrives twice.
    const ended = roomEvent(task.room, 'room-ended');
    const deliveries = await Promise.all([1, 2].map(() => postCallback(stack, ROOM_STATUS, ended)));
    expect(deliveries.map((answer) => answer.status)).toEqual([200, 200]);
    const transcript = stack.fake.noticesOf(task.conversationSid, 'transcript', task.roomSid);
    expect(transcript).toHaveLength(1);
    const lines = (transcript[0].body ?? '').split('\n').map((line) => line.replace(/^\[\d\d:\d\d\] /, ''));
    expect(lines).toEqual([
      'Customer: The router blinks orange.',
      'Customer: Only the power light is on.',
      'Customer: Is that bad?',
      'Agent: Please unplug it for ten seconds.',
    ]);
  });

  test('Stop takes the customer’s badge away at once, and says so; Start brings it back', async () => {
    const { task, panel, customer } = await inCall(stack);
    const badge = customer.page.locator('.transcription-badge');
    await hidden(badge);
    await panel.getByRole('button', { name: 'Start transcription' }).click();
    await visible(badge);
    await panel.getByRole('button', { name: 'Stop transcription' }).click();
    await visible(panel.getByRole('button', { name: 'Start transcription' }));
    expect(stack.fake.isTranscribing(task.roomSid)).toBe(false);
    await hidden(badge);
    await hasText(customer.page.locator('#announcer'), 'Transcription has stopped.');
    await panel.getByRole('button', { name: 'Start transcription' }).click();
    await visible(badge);
  });

  test('Twilio refusing to transcribe is said in plain words; the call goes on and Start is offered again', async () => {
    const task = await escalated(stack);
    const hosted = await openPanelOnTask(context, flex, stack.baseUrl, task);
    await panelScreen(hosted, 'waiting').waitFor();
    // A region without real-time transcription: Twilio refuses the room's Transcriptions create.
    stack.fake.faults.push({ method: 'POST', path: /\/Transcriptions$/, times: Infinity, status: 400 });
    await hosted.panel.getByRole('button', { name: 'Start transcription' }).click();
    const problem = hosted.panel.locator('section.transcription .problem');
    await visible(problem, 15_000);
    expect(await problem.getAttribute('role')).toBe('alert');
    expect(await problem.textContent()).toBe(
      'Twilio couldn’t transcribe this call: live transcription may not be offered in your account’s region, or Twilio is busy. The call goes on without it; you can try again later.',
    );
    await visible(hosted.panel.getByRole('button', { name: 'Start transcription' }));
    await panelScreen(hosted, 'waiting').waitFor();
    expect(stack.fake.isTranscribing(task.roomSid)).toBe(false);
  });
});

describe('always', () => {
  const stack = useStack({ env: envs.always });

  test('the sentence before Join; in the call the badge from the start and the control on, not stoppable', async () => {
    const task = await escalated(stack);
    const hosted = await openPanelOnTask(context, flex, stack.baseUrl, task);
    await panelScreen(hosted, 'waiting').waitFor();
    const preview = await context.newPage();
    await preview.goto(task.joinUrl);
    const sentence = preview.locator('[data-note="transcribed"]');
    await visible(sentence);
    await hasText(sentence, 'This call is transcribed: what you and the agent say is written down as text.');
    await preview.close();
    // In the call the badge shows from the start: /video/join said the room is transcribed.
    const customer = await customerJoins(context, task.joinUrl);
    await waitForScreen(customer.page, 'live');
    await visible(customer.page.locator('.transcription-badge'));

    const panel = hosted.panel;
    const stop = panel.getByRole('button', { name: 'Stop transcription' });
    await visible(stop);
    expect(await stop.getAttribute('aria-disabled')).toBe('true');
    await hasText(
      panel.locator('#transcription-note'),
      'Your company transcribes every video call; transcription can’t be stopped.',
    );
  });
});
