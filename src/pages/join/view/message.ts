/** The full-page messages: checking the invite, a link that no longer works, an unsupported
 * browser, the end of the call. Each says what happened and what to do next. */
import { h, icon, showScreen } from '../../shared/view/dom';

export interface MessageAction {
  label: string;
  onClick: () => void;
}

export interface Message {
  icon: 'clock' | 'link' | 'alert' | 'end' | 'browser';
  title: string;
  paragraphs: string[];
  action?: MessageAction;
  /** Sets data-state on the screen, which tests and styles use to tell messages apart. */
  state: string;
}

export function renderMessage(root: HTMLElement, message: Message): void {
  const action = message.action;
  showScreen(
    root,
    h(
      'section',
      { class: 'screen message', 'data-state': message.state },
      h('div', { class: 'message-icon' }, icon(message.icon)),
      h('h1', { tabindex: '-1' }, message.title),
      ...message.paragraphs.map((text) => h('p', {}, text)),
      action
        ? h(
            'button',
            { type: 'button', class: 'button primary', onclick: () => action.onClick() },
            action.label,
          )
        : null,
    ),
  );
}

export function renderLoading(root: HTMLElement, text: string): void {
  showScreen(
    root,
    h(
      'section',
      { class: 'screen message', 'data-state': 'loading', 'aria-busy': 'true' },
      h('div', { class: 'spinner' }),
      h('p', { role: 'status' }, text),
    ),
    false,
  );
}
