/** The one call the page makes to its own service: POST /video/join turns an invite into an
 * access token for the call's room. It sends no name: the server gives every join with the same
 * invite the same identity, and the agent knows the customer from the chat. */
export interface JoinGrant {
  token: string;
  identity: string;
  roomName: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export type JoinFailure =
  | { kind: 'invalid' | 'expired' | 'revoked' | 'ended' | 'failed' | 'offline' }
  | { kind: 'busy'; retryAfterSeconds: number };

export type JoinResult = { ok: true; grant: JoinGrant } | { ok: false; failure: JoinFailure };

const DEFAULT_RETRY_AFTER_SECONDS = 10;

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export async function requestJoin(fetchFn: Fetch, invite: string): Promise<JoinResult> {
  let response: Response;
  try {
    response = await fetchFn('/video/join', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Invite: invite }),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, failure: { kind: 'offline' } };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const grant = parseGrant(body);
    return grant ? { ok: true, grant } : { ok: false, failure: { kind: 'failed' } };
  }
  return { ok: false, failure: failureFor(response, errorCode(body)) };
}

function failureFor(response: Response, code: string | undefined): JoinFailure {
  switch (code) {
    case 'invite_expired':
      return { kind: 'expired' };
    case 'invite_revoked':
      return { kind: 'revoked' };
    case 'session_ended':
      return { kind: 'ended' };
    case 'invalid_invite':
    case 'invalid_request':
      return { kind: 'invalid' };
  }
  if (response.status === 503) {
    const seconds = Number(response.headers.get('Retry-After'));
    return { kind: 'busy', retryAfterSeconds: seconds > 0 ? Math.ceil(seconds) : DEFAULT_RETRY_AFTER_SECONDS };
  }
  if (response.status === 410) return { kind: 'expired' };
  if (response.status === 400 || response.status === 401) return { kind: 'invalid' };
  return { kind: 'failed' };
}

function errorCode(body: unknown): string | undefined {
  const error = isRecord(body) ? body.error : undefined;
  return isRecord(error) && typeof error.code === 'string' ? error.code : undefined;
}

function parseGrant(body: unknown): JoinGrant | null {
  if (!isRecord(body)) return null;
  const token = body.token;
  const identity = body.identity;
  const roomName = body.roomName;
  const expiresAt = parseTime(body.expiresAt);
  if (typeof token !== 'string' || !token || typeof roomName !== 'string' || !roomName) return null;
  if (typeof identity !== 'string' || expiresAt === null) return null;
  return { token, identity, roomName, expiresAt };
}

/** Accepts an ISO date or a number of seconds or milliseconds since the epoch. */
function parseTime(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value < 1e12 ? value * 1000 : value;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The grant fetched when the page opened is reused for Join unless the token is about to run
 * out while the customer looked at the preview. */
export function needsFreshGrant(grant: JoinGrant, now: number): boolean {
  const FRESHNESS_MARGIN_MS = 60_000;
  return grant.expiresAt - now < FRESHNESS_MARGIN_MS;
}
