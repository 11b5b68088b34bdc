import { startStack } from '../support/stack';
import { useStack } from '../support/use-stack';
import { escalated } from '../support/escalated';
import { hasText, useBrowserContext, openPage, screenshot, waitForScreen } from './harness';

/** Links that no longer work get a kind page that says what happened and what to do. The
 * invites are real ones from /video/escalate, checked by the real /video/join. */

const stack = useStack();
const context = useBrowserContext({}, { viewport: { width: 1280, height: 800 } });

const ASK_FOR_A_NEW_LINK = 'If you still need help, go back to the chat and ask the agent for a new link.';

async function visit(url: string) {
  const session = await openPage(context);
  await session.page.goto(url);
  return session.page;
}

test('a tampered invite is refused kindly, and no preview is offered', async () => {
  const { joinUrl } = await escalated(stack);
  const last = joinUrl.slice(-1);
  const page = await visit(joinUrl.slice(0, -1) + (last === 'A' ? 'B' : 'A'));
  await waitForScreen(page, 'invite-invalid');
  await hasText(page.locator('h1'), 'This link doesn’t work');
  await hasText(page.locator('p').last(), ASK_FOR_A_NEW_LINK);
  expect(page.url()).toBe(`${stack.baseUrl}/join.html`);
  expect(await page.getByRole('button').count()).toBe(0);
  await screenshot(page, '20-invite-invalid');
});

test('an invite of a session the agent completed says the call has ended', async () => {
  const task = await escalated(stack);
  const completed = await stack.post('/video/complete', { Token: task.token, TaskSid: task.taskSid });
  expect(completed.status).toBe(200);
  const page = await visit(task.joinUrl);
  await waitForScreen(page, 'session-ended');
  await hasText(page.locator('h1'), 'This video call has ended');
  await hasText(page.locator('p').last(), ASK_FOR_A_NEW_LINK);
  await screenshot(page, '21-session-ended');
});

test('a link replaced by a newer one (Resend) points to the newest link in the chat', async () => {
  const task = await escalated(stack);
  const first = task.joinUrl;
  const resent = await stack.post('/video/escalate', {
    Token: task.token,
    TaskSid: task.taskSid,
    Resend: true,
  });
  expect(resent.status).toBe(200);
  expect(resent.body.joinUrl).not.toBe(first);

  const page = await visit(first);
  await waitForScreen(page, 'invite-revoked');
  await hasText(page.locator('h1'), 'A newer link was sent');
  await hasText(page.locator('p').last(), 'Go back to the chat and open the newest link to join the call.');
  expect(await page.getByRole('button').count()).toBe(0);
  await screenshot(page, '23-invite-revoked');

  const newest = await visit(resent.body.joinUrl);
  await waitForScreen(newest, 'preview');
});

test('a link without an invite never reaches the service', async () => {
  const session = await openPage(context);
  await session.page.goto(`${stack.baseUrl}/join.html`);
  await waitForScreen(session.page, 'invite-missing');
  await hasText(session.page.locator('h1'), 'This link is incomplete');
  expect(session.requests.some((url) => url.endsWith('/video/join'))).toBe(false);
});

test('a reload of the same tab keeps working after the fragment was removed', async () => {
  const { joinUrl } = await escalated(stack);
  const page = await visit(joinUrl);
  await waitForScreen(page, 'preview');
  expect(page.url()).not.toContain('#');
  await page.reload();
  await waitForScreen(page, 'preview');
});

test('an expired invite says so and what to do', async () => {
  const shortLived = await startStack({ env: { VIDEO_INVITE_TTL_SECONDS: '1' } });
  try {
    const { joinUrl } = await escalated(shortLived);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const page = await visit(joinUrl);
    await waitForScreen(page, 'invite-expired');
    await hasText(page.locator('h1'), 'This link has expired');
    await hasText(page.locator('p').last(), ASK_FOR_A_NEW_LINK);
    await screenshot(page, '22-invite-expired');
  } finally {
    await shortLived.stop();
  }
});
