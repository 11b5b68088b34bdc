import { decodeJwt } from '../../tests/support/jwt';
import { LIMITS } from '../contract';
import { agentIdentity, customerIdentity, issueVideoToken } from './tokens';

const signer = { accountSid: `AC${'1'.repeat(32)}`, apiKey: `SK${'2'.repeat(32)}`, apiSecret: 'secret' };

test('a video token grants one room to one identity and reports its own exp', () => {
  const token = issueVideoToken(signer, 'agent-x', `RM${'3'.repeat(32)}`, 600);
  const payload = decodeJwt(token.token);
  expect(payload.grants).toEqual({ identity: 'agent-x', video: { room: `RM${'3'.repeat(32)}` } });
  expect(payload.exp - payload.iat).toBe(600);
  expect(token.expiresAt).toBe(new Date(payload.exp * 1000).toISOString());
  expect(payload.iss).toBe(signer.apiKey);
  expect(payload.sub).toBe(signer.accountSid);
});

test('agent identities come from the worker, else from a hash of the Flex identity', () => {
  expect(agentIdentity({ workerSid: `WK${'4'.repeat(32)}`, identity: 'a@b.c' })).toBe(
    `agent-WK${'4'.repeat(32)}`,
  );
  const hashed = agentIdentity({ identity: 'a@b.c' });
  expect(hashed).toMatch(/^agent-[0-9a-f]{40}$/);
  expect(agentIdentity({ identity: 'a@b.c' })).toBe(hashed);
});

test('customer identities are the invite nonce alone and fit Twilio’s limit', () => {
  const identity = customerIdentity('n'.repeat(16));
  expect(identity).toBe(`customer-${'n'.repeat(16)}`);
  expect(Buffer.byteLength(identity, 'utf8')).toBeLessThanOrEqual(LIMITS.identityBytes);
});
