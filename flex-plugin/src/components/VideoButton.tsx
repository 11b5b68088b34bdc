import { Actions, Button } from '@twilio/flex-ui';

import { TASK_CANVAS_TABS_STATE, VIDEO_TAB } from '../tabs';

function showVideoTab(): void {
  void Actions.invokeAction('SetComponentState', {
    name: TASK_CANVAS_TABS_STATE,
    state: { selectedTabName: VIDEO_TAB },
  });
}

/** In the task canvas header: brings the Video tab (and so the panel) forward. */
export function VideoButton() {
  return (
    <Button variant="secondary" onClick={showVideoTab}>
      Video
    </Button>
  );
}
