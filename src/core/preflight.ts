import { randomUUID } from 'node:crypto';
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
