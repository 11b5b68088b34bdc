import type { BrowserContext, ConsoleMessage } from 'playwright-core';
import { escalated } from '../support/escalated';
import { useStack } from '../support/use-stack';
import { openHostedPanel, panelScreen, useFlexHost } from './agent-host';
import { openPage, useBrowserContext, waitForScreen, waitForVideoPlaying } from './harness';

/** A normal load of each page, with the real SDK from the build: nothing in the console at
 * error level, and no request to any host but this service (and, for the agent panel, the Flex
 * host embedding it) or Twilio's own (*.twilio.com). */

const { flex, env } = useFlexHost();
const stack = useStack({ env });
const context = useBrowserContext();

/** Console errors and uncaught exceptions of every page and frame of the context, from now on. */
function consoleErrors(browserContext: BrowserContext): string[] {
  const errors: string[] = [];
  browserContext.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  browserContext.on('weberror', (error) => errors.push(error.error().message));
  return errors;
}

const foreign = (requests: string[], allowedOrigins: string[]) =>
  requests.filter((url) => {
    const parsed = new URL(url);
    if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return false;
    return !allowedOrigins.includes(parsed.origin) && !parsed.hostname.endsWith('.twilio.com');
  });

test('join page preview: no console error, no request to another host', async () => {
  const { joinUrl } = await escalated(stack);
  const errors = consoleErrors(context);
  const { page, requests } = await openPage(context);
  await page.goto(joinUrl);
  await waitForScreen(page, 'preview');
  await waitForVideoPlaying(page, '.preview-video video');
  // The SDK has loaded and run behind the preview.
  await page.waitForFunction(() => (window as unknown as { Twilio?: { Video?: unknown } }).Twilio?.Video);
  expect(requests.some((url) => url.endsWith('/join/twilio-video.min.js'))).toBe(true);
  expect(foreign(requests, [new URL(joinUrl).origin])).toEqual([]);
  expect(errors).toEqual([]);
});

/** The panel embedded as Flex embeds it, with a session and no call yet, up to its first screen. */
async function loadPanel(errors: string[]) {
  const task = stack.fake.seedTask();
  const hosted = await openHostedPanel(context, flex, stack.baseUrl, {
    token: task.token,
    taskSid: task.taskSid,
  });
  await panelScreen(hosted, 'ready').waitFor();
  await hosted.panel.getByRole('button', { name: 'Start video call' }).waitFor();
  return { hosted, errors };
}

test('agent panel embedded in Flex: no request to another host', async () => {
  const { hosted } = await loadPanel(consoleErrors(context));
  expect(foreign(hosted.requests, [new URL(stack.baseUrl).origin, flex.origin])).toEqual([]);
});

// A task with no call yet is the panel's usual first state: /video/agent-call answers it with a
// 200 (`call: null`), where /video/agent-token's 404 was logged by the browser as an error.
test('agent panel embedded in Flex: no console error', async () => {
  const { errors } = await loadPanel(consoleErrors(context));
  expect(errors).toEqual([]);
});
