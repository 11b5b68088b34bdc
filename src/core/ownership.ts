import { AppError } from './errors';
import type { ReservationStatus, TaskReservation } from './tasks';

/** A Flex user, as Twilio's token validation describes them. */
export interface AgentPrincipal {
  identity: string;
  workerSid?: string;
  roles: string[];
}

const OVERSEER_ROLES = ['admin', 'supervisor'];

/** Admins and supervisors may act on any task, with no reservation of their own. */
export const isOverseer = (agent: AgentPrincipal): boolean =>
  agent.roles.some((role) => OVERSEER_ROLES.includes(role));

/** How a Flex user is in a task's room: its `agent` holds a reservation on the task; an admin or
 * supervisor without one is a `supervisor`, and the customer is told so. */
export type CallRole = 'agent' | 'supervisor';

/** A Flex user acting on a task, with the role it has in the task's room. */
export interface TaskCaller extends AgentPrincipal {
  role: CallRole;
}

/** The role of a caller that assertMayActOnTask let through, given its own reservations. */
export function roleOnTask(
  agent: AgentPrincipal,
  reservations: TaskReservation[],
  allowed: readonly ReservationStatus[],
): CallRole {
  const holds = reservations.some((r) => r.workerSid === agent.workerSid && allowed.includes(r.status));
  return holds || !isOverseer(agent) ? 'agent' : 'supervisor';
}

/** The task ownership rule of docs/openapi.yaml (`403 forbidden`): the caller's worker holds a reservation on the task in
 * one of the endpoint's statuses, or the caller is an admin or a supervisor. */
export function assertMayActOnTask(
  agent: AgentPrincipal,
  reservations: TaskReservation[],
  allowed: readonly ReservationStatus[],
): void {
  if (isOverseer(agent)) return;
  const holds = reservations.some((r) => r.workerSid === agent.workerSid && allowed.includes(r.status));
  if (!agent.workerSid || !holds) {
    throw new AppError(
      'forbidden',
      `Your worker does not hold this task (needs a reservation that is ${allowed.join(' or ')}).`,
    );
  }
}
