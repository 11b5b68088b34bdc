/** What went wrong, in the agent's terms: each failure of the service (its status and the
 * contract's error code) becomes one of a few problems, each with its own explanation in the strings. */
import type { ErrorCode } from '../../contract';
import type { AgentFailure } from '../shared/api';

export type ProblemKind =
  /** /video/agent-config did not answer: without the allowed origins no host can be trusted. */
  | 'config'
  /** The Flex token was refused (expired, or not a Flex user). */
  | 'signed-out'
  /** The worker does not hold the task (any more). */
  | 'not-your-task'
  | 'no-task'
  /** The task is not a chat (no conversation to post the link into). */
  | 'not-chat'
  | 'recording-disabled'
  | 'transcription-disabled'
  /** Twilio refused to transcribe the room (a region without it, or too many requests). */
  | 'transcription-unavailable'
  | 'no-room'
  | 'busy'
  | 'offline'
  /** The Video SDK could not connect to the room. */
  | 'connect'
  /** The browser cannot make video calls (or the SDK did not load). */
  | 'unsupported'
  /** VIDEO_AGENT_READINESS=require and no fresh passing check. */
  | 'not-ready'
  /** Too many practice calls (or preflight tokens) for now. */
  | 'rate-limited'
  | 'service';

export interface Problem {
  kind: ProblemKind;
  retryAfterSeconds: number | null;
}

/** The contract's codes that mean something particular to the agent, and `offline` (the API
 * client's own, for a service it could not reach). */
const BY_CODE: Readonly<Partial<Record<ErrorCode | 'offline', ProblemKind>>> = {
  unauthenticated: 'signed-out',
  forbidden: 'not-your-task',
  task_not_found: 'no-task',
  no_conversation: 'not-chat',
  recording_disabled: 'recording-disabled',
  transcription_disabled: 'transcription-disabled',
  transcription_unavailable: 'transcription-unavailable',
  no_room: 'no-room',
  upstream_unavailable: 'busy',
  readiness_required: 'not-ready',
  rate_limited: 'rate-limited',
  offline: 'offline',
};

/** Own keys only: a code such as `toString` must not find Object.prototype's. */
const hasParticularMeaning = (code: string): code is keyof typeof BY_CODE =>
  Object.prototype.hasOwnProperty.call(BY_CODE, code);

export function problemOf(failure: AgentFailure): Problem {
  const kind =
    (hasParticularMeaning(failure.code) ? BY_CODE[failure.code] : undefined) ??
    (failure.status === 503 ? 'busy' : failure.status === 401 ? 'signed-out' : 'service');
  const waits = kind === 'busy' || kind === 'rate-limited';
  return { kind, retryAfterSeconds: waits ? failure.retryAfterSeconds : null };
}

export const problem = (kind: ProblemKind): Problem => ({ kind, retryAfterSeconds: null });

/** Problems that trying again may fix; the others need something to change elsewhere first
 * (a new Flex token, the task, the company's policy). */
export function isRetryable(kind: ProblemKind): boolean {
  return (
    kind === 'busy' || kind === 'offline' || kind === 'service' || kind === 'connect' || kind === 'config'
  );
}
