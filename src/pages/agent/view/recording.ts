/** The recording control: the room's state in words, start / stop as the policy allows, the
 * policy's reason when it does not, and what went wrong when the service refused. */
import type { RecordingPolicy } from '../../shared/api';
import type { AgentStrings } from '../../shared/strings';
import { h } from '../../shared/view/dom';
import { problemText } from '../labels';
import type { PanelState } from '../panel-state';
import { recordingControl } from '../recording-ui';

export function recordingSection(
  text: AgentStrings,
  policy: RecordingPolicy,
  setRecording: (action: 'start' | 'stop') => void,
) {
  const status = h('p', { class: 'recording-status' });
  const note = h('p', { class: 'note', id: 'recording-note', hidden: true });
  const problem = h('p', { class: 'problem', role: 'alert', hidden: true });
  let action: 'start' | 'stop' | null = null;
  const toggle = h('button', {
    type: 'button',
    class: 'button',
    'data-control': 'recording',
    onclick: () => action && setRecording(action),
  });
  const element = h(
    'section',
    { class: 'recording', 'aria-labelledby': 'recording-heading' },
    h('h2', { id: 'recording-heading' }, text.recordingHeading),
    status,
    toggle,
    note,
    problem,
  );
  return {
    element,
    update(state: PanelState) {
      const control = recordingControl(policy, state);
      action = control.disabled ? null : control.action;
      element.dataset.recording = String(control.indicator);
      status.textContent = control.indicator ? text.recordingOn : text.recordingOff;
      toggle.textContent = control.busy
        ? text.recordingWorking
        : control.action === 'start'
          ? text.startRecording
          : text.stopRecording;
      // Refused by policy it stays focusable, so the reason is read with it; otherwise it waits.
      toggle.disabled = control.disabled && !control.policyNote;
      toggle.setAttribute('aria-disabled', String(control.disabled));
      toggle.setAttribute('aria-busy', String(control.busy));
      note.hidden = control.policyNote === null;
      note.textContent =
        control.policyNote === 'always'
          ? text.policyAlways
          : control.policyNote === 'off'
            ? text.policyOff
            : '';
      if (control.policyNote) toggle.setAttribute('aria-describedby', 'recording-note');
      else toggle.removeAttribute('aria-describedby');
      problem.hidden = !control.problem;
      problem.textContent = control.problem ? problemText(control.problem, text) : '';
    },
  };
}
