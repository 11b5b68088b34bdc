import { randomBytes } from 'node:crypto';
import { joinUrl, signInvite, verifyInvite } from './invites';
import { AppError } from './errors';

const key = randomBytes(32);
const ROOM = `RM${'0123456789abcdef'.repeat(2)}`;
const NOW = 1_800_000_000;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as AppError).code;
  }
}

test('a signed invite verifies and names its room, nonce and expiry', () => {
  const invite = signInvite(key, ROOM, NOW + 60);
  const verified = verifyInvite(key, invite, NOW);
  expect(verified.roomSid).toBe(ROOM);
  expect(verified.expiresAt).toBe(NOW + 60);
  expect(verified.nonce).toMatch(/^[A-Za-z0-9_-]{16}$/);
  expect(invite.length).toBeLessThanOrEqual(120);
});

test('two invites for the same room differ', () => {
  expect(signInvite(key, ROOM, NOW)).not.toBe(signInvite(key, ROOM, NOW));
});

test('an invite expires at its expiry second', () => {
  const invite = signInvite(key, ROOM, NOW + 60);
  expect(codeOf(() => verifyInvite(key, invite, NOW + 59))).toBeUndefined();
  expect(codeOf(() => verifyInvite(key, invite, NOW + 60))).toBe('invite_expired');
});

test('every single-character change is refused as invalid, not as expired', () => {
  const invite = signInvite(key, ROOM, NOW + 60);
  for (let i = 0; i < invite.length; i++) {
    if (invite[i] === '.') continue;
    const changed = invite.slice(0, i) + (invite[i] === 'a' ? 'b' : 'a') + invite.slice(i + 1);
    expect([changed, codeOf(() => verifyInvite(key, changed, NOW))]).toEqual([changed, 'invalid_invite']);
  }
});

test('the signature’s last character cannot be swapped for one that decodes to the same bytes', () => {
  // 43 base64url characters carry 258 bits; the last character's 2 spare bits do not count
  // when decoding, so 4 characters decode alike. Only the canonical one is accepted.
  for (let attempt = 0; attempt < 50; attempt++) {
    const invite = signInvite(key, ROOM, NOW + 60);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(invite[invite.length - 1]);
    const sameBytes = alphabet[last ^ 1];
    const variant = invite.slice(0, -1) + sameBytes;
    expect(Buffer.from(variant.split('.')[3], 'base64url')).toEqual(Buffer.from(invite.split('.')[3], 'base64url'));
    expect(codeOf(() => verifyInvite(key, variant, NOW))).toBe('invalid_invite');
  }
});

test('a later expiry cannot be written into a signed invite', () => {
  const [room, nonce, , mac] = signInvite(key, ROOM, NOW + 60).split('.');
  expect(codeOf(() => verifyInvite(key, `${room}.${nonce}.${NOW + 99999}.${mac}`, NOW))).toBe('invalid_invite');
});

test('an invite signed with another key is invalid', () => {
  expect(codeOf(() => verifyInvite(randomBytes(32), signInvite(key, ROOM, NOW + 60), NOW))).toBe('invalid_invite');
});

test.each(['', 'x', `${ROOM}..1.`, `${ROOM}.${'A'.repeat(16)}.1.${'A'.repeat(42)}`, `RM${'G'.repeat(32)}.${'A'.repeat(16)}.1.${'A'.repeat(43)}`])(
  'the malformed invite %p is invalid',
  (invite) => expect(codeOf(() => verifyInvite(key, invite, NOW))).toBe('invalid_invite'),
);

test('the join link carries the invite in the fragment', () => {
  const url = new URL(joinUrl('https://video-1234.twil.io', 'abc.def'));
  expect(url.pathname).toBe('/join.html');
  expect(url.search).toBe('');
  expect(url.hash).toBe('#invite=abc.def');
});
