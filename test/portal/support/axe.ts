import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { animationsSettled } from './animations.js';

/** axe-core on the page as it is: the serious and critical violations, one line each. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // axe reads colours: a dialog or a notice half-way through its opening animation is half
  // transparent.
  await animationsSettled(page);
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}
