/** The pages' calls to their own service (same origin, so no CORS). Each request and answer has
 * the endpoint's type from the contract (docs/openapi.yaml, through src/contract.ts), and each
 * answer is still checked field by field before the pages use it. No destructuring: the join
 * page's build targets Safari 14.0, for which esbuild refuses it. */
import { SNAPSHOT_POLICIES } from '../../contract';
import type {
  ApiAnswer,
  ApiError,
  ApiPath,
  ApiRequest,
  ApiSchema,
  ErrorCode,
  Unchecked,
} from '../../contract';

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

type Parse<P extends ApiPath, T> = (answer: Unchecked<ApiAnswer<P>>) => T | null;

const DEFAULT_RETRY_AFTER_SECONDS = 10;

/** An answer whose expiresAt (ISO-8601 on the wire) the pages compare with their clock. */
type ExpiresAtMs<T> = Omit<T, 'expiresAt'> & {
  /** Milliseconds since the epoch. */
  expiresAt: number;
};

/** Anything but a JSON object has none of the fields. */
function unchecked<T>(value: unknown): Unchecked<T> {
  return typeof value === 'object' && value !== null ? value : {};
}

function errorCode(body: unknown): string | undefined {
  const code = unchecked<ApiError['error']>(unchecked<ApiError>(body).error).code;
  return typeof code === 'string' ? code : undefined;
}

