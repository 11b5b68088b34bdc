import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from './errors';

/**
 * A customer's invite: `<roomSid>.<nonce>.<issuedAtMs>.<expiresAt>.<mac>`, self-contained and
 * checked without a lookup. The HMAC-SHA256 (full 256 bits) binds it to one room, one moment of
 * issue and one expiry. The random nonce makes each invite distinct and is the customer's
 * identity for it, so every join with one link is the same participant. The moment of issue
 * lets a newer link revoke all earlier ones with a single timestamp (see links.ts).
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

function mac(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}

export function signInvite(keys: InviteKeys, invite: Omit<Invite, 'nonce'> & { nonce?: string }): string {
  const nonce = invite.nonce ?? randomBytes(12).toString('base64url');
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
