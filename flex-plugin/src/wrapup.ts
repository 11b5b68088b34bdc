import { TaskLike, isMessagingTask } from './tasks';

/**
 * Ending the video with the task, as Flex action listeners.
 *
 * - beforeWrapupTask only decides: a before-listener is the one place that can still cancel the
 *   action, so it stops a wrap-up that would cut off a live call and asks the agent first.
 * - afterWrapupTask ends the video: it runs only when the wrap-up really happened (not when a
 *   listener cancelled it or TaskRouter refused it), and /video/complete accepts the now
 *   wrapping reservation.
 * - beforeCompleteTask covers completing without wrapping up (CompleteTask on an accepted
 *   task) and retries an end that failed at wrap-up. It must run before the action: once the
 *   reservation is completed, the service no longer lets this agent act on the task.
 */

/** Set on a re-invoked action's payload once the agent has agreed to end the live call. */
export const CONFIRMED = 'videoEscalationConfirmed';

export type TaskAction = 'WrapupTask' | 'CompleteTask';

export interface TaskActionPayload {
  task?: TaskLike;
  [CONFIRMED]?: boolean;
}

export interface WrapupDeps {
  isLive(taskSid: string): boolean;
  /** Warns that the call is live; `proceed` ends it and carries on with the action. */
  askToEnd(task: TaskLike, proceed: () => void): void;
  invoke(action: TaskAction, payload: TaskActionPayload): void;
  /** POST /video/complete for the task; rejects if the service did not end it. */
  endVideo(task: TaskLike): Promise<unknown>;
  reportEndFailure(task: TaskLike, error: unknown): void;
}

/** Functions, not methods: each is handed to Flex's Actions alone. */
export interface WrapupListeners {
  beforeWrapupTask: (payload: TaskActionPayload, abort: () => void) => void;
  afterWrapupTask: (payload: TaskActionPayload) => Promise<void>;
  beforeCompleteTask: (payload: TaskActionPayload, abort: () => void) => Promise<void>;
}

function messagingTask(payload: TaskActionPayload): TaskLike | undefined {
  return payload.task && isMessagingTask(payload.task) ? payload.task : undefined;
}

export function createWrapupListeners(deps: WrapupDeps): WrapupListeners {
  // Tasks whose end failed at wrap-up: completing them tries once more.
  const unended = new Set<string>();

  /** Cancels the action and asks the agent if the call is live; true if it did. */
  function heldForConfirmation(
    action: TaskAction,
    task: TaskLike,
    payload: TaskActionPayload,
    abort: () => void,
  ) {
    if (payload[CONFIRMED] || !deps.isLive(task.taskSid)) return false;
    abort();
    deps.askToEnd(task, () => deps.invoke(action, { ...payload, [CONFIRMED]: true }));
    return true;
  }

  async function end(task: TaskLike): Promise<void> {
    try {
      await deps.endVideo(task);
      unended.delete(task.taskSid);
    } catch (error) {
      unended.add(task.taskSid);
      deps.reportEndFailure(task, error);
    }
  }

  return {
    beforeWrapupTask(payload, abort) {
      const task = messagingTask(payload);
      if (task) heldForConfirmation('WrapupTask', task, payload, abort);
    },

    async afterWrapupTask(payload) {
      const task = messagingTask(payload);
      if (task) await end(task);
    },

    async beforeCompleteTask(payload, abort) {
      const task = messagingTask(payload);
      if (!task) return;
      const wrappedUp = task.status === 'wrapping';
      if (wrappedUp && !unended.has(task.taskSid)) return;
      if (!wrappedUp && heldForConfirmation('CompleteTask', task, payload, abort)) return;
      // The agent must be able to complete the task even if the service is down: a failure is
      // reported, never a reason to cancel.
      await end(task);
    },
  };
}
