/** The equipment check's section: Check my equipment, a live microphone meter, and one line per
 * item with its verdict and what to do, filled in as each result comes. */
import type { AgentStrings } from '../../shared/strings';
import { h } from '../../shared/view/dom';
import type { CheckItem, CheckReport, ItemResult } from '../../../panel-protocol';
import { checkResults } from './check-results';

export interface EquipmentSection {
  element: HTMLElement;
  showLevel: (peak: number) => void;
  showResult: (item: CheckItem, result: ItemResult) => void;
  /** The company's video policy at the check, with its acknowledgement when it is required. */
  showPolicy: (policyText: string | null, acknowledgementNeeded: boolean) => void;
  /** The agent ticked the policy's acknowledgement (shown and required) for this check. */
  policyAcknowledged: () => boolean;
}

export function equipmentSection(
  text: AgentStrings,
  announcer: HTMLElement,
  run: (section: EquipmentSection) => Promise<CheckReport>,
): EquipmentSection {
  const button = h('button', { type: 'button', class: 'button', 'data-control': 'check' }, text.checkRun);
  const meter = h('meter', { min: '0', max: '1', value: '0', 'aria-label': text.checkMeterLabel });
  const meterRow = h('p', { class: 'check-meter', hidden: true }, meter, h('span', {}, text.checkSpeak));
  const results = checkResults<CheckItem>(text, announcer, {
    button,
    itemNames: {
      camera: text.checkItemCamera,
      microphone: text.checkItemMicrophone,
      speakers: text.checkItemSpeakers,
      network: text.checkItemNetwork,
    },
    words: { running: text.checkRunning, again: text.checkAgain, done: text.checkDone },
    run: () => run(section),
    onStart: () => (meterRow.hidden = false),
  });
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
    results.list,
    h('p', { class: 'check-note' }, text.checkHeadphones),
  );

  const section: EquipmentSection = {
    element,
    showLevel(peak) {
      meter.value = peak;
    },
    showResult(item, result) {
      results.show(item, result);
      if (item === 'microphone') meterRow.hidden = true;
    },
    showPolicy(policyText, acknowledgementNeeded) {
      policy.hidden = policyText === null;
      policyBody.textContent = policyText ?? '';
      acknowledgeRow.hidden = !acknowledgementNeeded;
    },
    policyAcknowledged: () => !acknowledgeRow.hidden && !policy.hidden && acknowledge.checked,
  };
  return section;
}
