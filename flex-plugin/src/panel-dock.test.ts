import { DockSnapshot, createPanelDock, isLiveState } from './panel-dock';
import { CallState } from './protocol';

const A = 'WT' + 'a'.repeat(32);
const B = 'WT' + 'b'.repeat(32);
const C = 'WT' + 'c'.repeat(32);
const TAB = { left: 400, top: 150, width: 700, height: 500 };
const MOVED = { left: 200, top: 150, width: 900, height: 500 };

function state(value: CallState) {
  return {
    type: 'video-escalation:state' as const,
    state: value,
    roomSid: null,
    recording: false,
    participants: [],
  };
}

function setUp(
  held: Array<[string, string]> = [
    [A, 'accepted'],
    [B, 'accepted'],
    [C, 'accepted'],
  ],
) {
  const dock = createPanelDock();
  const changes: DockSnapshot[] = [];
  dock.subscribe(() => changes.push(dock.getSnapshot()));
  dock.setHeld(held.map(([taskSid, status]) => ({ taskSid, status })));
  const frames = () => dock.getSnapshot().frames.map((frame) => frame.taskSid);
  const shown = () =>
    dock
      .getSnapshot()
      .frames.filter((frame) => frame.shown)
      .map((frame) => frame.taskSid);
  /** The agent selects `taskSid` and its Video tab: Flex mounts a new canvas, so a new slot. */
  let slotCount = 0;
  let current: string | undefined;
  const showVideo = (taskSid: string, rect = TAB) => {
    if (current) dock.removeSlot(current);
    current = `slot-${++slotCount}`;
    dock.placeSlot(current, taskSid, rect);
  };
  const showChat = (taskSid: string) => {
    if (current) dock.placeSlot(current, taskSid, null);
  };
  return { dock, changes, frames, shown, showVideo, showChat };
}

describe('creating panels', () => {
  it('creates no panel until a Video tab is shown', () => {
    const { dock, frames } = setUp();
    dock.placeSlot('s1', A, null);
    expect(frames()).toEqual([]);
    expect(dock.has(A)).toBe(false);
  });

  it("creates the task's panel, shown over the slot, when its Video tab is shown", () => {
    const { dock, showVideo } = setUp();
    showVideo(A);
    expect(dock.getSnapshot().frames).toEqual([{ taskSid: A, shown: true, rect: TAB, state: undefined }]);
  });

  it('creates no panel for a task the agent does not hold, or no longer holds as accepted', () => {
    const { dock, frames } = setUp([
      [A, 'wrapping'],
      [B, 'pending'],
    ]);
    dock.placeSlot('s1', A, TAB);
    dock.placeSlot('s2', B, TAB);
    dock.placeSlot('s3', C, TAB);
    expect(frames()).toEqual([]);
  });

  it('creates each panel once, however often its tab is shown', () => {
    const { dock, frames, showVideo, showChat } = setUp();
    showVideo(A);
    showChat(A);
    showVideo(A);
    showVideo(B);
    showVideo(A);
    expect(frames()).toEqual([A, B]);
    expect(dock.has(A) && dock.has(B)).toBe(true);
  });
});

describe('switching tasks', () => {
  it('keeps the panel of a task the agent leaves, hidden, at its last place', () => {
    const { dock, shown, frames, showVideo } = setUp();
    showVideo(A);
    dock.record(A, state('connected'));
    showVideo(B, MOVED);
    expect(frames()).toEqual([A, B]);
    expect(shown()).toEqual([B]);
    expect(dock.getSnapshot().frames[0]).toEqual({ taskSid: A, shown: false, rect: TAB, state: 'connected' });
    expect(dock.isLive(A)).toBe(true);
  });

  it("shows a kept panel again, without re-creating it, when its task's Video tab is back", () => {
    const { dock, shown, frames, showVideo } = setUp();
    showVideo(A);
    showVideo(B);
    showVideo(A, MOVED);
    expect(frames()).toEqual([A, B]);
    expect(shown()).toEqual([A]);
    expect(dock.getSnapshot().frames[0].rect).toEqual(MOVED);
  });

  it('hides the panel when the chat tab is selected, and when the canvas goes', () => {
    const { dock, shown, showVideo, showChat } = setUp();
    showVideo(A);
    showChat(A);
    expect(shown()).toEqual([]);
    showVideo(A);
    dock.removeSlot('slot-2');
    expect(shown()).toEqual([]);
    expect(dock.has(A)).toBe(true);
  });

  it('follows the slot when Flex moves or resizes it', () => {
    const { dock, showVideo } = setUp();
    showVideo(A);
    dock.placeSlot('slot-1', A, MOVED);
    expect(dock.getSnapshot().frames[0]).toMatchObject({ shown: true, rect: MOVED });
  });

  it('shows a panel at its newest slot when two slots show one task', () => {
    const { dock } = setUp();
    dock.placeSlot('s1', A, TAB);
    dock.placeSlot('s2', A, MOVED);
    dock.placeSlot('s1', A, { ...TAB, top: 151.2 }); // s1 only moves: s2 stays in front
    expect(dock.getSnapshot().frames[0].rect).toEqual(MOVED);
    dock.removeSlot('s2');
    expect(dock.getSnapshot().frames[0]).toMatchObject({ shown: true, rect: { ...TAB, top: 151.2 } });
  });
});

