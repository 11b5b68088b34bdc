import { decodeJwt } from '../../tests/support/jwt';
import { issuePreflightToken, PREFLIGHT_TOKEN_TTL_SECONDS } from './preflight';

const signer = { accountSid: `AC${'1'.repeat(32)}`, apiKey: `SK${'2'.repeat(32)}`, apiSecret: 'secret' };

test('a preflight token grants only its own throwaway room, under an identity no participant of a call has', () => {
  const issued = issuePreflightToken(signer, () => '0f0e0d0c-0b0a-4908-8706-050403020100');
  const payload = decodeJwt(issued.token);
  expect(payload.grants).toEqual({
    identity: 'preflight-0f0e0d0c-0b0a-4908-8706-050403020100',
    video: { room: 'preflight-0f0e0d0c-0b0a-4908-8706-050403020100' },
  });
  expect(issued.roomName).toBe(payload.grants.video?.room);
  expect(payload.exp - payload.iat).toBe(PREFLIGHT_TOKEN_TTL_SECONDS);
});

test('every test gets a room of its own', () => {
  const [a, b] = [issuePreflightToken(signer), issuePreflightToken(signer)];
  expect(a.roomName).not.toBe(b.roomName);
  expect(a.roomName).toMatch(/^preflight-[0-9a-f-]{36}$/);
});
