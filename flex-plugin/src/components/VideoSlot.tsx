import { FlexState, ITask, useFlexSelector, withTaskContext } from '@twilio/flex-ui';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

import { PanelDock } from '../panel-dock';
import { shownRect } from '../placement';
import { TASK_CANVAS_TABS_STATE, VIDEO_TAB } from '../tabs';
import { useDockSnapshot } from './useDock';

let slots = 0;

const slotStyle = { width: '100%', height: '100%', minHeight: 480 };
const noteStyle = { padding: 16 };

function Slot({ taskSid, dock }: { taskSid: string; dock: PanelDock }) {
  const selected = useFlexSelector(
    (state: FlexState) =>
      // Flex types every component's view state as `any`: the tabs' state holds the selected tab's name.
      (
        state.flex.view.componentViewStates[TASK_CANVAS_TABS_STATE] as
          { selectedTabName?: string } | undefined
      )?.selectedTabName === VIDEO_TAB,
  );
  const [slotId] = useState(() => `video-escalation-slot-${++slots}`);
  const box = useRef<HTMLDivElement>(null);
  const hasPanel = useDockSnapshot(dock).frames.some((frame) => frame.taskSid === taskSid);

  // While the tab is selected, the slot's place on the screen is measured every frame, so the
  // panel follows Flex's layout (window resizes, the panels' divider, the side nav) at once; a
  // tab that is not selected, or hidden with its view, measures nothing (null).
  useLayoutEffect(() => {
    if (!selected) {
      dock.placeSlot(slotId, taskSid, null);
      return undefined;
    }
    let frame = 0;
    const measure = () => {
      dock.placeSlot(slotId, taskSid, shownRect(box.current?.getBoundingClientRect()));
      frame = window.requestAnimationFrame(measure);
    };
    measure();
    return () => window.cancelAnimationFrame(frame);
  }, [selected, slotId, taskSid, dock]);
  useEffect(() => () => dock.removeSlot(slotId), [slotId, dock]);

  return (
    <div ref={box} style={slotStyle}>
      {/* Under the panel while it is shown; seen only once the task's call is over. */}
      {!hasPanel && <p style={noteStyle}>No video call on this task.</p>}
    </div>
  );
}

function VideoSlotForTask({ task, dock }: { task?: ITask; dock: PanelDock }) {
  if (!task) return null;
  // Keyed by task: Flex may reuse the tab when the agent selects another task.
  return <Slot key={task.taskSid} taskSid={task.taskSid} dock={dock} />;
}

/**
 * The Video tab's content: a slot, measured, over which the dock shows the task's panel. The
 * panel itself is not here: it must outlive this tab, which Flex unmounts with the task canvas
 * when the agent selects another task.
 */
export const VideoSlot = withTaskContext(VideoSlotForTask);
