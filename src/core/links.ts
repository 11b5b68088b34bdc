import type { Twilio } from 'twilio';
import { CUSTOMER_IDENTITY } from '../contract';
import { AppError } from './errors';
import { issuedAtOfNonce, type Invite } from './invites';
import { ClaimStore } from './once';

/**
 * Which of a room's join links still admit someone. Invites are checked without a lookup, so
 * revoking one needs state, kept in Twilio: one Sync document per room, absent until a link is
 * first revoked. Two kinds of revocation:
 * - a newer link (escalate with Resend) revokes every link issued before it: one timestamp,
 *   `revokedBefore`, compared with each invite's moment of issue;
 * - removing a participant revokes the one link that admitted it: its nonce (which is also the
 *   customer's identity) joins `revokedNonces`.
 * Writes merge with If-Match, so concurrent revocations never undo each other. The list forgets
 * nobody: when it is full, the removal revokes every link issued until then instead (a wider
 * revocation, never a narrower one), and the agent sends a new link to whoever should stay.
 */
export interface LinkRevocations {
  /** Epoch ms: links issued before this no longer admit anyone. */
  revokedBefore: number;
  revokedNonces: string[];
}

export const linkRevocationsKey = (roomSid: string) => `video-links-${roomSid}`;

/** A room has few participants and fewer removals; a Sync document holds 16 KiB. */
const MAX_REVOKED_NONCES = 200;
const MAX_ROUNDS = 3;

const NONE: LinkRevocations = { revokedBefore: 0, revokedNonces: [] };

export function merged(
  current: LinkRevocations,
  change: Partial<LinkRevocations>,
  now: number,
): LinkRevocations {
  const revokedBefore = Math.max(current.revokedBefore, change.revokedBefore ?? 0);
  const nonces = new Set([...current.revokedNonces, ...(change.revokedNonces ?? [])]);
  // Every nonce revoked so far names a link issued before now: `revokedBefore: now` covers them all.
  if (nonces.size > MAX_REVOKED_NONCES)
    return { revokedBefore: Math.max(revokedBefore, now), revokedNonces: [] };
  return { revokedBefore, revokedNonces: [...nonces] };
}

/** A document written by an older version, or by hand, is read as far as it makes sense. */
function parsed(record: unknown): LinkRevocations {
  const value = (record ?? {}) as Partial<LinkRevocations>;
  return {
    revokedBefore: typeof value.revokedBefore === 'number' ? value.revokedBefore : 0,
    revokedNonces: Array.isArray(value.revokedNonces)
      ? value.revokedNonces.filter((n): n is string => typeof n === 'string')
      : [],
  };
}

export async function readRevocations(
  client: Twilio,
  syncServiceSid: string,
  roomSid: string,
): Promise<LinkRevocations> {
  const found = await new ClaimStore<LinkRevocations>(client, syncServiceSid).read(
    linkRevocationsKey(roomSid),
  );
  return found ? parsed(found.record) : NONE;
}

export async function revokeLinks(
  client: Twilio,
  syncServiceSid: string,
  roomSid: string,
  change: Partial<LinkRevocations>,
  now: number,
): Promise<void> {
  const store = new ClaimStore<LinkRevocations>(client, syncServiceSid);
  const key = linkRevocationsKey(roomSid);
  if (await store.create(key, merged(NONE, change, now))) return;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const current = await store.read(key);
    const next = merged(parsed(current?.record), change, now);
    if (current ? await store.replace(key, next, current.revision) : await store.create(key, next)) return;
  }
  throw new AppError('upstream_unavailable', 'The link could not be revoked; Twilio was busy. Try again.', 1);
}

export function isRevoked(revocations: LinkRevocations, invite: Pick<Invite, 'nonce' | 'issuedAt'>): boolean {
  return invite.issuedAt < revocations.revokedBefore || revocations.revokedNonces.includes(invite.nonce);
}

/** The nonce of the link that admitted a customer identity (tokens.ts: `customer-<nonce>`). */
export function nonceOfCustomer(identity: string): string | undefined {
  return CUSTOMER_IDENTITY.exec(identity)?.[1];
}

/** Whether a participant is a customer whose link is revoked: its identity is its link's nonce,
 * which carries the link's moment of issue. Agents and anything else are never judged here. */
export function isCustomerRevoked(revocations: LinkRevocations, identity: string): boolean {
  const nonce = nonceOfCustomer(identity);
  return nonce !== undefined && isRevoked(revocations, { nonce, issuedAt: issuedAtOfNonce(nonce) });
}
