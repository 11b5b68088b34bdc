import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from './errors';

/**
 * A customer's invite: `<roomSid>.<nonce>.<issuedAtMs>.<expiresAt>.<mac>`, self-contained and
 * checked without a lookup. The HMAC-SHA256 (full 256 bits) binds it to one room, one moment of
 * issue and one expiry. The nonce makes each invite distinct and is the customer's identity for
 * it, so every join with one link is the same participant. The moment of issue lets a newer link
 * revoke all earlier ones with a single timestamp (see links.ts); the nonce carries it too, so
 * that a participant's identity alone tells whether that timestamp revoked it.
 */
export interface Invite {
  roomSid: string;
  nonce: string;
  /** Epoch milliseconds. */
  issuedAt: number;
  /** Unix seconds. */
  expiresAt: number;
}

/**
 * The keys invites are checked with, the first of which signs new ones. A second key is the
 * previous secret, accepted while links signed with it may still be open (secret rotation).
 */
export type InviteKeys = readonly [Buffer, ...Buffer[]];

const INVITE_PATTERN =
  /^(RM[0-9a-f]{32})\.([A-Za-z0-9_-]{16})\.([0-9]{1,15})\.([0-9]{1,12})\.([A-Za-z0-9_-]{43})$/;

/** 6 bytes of the moment of issue (milliseconds, enough until the year 10889) and 6 random bytes:
 * 16 base64url characters. The random half keeps two links of the same millisecond apart; the
 * nonce need not be secret (the MAC protects the invite). */
export function newNonce(issuedAt: number): string {
  const bytes = Buffer.alloc(12);
  bytes.writeUIntBE(issuedAt, 0, 6);
  randomBytes(6).copy(bytes, 6);
  return bytes.toString('base64url');
}

/** The moment of issue a nonce carries (epoch ms). A nonce of a link signed before nonces carried
 * it decodes to an arbitrary moment, almost always far in the future: not revoked by time. */
export function issuedAtOfNonce(nonce: string): number {
  return Buffer.from(nonce, 'base64url').readUIntBE(0, 6);
}

function mac(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}

export function signInvite(keys: InviteKeys, invite: Omit<Invite, 'nonce'> & { nonce?: string }): string {
  const nonce = invite.nonce ?? newNonce(invite.issuedAt);
  const payload = `${invite.roomSid}.${nonce}.${invite.issuedAt}.${invite.expiresAt}`;
  return `${payload}.${mac(keys[0], payload).toString('base64url')}`;
}

/** Compared as text: base64url decoding ignores the last character's spare bits, so comparing
 * decoded bytes would accept a changed last character. */
function signedBy(key: Buffer, payload: string, signature: string): boolean {
  const expected = Buffer.from(mac(key, payload).toString('base64url'));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Throws 401 invalid_invite for anything not signed with one of the keys, 410 invite_expired
 * past its expiry. Whether it was revoked is a question for Twilio (links.ts). */
export function verifyInvite(keys: InviteKeys, invite: string, nowSeconds: number): Invite {
  const match = INVITE_PATTERN.exec(invite);
  if (!match) throw new AppError('invalid_invite', 'This invite link is not valid.');
  const [, roomSid, nonce, issuedAt, expiresAt, signature] = match;
  const payload = `${roomSid}.${nonce}.${issuedAt}.${expiresAt}`;
  if (!keys.some((key) => signedBy(key, payload, signature))) {
    throw new AppError('invalid_invite', 'This invite link is not valid.');
  }
  if (Number(expiresAt) <= nowSeconds) {
    throw new AppError(
      'invite_expired',
      'This invite link has expired; ask the agent in the chat for a new one.',
    );
  }
  return { roomSid, nonce, issuedAt: Number(issuedAt), expiresAt: Number(expiresAt) };
}

/** The page the customer opens; the invite rides in the fragment so it never reaches server
 * logs or Referer headers. */
export function joinUrl(publicBaseUrl: string, invite: string): string {
  return `${publicBaseUrl}/join.html#invite=${invite}`;
}
