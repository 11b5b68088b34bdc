import type { Twilio } from 'twilio';
import { isSid } from '../contract';
import { AppError } from './errors';
import { twilioFailure } from './twilio-errors';

export type ReservationStatus =
  'pending' | 'accepted' | 'rejected' | 'timeout' | 'canceled' | 'rescinded' | 'wrapping' | 'completed';

export interface TaskReservation {
  workerSid: string;
  status: ReservationStatus;
}

export interface FlexTask {
  sid: string;
  /** The task's `conversationSid` attribute (Flex Conversations); never taken from the caller. */
  conversationSid?: string;
  /** The task's attributes, for the customer's language (notices.ts); `{}` when unreadable. */
  attributes?: Readonly<Record<string, unknown>>;
}

function parseAttributes(attributes: string): Readonly<Record<string, unknown>> {
  try {
    const parsed: unknown = JSON.parse(attributes);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function conversationOf(attributes: string): string | undefined {
  const sid = parseAttributes(attributes).conversationSid;
  return isSid('CH', sid) ? sid : undefined;
}

export async function fetchTask(client: Twilio, workspaceSid: string, taskSid: string): Promise<FlexTask> {
  try {
    const task = await client.taskrouter.v1.workspaces(workspaceSid).tasks(taskSid).fetch();
    return {
      sid: task.sid,
      conversationSid: conversationOf(task.attributes),
      attributes: parseAttributes(task.attributes),
    };
  } catch (err) {
    if (twilioFailure(err)?.status === 404)
      throw new AppError('task_not_found', 'No such task in the Flex workspace.');
    throw err;
  }
}

/** The worker's reservations on the task. Twilio filters by worker, so a task re-routed through
 * many workers still answers in one page: a worker holds few reservations on one task. */
export async function listWorkerReservations(
  client: Twilio,
  workspaceSid: string,
  taskSid: string,
  workerSid: string,
): Promise<TaskReservation[]> {
  try {
    const reservations = await client.taskrouter.v1
      .workspaces(workspaceSid)
      .tasks(taskSid)
      .reservations.list({ workerSid, pageSize: 50, limit: 50 });
    return reservations.map((r) => ({ workerSid: r.workerSid, status: r.reservationStatus }));
  } catch (err) {
    // A missing task is reported by fetchTask, which runs alongside.
    if (twilioFailure(err)?.status === 404) return [];
    throw err;
  }
}

export function requireConversation(task: FlexTask): string {
  if (!task.conversationSid) {
    throw new AppError(
      'no_conversation',
      'The task is not a messaging task: it has no conversationSid attribute.',
    );
  }
  return task.conversationSid;
}
