import { needsFreshGrant, requestJoin, type JoinResult } from './api';

const GRANT = { token: 'eyJ.x.y', identity: 'customer-abc', roomName: 'flex-video-WT1', expiresAt: '2030-01-01T00:00:00.000Z' };

function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const sent: { url: string; init: RequestInit }[] = [];
  const fetchFn = async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });
  };
  return { fetchFn, sent };
}

const failure = (code: string, status: number) => answering(status, { error: { code, message: 'm' } });
const kindOf = (result: JoinResult) => (result.ok ? 'ok' : result.failure);

test('posts the invite alone as JSON to /video/join', async () => {
  const { fetchFn, sent } = answering(200, GRANT);
  const result = await requestJoin(fetchFn, 'inv');
  expect(result).toEqual({ ok: true, grant: { ...GRANT, expiresAt: Date.parse(GRANT.expiresAt) } });
  expect(sent[0].url).toBe('/video/join');
  expect(sent[0].init.method).toBe('POST');
  expect(JSON.parse(sent[0].init.body as string)).toEqual({ Invite: 'inv' });
});

test.each([
  ['invalid_request', 400, 'invalid'],
  ['invalid_invite', 401, 'invalid'],
  ['invite_expired', 410, 'expired'],
  ['invite_revoked', 410, 'revoked'],
  ['session_ended', 410, 'ended'],
  ['upstream_error', 502, 'failed'],
  ['internal_error', 500, 'failed'],
])('%s (%i) is a %s link', async (code, status, kind) => {
  expect(kindOf(await requestJoin(failure(code, status).fetchFn, 'inv'))).toEqual({ kind });
});

test('503 carries Retry-After; a missing or odd one falls back to 10 s', async () => {
  const busy = answering(503, { error: { code: 'upstream_unavailable', message: 'm' } }, { 'Retry-After': '7' });
  expect(kindOf(await requestJoin(busy.fetchFn, 'inv'))).toEqual({ kind: 'busy', retryAfterSeconds: 7 });
  const odd = answering(503, 'Service Unavailable', { 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' });
  expect(kindOf(await requestJoin(odd.fetchFn, 'inv'))).toEqual({ kind: 'busy', retryAfterSeconds: 10 });
});

test('a network failure is "offline"; a 200 without a usable grant is a failure', async () => {
  const offline = async () => {
    throw new TypeError('Failed to fetch');
  };
  expect(kindOf(await requestJoin(offline, 'inv'))).toEqual({ kind: 'offline' });
  expect(kindOf(await requestJoin(answering(200, { token: 'x' }).fetchFn, 'inv'))).toEqual({ kind: 'failed' });
  expect(kindOf(await requestJoin(answering(200, '<html>').fetchFn, 'inv'))).toEqual({ kind: 'failed' });
});

test('expiresAt may be ISO, epoch seconds or epoch milliseconds', async () => {
  for (const expiresAt of ['2030-01-01T00:00:00Z', 1893456000, 1893456000000]) {
    const result = await requestJoin(answering(200, { ...GRANT, expiresAt }).fetchFn, 'inv');
    expect(result.ok && result.grant.expiresAt).toBe(1893456000000);
  }
});

test('the first grant is reused for Join unless it is about to expire', () => {
  const grant = { token: 't', identity: 'i', roomName: 'r', expiresAt: 1_000_000 };
  expect(needsFreshGrant(grant, 0)).toBe(false);
  expect(needsFreshGrant(grant, 1_000_000 - 61_000)).toBe(false);
  expect(needsFreshGrant(grant, 1_000_000 - 30_000)).toBe(true);
});
