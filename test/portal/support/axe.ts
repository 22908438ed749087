import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** What of the DOM's Document the wait below reads. */
interface AnimatedDocument {
  getAnimations(): {
    playState: string;
    effect: { getTiming(): { iterations?: number } } | null;
  }[];
}

/** axe-core on the page as it is: the serious and critical violations, one line each. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // axe reads colours: a dialog or a notice half-way through its (finite) opening or closing
  // animation is half transparent. Spinners (infinite) are left turning.
  await page.waitForFunction(
    () => {
      // In the page (the tests' TypeScript has no DOM types; the CSP forbids a string to eval).
      const { document } = globalThis as unknown as { document: AnimatedDocument };
      return document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);
    },
    undefined,
    { timeout: 5000 },
  );
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
