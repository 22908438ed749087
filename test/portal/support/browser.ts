/**
 * Debian's chromium (CHROMIUM_PATH, default /usr/bin/chromium) driven by playwright-core: no
 * browser is downloaded. Every page records its console errors and uncaught exceptions (a CSP
 * violation is one), so a test can require none.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const LAPTOP = { width: 1366, height: 768 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export function launchChromium(): Promise<Browser> {
  const asRoot = process.getuid?.() === 0;
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Chromium's sandbox refuses to run as root (CI containers).
    args: asRoot ? ['--no-sandbox'] : [],
  });
}

export interface ConsoleProblem {
  text: string;
  /** The resource the message is about, when the browser names one. */
  url: string;
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught exceptions since the page opened. */
  problems: ConsoleProblem[];
  close(): Promise<void>;
}

/** A fresh context (no cookies) and page at `viewport`, recording console errors. */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  const problems: ConsoleProblem[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push({ text: message.text(), url: message.location().url });
    }
  });
  page.on('pageerror', (error) => problems.push({ text: String(error), url: page.url() }));
  return { page, problems, close: () => context.close() };
}

/**
 * Every page asks GET /auth/me who is signed in: nobody is a 401, which the browser logs as a
 * failed load although the portal handles it.
 */
const ALWAYS_EXPECTED: readonly RegExp[] = [/status of 401 \(Unauthorized\) \S+\/auth\/me$/];

/** The problems not explained by `expected` (e.g. the 404 of an API call the page handles). */
export function unexpectedProblems(
  problems: readonly ConsoleProblem[],
  expected: readonly RegExp[] = [],
): string[] {
  return problems
    .filter((p) => !ALWAYS_EXPECTED.some((re) => re.test(`${p.text} ${p.url}`)))
    .filter((p) => !expected.some((re) => re.test(p.url) || re.test(p.text)))
    .map((p) => `${p.text}${p.url ? ` (${p.url})` : ''}`);
}
