import { agentIdentity, customerIdentity, issueVideoToken, MAX_IDENTITY_LENGTH, sanitizeDisplayName } from './tokens';

const signer = { accountSid: `AC${'1'.repeat(32)}`, apiKey: `SK${'2'.repeat(32)}`, apiSecret: 'secret' };
const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());

test('a video token grants one room to one identity and reports its own exp', () => {
  const token = issueVideoToken(signer, 'agent-x', `RM${'3'.repeat(32)}`, 600);
  const payload = claims(token.token);
  expect(payload.grants).toEqual({ identity: 'agent-x', video: { room: `RM${'3'.repeat(32)}` } });
  expect(payload.exp - payload.iat).toBe(600);
  expect(token.expiresAt).toBe(new Date(payload.exp * 1000).toISOString());
  expect(payload.iss).toBe(signer.apiKey);
  expect(payload.sub).toBe(signer.accountSid);
});

test('agent identities come from the worker, else from a hash of the Flex identity', () => {
  expect(agentIdentity({ workerSid: `WK${'4'.repeat(32)}`, identity: 'a@b.c' })).toBe(`agent-WK${'4'.repeat(32)}`);
  const hashed = agentIdentity({ identity: 'a@b.c' });
  expect(hashed).toMatch(/^agent-[0-9a-f]{40}$/);
  expect(agentIdentity({ identity: 'a@b.c' })).toBe(hashed);
});

test('customer identities start with customer-, whatever the name, and fit Twilio’s limit', () => {
  expect(customerIdentity('n'.repeat(16))).toBe(`customer-${'n'.repeat(16)}`);
  expect(customerIdentity('n'.repeat(16), 'agent-WK1')).toMatch(/^customer-n{16}-agent-WK1$/);
  expect(Array.from(customerIdentity('n'.repeat(16), '😀'.repeat(200))).length).toBe(MAX_IDENTITY_LENGTH);
  expect(customerIdentity('n'.repeat(16), '   ')).toBe(`customer-${'n'.repeat(16)}`);
});

test('display names lose control and direction characters and keep their words', () => {
  expect(sanitizeDisplayName(' Ana\u202e \u0000Lima\n\tB ')).toBe('Ana Lima B');
  expect(sanitizeDisplayName('José')).toBe('José');
});
