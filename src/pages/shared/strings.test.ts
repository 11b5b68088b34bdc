import fs from 'node:fs';
import path from 'node:path';
import {
  assistEn,
  assistStrings,
  directionOf,
  en,
  fill,
  JOIN_LANGUAGES,
  loadStrings,
  pickLanguage,
  type JoinCatalog,
} from './strings';

const LANGUAGES_DIR = path.join(__dirname, 'languages');

/** Every language file, as the build turns them into /join/lang/<tag>.json. */
function shippedCatalogs(): [string, JoinCatalog][] {
  return fs
    .readdirSync(LANGUAGES_DIR)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- each language file, found by listing the folder
      const catalog = (require(path.join(LANGUAGES_DIR, file)) as { default: JoinCatalog }).default;
      return [path.basename(file, '.ts'), catalog];
    });
}

/** Words the language writes as English does (Spanish and Portuguese "Supervisor"). */
const SPELT_AS_IN_ENGLISH: Readonly<Record<string, readonly (keyof JoinCatalog)[]>> = {
  es: ['roleSupervisor'],
  pt: ['roleSupervisor'],
};

const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

test('the first preferred language with a catalog wins, matching a region to its language', () => {
  expect(pickLanguage(['pt-BR', 'es-MX', 'en-GB'], ['en', 'es'])).toBe('es');
  expect(pickLanguage(['ES'], ['en', 'es'])).toBe('es');
  expect(pickLanguage(['pt-BR', 'fr'], ['en', 'es'])).toBe('en');
  expect(pickLanguage([], ['en'])).toBe('en');
});

test('the page speaks English, Spanish, French, German and Portuguese: one file per language besides English', () => {
  expect([...JOIN_LANGUAGES].sort()).toEqual(['de', 'en', 'es', 'fr', 'pt']);
  expect(shippedCatalogs().map(([lang]) => lang)).toEqual(
    JOIN_LANGUAGES.filter((lang) => lang !== 'en').sort(),
  );
});

test.each(shippedCatalogs())(
  '%s has every key of English, translated, with the same placeholders',
  (lang, catalog) => {
    // The page's words and the visual assist's (kept apart in English, see assistEn).
    const english: JoinCatalog = { ...en, ...assistEn };
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort());
    for (const key of Object.keys(english) as (keyof JoinCatalog)[]) {
      expect([key, catalog[key].trim().length > 0]).toEqual([key, true]);
      expect([key, placeholders(catalog[key])]).toEqual([key, placeholders(english[key])]);
    }
    // Only a bare placeholder, or a word that is spelt the same in the language, may read the same
    // as the English.
    const untranslated = (Object.keys(english) as (keyof JoinCatalog)[]).filter(
      (key) =>
        catalog[key] === english[key] &&
        english[key].replace(/\{\w+\}|\s/g, '') !== '' &&
        !SPELT_AS_IN_ENGLISH[lang]?.includes(key),
    );
    expect(untranslated).toEqual([]);
  },
);

test('the assist reads its words from the page’s catalog, in English where the catalog has none', async () => {
  const fr = Object.fromEntries(shippedCatalogs())['fr'];
  const page = await loadStrings(['fr'], () => Promise.resolve(new Response(JSON.stringify(fr))));
  expect(assistStrings(page.text).switchCamera).toBe(fr.switchCamera);
  expect(assistStrings(en)).toEqual(assistEn);
});

describe('loadStrings', () => {
  /** `files` answers by URL: a Response as it is, anything else as its JSON; 404 when absent. */
  const served = (files: Record<string, unknown>) => {
    const urls: string[] = [];
    const fetchJson = (url: string) => {
      urls.push(url);
      const body = files[url];
      if (body instanceof Response) return Promise.resolve(body);
      return Promise.resolve(
        body === undefined ? new Response('', { status: 404 }) : new Response(JSON.stringify(body)),
      );
    };
    return { urls, fetchJson };
  };
  const es = Object.fromEntries(shippedCatalogs())['es'];

  test('English needs no request', async () => {
    const { urls, fetchJson } = served({});
    expect(await loadStrings(['en-US', 'es'], fetchJson)).toEqual({ lang: 'en', dir: 'ltr', text: en });
    expect(await loadStrings(['ja', 'zh-CN'], fetchJson)).toEqual({ lang: 'en', dir: 'ltr', text: en });
    expect(urls).toEqual([]);
  });

  test('another language is fetched once, from this service, and only that one', async () => {
    const { urls, fetchJson } = served({ '/join/lang/es.json': es });
    const strings = await loadStrings(['es-MX', 'fr'], fetchJson);
    expect(strings).toEqual({ lang: 'es', dir: 'ltr', text: es });
    expect(urls).toEqual(['/join/lang/es.json']);
  });

  test('a file that is missing or broken leaves the page in English', async () => {
    const broken = [new Response('<html>'), new Response('{"join":'), new Response('null')];
    for (const files of [{}, ...broken.map((response) => ({ '/join/lang/es.json': response }))])
      expect((await loadStrings(['es'], served(files).fetchJson)).lang).toBe('en');
    const offline = () => Promise.reject(new TypeError('Failed to fetch'));
    expect((await loadStrings(['es'], offline)).text).toBe(en);
  });

  test('a key missing from the file (cached from before a deploy) reads in English, never as nothing', async () => {
    const { join: _join, ...older } = es;
    const strings = await loadStrings(['es'], served({ '/join/lang/es.json': older }).fetchJson);
    expect(strings.lang).toBe('es');
    expect(strings.text.join).toBe(en.join);
    expect(strings.text.leave).toBe(es.leave);
  });

  test('a file that never comes leaves the page in English after a few seconds', async () => {
    jest.useFakeTimers();
    try {
      const pending = loadStrings(['de'], () => new Promise<Response>(() => undefined));
      await jest.advanceTimersByTimeAsync(4000);
      expect((await pending).lang).toBe('en');
    } finally {
      jest.useRealTimers();
    }
  });
});

test('right-to-left languages are laid out right to left', () => {
  expect(directionOf('ar')).toBe('rtl');
  expect(directionOf('he')).toBe('rtl');
  expect(directionOf('es')).toBe('ltr');
});

test('placeholders are filled; unknown ones are left visible rather than dropped', () => {
  expect(fill('Try again in {seconds} seconds', { seconds: 30 })).toBe('Try again in 30 seconds');
  expect(fill('{kind} {number}', { kind: 'Camera' })).toBe('Camera {number}');
});

test('no text is empty and every placeholder is one the page fills', () => {
  for (const [key, value] of Object.entries(en)) {
    expect([key, value.trim().length > 0]).toEqual([key, true]);
    for (const placeholder of placeholders(value))
      expect(['{seconds}', '{kind}', '{number}', '{level}', '{count}', '{role}']).toContain(placeholder);
  }
});
