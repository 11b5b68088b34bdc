/** The panel's whole-screen messages: loading, waiting for Flex, not opened from Flex, a
 * problem, the call ended elsewhere or for good. Each says what happened and what to do. */
import { h, icon, showScreen } from '../../shared/view/dom';

export interface MessageAction {
  label: string;
  onClick: () => void;
}

export interface Message {
  /** data-state of the screen, for styles and tests. */
  state: string;
  icon?: 'alert' | 'end' | 'link';
  title?: string;
  paragraphs: string[];
  action?: MessageAction;
  busy?: boolean;
}

export function renderMessage(root: HTMLElement, message: Message): void {
  const action = message.action;
  const screen = h(
    'section',
    { class: 'screen message', 'data-state': message.state, 'aria-busy': message.busy ? 'true' : undefined },
    message.busy ? h('div', { class: 'spinner' }) : null,
    message.icon ? h('div', { class: 'message-icon' }, icon(message.icon)) : null,
    message.title ? h('h1', { tabindex: '-1' }, message.title) : null,
    ...message.paragraphs.map((words) => h('p', message.busy ? { role: 'status' } : {}, words)),
    action
      ? h(
          'button',
          { type: 'button', class: 'button primary', onclick: () => action.onClick() },
          action.label,
        )
      : null,
  );
  // A busy screen has no heading to focus; focus stays where it was rather than jumping.
  showScreen(root, screen, !message.busy);
}
