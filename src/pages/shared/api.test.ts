import type { ApiAnswer, ErrorCode } from '../../contract';
import { needsFreshGrant, requestJoin, type JoinFailure, type JoinResult } from './api';
import { answering, failing, unreachable } from '../../../tests/support/fake-fetch';

const GRANT = {
  token: 'eyJ.x.y',
  identity: 'customer-abc',
  roomName: 'flex-video-WT1',
  expiresAt: '2030-01-01T00:00:00.000Z',
} satisfies ApiAnswer<'/video/join'>;

const kindOf = (result: JoinResult) => (result.ok ? 'ok' : result.failure);

test('posts the invite alone as JSON to /video/join', async () => {
  const { fetchFn, sent } = answering(200, GRANT);
  const result = await requestJoin(fetchFn, 'inv');
  expect(result).toEqual({
    ok: true,
    grant: {
      ...GRANT,
      expiresAt: Date.parse(GRANT.expiresAt),
      transcription: { policy: 'off', active: false },
      snapshots: 'off',
    },
  });
  expect(sent).toEqual([{ url: '/video/join', method: 'POST', body: { Invite: 'inv' } }]);
});

test('the snapshot policy is read from the grant; one this page does not know is off', async () => {
  const policyOf = async (snapshots: unknown) => {
    const result = await requestJoin(answering(200, { ...GRANT, snapshots }).fetchFn, 'inv');
    return result.ok ? result.grant.snapshots : null;
  };
  expect(await policyOf('ask')).toBe('ask');
  expect(await policyOf('on')).toBe('on');
  expect(await policyOf('always')).toBe('off');
  expect(await policyOf(undefined)).toBe('off');
});

test.each<[ErrorCode, JoinFailure['kind']]>([
  ['invalid_request', 'invalid'],
  ['invalid_invite', 'invalid'],
  ['invite_expired', 'expired'],
  ['invite_revoked', 'revoked'],
  ['session_ended', 'ended'],
  ['upstream_error', 'failed'],
])('%s is a %s link', async (code, kind) => {
  expect(kindOf(await requestJoin(failing(code).fetchFn, 'inv'))).toEqual({ kind });
});

test('a code the page does not know is judged by its status', async () => {
  const unknownCode = (status: number) =>
    answering(status, { error: { code: 'internal_error', message: 'm' } }).fetchFn;
  expect(kindOf(await requestJoin(unknownCode(500), 'inv'))).toEqual({ kind: 'failed' });
  expect(kindOf(await requestJoin(unknownCode(410), 'inv'))).toEqual({ kind: 'expired' });
  expect(kindOf(await requestJoin(unknownCode(401), 'inv'))).toEqual({ kind: 'invalid' });
});

test('503 carries Retry-After; a missing or odd one falls back to 10 s', async () => {
  const busy = failing('upstream_unavailable', { 'Retry-After': '7' });
  expect(kindOf(await requestJoin(busy.fetchFn, 'inv'))).toEqual({ kind: 'busy', retryAfterSeconds: 7 });
  const odd = answering(503, 'Service Unavailable', { 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' });
  expect(kindOf(await requestJoin(odd.fetchFn, 'inv'))).toEqual({ kind: 'busy', retryAfterSeconds: 10 });
});

test('a network failure is "offline"; a 200 without a usable grant is a failure', async () => {
  expect(kindOf(await requestJoin(unreachable, 'inv'))).toEqual({ kind: 'offline' });
  expect(kindOf(await requestJoin(answering(200, { token: 'x' }).fetchFn, 'inv'))).toEqual({
    kind: 'failed',
  });
  expect(kindOf(await requestJoin(answering(200, '<html>').fetchFn, 'inv'))).toEqual({ kind: 'failed' });
});

test('expiresAt may be ISO, epoch seconds or epoch milliseconds', async () => {
  for (const expiresAt of ['2030-01-01T00:00:00Z', 1893456000, 1893456000000]) {
    const result = await requestJoin(answering(200, { ...GRANT, expiresAt }).fetchFn, 'inv');
    expect(result.ok && result.grant.expiresAt).toBe(1893456000000);
  }
});

test('what the grant says about transcription; nothing, or nonsense, is read as none', async () => {
  const read = async (transcription: unknown) => {
    const result = await requestJoin(answering(200, { ...GRANT, transcription }).fetchFn, 'inv');
    return result.ok ? result.grant.transcription : null;
  };
  expect(await read({ policy: 'on-demand', active: true })).toEqual({ policy: 'on-demand', active: true });
  expect(await read({ policy: 'always', active: 'yes' })).toEqual({ policy: 'always', active: false });
  expect(await read(undefined)).toEqual({ policy: 'off', active: false });
  expect(await read({ policy: 'sometimes', active: true })).toEqual({ policy: 'off', active: false });
});

test('the first grant is reused for Join unless it is about to expire', () => {
  const grant = { token: 't', identity: 'i', roomName: 'r', expiresAt: 1_000_000 };
  expect(needsFreshGrant(grant, 0)).toBe(false);
  expect(needsFreshGrant(grant, 1_000_000 - 61_000)).toBe(false);
  expect(needsFreshGrant(grant, 1_000_000 - 30_000)).toBe(true);
});
