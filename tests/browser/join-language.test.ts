import type { Page } from 'playwright-core';
import de from '../../src/pages/shared/languages/de';
import es from '../../src/pages/shared/languages/es';
import fr from '../../src/pages/shared/languages/fr';
import pt from '../../src/pages/shared/languages/pt';
import { en, type Strings } from '../../src/pages/shared/strings';
import { escalated } from '../support/escalated';
import { useStack } from '../support/use-stack';
import { launchChromium, openPage, screenshot, waitForScreen, waitForVideoPlaying } from './harness';

/** The join page in each language it ships, as a browser set to that language opens it: every
 * screen before Join (they need no SDK) shows no English and no placeholder or key left over, the
 * page fetches its own language file and no other, and a right-to-left layout keeps the primary
 * action on the screen. */

const stack = useStack();
const SHIPPED: [string, Strings][] = [
  ['es-ES', es],
  ['fr-FR', fr],
  ['de-DE', de],
  ['pt-BR', pt],
];
const PHONE = { width: 390, height: 844 };

let browser: Awaited<ReturnType<typeof launchChromium>>;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());

/** A fresh context whose browser prefers `locale` (navigator.languages, Accept-Language). */
async function pageIn(locale: string) {
  const context = await browser.newContext({ locale, viewport: PHONE });
  const opened = await openPage(context);
  return { ...opened, close: () => context.close() };
}

/** What the customer can read or hear: the visible text, the title, and accessible names. */
function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const labels = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].flatMap(
      (el) => ['aria-label', 'title', 'placeholder', 'alt'].map((name) => el.getAttribute(name) ?? ''),
    );
    const announcer = document.getElementById('announcer')?.textContent ?? '';
    return [document.title, document.body.innerText, announcer, ...labels].join('\n');
  });
}

/** English texts found on the page, and leftovers of a missing key (`{name}`, `undefined`). */
async function untranslated(page: Page, catalog: Strings): Promise<string[]> {
  const shown = await readableText(page);
  const english = (Object.keys(en) as (keyof Strings)[])
    .filter((key) => catalog[key] !== en[key])
    .map((key) => en[key].split(/\{\w+\}/)[0].trim())
    .filter((start) => start.length > 0 && shown.includes(start));
  const leftovers = shown.match(/\{\w+\}|undefined|null/g) ?? [];
  return [...english, ...leftovers];
}

test.each(SHIPPED)(
  '%s: the preview and an error screen are all in that language',
  async (locale, catalog) => {
    const lang = locale.slice(0, 2);
    const { joinUrl } = await escalated(stack);
    const opened = await pageIn(locale);
    try {
      const { page, requests } = opened;
      await page.goto(joinUrl);
      await waitForScreen(page, 'preview');
      await waitForVideoPlaying(page, '.preview-video video');
      await page.getByRole('button', { name: catalog.join }).waitFor();
      expect(
        await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
      ).toEqual([lang, 'ltr']);
      expect(await untranslated(page, catalog)).toEqual([]);
      await screenshot(page, `70-language-${lang}-preview`);

      // A new document (a change of hash alone would not reload the page).
      await page.goto('about:blank');
      await page.goto(`${new URL(joinUrl).origin}/join.html#invite=not-a-real-invite`);
      await waitForScreen(page, 'invite-invalid');
      expect(await page.locator('h1').textContent()).toBe(catalog.inviteInvalidTitle);
      expect(await untranslated(page, catalog)).toEqual([]);

      const languageFiles = requests
        .map((url) => new URL(url).pathname)
        .filter((path) => path.includes('/lang/'));
      expect([...new Set(languageFiles)]).toEqual([`/join/lang/${lang}.json`]);
    } finally {
      await opened.close();
    }
  },
);

test('an English browser, or one whose languages the page does not speak, fetches no language file', async () => {
  const { joinUrl } = await escalated(stack);
  for (const locale of ['en-US', 'ja-JP']) {
    const opened = await pageIn(locale);
    try {
      await opened.page.goto(joinUrl);
      await waitForScreen(opened.page, 'preview');
      await opened.page.getByRole('button', { name: en.join }).waitFor();
      expect(opened.requests.filter((url) => url.includes('/lang/'))).toEqual([]);
      expect(await opened.page.evaluate(() => document.documentElement.lang)).toBe('en');
    } finally {
      await opened.close();
    }
  }
});

test('right to left: the preview keeps its primary action whole on a phone screen', async () => {
  const { joinUrl } = await escalated(stack);
  const opened = await pageIn('en-US');
  try {
    const { page } = opened;
    await page.goto(joinUrl);
    await waitForVideoPlaying(page, '.preview-video video');
    const ltr = await page.getByRole('button', { name: en.join }).boundingBox();
    // No right-to-left language ships: the page's direction is set as one would set it.
    await page.evaluate(() => (document.documentElement.dir = 'rtl'));
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).direction)).toBe('rtl');
    const rtl = await page.getByRole('button', { name: en.join }).boundingBox();
    // Whole across the screen, and no lower than left to right (where it must be in the first
    // viewport: the phone layout's own tests).
    expect(rtl!.x).toBeGreaterThanOrEqual(0);
    expect(rtl!.x + rtl!.width).toBeLessThanOrEqual(PHONE.width);
    expect(rtl!.y).toBeLessThanOrEqual(ltr!.y + 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, '71-language-rtl-preview');
  } finally {
    await opened.close();
  }
});