function retryAfterSeconds(response: Response): number {
  const seconds = Number(response.headers.get('Retry-After'));
  return seconds > 0 ? Math.ceil(seconds) : DEFAULT_RETRY_AFTER_SECONDS;
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

// ---- The join page's call ------------------------------------------------------------------
// POST /video/join turns an invite into an access token for the call's room. It sends no name:
// the server gives every join with the same invite the same identity, and the agent knows the
// customer from the chat.

export type TranscriptionDisclosure = ApiSchema['TranscriptionDisclosure'];

export type JoinGrant = ExpiresAtMs<ApiAnswer<'/video/join'>> & { transcription: TranscriptionDisclosure };

export type JoinFailure =
  | { kind: 'invalid' | 'expired' | 'revoked' | 'ended' | 'failed' | 'offline' }
  | { kind: 'busy'; retryAfterSeconds: number };

export type JoinResult = { ok: true; grant: JoinGrant } | { ok: false; failure: JoinFailure };

/** `wait`: the answer is held while the link keeps admitting, up to 5 s (the preview's way of
 * following the room). */
export async function requestJoin(fetchFn: Fetch, invite: string, wait = false): Promise<JoinResult> {
  let response: Response;
  try {
    response = await fetchFn('/video/join', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(
        (wait ? { Invite: invite, Wait: true } : { Invite: invite }) satisfies ApiRequest<'/video/join'>,
      ),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, failure: { kind: 'offline' } };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const grant = parseGrant(unchecked(body));
    return grant ? { ok: true, grant } : { ok: false, failure: { kind: 'failed' } };
  }
  return { ok: false, failure: joinFailure(response, errorCode(body)) };
}

function joinFailure(response: Response, code: string | undefined): JoinFailure {
  // Each label `satisfies` the contract's codes: one renamed or dropped there no longer compiles.
  switch (code) {
    case 'invite_expired' satisfies ErrorCode:
      return { kind: 'expired' };
    case 'invite_revoked' satisfies ErrorCode:
      return { kind: 'revoked' };
    case 'session_ended' satisfies ErrorCode:
      return { kind: 'ended' };
    case 'invalid_invite' satisfies ErrorCode:
    case 'invalid_request' satisfies ErrorCode:
      return { kind: 'invalid' };
    default:
      // No code, or one this page does not know: judged by the status below.
      break;
  }
  if (response.status === 503) return { kind: 'busy', retryAfterSeconds: retryAfterSeconds(response) };
  if (response.status === 410) return { kind: 'expired' };
  if (response.status === 400 || response.status === 401) return { kind: 'invalid' };
  return { kind: 'failed' };
}

function parseGrant(answer: Unchecked<ApiAnswer<'/video/join'>>): JoinGrant | null {
  const token = answer.token;
  const identity = answer.identity;
  const roomName = answer.roomName;
  const expiresAt = parseTime(answer.expiresAt);
  if (typeof token !== 'string' || !token || typeof roomName !== 'string' || !roomName) return null;
  if (typeof identity !== 'string' || expiresAt === null) return null;
  const transcription = parseDisclosure(answer.transcription);
  const snapshots = SNAPSHOT_POLICIES.find((known) => known === answer.snapshots) ?? 'off';
  return { token, identity, roomName, expiresAt, transcription, snapshots };
}

/** Nothing said about transcription (an older deployment), or a policy unknown here, is none. */
function parseDisclosure(value: unknown): TranscriptionDisclosure {
  const disclosure = unchecked<TranscriptionDisclosure>(value);
  const policy =
    disclosure.policy === 'always' || disclosure.policy === 'on-demand' ? disclosure.policy : 'off';
  return { policy, active: policy !== 'off' && disclosure.active === true };
}

/** The grant fetched when the page opened is reused for Join unless the token is about to run
 * out while the customer looked at the preview. */
export function needsFreshGrant(grant: Pick<JoinGrant, 'expiresAt'>, now: number): boolean {
  const FRESHNESS_MARGIN_MS = 60_000;
  return grant.expiresAt - now < FRESHNESS_MARGIN_MS;
}

// ---- The agent panel's calls ---------------------------------------------------------------
// Every agent endpoint takes the Flex token and the task; the token is read at each call because
// Flex renews it while the panel is open.

export interface AgentFailure {
  /** 0 when the service could not be reached. */
  status: number;
  /** The contract's error code as the service sent it (a newer service may send one this panel
   * does not know); `offline` when unreachable, `bad_answer` for a 200 the panel cannot use,
   * `unknown` for a failure without a code. */
  code: string;
  /** Seconds from Retry-After on a 503, else null. */
  retryAfterSeconds: number | null;
}

export type AgentResult<T> = { ok: true; value: T } | { ok: false; failure: AgentFailure };

export type AgentConfig = ApiAnswer<'/video/agent-config'>;

export type RecordingPolicy = AgentConfig['recordingPolicy'];

/** VIDEO_TRANSCRIPTION as the pages read it: an older deployment, which sends none, transcribes nothing. */
export type TranscriptionPolicy = NonNullable<AgentConfig['transcriptionPolicy']>;

/** A Video token for the task's room, as /video/agent-token answers (escalate's `agent` plus the
 * room's SID). */
export type AgentGrant = ExpiresAtMs<ApiAnswer<'/video/agent-token'>>;

/** The task's call when the panel opens on it, as /video/agent-call answers: none is not an error. */
export interface AgentCall {
  call: AgentGrant | null;
}

type EscalationAnswer = ApiAnswer<'/video/escalate'>;

export type Escalation = Pick<EscalationAnswer, 'roomSid' | 'joinUrl' | 'created' | 'inviteStatus'> & {
  agent: AgentGrant;
};

export interface AgentCredentials {
  token: string;
  taskSid: string;
}

export type RecordingAction = ApiRequest<'/video/recording'>['Action'];

export type TranscriptionAction = ApiRequest<'/video/transcription'>['Action'];

/** One final result as /video/transcript takes it. */
export type ReportedResult = ApiRequest<'/video/transcript'>['Results'][number];

const RECORDING_POLICIES: readonly RecordingPolicy[] = ['on-demand', 'always', 'off'];
const TRANSCRIPTION_POLICIES: readonly TranscriptionPolicy[] = ['off', 'on-demand', 'always'];
const BACKGROUND_RULES: readonly AgentConfig['agentBackground'][] = ['none', 'blur', 'image'];
const INVITE_OUTCOMES: readonly EscalationAnswer['inviteStatus'][] = ['posted', 'already-posted', 'pending'];

/** GET /video/agent-config: public, the hosts the panel may talk to and the recording policy. */
export function fetchAgentConfig(fetchFn: Fetch): Promise<AgentResult<AgentConfig>> {
  return callService(fetchFn, '/video/agent-config', { method: 'GET' }, (answer) => {
    const origins = answer.allowedOrigins;
    if (!Array.isArray(origins) || !origins.every((origin) => typeof origin === 'string')) return null;
    const policy = RECORDING_POLICIES.find((known) => known === answer.recordingPolicy) ?? 'on-demand';
    // An unknown rule is not 'none': the panel must not show a camera the company wants hidden.
    const background = BACKGROUND_RULES.find((known) => known === (answer.agentBackground ?? 'none'));
    const image = typeof answer.agentBackgroundImage === 'string' ? answer.agentBackgroundImage : null;
    if (!background || (background === 'image' && !image)) return null;
    // An older service, or a policy this panel does not know: no button.
    const snapshotsPolicy = SNAPSHOT_POLICIES.find((known) => known === answer.snapshotsPolicy) ?? 'off';
    return {
      allowedOrigins: origins,
      recordingPolicy: policy,
      transcriptionPolicy:
        TRANSCRIPTION_POLICIES.find((known) => known === answer.transcriptionPolicy) ?? 'off',
      transcriptDestination: answer.transcriptDestination === 'none' ? 'none' : 'conversation',
      agentBackground: background,
      agentBackgroundImage: image,
      readiness: parseReadinessRule(unchecked<ReadinessRule>(answer.readiness)),
      snapshotsPolicy,
    };
  });
}

export type ReadinessRule = NonNullable<AgentConfig['readiness']>;
const READINESS_RULES: readonly ReadinessRule['rule'][] = ['off', 'advise', 'require'];

/** An older deployment sends none: its rule is the default, `advise`. */
function parseReadinessRule(answer: Unchecked<ReadinessRule>): ReadinessRule {
  const hours = typeof answer.hours === 'number' && answer.hours > 0 ? answer.hours : 12;
  return {
    rule: READINESS_RULES.find((known) => known === answer.rule) ?? 'advise',
    hours,
    policyText: typeof answer.policyText === 'string' && answer.policyText ? answer.policyText : null,
  };
}

/** /video/readiness's answer, its times as epoch ms. */
export interface Readiness {
  ready: boolean;
  verdict: ApiSchema['Readiness']['verdict'];
  checkedAt: number | null;
  readyUntil: number | null;
  policyAcknowledged: boolean;
}

function parseReadiness(answer: Unchecked<ApiAnswer<'/video/readiness'>>): Readiness | null {
  if (typeof answer.ready !== 'boolean' || typeof answer.policyAcknowledged !== 'boolean') return null;
  const verdict = (['good', 'warning', 'problem'] as const).find((known) => known === answer.verdict) ?? null;
  return {
    ready: answer.ready,
    verdict,
    checkedAt: parseTime(answer.checkedAt),
    readyUntil: parseTime(answer.readyUntil),
    policyAcknowledged: answer.policyAcknowledged,
  };
}

/** /video/practice's `start`: the practice room, the trainer's link and the agent's grant. */
export interface PracticeCall {
  roomSid: string;
  joinUrl: string;
  endsAt: number;
  agent: AgentGrant;
}

export type CheckItems = ApiSchema['ReadinessParameters'] extends infer U
  ? U extends { Items: infer I }
    ? I
    : never
  : never;

export interface AgentApi {
  escalate(resend: boolean): Promise<AgentResult<Escalation>>;
  agentCall(): Promise<AgentResult<AgentCall>>;
  agentToken(): Promise<AgentResult<AgentGrant>>;
  recording(action: RecordingAction): Promise<AgentResult<Pick<ApiAnswer<'/video/recording'>, 'recording'>>>;
  transcription(
    action: TranscriptionAction,
  ): Promise<AgentResult<Pick<ApiAnswer<'/video/transcription'>, 'transcribing'>>>;
  transcript(results: ReportedResult[]): Promise<AgentResult<Pick<ApiAnswer<'/video/transcript'>, 'kept'>>>;
  complete(): Promise<AgentResult<Pick<ApiAnswer<'/video/complete'>, 'roomSid'>>>;
  removeParticipant(
    identity: string,
  ): Promise<AgentResult<Pick<ApiAnswer<'/video/remove-participant'>, 'removed'>>>;
  /** A token for Twilio's preflight test only (the equipment check): it admits to no call. */
  preflightToken(): Promise<AgentResult<Pick<ApiAnswer<'/video/preflight-token'>, 'token'>>>;
  /** The agent's readiness (`status`), or the check's result kept for it (`report`). */
  readiness(report?: { items: CheckItems; acknowledged: boolean }): Promise<AgentResult<Readiness>>;
  practiceStart(): Promise<AgentResult<PracticeCall>>;
  practiceToken(roomSid: string): Promise<AgentResult<AgentGrant>>;
  practiceEnd(roomSid: string): Promise<AgentResult<{ roomSid: string }>>;
  /** A request for one picture, for the customer's page. */
  snapshotRequest(): Promise<AgentResult<Pick<ApiAnswer<'/video/snapshot-request'>, 'requestId'>>>;
}

export function agentApi(fetchFn: Fetch, credentials: () => AgentCredentials): AgentApi {
  const taskParameters = (): ApiSchema['AgentTaskParameters'] => {
    const current = credentials();
    return { Token: current.token, TaskSid: current.taskSid };
  };
  const post = <P extends ApiPath, T>(path: P, request: ApiRequest<P>, parse: Parse<P, T>) =>
    callService(
      fetchFn,
      path,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) },
      parse,
    );
  return {
    escalate: (resend) =>
      post('/video/escalate', { ...taskParameters(), ...(resend ? { Resend: true } : {}) }, (answer) => {
        const roomSid = answer.roomSid;
        const agent = parseAgentGrant({ ...unchecked<ApiSchema['AgentToken']>(answer.agent), roomSid });
        // Only `pending` changes what the agent is told: an outcome this panel does not know is
        // read as the link being out.
        const inviteStatus = INVITE_OUTCOMES.find((known) => known === answer.inviteStatus) ?? 'posted';
        if (typeof roomSid !== 'string' || !agent || typeof answer.joinUrl !== 'string') return null;
        return { roomSid, joinUrl: answer.joinUrl, created: answer.created === true, inviteStatus, agent };
      }),
    agentCall: () =>
      post('/video/agent-call', taskParameters(), (answer) => {
        if (answer.call === null) return { call: null };
        const call = parseAgentGrant(unchecked<ApiSchema['AgentRoomToken']>(answer.call));
        return call ? { call } : null;
      }),
    agentToken: () => post('/video/agent-token', taskParameters(), parseAgentGrant),
    recording: (action) =>
      post('/video/recording', { ...taskParameters(), Action: action }, (answer) =>
        typeof answer.recording === 'boolean' ? { recording: answer.recording } : null,
      ),
    transcription: (action) =>
      post('/video/transcription', { ...taskParameters(), Action: action }, (answer) =>
        typeof answer.transcribing === 'boolean' ? { transcribing: answer.transcribing } : null,
      ),
    transcript: (results) =>
      post('/video/transcript', { ...taskParameters(), Results: results }, (answer) =>
        typeof answer.kept === 'number' ? { kept: answer.kept } : null,
      ),
    complete: () =>
      post('/video/complete', taskParameters(), (answer) =>
        answer.completed === true
          ? { roomSid: typeof answer.roomSid === 'string' ? answer.roomSid : null }
          : null,
      ),
    removeParticipant: (identity) =>
      post('/video/remove-participant', { ...taskParameters(), Identity: identity }, (answer) =>
        typeof answer.removed === 'boolean' ? { removed: answer.removed } : null,
      ),
    preflightToken: () =>
      post('/video/preflight-token', taskParameters(), (answer) =>
        typeof answer.token === 'string' && answer.token ? { token: answer.token } : null,
      ),
    readiness: (report) =>
      post(
        '/video/readiness',
        report
          ? {
              Token: credentials().token,
              Action: 'report',
              Items: report.items,
              PolicyAcknowledged: report.acknowledged,
            }
          : { Token: credentials().token, Action: 'status' },
        parseReadiness,
      ),
    practiceStart: () =>
      post('/video/practice', { Token: credentials().token, Action: 'start' }, (answer) => {
        const practice = unchecked<ApiSchema['PracticeCall']>(answer);
        const agent = parseAgentGrant(unchecked<ApiSchema['PracticeAgentToken']>(practice.agent));
        const endsAt = parseTime(practice.endsAt);
        if (!agent || typeof practice.joinUrl !== 'string' || endsAt === null) return null;
        return { roomSid: agent.roomSid, joinUrl: practice.joinUrl, endsAt, agent };
      }),
    practiceToken: (roomSid) =>
      post('/video/practice', { Token: credentials().token, Action: 'token', RoomSid: roomSid }, (answer) =>
        parseAgentGrant(unchecked<ApiSchema['PracticeAgentToken']>(answer)),
      ),
    practiceEnd: (roomSid) =>
      post('/video/practice', { Token: credentials().token, Action: 'end', RoomSid: roomSid }, (answer) =>
        unchecked<ApiSchema['PracticeEnd']>(answer).completed === true ? { roomSid } : null,
      ),
    snapshotRequest: () =>
      post('/video/snapshot-request', taskParameters(), (answer) =>
        typeof answer.requestId === 'string' && /^[A-Za-z0-9_-]{22}$/.test(answer.requestId)
          ? { requestId: answer.requestId }
          : null,
      ),
  };
}

