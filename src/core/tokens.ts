import { createHash } from 'node:crypto';
import { AGENT_IDENTITY_PREFIX, CUSTOMER_IDENTITY_PREFIX } from '../contract';
import AccessToken from 'twilio/lib/jwt/AccessToken';

/**
 * Token lifetimes. Twilio checks the token when a participant connects and again when its
 * signalling reconnects after a network change, so a token must outlive the call; beyond
 * that, a shorter life makes a leaked token worthless sooner. Both are bound to one room.
 * - agent: 4 h covers the longest support session, re-issued by /video/agent-token on reload;
 * - customer: 2 h; the customer's token travels over less trusted devices, and the invite
 *   (VIDEO_INVITE_TTL_SECONDS) already limits when they may join.
 */
export const AGENT_TOKEN_TTL_SECONDS = 4 * 60 * 60;
export const CUSTOMER_TOKEN_TTL_SECONDS = 2 * 60 * 60;

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

/** The agent's identity is derived from the worker, so every token for the task (escalate,
 * agent-token, another tab) names the same participant. The `agent-` and `customer-`
 * prefixes keep the two kinds from ever colliding. */
export function agentIdentity(agent: { workerSid?: string; identity: string }): string {
  if (agent.workerSid) return `${AGENT_IDENTITY_PREFIX}${agent.workerSid}`;
  return `${AGENT_IDENTITY_PREFIX}${createHash('sha256').update(agent.identity).digest('hex').slice(0, 40)}`;
}

/** One link, one customer: the identity is the invite's nonce alone, whatever name the page
 * sends, so every device that opens the same link is the same participant and a forwarded link
 * can only replace the customer's connection (visibly), never add a silent one. It is 25 ASCII
 * characters, far inside Twilio's identity limit. */
export function customerIdentity(inviteNonce: string): string {
  return `${CUSTOMER_IDENTITY_PREFIX}${inviteNonce}`;
}
