import type { Twilio } from 'twilio';
import type { z } from 'zod';
import { AppError } from '../core/errors';
import { AgentPrincipal, assertMayActOnTask } from '../core/ownership';
import { fetchTask, FlexTask, listReservations, ReservationStatus } from '../core/tasks';
import { defineEndpoint, Invocation } from './http';
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
export async function validateFlexToken(client: Twilio, accountSid: string, token: string): Promise<AgentPrincipal> {
  const response = await client.request({
    method: 'post',
    uri: `https://iam.twilio.com/v1/Accounts/${accountSid}/Tokens/validate`,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' },
    data: { token },
  });
  if (response.statusCode === 429 || response.statusCode >= 500) {
    throw Object.assign(new Error('token validation failed'), { status: response.statusCode });
  }
  let body: TokenValidation = {};
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
    workerSid: typeof body.worker_sid === 'string' && /^WK[0-9a-fA-F]{32}$/.test(body.worker_sid) ? body.worker_sid : undefined,
    roles: Array.isArray(body.roles) ? body.roles.filter((r): r is string => typeof r === 'string') : [],
  };
}

export interface AgentAccess {
  agent: AgentPrincipal;
  task: FlexTask;
}

/** Token validation, the task and its reservations are independent reads: they go out
 * together, and the answer is judged in the order a caller should hear it (401, 404, 403). */
export async function authorizeTaskAccess(
  invocation: Invocation,
  params: AgentTaskParams,
  allowed: readonly ReservationStatus[],
): Promise<AgentAccess> {
  const { twilio, config } = invocation;
  const [agent, task, reservations] = await Promise.allSettled([
    validateFlexToken(twilio, config.accountSid, params.Token),
    fetchTask(twilio, config.workspaceSid, params.TaskSid),
    listReservations(twilio, config.workspaceSid, params.TaskSid),
  ]);
  if (agent.status === 'rejected') throw agent.reason;
  if (task.status === 'rejected') throw task.reason;
  if (reservations.status === 'rejected') throw reservations.reason;
  assertMayActOnTask(agent.value, reservations.value, allowed);
  return { agent: agent.value, task: task.value };
}

/** The one wrapper for agent endpoints: validates the parameters, then authenticates the Flex
 * user and checks they may act on the task, then runs the endpoint. */
export function defineAgentEndpoint<S extends z.ZodType<AgentTaskParams>>(
  schema: S,
  allowed: readonly ReservationStatus[],
  run: (invocation: Invocation, params: z.infer<S>, access: AgentAccess) => Promise<object>,
) {
  return defineEndpoint('agent', async (invocation, rawParams) => {
    const params = parseParams(schema, rawParams);
    const access = await authorizeTaskAccess(invocation, params, allowed);
    return run(invocation, params, access);
  });
}
