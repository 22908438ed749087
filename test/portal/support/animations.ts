import type { Page } from 'playwright-core';

/** What of the DOM's Document the wait below reads. */
interface AnimatedDocument {
  getAnimations(): {
    playState: string;
    effect: { getTiming(): { iterations?: number } } | null;
  }[];
}

/**
 * Waits until no finite animation runs (a dialog opening, a notice sliding in); spinners
 * (infinite) are left turning. A click on a dialog's button while it still zooms in was seen
 * lost in CI (the council's "Thông qua" stayed open for 30 s).
 */
export async function animationsSettled(page: Page): Promise<void> {
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
}
