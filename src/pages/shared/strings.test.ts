import { fill, pickLanguage, stringsFor } from './strings';

test('the first preferred language with a catalog wins, matching a region to its language', () => {
  expect(pickLanguage(['pt-BR', 'es-MX', 'en-GB'], ['en', 'es'])).toBe('es');
  expect(pickLanguage(['ES'], ['en', 'es'])).toBe('es');
  expect(pickLanguage(['pt-BR', 'fr'], ['en', 'es'])).toBe('en');
  expect(pickLanguage([], ['en'])).toBe('en');
});

test('English is the catalog today, whatever the browser prefers', () => {
  expect(stringsFor(['de-DE']).lang).toBe('en');
  expect(stringsFor(['en-US']).text.join).toBe('Join call');
});

test('placeholders are filled; unknown ones are left visible rather than dropped', () => {
  expect(fill('Try again in {seconds} seconds', { seconds: 30 })).toBe('Try again in 30 seconds');
  expect(fill('{kind} {number}', { kind: 'Camera' })).toBe('Camera {number}');
});

test('no text is empty and every placeholder is one the page fills', () => {
  const text = stringsFor(['en']).text;
  for (const [key, value] of Object.entries(text)) {
    expect([key, value.trim().length > 0]).toEqual([key, true]);
    for (const placeholder of value.match(/\{\w+\}/g) ?? [])
      expect(['{seconds}', '{kind}', '{number}', '{level}']).toContain(placeholder);
  }
});
