/** The one call the page makes to its own service: POST /video/join turns an invite into an
 * access token for the call's room. It sends no name: the server gives every join with the same
 * invite the same identity, and the agent knows the customer from the chat. */
import type { BackgroundRule } from './background';
export interface JoinGrant {
  token: string;
  identity: string;
  roomName: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export type JoinFailure = { kind: 'invalid' | 'expired' | 'revoked' | 'ended' | 'failed' | 'offline' } | { kind: 'busy'; retryAfterSeconds: number };

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
    default:
      // No code, or one this page does not know: judged by the status below.
      break;
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

// ---- The agent panel's calls ---------------------------------------------------------------
// Same origin as the panel, so no CORS. Every agent endpoint takes the Flex token and the task;
// the token is read at each call because Flex renews it while the panel is open.

export interface AgentFailure {
  /** 0 when the service could not be reached. */
  status: number;
  /** API.md's error code; `offline` when unreachable, `bad_answer` for a 200 the panel cannot use. */
  code: string;
  /** Seconds from Retry-After on a 503, else null. */
  retryAfterSeconds: number | null;
}

export type AgentResult<T> = { ok: true; value: T } | { ok: false; failure: AgentFailure };

export type RecordingPolicy = 'on-demand' | 'always' | 'off';

export interface AgentConfig {
  allowedOrigins: string[];
  recordingPolicy: RecordingPolicy;
  /** VIDEO_AGENT_BACKGROUND, and the picture's path on this service when it is 'image'. */
  agentBackground: BackgroundRule;
  agentBackgroundImage: string | null;
}

/** A Video token for the task's room, as /video/agent-token answers (escalate's `agent` plus the
 * room's SID). */
export interface AgentGrant {
  token: string;
  identity: string;
  roomName: string;
  roomSid: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export interface Escalation {
  roomSid: string;
  joinUrl: string;
  created: boolean;
  /** `sent` or `pending` (another call is still posting the invite), as the server says. */
  inviteStatus: string;
  agent: AgentGrant;
}

export interface AgentCredentials {
  token: string;
  taskSid: string;
}

export type RecordingAction = 'start' | 'stop' | 'status';

type Parse<T> = (body: Record<string, unknown>) => T | null;

const RECORDING_POLICIES: readonly RecordingPolicy[] = ['on-demand', 'always', 'off'];
const BACKGROUND_RULES: readonly BackgroundRule[] = ['none', 'blur', 'image'];

/** GET /video/agent-config: public, the hosts the panel may talk to and the recording policy. */
export function fetchAgentConfig(fetchFn: Fetch): Promise<AgentResult<AgentConfig>> {
  return callService(fetchFn, '/video/agent-config', { method: 'GET' }, (body) => {
    const origins = body.allowedOrigins;
    if (!Array.isArray(origins) || !origins.every((origin) => typeof origin === 'string')) return null;
    const policy = RECORDING_POLICIES.find((known) => known === body.recordingPolicy) ?? 'on-demand';
    // An unknown rule is not 'none': the panel must not show a camera the company wants hidden.
    const background = BACKGROUND_RULES.find((known) => known === (body.agentBackground ?? 'none'));
    const image = typeof body.agentBackgroundImage === 'string' ? body.agentBackgroundImage : null;
    if (!background || (background === 'image' && !image)) return null;
    return { allowedOrigins: origins, recordingPolicy: policy, agentBackground: background, agentBackgroundImage: image };
  });
}

export interface AgentApi {
  escalate(resend: boolean): Promise<AgentResult<Escalation>>;
  agentToken(): Promise<AgentResult<AgentGrant>>;
  recording(action: RecordingAction): Promise<AgentResult<{ recording: boolean }>>;
  complete(): Promise<AgentResult<{ roomSid: string | null }>>;
  removeParticipant(identity: string): Promise<AgentResult<{ removed: boolean }>>;
  /** A token for Twilio's preflight test only (the equipment check): it admits to no call. */
  preflightToken(): Promise<AgentResult<{ token: string }>>;
}

export function agentApi(fetchFn: Fetch, credentials: () => AgentCredentials): AgentApi {
  const post = <T>(path: string, params: Record<string, unknown>, parse: Parse<T>) => {
    const current = credentials();
    const body = JSON.stringify({ Token: current.token, TaskSid: current.taskSid, ...params });
    return callService(fetchFn, path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }, parse);
  };
  return {
    escalate: (resend) =>
      post('/video/escalate', resend ? { Resend: true } : {}, (body) => {
        const roomSid = body.roomSid;
        const grant = isRecord(body.agent) ? parseAgentGrant({ ...body.agent, roomSid }) : null;
        if (typeof roomSid !== 'string' || !grant || typeof body.joinUrl !== 'string') return null;
        return { roomSid, joinUrl: body.joinUrl, created: body.created === true, inviteStatus: typeof body.inviteStatus === 'string' ? body.inviteStatus : 'sent', agent: grant };
      }),
    agentToken: () => post('/video/agent-token', {}, parseAgentGrant),
    recording: (action) => post('/video/recording', { Action: action }, (body) => (typeof body.recording === 'boolean' ? { recording: body.recording } : null)),
    complete: () => post('/video/complete', {}, (body) => (body.completed === true ? { roomSid: typeof body.roomSid === 'string' ? body.roomSid : null } : null)),
    removeParticipant: (identity) => post('/video/remove-participant', { Identity: identity }, (body) => (typeof body.removed === 'boolean' ? { removed: body.removed } : null)),
    preflightToken: () => post('/video/preflight-token', {}, (body) => (typeof body.token === 'string' && body.token ? { token: body.token } : null)),
  };
}

function parseAgentGrant(body: Record<string, unknown>): AgentGrant | null {
  const token = body.token;
  const identity = body.identity;
  const roomName = body.roomName;
  const roomSid = body.roomSid;
  const expiresAt = parseTime(body.expiresAt);
  if (typeof token !== 'string' || !token || typeof identity !== 'string' || !identity) return null;
  if (typeof roomName !== 'string' || !roomName || typeof roomSid !== 'string' || expiresAt === null) return null;
  return { token, identity, roomName, roomSid, expiresAt };
}

async function callService<T>(fetchFn: Fetch, path: string, init: RequestInit, parse: Parse<T>): Promise<AgentResult<T>> {
  let response: Response;
  try {
    response = await fetchFn(path, { ...init, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return { ok: false, failure: { status: 0, code: 'offline', retryAfterSeconds: null } };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const value = isRecord(body) ? parse(body) : null;
    return value ? { ok: true, value } : { ok: false, failure: { status: response.status, code: 'bad_answer', retryAfterSeconds: null } };
  }
  const seconds = Number(response.headers.get('Retry-After'));
  return {
    ok: false,
    failure: {
      status: response.status,
      code: errorCode(body) ?? 'unknown',
      retryAfterSeconds: response.status === 503 ? (seconds > 0 ? Math.ceil(seconds) : DEFAULT_RETRY_AFTER_SECONDS) : null,
    },
  };
}
