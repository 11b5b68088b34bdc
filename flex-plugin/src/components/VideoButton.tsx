import { Actions, Button, ITask, withTaskContext } from '@twilio/flex-ui';

import { PanelDock } from '../panel-dock';
import { TASK_CANVAS_TABS_STATE, VIDEO_TAB } from '../tabs';
import { LiveDot } from './LiveBadge';
import { useDockSnapshot } from './useDock';

function showVideoTab(): void {
  void Actions.invokeAction('SetComponentState', {
    name: TASK_CANVAS_TABS_STATE,
    state: { selectedTabName: VIDEO_TAB },
  });
}

function VideoButtonForTask({ task, dock }: { task?: ITask; dock: PanelDock }) {
  const live = useDockSnapshot(dock).live.has(task?.taskSid ?? '');
  return (
    <Button variant="secondary" onClick={showVideoTab} aria-label={live ? 'Video (call live)' : 'Video'}>
      {live && <LiveDot />}
      Video{live ? ' · live' : ''}
    </Button>
  );
}

/** In the task canvas header: brings the Video tab (and so the panel) forward; says when the call is live. */
export const VideoButton = withTaskContext(VideoButtonForTask);
