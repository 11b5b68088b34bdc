/** The transcription control, beside the recording one: the room's state in words, start / stop
 * as the policy allows (absent under `off`, on and not stoppable under `always`), Twilio's
 * refusal in plain words, and the agent's own Captions toggle. */
import type { TranscriptionPolicy } from '../../shared/api';
import type { AgentStrings } from '../../shared/strings';
import type { PanelState } from '../panel-state';
import { transcriptionControl } from '../transcription-ui';
import { switchSection } from './switch-section';

export function transcriptionSection(
  text: AgentStrings,
  policy: TranscriptionPolicy,
  setTranscription: (action: 'start' | 'stop') => void,
  captionsToggle: HTMLButtonElement,
) {
  captionsToggle.classList.add('button');
  const section = switchSection(
    text,
    'transcription',
    {
      heading: text.transcriptionHeading,
      on: text.transcriptionOn,
      off: text.transcriptionOff,
      start: text.startTranscription,
      stop: text.stopTranscription,
      working: text.transcriptionWorking,
    },
    setTranscription,
    captionsToggle,
  );
  section.element.hidden = policy === 'off';
  return {
    element: section.element,
    update(state: PanelState) {
      const control = transcriptionControl(policy, state);
      section.update({ ...control, policyNote: control.policyNote && text.transcriptionPolicyAlways });
    },
  };
}
