/** The Take picture control (VIDEO_SNAPSHOTS ask or on; absent under off): the policy in words,
 * the button, and what became of the last picture. */
import type { SnapshotPolicy } from '../../../contract';
import { fill, type AgentStrings } from '../../shared/strings';
import { h } from '../../shared/view/dom';
import type { SnapshotResult } from '../snapshot';

export function snapshotSection(
  text: AgentStrings,
  policy: Exclude<SnapshotPolicy, 'off'>,
  takePicture: (onReceived: () => void) => Promise<SnapshotResult>,
) {
  const status = h('p', { class: 'snapshot-status', role: 'status' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'button',
      'data-control': 'take-picture',
      onclick: () => {
        button.disabled = true;
        button.setAttribute('aria-busy', 'true');
        status.textContent = text.snapshotSending;
        delete status.dataset.outcome;
        const received = () => {
          status.textContent = policy === 'ask' ? text.snapshotAwaitingAllow : text.snapshotTaking;
        };
        void takePicture(received).then((result) => {
          button.disabled = false;
          button.setAttribute('aria-busy', 'false');
          status.textContent = resultText(text, result);
          status.dataset.outcome = result.kind;
        });
      },
    },
    text.takePicture,
  );
  const element = h(
    'section',
    { class: 'snapshots', 'aria-labelledby': 'snapshot-heading' },
    h('h2', { id: 'snapshot-heading' }, text.snapshotHeading),
    h('p', { class: 'note' }, policy === 'ask' ? text.snapshotAskNote : text.snapshotOnNote),
    button,
    status,
  );
  return { element };
}

function resultText(text: AgentStrings, result: SnapshotResult): string {
  switch (result.kind) {
    case 'posted':
      return fill(text.snapshotPosted, {
        width: result.width ?? '?',
        height: result.height ?? '?',
        kilobytes: result.bytes === null ? '?' : Math.round(result.bytes / 1024),
      });
    case 'declined':
      return text.snapshotDeclined;
    case 'not-received':
      return text.snapshotNotReceived;
    case 'no-answer':
      return text.snapshotNoAnswer;
    case 'not-connected':
      return text.snapshotNotConnected;
    case 'refused':
      return result.code === 'rate_limited' ? text.snapshotRateLimited : text.snapshotFailed;
    case 'failed':
      return text.snapshotFailed;
  }
}
