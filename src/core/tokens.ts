import { createHmac } from 'node:crypto';
import { AGENT_IDENTITY_PREFIX, CUSTOMER_IDENTITY_PREFIX, SUPERVISOR_IDENTITY_PREFIX } from '../contract';
import AccessToken from 'twilio/lib/jwt/AccessToken';
import type { CallRole } from './ownership';

/**
 * Token lifetimes. Twilio checks the token when a participant connects, and again when its
 * signalling reconnects after a network change (twilio-video's `sync` message carries the same
 * token; the SDK cannot be handed a new one). Both are bound to one room.
 * - agent: 4 h covers the longest support session, re-issued by /video/agent-token on reload;
 * - customer: what connecting needs. A customer token outliving its link's revocation would let
 *   a removed customer (or whoever copied the token) back in, so it lives 10 minutes: the join
 *   page asks for a fresh one when the customer waited longer on the preview. A reconnection
 *   after that fails (Twilio's 20104); the page offers to rejoin, which checks the link again
 *   (README, "Tokens").
 */
export const AGENT_TOKEN_TTL_SECONDS = 4 * 60 * 60;
export const CUSTOMER_TOKEN_TTL_SECONDS = 10 * 60;

export interface TokenSigner {
  accountSid: string;
  apiKey: string;
  apiSecret: string;
}

export interface VideoToken {
  token: string;
  identity: string;
  /** ISO-8601, the token's own `exp`. */
  expiresAt: string;
}

export function issueVideoToken(
  signer: TokenSigner,
  identity: string,
  roomSid: string,
  ttlSeconds: number,
): VideoToken {
  const accessToken = new AccessToken(signer.accountSid, signer.apiKey, signer.apiSecret, {
    identity,
    ttl: ttlSeconds,
  });
  accessToken.addGrant(new AccessToken.VideoGrant({ room: roomSid }));
  const token = accessToken.toJwt();
  const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as {
    exp: number;
  };
  return { token, identity, expiresAt: new Date(payload.exp * 1000).toISOString() };
}

/** A Flex user's identity in a room, which every participant's SDK sees: an HMAC of the worker (or
 * the Flex identity, for a user without one) and the room, under a key only the bundle holds
 * (config.ts), so it says nothing about the user, cannot be confirmed from a guessed e-mail
 * address, and differs from room to room. Every token for the same user, role and room (escalate,
 * agent-token, another tab) names the same participant. The `agent-`, `supervisor-` and
 * `customer-` prefixes keep the kinds from ever colliding, and tell the customer's page who is who. */
export function agentIdentity(
  key: Buffer,
  agent: { workerSid?: string; identity: string; role: CallRole },
  roomSid: string,
): string {
  const who = agent.workerSid ?? `user:${agent.identity}`;
  // The role is keyed too, so a supervisor's identity cannot be matched with the same user's agent one.
  const [prefix, keyed] =
    agent.role === 'supervisor'
      ? [SUPERVISOR_IDENTITY_PREFIX, `${who}\n${roomSid}\nsupervisor`]
      : [AGENT_IDENTITY_PREFIX, `${who}\n${roomSid}`];
  return `${prefix}${createHmac('sha256', key).update(keyed).digest('hex').slice(0, 40)}`;
}

/** One link, one customer: the identity is the invite's nonce alone, whatever name the page
 * sends, so every device that opens the same link is the same participant and a forwarded link
 * can only replace the customer's connection (visibly), never add a silent one. It is 25 ASCII
 * characters, far inside Twilio's identity limit. */
export function customerIdentity(inviteNonce: string): string {
  return `${CUSTOMER_IDENTITY_PREFIX}${inviteNonce}`;
}
