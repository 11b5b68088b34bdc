import { FLEX_ORIGINS, NO_FRAMING, servedPage } from './pages';

const html = `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'" /></head></html>`;

test('the header is the meta tag’s policy plus frame-ancestors; the join page also says DENY to old browsers', () => {
  const { headers } = servedPage(html, NO_FRAMING({}));
  expect(headers['Content-Security-Policy']).toBe(
    "default-src 'none'; script-src 'self'; frame-ancestors 'none'",
  );
  expect(headers['X-Frame-Options']).toBe('DENY');
  expect(headers.ETag).toMatch(/^"[\w-]{27}"$/);
});

test('the panel may be framed by the origins of ALLOWED_ORIGINS only; a value that is not an origin cannot add a directive', () => {
  expect(FLEX_ORIGINS({})).toBe('https://flex.twilio.com');
  expect(FLEX_ORIGINS({ ALLOWED_ORIGINS: 'https://a.example/, http://127.0.0.1:3000' })).toBe(
    'https://a.example http://127.0.0.1:3000',
  );
  expect(FLEX_ORIGINS({ ALLOWED_ORIGINS: "https://a.example; script-src *,https://b.example 'self'" })).toBe(
    "'none'",
  );
  expect(servedPage(html, FLEX_ORIGINS({})).headers['X-Frame-Options']).toBeUndefined();
});

test('a new ALLOWED_ORIGINS is a new ETag: a cached page never carries an old frame-ancestors', () => {
  expect(servedPage(html, 'https://a.example').headers.ETag).not.toBe(
    servedPage(html, 'https://b.example').headers.ETag,
  );
});

test('a page without its meta policy is a build mistake, not a page served without a policy', () => {
  expect(() => servedPage('<html></html>', "'none'")).toThrow(/Content-Security-Policy/);
});
