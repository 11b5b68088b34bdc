import { CallState, StateMessage } from './protocol';
import { Rect, sameRect } from './placement';

/**
 * Which agent panels (one iframe per task) exist, where each one is shown, and when one goes.
 *
 * Flex renders only the selected task's canvas, so a panel inside the canvas would be unloaded
 * (and the agent dropped from the call) whenever the agent selects another task. Instead the
 * panels live in one container outside Flex's layout, created once per task and never moved in
 * the DOM (an iframe that is moved reloads): the Video tab only holds a slot, and the dock puts
 * the slot's task's panel over it while the slot is shown, and hides the others.
 *
 * Rules:
 * - a panel is created the first time its task's Video tab is shown, while the agent holds the
 *   task (reservation `accepted`): chats that never go to video cost nothing;
 * - it stays, hidden when its tab is not shown (the call, and its sound, go on), while the task is
 *   held: `accepted`, or `wrapping` with the call still live (the wrap-up listeners end the call
 *   with /video/complete, after which the panel reports `ended` and goes; if that failed, the
 *   agent is still in the call and keeps the panel until the task is completed);
 * - it goes when the task leaves the agent (completed, transferred away, canceled...);
 * - panels keep their creation order, so removing one never moves another in the DOM.
 */

/** States in which the agent is in the call: ending the task would cut it off. */
const LIVE: ReadonlySet<CallState> = new Set<CallState>(['connected', 'reconnecting']);

export function isLiveState(state: CallState | undefined): boolean {
  return state !== undefined && LIVE.has(state);
}

/** A task the agent holds, as the dock needs it: see `heldTasks` in tasks.ts. */
export interface HeldTask {
  taskSid: string;
  status: string;
}

/** One panel: its task, and where it is (`shown`) or was last shown (to keep its size hidden). */
export interface DockFrame {
  taskSid: string;
  shown: boolean;
  rect: Rect;
  state: CallState | undefined;
}

export interface DockSnapshot {
  /** In creation order: the order of the iframes in the DOM, never changed. */
  frames: readonly DockFrame[];
  /** Tasks whose call is live (the agent is in it), shown or not. */
  live: ReadonlySet<string>;
}

/** Its functions use no `this`: each can be handed on alone (a Flex `if`, a React state initialiser). */
export interface PanelDock {
  /** The agent's tasks (all of them, any channel, any status): panels of tasks not held go. */
  setHeld: (tasks: Iterable<HeldTask>) => void;
  /**
   * A Video tab slot (`slotId`, one per mounted tab) for `taskSid`: `rect` where it is on the
   * screen, or null while it is not shown. Creates the task's panel the first time it is shown.
   */
  placeSlot: (slotId: string, taskSid: string, rect: Rect | null) => void;
  /** The slot unmounted (its task deselected, its canvas gone). */
  removeSlot: (slotId: string) => void;
  /** The panel's state message. */
  record: (taskSid: string, message: StateMessage) => void;
  has: (taskSid: string) => boolean;
  isLive: (taskSid: string) => boolean;
  getSnapshot: () => DockSnapshot;
  /** Called after every change of the snapshot; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
}

interface Slot {
  taskSid: string;
  rect: Rect | null;
  /** Placement order: when two slots show one task, the later one wins. */
  seq: number;
}

export function createPanelDock(): PanelDock {
  const frames = new Map<string, { rect: Rect; state: CallState | undefined }>(); // insertion order = DOM order
  const held = new Map<string, string>();
  const slots = new Map<string, Slot>();
  const listeners = new Set<() => void>();
  let seq = 0;
  let snapshot: DockSnapshot = { frames: [], live: new Set() };

  /** The rect where the task's panel is shown now, if a slot shows it. */
  function shownRect(taskSid: string): Rect | null {
    let best: Slot | undefined;
    slots.forEach((slot) => {
      if (slot.taskSid === taskSid && slot.rect && (!best || slot.seq > best.seq)) best = slot;
    });
    return best?.rect ?? null;
  }

  function keeps(taskSid: string): boolean {
    const status = held.get(taskSid);
    if (status === 'accepted') return true;
    return status === 'wrapping' && isLiveState(frames.get(taskSid)?.state);
  }

  function update(): void {
    frames.forEach((_frame, taskSid) => {
      if (!keeps(taskSid)) frames.delete(taskSid);
    });
    const next: DockFrame[] = [];
    const live = new Set<string>();
    frames.forEach((frame, taskSid) => {
      const rect = shownRect(taskSid);
      if (rect) frame.rect = rect;
      next.push({ taskSid, shown: rect !== null, rect: frame.rect, state: frame.state });
      if (isLiveState(frame.state)) live.add(taskSid);
    });
    if (sameSnapshot(snapshot, next, live)) return;
    snapshot = { frames: next, live };
    listeners.forEach((listener) => listener());
  }

  return {
    setHeld(tasks) {
      held.clear();
      for (const task of tasks) held.set(task.taskSid, task.status);
      update();
    },

    placeSlot(slotId, taskSid, rect) {
      const slot = slots.get(slotId);
      if (
        slot &&
        slot.taskSid === taskSid &&
        (slot.rect === rect || (slot.rect && rect && sameRect(slot.rect, rect)))
      ) {
        return;
      }
      // A slot that starts showing comes forward; one that only moves keeps its place.
      const shownBefore = slot !== undefined && slot.taskSid === taskSid && slot.rect !== null;
      slots.set(slotId, { taskSid, rect, seq: shownBefore && slot ? slot.seq : ++seq });
      if (rect && !frames.has(taskSid) && held.get(taskSid) === 'accepted') {
        frames.set(taskSid, { rect, state: undefined });
      }
      update();
    },

    removeSlot(slotId) {
      if (slots.delete(slotId)) update();
    },

    record(taskSid, message) {
      const frame = frames.get(taskSid);
      if (!frame || frame.state === message.state) return;
      frame.state = message.state;
      update();
    },

    has(taskSid) {
      return frames.has(taskSid);
    },

    isLive(taskSid) {
      return isLiveState(frames.get(taskSid)?.state);
    },

    getSnapshot() {
      return snapshot;
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

function sameSnapshot(previous: DockSnapshot, frames: DockFrame[], live: ReadonlySet<string>): boolean {
  if (previous.frames.length !== frames.length || previous.live.size !== live.size) return false;
  return previous.frames.every((frame, i) => {
    const other = frames[i];
    return (
      frame.taskSid === other.taskSid &&
      frame.shown === other.shown &&
      frame.state === other.state &&
      sameRect(frame.rect, other.rect)
    );
  });
}
