import type { Twilio } from 'twilio';
import type TwilioResponse from 'twilio/lib/http/response';
import type { z } from 'zod';
import { isSid, type ApiPath } from '../contract';
import { AppError } from '../core/errors';
import { assertGuardedSyncService } from '../core/sync-service';
import {
  assertMayActOnTask,
  isOverseer,
  roleOnTask,
  type AgentPrincipal,
  type TaskCaller,
} from '../core/ownership';
import { assertReady, readReadiness, readinessStatus } from '../core/readiness';
import { findInProgressRoom, VideoRoom } from '../core/rooms';
import { fetchTask, FlexTask, listWorkerReservations, ReservationStatus } from '../core/tasks';
import { defineEndpoint, EndpointAnswer, Invocation, Params } from './http';
import { parseParams, AgentTaskParams } from './validate';

interface TokenValidation {
  valid?: boolean;
  identity?: string;
  worker_sid?: string;
  roles?: string[];
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Whether a token can be a Flex user's token at all, judged without asking Twilio. Flex issues
 * JWEs in compact serialization ("Flex JWE token", twilio-flex-token-validator): five base64url
 * segments, `header.encryptedKey.iv.ciphertext.tag`, whose header is a JSON object naming `alg`
 * and `enc` (RFC 7516 requires both). Only that structure and a non-empty ciphertext are
 * required: not Flex's algorithms today (`dir`, hence an empty key segment, and `A256GCM`), its
 * key id or the parts' lengths, so that a change of algorithm at Twilio never locks agents out.
 */
export function isFlexTokenShaped(token: string): boolean {
  const segments = token.split('.');
  if (segments.length !== 5 || !segments.every((segment) => BASE64URL.test(segment))) return false;
  const [header, , , ciphertext] = segments;
  if (!ciphertext) return false;
  try {
    const parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return false;
    const { alg, enc } = parsed as { alg?: unknown; enc?: unknown };
    return typeof alg === 'string' && typeof enc === 'string';
  } catch {
    return false;
  }
}

/** IAM's Retry-After, within reason; 2 s when it gives none. */
function retryAfterOf(response: TwilioResponse<unknown>): number {
  const headers = response.headers as Record<string, string | string[] | undefined> | undefined;
  const header = headers?.['retry-after'];
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  return Number.isInteger(seconds) && seconds > 0 ? Math.min(seconds, 60) : 2;
}

/**
 * Checks a Flex user's token with Twilio's token validation endpoint, the call that
 * twilio-flex-token-validator makes, but through the bundle's own client so it shares the
 * deadline and TWILIO_API_BASE_URL. A token that cannot be a Flex token costs no request; a 429
 * from IAM is not retried (twilio-client.ts) but answered 503 with IAM's Retry-After, so a flood
 * of tokens never multiplies into IAM.
 */
export async function validateFlexToken(
  client: Twilio,
  accountSid: string,
  token: string,
): Promise<AgentPrincipal> {
  if (!isFlexTokenShaped(token)) {
    throw new AppError('unauthenticated', 'The Flex token is missing, expired or invalid.');
  }
  const response = (await client.request({
    method: 'post',
    uri: `https://iam.twilio.com/v1/Accounts/${accountSid}/Tokens/validate`,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' },
    data: { token },
  })) as TwilioResponse<unknown>;
  if (response.statusCode === 429) {
    throw new AppError(
      'upstream_unavailable',
      'Twilio is busy checking Flex tokens; try again shortly.',
      retryAfterOf(response),
    );
  }
  if (response.statusCode >= 500) {
    throw Object.assign(new Error('token validation failed'), { status: response.statusCode });
  }
  let body: TokenValidation;
  try {
    body = (typeof response.body === 'string' ? JSON.parse(response.body) : response.body) as TokenValidation;
  } catch {
    body = {};
  }
  if (response.statusCode >= 400 || body?.valid !== true || typeof body.identity !== 'string') {
    throw new AppError('unauthenticated', 'The Flex token is missing, expired or invalid.');
  }
  return {
    identity: body.identity,
    workerSid: isSid('WK', body.worker_sid) ? body.worker_sid : undefined,
    roles: Array.isArray(body.roles) ? body.roles.filter((r): r is string => typeof r === 'string') : [],
  };
}

export interface AgentAccess {
  /** The caller, as the task's agent or as a supervisor (ownership.ts). */
  agent: TaskCaller;
  task: FlexTask;
  /** The task's in-progress room, for endpoints that act on it (`readsRoom`); undefined if none. */
  room?: VideoRoom;
}

export interface AgentEndpointOptions {
  /** Read the task's in-progress room alongside authorization, saving the endpoint a round trip.
   * Authentication still comes first; the room is only used once authorization has passed. */
  readsRoom?: boolean;
  /** The endpoint writes the guards' Sync service: its once-per-instance check (that the service
   * is the bundle's own, ACLs on) starts alongside authorization's reads, instead of delaying the
   * first write by a round trip. A failed check is reported by that first Sync use. */
  writesGuards?: boolean;
  /** Under VIDEO_AGENT_READINESS=require, refuse (`403 readiness_required`) a caller without a
   * fresh passing check: its worker's record is read alongside the task, so the gate adds no
   * round trip, and judged once the caller is known to hold the task. */
  requiresReadiness?: boolean;
}

/**
 * Authentication comes before anything else: until Twilio's IAM has accepted the Flex token, the
 * bundle makes no other Twilio request, so an anonymous caller cannot spend the account's
 * TaskRouter, Video or Sync rate limits (Flex itself needs them). Then the task, the caller's
 * own reservations on it (an admin's or supervisor's too, to tell the task's agent from a
 * supervisor) and (if asked) its room are read together. A caller who does not hold
 * the task hears 403 before anything about the task itself, so nobody can tell a task that does
 * not exist from one that is not theirs; admins and supervisors, who may act on any task, hear
 * 404 for one that does not exist. A caller with no worker and no overseer role is refused
 * without a read.
 */
export async function authorizeTaskAccess(
  invocation: Invocation,
  token: string,
  taskSid: string,
  allowed: readonly ReservationStatus[],
  options: AgentEndpointOptions = {},
): Promise<AgentAccess> {
  const { twilio, config } = invocation;
  const agent = await validateFlexToken(twilio, config.accountSid, token);
  const overseer = isOverseer(agent);
  if (!overseer && !agent.workerSid) assertMayActOnTask(agent, [], allowed);
  if (options.writesGuards) assertGuardedSyncService(twilio, config.syncServiceSid).catch(() => undefined);
  const gated = options.requiresReadiness && config.readiness.rule === 'require';
  const now = invocation.now().getTime();
  const [task, reservations, room, readiness] = await Promise.allSettled([
    fetchTask(twilio, config.workspaceSid, taskSid),
    !agent.workerSid
      ? Promise.resolve([])
      : listWorkerReservations(twilio, config.workspaceSid, taskSid, agent.workerSid),
    options.readsRoom ? findInProgressRoom(twilio, taskSid) : Promise.resolve(undefined),
    !gated
      ? Promise.resolve(undefined)
      : agent.workerSid
        ? readReadiness(twilio, config.workspaceSid, config.readiness, agent.workerSid, now)
        : Promise.resolve(readinessStatus(config.readiness, undefined, now)),
  ]);
  if (reservations.status === 'rejected') throw reservations.reason;
  // 403 before 404: whoever does not hold the task hears the same whether or not it exists.
  assertMayActOnTask(agent, reservations.value, allowed);
  if (task.status === 'rejected') throw task.reason;
  if (room.status === 'rejected') throw room.reason;
  if (readiness.status === 'rejected') throw readiness.reason;
  if (readiness.value) assertReady(readiness.value, now);
  const role = roleOnTask(agent, reservations.value, allowed);
  return { agent: { ...agent, role }, task: task.value, room: room.value };
}

/** docs/openapi.yaml (`Token`): a missing `Token` (absent, null or empty) is a 401, not a malformed request. */
function requireTokenPresent(params: Params): void {
  const token = params.Token;
  if (token === undefined || token === null || (typeof token === 'string' && token.trim() === '')) {
    throw new AppError('unauthenticated', 'A Flex token (Token) is required.');
  }
}

/** The one wrapper for agent endpoints: validates the parameters, then authenticates the Flex
 * user and checks they may act on the task, then runs the endpoint. */
export function defineAgentEndpoint<P extends ApiPath, S extends z.ZodType<AgentTaskParams>>(
  path: P,
  schema: S,
  allowed: readonly ReservationStatus[],
  run: (invocation: Invocation, params: z.infer<S>, access: AgentAccess) => EndpointAnswer<P>,
  options: AgentEndpointOptions = {},
) {
  return defineEndpoint(path, 'agent', async (invocation, rawParams) => {
    requireTokenPresent(rawParams);
    const params = parseParams(schema, rawParams);
    const access = await authorizeTaskAccess(invocation, params.Token, params.TaskSid, allowed, options);
    return run(invocation, params, access);
  });
}

/** The wrapper for agent endpoints that act on no task (readiness, practice calls): validates the
 * parameters, then authenticates the Flex user; what the user may do is the endpoint's to say. */
export function defineFlexUserEndpoint<P extends ApiPath, S extends z.ZodType<{ Token: string }>>(
  path: P,
  schema: S,
  run: (invocation: Invocation, params: z.infer<S>, user: AgentPrincipal) => EndpointAnswer<P>,
) {
  return defineEndpoint(path, 'agent', async (invocation, rawParams) => {
    requireTokenPresent(rawParams);
    const params = parseParams(schema, rawParams);
    const user = await validateFlexToken(invocation.twilio, invocation.config.accountSid, params.Token);
    return run(invocation, params, user);
  });
}
