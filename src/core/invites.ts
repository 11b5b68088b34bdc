import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from './errors';

/**
 * A customer's invite: `<roomSid>.<nonce>.<expiresAt>.<mac>`, self-contained and checked
 * without a lookup. The HMAC-SHA256 (full 256 bits) binds it to one room and one expiry; the
 * random nonce makes each invite distinct and gives the customer a stable identity per invite,
 * so a reload replaces the stale participant instead of adding a second one.
 */
export interface Invite {
  roomSid: string;
  nonce: string;
  /** Unix seconds. */
  expiresAt: number;
}

const INVITE_PATTERN = /^(RM[0-9a-f]{32})\.([A-Za-z0-9_-]{16})\.([0-9]{1,12})\.([A-Za-z0-9_-]{43})$/;
export const MAX_INVITE_LENGTH = 120;

function mac(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}

export function signInvite(key: Buffer, roomSid: string, expiresAt: number, nonce = randomBytes(12).toString('base64url')): string {
  const payload = `${roomSid}.${nonce}.${expiresAt}`;
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

/** Throws 401 invalid_invite for anything not signed by us, 410 invite_expired past its expiry. */
export function verifyInvite(key: Buffer, invite: string, nowSeconds: number): Invite {
  const match = INVITE_PATTERN.exec(invite);
  if (!match) throw new AppError('invalid_invite', 'This invite link is not valid.');
  const [, roomSid, nonce, expiresAt, signature] = match;
  // Compared as text: base64url decoding ignores the last character's spare bits, so comparing
  // decoded bytes would accept a changed last character.
  const expected = Buffer.from(mac(key, `${roomSid}.${nonce}.${expiresAt}`).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError('invalid_invite', 'This invite link is not valid.');
  }
  if (Number(expiresAt) <= nowSeconds) {
    throw new AppError('invite_expired', 'This invite link has expired; ask the agent in the chat for a new one.');
  }
  return { roomSid, nonce, expiresAt: Number(expiresAt) };
}

/** The page the customer opens; the invite rides in the fragment so it never reaches server
 * logs or Referer headers. */
export function joinUrl(publicBaseUrl: string, invite: string): string {
  return `${publicBaseUrl}/join.html#invite=${invite}`;
}
