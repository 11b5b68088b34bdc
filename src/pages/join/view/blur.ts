/** "Blur my background": a switch under the preview, and a round toggle in the call. Both are
 * buttons (a switch with aria-checked in the preview, a toggle with aria-pressed in the call), so
 * the keyboard (Space, Enter) and screen readers get them without extra work; the label never
 * changes, the state is the checked / pressed state, and a hint says when blur is starting. Shown only in a
 * browser that can run the processors. */
import type { Strings } from '../../shared/strings';
import { h, icon } from '../../shared/view/dom';

export interface BlurChoice {
  /** The browser can run the processors (backgroundSupported), checked without loading them. */
  supported: boolean;
  /** What the customer asked for. Off by default. */
  on: boolean;
  /** The camera is being made again with or without blur. */
  pending: boolean;
}

export function blurSwitch(text: Strings, onChange: (on: boolean) => void) {
  let on = false;
  const control = h(
    'button',
    {
      type: 'button',
      role: 'switch',
      id: 'blur-background',
      'data-control': 'blur',
      'aria-checked': 'false',
      'aria-describedby': 'blur-hint',
      onclick: () => onChange(!on),
    },
    h('span', { class: 'switch-track', 'aria-hidden': 'true' }, h('span', { class: 'switch-knob' })),
    text.blurBackground,
  );
  const hint = h('span', { id: 'blur-hint', class: 'hint' });
  const element = h('div', { class: 'blur-switch' }, control, hint);
  return {
    element,
    update(choice: BlurChoice) {
      on = choice.on;
      element.hidden = !choice.supported;
      control.setAttribute('aria-checked', String(choice.on));
      element.setAttribute('aria-busy', String(choice.pending));
      hint.textContent = choice.pending && choice.on ? text.blurStarting : text.blurHint;
    },
  };
}

export function blurButton(text: Strings, onChange: (on: boolean) => void) {
  let on = false;
  const button = h(
    'button',
    {
      type: 'button',
      class: 'round',
      'data-control': 'blur',
      'aria-label': text.blurBackground,
      title: text.blurBackground,
      onclick: () => onChange(!on),
    },
    icon('blur'),
  );
  return {
    element: button,
    update(choice: BlurChoice) {
      on = choice.on;
      button.hidden = !choice.supported;
      button.setAttribute('aria-pressed', String(choice.on));
      button.setAttribute('aria-busy', String(choice.pending));
    },
  };
}
