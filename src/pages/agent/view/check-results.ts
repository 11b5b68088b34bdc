/** What the equipment and appearance checks show alike: one line per item, "checking…" while the
 * check runs, then its verdict and what to do; and the run button, disabled while the check runs,
 * whose end is announced as a summary of the verdicts. */
import { fill, type AgentStrings } from '../../shared/strings';
import { announce, h } from '../../shared/view/dom';
import type { ItemResult } from '../../../panel-protocol';

export interface CheckResults<Item extends string> {
  /** The list of the items' lines, hidden until the first run. */
  list: HTMLElement;
  show(item: Item, result: ItemResult): void;
}

export interface CheckRun<Item extends string> {
  button: HTMLButtonElement;
  /** Each item's name, in the order the lines show. */
  itemNames: Record<Item, string>;
  words: { running: string; again: string; done: string };
  /** Runs the check, filling the lines in through `show` as each result comes. */
  run: () => Promise<Record<Item, ItemResult>>;
  /** What else the section shows while the check runs (its live meter). */
  onStart: () => void;
}

export function checkResults<Item extends string>(
  text: AgentStrings,
  announcer: HTMLElement,
  check: CheckRun<Item>,
): CheckResults<Item> {
  const items = Object.keys(check.itemNames) as Item[];
  const verdictWord = {
    good: text.checkVerdictGood,
    warning: text.checkVerdictWarning,
    problem: text.checkVerdictProblem,
  };
  const rows = new Map(items.map((item) => [item, h('li', { 'data-item': item, hidden: true })]));
  const showLine = (item: Item, state: string, detail?: HTMLElement) =>
    rows
      .get(item)
      ?.replaceChildren(
        h('strong', {}, `${check.itemNames[item]}: ${state}`),
        ...(detail ? [' ', detail] : []),
      );

  check.button.addEventListener('click', () => {
    check.button.disabled = true;
    check.button.textContent = check.words.running;
    check.onStart();
    for (const [item, row] of rows) {
      row.hidden = false;
      delete row.dataset.verdict;
      delete row.dataset.finding;
      showLine(item, text.checkPending);
    }
    void check.run().then((report) => {
      check.button.disabled = false;
      check.button.textContent = check.words.again;
      const summary = items.map((item) => `${check.itemNames[item]} ${verdictWord[report[item].verdict]}`);
      announce(announcer, fill(check.words.done, { summary: summary.join(', ') }));
    });
  });

  return {
    list: h('ul', { class: 'check-results' }, ...rows.values()),
    show(item, result) {
      const row = rows.get(item);
      if (!row) return;
      row.dataset.verdict = result.verdict;
      row.dataset.finding = result.finding;
      showLine(
        item,
        verdictWord[result.verdict],
        h('span', {}, fill(text[result.finding], result.figures ?? {})),
      );
    },
  };
}
