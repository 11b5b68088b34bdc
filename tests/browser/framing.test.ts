import type { Frame } from 'playwright-core';
import { useStack } from '../support/use-stack';
import { openHostedPanel, useFlexAndStranger, type HostServer } from './agent-host';
import { eventually, openPage, useBrowserContext, visible } from './harness';

/** Clickjacking: a `<meta>` CSP cannot carry frame-ancestors, so the pages are served with it as a
 * header (README, "Security model"). Another origin that frames the join page, or the panel
 * without being a Flex origin of ALLOWED_ORIGINS, gets nothing rendered; Flex still embeds the panel. */

const env: Record<string, string> = {};
const hosts = useFlexAndStranger(env);
const stack = useStack({ env });
/** Each page is a Function under twilio-run: slow to first answer on a busy machine. */
const PAGE_LOAD_MS = 60_000;
const context = useBrowserContext();

/** The host page on `host`'s origin with `page` of the service in its iframe, once the frame has loaded. */
async function framedBy(host: HostServer, page: string): Promise<Frame> {
  const opened = await openPage(context);
  const query = new URLSearchParams({ panel: `${stack.baseUrl}${page}`, width: '400', height: '600' });
  await opened.page.goto(`${host.origin}/host.html?${query}`, { timeout: PAGE_LOAD_MS });
  const frame = (await (await opened.page.waitForSelector('#panel')).contentFrame())!;
  await frame.waitForLoadState('load', { timeout: PAGE_LOAD_MS });
  return frame;
}

/** What the frame shows of the page: its main element, which the page's HTML always has. */
const rendered = async (frame: Frame) => (await frame.locator('main').count()) > 0;

test.each(['/join.html', '/agent.html'])('%s framed by a stranger’s page renders nothing', async (page) => {
  const frame = await framedBy(hosts.stranger, page);
  expect(frame.url()).not.toBe(`${stack.baseUrl}${page}`);
  expect(await rendered(frame)).toBe(false);
});

test('the join page opened as it is meant to be, at the top, renders', async () => {
  const { page } = await openPage(context);
  await page.goto(`${stack.baseUrl}/join.html`, { timeout: PAGE_LOAD_MS });
  await visible(page.locator('main#app'));
});

test('the panel framed by a Flex origin of ALLOWED_ORIGINS renders and says it is ready', async () => {
  const hosted = await openHostedPanel(context, hosts.flex, stack.baseUrl, null);
  await visible(hosted.panel.locator('main'), PAGE_LOAD_MS);
  await eventually(
    async () => (await hosted.received())[0]?.data,
    { type: 'video-escalation:ready', version: 1 },
    15_000,
  );
});

test.each([
  ['/join.html', "frame-ancestors 'none'"],
  ['/agent.html', 'frame-ancestors https://flex.twilio.com FLEX'],
])('%s carries its CSP as a header, the meta tag’s directives included', async (page, frameAncestors) => {
  const response = await fetch(`${stack.baseUrl}${page}`);
  const csp = response.headers.get('content-security-policy') ?? '';
  const html = await response.text();
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  expect(meta).toBeDefined();
  expect(csp).toBe(`${meta}; ${frameAncestors.replace('FLEX', hosts.flex.origin)}`);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
});
