import type { Twilio } from 'twilio';
import type TwilioResponse from 'twilio/lib/http/response';
import type { z } from 'zod';
import { isSid, type ApiPath } from '../contract';
import { AppError } from '../core/errors';
import { AgentPrincipal, assertMayActOnTask, isOverseer } from '../core/ownership';
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

/**
 * Checks a Flex user's token with Twilio's token validation endpoint, the call that
 * twilio-flex-token-validator makes, but through the bundle's own client so it shares the
 * deadline, the retries and TWILIO_API_BASE_URL.
 */
export async function validateFlexToken(
  client: Twilio,
  accountSid: string,
  token: string,
): Promise<AgentPrincipal> {
  const response = (await client.request({
    method: 'post',
    uri: `https://iam.twilio.com/v1/Accounts/${accountSid}/Tokens/validate`,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' },
    data: { token },
  })) as TwilioResponse<unknown>;
  if (response.statusCode === 429 || response.statusCode >= 500) {
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
  agent: AgentPrincipal;
  task: FlexTask;
  /** The task's in-progress room, for endpoints that act on it (`readsRoom`); undefined if none. */
  room?: VideoRoom;
}

export interface AgentEndpointOptions {
  /** Read the task's in-progress room alongside authorization, saving the endpoint a round trip.
   * Authentication still comes first; the room is only used once authorization has passed. */
  readsRoom?: boolean;
}

/**
 * Authentication comes before anything else: until Twilio's IAM has accepted the Flex token, the
 * bundle makes no other Twilio request, so an anonymous caller cannot spend the account's
 * TaskRouter, Video or Sync rate limits (Flex itself needs them). Then the task, the caller's
 * own reservations on it and (if asked) its room are read together, and judged in the order a
 * caller should hear them (404, then 403). A caller with no worker and no overseer role is
 * refused without a read.
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
  const [task, reservations, room] = await Promise.allSettled([
    fetchTask(twilio, config.workspaceSid, taskSid),
    overseer || !agent.workerSid
      ? Promise.resolve([])
      : listWorkerReservations(twilio, config.workspaceSid, taskSid, agent.workerSid),
    options.readsRoom ? findInProgressRoom(twilio, taskSid) : Promise.resolve(undefined),
  ]);
  if (task.status === 'rejected') throw task.reason;
  if (reservations.status === 'rejected') throw reservations.reason;
  assertMayActOnTask(agent, reservations.value, allowed);
  if (room.status === 'rejected') throw room.reason;
  return { agent, task: task.value, room: room.value };
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
