import { createHash, randomUUID } from 'node:crypto';
import type { Twilio } from 'twilio';
import type { AgentPrincipal } from './ownership';
import { takeWindowQuota } from './quota';
import { issueVideoToken, type TokenSigner, type VideoToken } from './tokens';

/** Twilio's preflight test only fetches TURN credentials with its token and loops media between
 * two local peer connections; it joins no room. The token still carries a room grant, since a
 * Video grant without one admits its holder to any room of the account: a fresh name per test,
 * outside the `flex-video-` names and RM sids of real rooms, under an identity with neither the
 * `agent-` nor the `customer-` prefix, so it can never be used to enter or impersonate anyone in
 * the task's call. */
export const PREFLIGHT_PREFIX = 'preflight-';
/** The test runs about 10 s; a few minutes more cover a slow start without leaving a long-lived
 * credential in the panel. */
export const PREFLIGHT_TOKEN_TTL_SECONDS = 5 * 60;

export interface PreflightToken extends VideoToken {
  roomName: string;
}

export function issuePreflightToken(signer: TokenSigner, newId: () => string = randomUUID): PreflightToken {
  const id = newId();
  const roomName = `${PREFLIGHT_PREFIX}${id}`;
  return {
    ...issueVideoToken(signer, `${PREFLIGHT_PREFIX}${id}`, roomName, PREFLIGHT_TOKEN_TTL_SECONDS),
    roomName,
  };
}

/** Each preflight token grants a fresh room for 5 minutes, which its holder could create where
 * client-side room creation is allowed: an agent gets at most this many in any window. */
export const PREFLIGHT_LIMIT = 10;
export const PREFLIGHT_WINDOW_MS = 60_000;

/** One Sync document per agent, named without directory data (a hash of a Flex identity, for a
 * user without a worker), lapsing a window after its last write. */
export function preflightQuotaKey(agent: AgentPrincipal): string {
  const who = agent.workerSid ?? createHash('sha256').update(agent.identity).digest('hex').slice(0, 32);
  return `video-preflight-${who}`;
}

/** Counts one preflight token against the agent's minute (quota.ts), or refuses it with 429. */
export function takePreflightQuota(
  client: Twilio,
  syncServiceSid: string,
  agent: AgentPrincipal,
  now: number,
): Promise<void> {
  return takeWindowQuota(
    client,
    syncServiceSid,
    {
      key: preflightQuotaKey(agent),
      limit: PREFLIGHT_LIMIT,
      windowMs: PREFLIGHT_WINDOW_MS,
      refusal: `At most ${PREFLIGHT_LIMIT} equipment checks a minute; try again shortly.`,
    },
    now,
  );
}
