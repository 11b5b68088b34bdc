import { CallState, StateMessage } from './protocol';

/** States in which the agent is in the call, so ending the task would cut it off. */
const LIVE: ReadonlySet<CallState> = new Set<CallState>(['connected', 'reconnecting']);

export interface CallStates {
  record(taskSid: string, message: StateMessage): void;
  /** The panel is gone (its tab unmounted): what it last said no longer holds. */
  forget(taskSid: string): void;
  isLive(taskSid: string): boolean;
}

/** The panel's last reported state per task: what the wrap-up guard asks before ending a task. */
export function createCallStates(): CallStates {
  const states = new Map<string, CallState>();
  return {
    record(taskSid, message) {
      states.set(taskSid, message.state);
    },
    forget(taskSid) {
      states.delete(taskSid);
    },
    isLive(taskSid) {
      const state = states.get(taskSid);
      return state !== undefined && LIVE.has(state);
    },
  };
}
