/** The equipment check's section: Check my equipment, a live microphone meter, and one line per
 * item with its verdict and what to do, filled in as each result comes. */
import { fill, type AgentStrings } from '../../shared/strings';
import { announce, h } from '../../shared/view/dom';
import type { CheckItem, CheckReport, ItemResult } from '../../../panel-protocol';

export interface EquipmentSection {
  element: HTMLElement;
  showLevel: (peak: number) => void;
  showResult: (item: CheckItem, result: ItemResult) => void;
  /** The company's video policy at the check, with its acknowledgement when it is required. */
  showPolicy: (policyText: string | null, acknowledgementNeeded: boolean) => void;
  /** The agent ticked the policy's acknowledgement (shown and required) for this check. */
  policyAcknowledged: () => boolean;
}

const ITEMS: readonly CheckItem[] = ['camera', 'microphone', 'speakers', 'network'];

export function equipmentSection(
  text: AgentStrings,
  announcer: HTMLElement,
  run: (section: EquipmentSection) => Promise<CheckReport>,
): EquipmentSection {
  const itemName: Record<CheckItem, string> = {
    camera: text.checkItemCamera,
    microphone: text.checkItemMicrophone,
    speakers: text.checkItemSpeakers,
    network: text.checkItemNetwork,
  };
  const verdictWord = {
    good: text.checkVerdictGood,
    warning: text.checkVerdictWarning,
    problem: text.checkVerdictProblem,
  };
  const button = h('button', { type: 'button', class: 'button', 'data-control': 'check' }, text.checkRun);
  const meter = h('meter', { min: '0', max: '1', value: '0', 'aria-label': text.checkMeterLabel });
  const meterRow = h('p', { class: 'check-meter', hidden: true }, meter, h('span', {}, text.checkSpeak));
  const rows = new Map(ITEMS.map((item) => [item, h('li', { 'data-item': item, hidden: true })]));
  const list = h('ul', { class: 'check-results' }, ...rows.values());
  const policyBody = h('p', { class: 'policy-text' });
  const acknowledge = h('input', { type: 'checkbox', 'data-control': 'acknowledge-policy' });
  const acknowledgeRow = h('label', { class: 'policy-acknowledge' }, acknowledge, text.policyAcknowledge);
  const policy = h(
    'div',
    { class: 'policy', hidden: true },
    h('h3', {}, text.policyTitle),
    policyBody,
    acknowledgeRow,
  );
  const element = h(
    'section',
    { class: 'equipment-check', 'aria-labelledby': 'check-title' },
    h('h2', { id: 'check-title' }, text.checkTitle),
    h('p', {}, text.checkIntro),
    policy,
    button,
    meterRow,
    list,
    h('p', { class: 'check-note' }, text.checkHeadphones),
  );

  const section: EquipmentSection = {
    element,
    showLevel(peak) {
      meter.value = peak;
    },
    showResult(item, result) {
      const row = rows.get(item);
      if (!row) return;
      row.dataset.verdict = result.verdict;
      const words = fill(text[result.finding], result.figures ?? {});
      row.replaceChildren(
        h('strong', {}, `${itemName[item]}: ${verdictWord[result.verdict]}`),
        ' ',
        h('span', {}, words),
      );
      if (item === 'microphone') meterRow.hidden = true;
    },
    showPolicy(policyText, acknowledgementNeeded) {
      policy.hidden = policyText === null;
      policyBody.textContent = policyText ?? '';
      acknowledgeRow.hidden = !acknowledgementNeeded;
    },
    policyAcknowledged: () => !acknowledgeRow.hidden && !policy.hidden && acknowledge.checked,
  };

  button.addEventListener('click', () => {
    button.disabled = true;
    button.textContent = text.checkRunning;
    meterRow.hidden = false;
    for (const [item, row] of rows) {
      row.hidden = false;
      delete row.dataset.verdict;
      row.replaceChildren(h('strong', {}, `${itemName[item]}: ${text.checkPending}`));
    }
    void run(section).then((report) => {
      button.disabled = false;
      button.textContent = text.checkAgain;
      const summary = ITEMS.map((item) => `${itemName[item]} ${verdictWord[report[item].verdict]}`).join(
        ', ',
      );
      announce(announcer, fill(text.checkDone, { summary }));
    });
  });
  return section;
}
