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
