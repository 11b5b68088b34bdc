/** The recording control: the room's state in words, start / stop as the policy allows, the
 * policy's reason when it does not, and what went wrong when the service refused. */
import type { RecordingPolicy } from '../../shared/api';
import type { AgentStrings } from '../../shared/strings';
import type { PanelState } from '../panel-state';
import { recordingControl } from '../recording-ui';
import { switchSection } from './switch-section';

export function recordingSection(
  text: AgentStrings,
  policy: RecordingPolicy,
  setRecording: (action: 'start' | 'stop') => void,
) {
  const section = switchSection(
    text,
    'recording',
    {
      heading: text.recordingHeading,
      on: text.recordingOn,
      off: text.recordingOff,
      start: text.startRecording,
      stop: text.stopRecording,
      working: text.recordingWorking,
    },
    setRecording,
  );
  return {
    element: section.element,
    update(state: PanelState) {
      const control = recordingControl(policy, state);
      const note = { always: text.policyAlways, off: text.policyOff };
      section.update({
        ...control,
        on: control.indicator,
        policyNote: control.policyNote ? note[control.policyNote] : null,
      });
    },
  };
}
