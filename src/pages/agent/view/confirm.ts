/** An inline "are you sure?" for actions that cannot be undone (ending the call, removing a
 * participant): the question and its two buttons appear under the trigger, focus moves to the
 * confirming button, Cancel or Escape puts it back on the trigger. */
import type { AgentStrings } from '../../shared/strings';
import { h } from '../../shared/view/dom';

export interface Confirmation {
  element: HTMLElement;
  open(): void;
  close(): void;
}

export interface ConfirmLabels {
  question: string;
  confirm: string;
  /** Shown on the confirming button while the action runs. */
  busy?: string;
}

export function confirmation(
  text: AgentStrings,
  trigger: HTMLButtonElement,
  labels: ConfirmLabels,
  onConfirm: () => Promise<void>,
): Confirmation {
  const question = labels.question;
  const confirmButton = h(
    'button',
    { type: 'button', class: 'button danger', 'data-control': 'confirm' },
    labels.confirm,
  );
  const cancelButton = h(
    'button',
    { type: 'button', class: 'button', 'data-control': 'cancel' },
    text.cancel,
  );
  const element = h(
    'div',
    { class: 'confirm', role: 'group', hidden: true },
    h('p', {}, question),
    h('div', { class: 'confirm-buttons' }, confirmButton, cancelButton),
  );
  element.setAttribute('aria-label', question);
  const close = () => {
    element.hidden = true;
    trigger.setAttribute('aria-expanded', 'false');
    trigger.focus();
  };
  const open = () => {
    element.hidden = false;
    trigger.setAttribute('aria-expanded', 'true');
    confirmButton.focus();
  };
  trigger.setAttribute('aria-expanded', 'false');
  trigger.addEventListener('click', () => (element.hidden ? open() : close()));
  cancelButton.addEventListener('click', close);
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  confirmButton.addEventListener('click', () => {
    confirmButton.disabled = true;
    cancelButton.disabled = true;
    if (labels.busy) confirmButton.textContent = labels.busy;
    void onConfirm().finally(() => {
      confirmButton.disabled = false;
      cancelButton.disabled = false;
      confirmButton.textContent = labels.confirm;
    });
  });
  return { element, open, close };
}
