import { createHash } from 'node:crypto';
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

test('an agent identity is opaque: stable per agent and room, different per room, and no hash anyone could recompute', () => {
  const key = Buffer.alloc(32, 7);
  const worker = { workerSid: `WK${'4'.repeat(32)}`, identity: 'a@b.c', role: 'agent' as const };
  const user = { identity: 'a@b.c', role: 'agent' as const };
  const [roomA, roomB] = [`RM${'a'.repeat(32)}`, `RM${'b'.repeat(32)}`];
  const identity = agentIdentity(key, worker, roomA);
  expect(identity).toMatch(/^agent-[0-9a-f]{40}$/);
  expect(agentIdentity(key, worker, roomA)).toBe(identity);
  expect(agentIdentity(key, worker, roomB)).not.toBe(identity);
  expect(agentIdentity(Buffer.alloc(32, 8), worker, roomA)).not.toBe(identity);
  expect(identity).not.toContain(worker.workerSid);
  // The unsalted SHA-256 of the Flex identity, which an e-mail address would confirm, is gone.
  const sha256 = createHash('sha256').update(user.identity).digest('hex').slice(0, 40);
  expect(agentIdentity(key, user, roomA)).toMatch(/^agent-[0-9a-f]{40}$/);
  expect(agentIdentity(key, user, roomA)).not.toBe(`agent-${sha256}`);
  expect(agentIdentity(key, user, roomA)).not.toBe(identity);
});

test('a supervisor’s identity says so, and is not the same person’s agent identity', () => {
  const key = Buffer.alloc(32, 7);
  const worker = { workerSid: `WK${'4'.repeat(32)}`, identity: 'a@b.c' };
  const room = `RM${'a'.repeat(32)}`;
  const supervisor = agentIdentity(key, { ...worker, role: 'supervisor' }, room);
  expect(supervisor).toMatch(/^supervisor-[0-9a-f]{40}$/);
  expect(supervisor.slice('supervisor-'.length)).not.toBe(
    agentIdentity(key, { ...worker, role: 'agent' }, room).slice('agent-'.length),
  );
  expect(Buffer.byteLength(supervisor, 'utf8')).toBeLessThanOrEqual(LIMITS.identityBytes);
});

test('customer identities are the invite nonce alone and fit Twilio’s limit', () => {
  const identity = customerIdentity('n'.repeat(16));
  expect(identity).toBe(`customer-${'n'.repeat(16)}`);
  expect(Buffer.byteLength(identity, 'utf8')).toBeLessThanOrEqual(LIMITS.identityBytes);
});
