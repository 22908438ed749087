/**
 * Screenshots: of a page whose test failed, kept with the test output (test-results/portal/);
 * of the main pages, kept in docs/screenshots/ for the README and the issue.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { onTestFailed } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const FAILURE_DIR = path.join(ROOT, 'test-results/portal');
export const DOCS_DIR = path.join(ROOT, 'docs/screenshots');

const fileNameOf = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 80);

/** Call inside a test: when it fails, a full-page screenshot of `page` is kept. */
export function screenshotOnFailure(page: Page, testName: string): void {
  onTestFailed(async () => {
    mkdirSync(FAILURE_DIR, { recursive: true });
    const file = path.join(FAILURE_DIR, `${fileNameOf(testName)}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`portal: screenshot of the failed page kept in ${file}`);
  });
}

/** A screenshot for docs/screenshots/<name>.png. */
export async function docsScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(DOCS_DIR, { recursive: true });
  const file = path.join(DOCS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  return file;
}
