import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The rules the audits leave out, each with its reason (none so far). */
const RULES_OFF: string[] = [];

/** The serious and critical violations axe finds in `page`, its frames included (or only inside
 * `include`), as "rule: targets" lines, so a failure names what to fix. */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).disableRules(RULES_OFF);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