describe('removing panels', () => {
  it('removes the panel of a task that leaves the agent (completed, transferred, canceled)', () => {
    const { dock, frames, showVideo } = setUp();
    showVideo(A);
    showVideo(B);
    dock.record(A, state('connected'));
    dock.setHeld([{ taskSid: B, status: 'accepted' }]);
    expect(frames()).toEqual([B]);
    expect(dock.isLive(A)).toBe(false);
    expect(dock.getSnapshot().live.has(A)).toBe(false);
  });

  it('keeps the panel of a wrapping task while its call is live, and removes it once the call ended', () => {
    const { dock, frames, showVideo } = setUp();
    showVideo(A);
    dock.record(A, state('connected'));
    dock.setHeld([{ taskSid: A, status: 'wrapping' }]);
    expect(frames()).toEqual([A]); // /video/complete is on its way
    dock.record(A, state('ended'));
    expect(frames()).toEqual([]);
  });

  it('removes the panel of a wrapping task that had no live call', () => {
    const { dock, frames, showVideo } = setUp();
    showVideo(A);
    dock.record(A, state('idle'));
    dock.setHeld([{ taskSid: A, status: 'wrapping' }]);
    expect(frames()).toEqual([]);
  });

  it('keeps a wrapping live call whose end failed until the task is completed', () => {
    const { dock, frames, showVideo } = setUp();
    showVideo(A);
    dock.record(A, state('reconnecting'));
    dock.setHeld([{ taskSid: A, status: 'wrapping' }]);
    expect(frames()).toEqual([A]);
    dock.setHeld([]);
    expect(frames()).toEqual([]);
  });

  it('never reorders the remaining panels (a moved iframe reloads)', () => {
    const { dock, frames, showVideo } = setUp();
    showVideo(A);
    showVideo(B);
    showVideo(C);
    dock.setHeld([
      { taskSid: A, status: 'accepted' },
      { taskSid: C, status: 'accepted' },
    ]);
    expect(frames()).toEqual([A, C]);
    dock.setHeld([
      { taskSid: C, status: 'accepted' },
      { taskSid: A, status: 'accepted' },
      { taskSid: B, status: 'accepted' },
    ]);
    showVideo(B);
    expect(frames()).toEqual([A, C, B]);
  });

  it('does not bring a removed panel back without its tab being shown again', () => {
    const { dock, frames, showVideo } = setUp();
    showVideo(A);
    dock.setHeld([]);
    dock.setHeld([{ taskSid: A, status: 'accepted' }]);
    expect(frames()).toEqual([]);
  });
});

describe('call states', () => {
  it.each<[CallState, boolean]>([
    ['idle', false],
    ['connecting', false],
    ['connected', true],
    ['reconnecting', true],
    ['ended', false],
    ['error', false],
  ])('a panel that last said %s is live: %s', (value, live) => {
    const { dock, showVideo } = setUp();
    showVideo(A);
    dock.record(A, state(value));
    expect(dock.isLive(A)).toBe(live);
    expect(dock.getSnapshot().live.has(A)).toBe(live);
    expect(isLiveState(value)).toBe(live);
  });

  it('lists every live call, shown or hidden', () => {
    const { dock, showVideo } = setUp();
    showVideo(A);
    dock.record(A, state('connected'));
    showVideo(B);
    dock.record(B, state('connecting'));
    showVideo(C);
    dock.record(C, state('reconnecting'));
    expect([...dock.getSnapshot().live].sort()).toEqual([A, C]);
  });

  it('ignores states of tasks without a panel', () => {
    const { dock } = setUp();
    dock.record(A, state('connected'));
    expect(dock.isLive(A)).toBe(false);
  });
});

describe('subscribers', () => {
  it('hear of changes only: not of the same rect again, nor of sub-pixel moves', () => {
    const { dock, changes, showVideo } = setUp();
    showVideo(A);
    const after = changes.length;
    dock.placeSlot('slot-1', A, TAB);
    dock.placeSlot('slot-1', A, { ...TAB, left: TAB.left + 0.2 });
    dock.setHeld([{ taskSid: A, status: 'accepted' }]);
    dock.record(A, state('idle'));
    dock.record(A, state('idle'));
    expect(changes.length).toBe(after + 1); // the one state change
  });

  it('hear nothing after unsubscribing', () => {
    const dock = createPanelDock();
    const heard: number[] = [];
    const unsubscribe = dock.subscribe(() => heard.push(1));
    unsubscribe();
    dock.setHeld([{ taskSid: A, status: 'accepted' }]);
    dock.placeSlot('s', A, TAB);
    expect(heard).toEqual([]);
  });
});
