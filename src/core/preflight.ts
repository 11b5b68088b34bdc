import { createHash, randomUUID } from 'node:crypto';
import type { Twilio } from 'twilio';
import { AppError } from './errors';
import { ClaimStore } from './once';
import type { AgentPrincipal } from './ownership';
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
const MAX_ROUNDS = 3;

/** When an agent's recent preflight tokens were issued (epoch ms), newest last. */
interface PreflightIssues {
  issuedAt: number[];
}

/** One Sync document per agent, named without directory data (a hash of a Flex identity, for a
 * user without a worker), lapsing a window after its last write. */
export function preflightQuotaKey(agent: AgentPrincipal): string {
  const who = agent.workerSid ?? createHash('sha256').update(agent.identity).digest('hex').slice(0, 32);
  return `video-preflight-${who}`;
}

/**
 * Counts one preflight token against the agent's window, or refuses it with `429 rate_limited`
 * and the seconds until the oldest one leaves the window. The count lives in Twilio, not in
 * memory (every Function call may run in a new process): a read and an If-Match write, so
 * concurrent requests never both take the last place.
 */
export async function takePreflightQuota(
  client: Twilio,
  syncServiceSid: string,
  agent: AgentPrincipal,
  now: number,
): Promise<void> {
  const store = new ClaimStore<PreflightIssues>(client, syncServiceSid, (2 * PREFLIGHT_WINDOW_MS) / 1000);
  const key = preflightQuotaKey(agent);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const current = await store.read(key);
    const stored: unknown = current?.record.issuedAt;
    const recent = (Array.isArray(stored) ? stored : []).filter(
      (at): at is number => typeof at === 'number' && at > now - PREFLIGHT_WINDOW_MS && at <= now,
    );
    if (recent.length >= PREFLIGHT_LIMIT) {
      const oldest = Math.min(...recent);
      throw new AppError(
        'rate_limited',
        `At most ${PREFLIGHT_LIMIT} equipment checks a minute; try again shortly.`,
        Math.max(1, Math.ceil((oldest + PREFLIGHT_WINDOW_MS - now) / 1000)),
      );
    }
    const next = { issuedAt: [...recent, now] };
    if (current ? await store.replace(key, next, current.revision) : await store.create(key, next)) return;
  }
  throw new AppError('upstream_unavailable', 'Too many equipment checks at once; try again.', 1);
}
