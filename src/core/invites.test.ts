import { randomBytes } from 'node:crypto';
import { LIMITS } from '../contract';
import { InviteKeys, joinUrl, signInvite, verifyInvite } from './invites';
import { AppError } from './errors';

const key = randomBytes(32);
const keys: InviteKeys = [key];
const ROOM = `RM${'0123456789abcdef'.repeat(2)}`;
const NOW = 1_800_000_000;
const ISSUED = NOW * 1000 - 5_000;
const sign = (expiresAt: number, signWith: InviteKeys = keys) =>
  signInvite(signWith, { roomSid: ROOM, issuedAt: ISSUED, expiresAt });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as AppError).code;
  }
}

test('a signed invite verifies and names its room, nonce and expiry', () => {
  const invite = sign(NOW + 60);
  const verified = verifyInvite(keys, invite, NOW);
  expect(verified.roomSid).toBe(ROOM);
  expect(verified.expiresAt).toBe(NOW + 60);
  expect(verified.issuedAt).toBe(ISSUED);
  expect(verified.nonce).toMatch(/^[A-Za-z0-9_-]{16}$/);
  expect(invite.length).toBeLessThanOrEqual(LIMITS.inviteLength);
});

test('two invites for the same room differ', () => {
  expect(sign(NOW)).not.toBe(sign(NOW));
});

test('an invite expires at its expiry second', () => {
  const invite = sign(NOW + 60);
  expect(codeOf(() => verifyInvite(keys, invite, NOW + 59))).toBeUndefined();
  expect(codeOf(() => verifyInvite(keys, invite, NOW + 60))).toBe('invite_expired');
});

test('every single-character change is refused as invalid, not as expired', () => {
  const invite = sign(NOW + 60);
  for (let i = 0; i < invite.length; i++) {
    if (invite[i] === '.') continue;
    const changed = invite.slice(0, i) + (invite[i] === 'a' ? 'b' : 'a') + invite.slice(i + 1);
    expect([changed, codeOf(() => verifyInvite(keys, changed, NOW))]).toEqual([changed, 'invalid_invite']);
  }
});

test('the signature’s last character cannot be swapped for one that decodes to the same bytes', () => {
  // 43 base64url characters carry 258 bits; the last character's 2 spare bits do not count
  // when decoding, so 4 characters decode alike. Only the canonical one is accepted.
  for (let attempt = 0; attempt < 50; attempt++) {
    const invite = sign(NOW + 60);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(invite[invite.length - 1]);
    const sameBytes = alphabet[last ^ 1];
    const variant = invite.slice(0, -1) + sameBytes;
    expect(Buffer.from(variant.split('.')[4], 'base64url')).toEqual(
      Buffer.from(invite.split('.')[4], 'base64url'),
    );
    expect(codeOf(() => verifyInvite(keys, variant, NOW))).toBe('invalid_invite');
  }
});

test('a later expiry cannot be written into a signed invite', () => {
  const [room, nonce, issuedAt, , mac] = sign(NOW + 60).split('.');
  expect(codeOf(() => verifyInvite(keys, `${room}.${nonce}.${issuedAt}.${NOW + 99999}.${mac}`, NOW))).toBe(
    'invalid_invite',
  );
});

test('a later moment of issue cannot be written into a signed invite (it would escape revocation)', () => {
  const [room, nonce, , expiresAt, mac] = sign(NOW + 60).split('.');
  expect(
    codeOf(() => verifyInvite(keys, `${room}.${nonce}.${ISSUED + 60_000}.${expiresAt}.${mac}`, NOW)),
  ).toBe('invalid_invite');
});

test('during a rotation, invites signed with the previous key still verify and new ones use the current key', () => {
  const previous = randomBytes(32);
  const current = randomBytes(32);
  const old = sign(NOW + 60, [previous]);
  expect(codeOf(() => verifyInvite([current, previous], old, NOW))).toBeUndefined();
  expect(codeOf(() => verifyInvite([current], old, NOW))).toBe('invalid_invite');
  const fresh = sign(NOW + 60, [current, previous]);
  expect(codeOf(() => verifyInvite([current], fresh, NOW))).toBeUndefined();
});

test('an invite signed with another key is invalid', () => {
  expect(codeOf(() => verifyInvite([randomBytes(32)], sign(NOW + 60), NOW))).toBe('invalid_invite');
});

test.each([
  '',
  'x',
  `${ROOM}..1.1.`,
  `${ROOM}.${'A'.repeat(16)}.1.1.${'A'.repeat(42)}`,
  `RM${'G'.repeat(32)}.${'A'.repeat(16)}.1.1.${'A'.repeat(43)}`,
  `${ROOM}.${'A'.repeat(16)}.1.${'A'.repeat(43)}`,
])('the malformed invite %p is invalid', (invite) =>
  expect(codeOf(() => verifyInvite(keys, invite, NOW))).toBe('invalid_invite'),
);

test('the join link carries the invite in the fragment', () => {
  const url = new URL(joinUrl('https://video-1234.twil.io', 'abc.def'));
  expect(url.pathname).toBe('/join.html');
  expect(url.search).toBe('');
  expect(url.hash).toBe('#invite=abc.def');
});