function parseAgentGrant(
  answer: Unchecked<ApiAnswer<'/video/agent-token'>> | Unchecked<ApiSchema['PracticeAgentToken']>,
): AgentGrant | null {
  const token = answer.token;
  const identity = answer.identity;
  const roomName = answer.roomName;
  const roomSid = answer.roomSid;
  const expiresAt = parseTime(answer.expiresAt);
  if (typeof token !== 'string' || !token || typeof identity !== 'string' || !identity) return null;
  if (typeof roomName !== 'string' || !roomName || typeof roomSid !== 'string' || expiresAt === null)
    return null;
  return { token, identity, roomName, roomSid, expiresAt };
}

async function callService<P extends ApiPath, T>(
  fetchFn: Fetch,
  path: P,
  init: RequestInit,
  parse: Parse<P, T>,
): Promise<AgentResult<T>> {
  let response: Response;
  try {
    response = await fetchFn(path, { ...init, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return { ok: false, failure: { status: 0, code: 'offline', retryAfterSeconds: null } };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const value = parse(unchecked(body));
    return value
      ? { ok: true, value }
      : { ok: false, failure: { status: response.status, code: 'bad_answer', retryAfterSeconds: null } };
  }
  return {
    ok: false,
    failure: {
      status: response.status,
      code: errorCode(body) ?? 'unknown',
      retryAfterSeconds:
        response.status === 503 || response.status === 429 ? retryAfterSeconds(response) : null,
    },
  };
}
