/** A section that switches something of the room on and off under the company's policy
 * (recording, transcription): the state in words, start / stop, the policy's reason when it
 * refuses, and what went wrong when the service refused. */
import type { AgentStrings } from '../../shared/strings';
import { h } from '../../shared/view/dom';
import { problemText } from '../labels';
import type { Problem } from '../problems';

export interface SwitchControl {
  on: boolean;
  action: 'start' | 'stop';
  disabled: boolean;
  busy: boolean;
  /** Why the policy refuses it, in words; null when it does not. */
  policyNote: string | null;
  problem: Problem | null;
}

export interface SwitchWords {
  heading: string;
  on: string;
  off: string;
  start: string;
  stop: string;
  working: string;
}

/** `name` names the section's class, its status (`<name>-status`), its note and its control. */
export function switchSection(
  text: AgentStrings,
  name: 'recording' | 'transcription',
  words: SwitchWords,
  act: (action: 'start' | 'stop') => void,
  ...extra: HTMLElement[]
) {
  const status = h('p', { class: `${name}-status` });
  const noteId = `${name}-note`;
  const note = h('p', { class: 'note', id: noteId, hidden: true });
  const problem = h('p', { class: 'problem', role: 'alert', hidden: true });
  let action: 'start' | 'stop' | null = null;
  const toggle = h('button', {
    type: 'button',
    class: 'button',
    'data-control': name,
    onclick: () => action && act(action),
  });
  const element = h(
    'section',
    { class: name, 'aria-labelledby': `${name}-heading` },
    h('h2', { id: `${name}-heading` }, words.heading),
    status,
    extra.length ? h('div', { class: 'switch-buttons' }, toggle, ...extra) : toggle,
    note,
    problem,
  );
  return {
    element,
    update(control: SwitchControl) {
      action = control.disabled ? null : control.action;
      element.dataset[name] = String(control.on);
      status.textContent = control.on ? words.on : words.off;
      toggle.textContent = control.busy
        ? words.working
        : control.action === 'start'
          ? words.start
          : words.stop;
      // Refused by policy it stays focusable, so the reason is read with it; otherwise it waits.
      toggle.disabled = control.disabled && !control.policyNote;
      toggle.setAttribute('aria-disabled', String(control.disabled));
      toggle.setAttribute('aria-busy', String(control.busy));
      note.hidden = control.policyNote === null;
      note.textContent = control.policyNote ?? '';
      if (control.policyNote) toggle.setAttribute('aria-describedby', noteId);
      else toggle.removeAttribute('aria-describedby');
      problem.hidden = !control.problem;
      problem.textContent = control.problem ? problemText(control.problem, text) : '';
    },
  };
}
