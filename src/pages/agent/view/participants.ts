/** Who is in the room: every participant with a clear label (the agent, the customer, anyone
 * unexpected highlighted with their identity), Remove for each other participant (confirmed
 * first: their link stops working), and Send a new link. */
import { fill, type AgentStrings } from '../../shared/strings';
import { h, icon } from '../../shared/view/dom';
import { participantLabel, participantName, problemText } from '../labels';
import type { PanelState } from '../panel-state';
import { participantRows, type ParticipantRow } from '../participants';
import type { Problem } from '../problems';
import { confirmation } from './confirm';

export interface ParticipantActions {
  remove: (identity: string) => Promise<Problem | null>;
  sendNewLink: () => Promise<Problem | null>;
  /** Shows and announces the outcome of an action. */
  notify: (words: string, tone: 'ok' | 'problem') => void;
}

const ICONS = {
  you: 'person',
  agent: 'person',
  supervisor: 'person',
  customer: 'person',
  unexpected: 'alert',
} as const;

export function participantsSection(text: AgentStrings, actions: ParticipantActions) {
  const heading = h('h2', { id: 'participants-heading', tabindex: '-1' }, text.participantsHeading);
  const list = h('ul', { class: 'participants', 'aria-labelledby': 'participants-heading' });
  const linkButton = h(
    'button',
    { type: 'button', class: 'button', 'data-control': 'new-link', 'aria-describedby': 'new-link-hint' },
    icon('link'),
    text.newLink,
  );
  linkButton.addEventListener('click', () => {
    linkButton.disabled = true;
    void actions.sendNewLink().then((problem) => {
      linkButton.disabled = false;
      if (problem) actions.notify(`${text.newLinkFailed} ${problemText(problem, text)}`, 'problem');
      else actions.notify(text.newLinkSent, 'ok');
    });
  });
  const element = h(
    'section',
    { class: 'people', 'aria-labelledby': 'participants-heading' },
    heading,
    list,
    linkButton,
    h('p', { class: 'note', id: 'new-link-hint' }, text.newLinkHint),
  );

  const rowElement = (row: ParticipantRow) => {
    const name = participantName(row, text);
    const item = h(
      'li',
      { class: 'participant', 'data-kind': row.kind, 'data-identity': row.identity, title: row.identity },
      h('span', { class: 'participant-icon' }, icon(ICONS[row.kind])),
      h(
        'span',
        { class: 'participant-name' },
        participantLabel(row, text),
        row.kind === 'unexpected' ? h('span', { class: 'identity' }, row.identity) : null,
        row.kind === 'unexpected' ? h('span', { class: 'hint' }, text.unexpectedHint) : null,
      ),
    );
    if (!row.removable) return item;
    const removeButton = h(
      'button',
      {
        type: 'button',
        class: 'button',
        'data-control': 'remove',
        'aria-label': fill(text.removeNamed, { name }),
      },
      text.remove,
    );
    const confirm = confirmation(
      text,
      removeButton,
      { question: fill(text.confirmRemove, { name }), confirm: text.confirm },
      async () => {
        const problem = await actions.remove(row.identity);
        if (problem) {
          confirm.close();
          actions.notify(`${fill(text.removeFailed, { name })} ${problemText(problem, text)}`, 'problem');
        } else {
          actions.notify(fill(text.removed, { name }), 'ok');
          // The row goes when the room reports the participant gone; focus must not go with it.
          heading.focus();
        }
      },
    );
    item.append(removeButton, confirm.element);
    return item;
  };

  let shown = '';
  return {
    element,
    update(state: PanelState) {
      linkButton.disabled = state.phase !== 'connected';
      const rows = participantRows(state.self, state.others);
      const key = rows.map((row) => `${row.sid}:${row.kind}:${row.ordinal}`).join(',');
      if (key === shown) return;
      shown = key;
      const hadFocus = list.contains(document.activeElement);
      list.replaceChildren(...rows.map(rowElement));
      if (hadFocus) heading.focus();
      element.dataset.unexpected = String(rows.some((row) => row.kind === 'unexpected'));
    },
  };
}
