/**
 * What a browser test needs: the built portal, the real API serving it (on the run's
 * PostgreSQL, Temporal and SMTP) and Debian's chromium.
 */
import type { Browser } from 'playwright-core';
import { startTestApi, type TestApi } from '../../support/api.js';
import { launchChromium, openPage, type WatchedPage } from './browser.js';
import { ensurePortalBuilt } from './portal-build.js';

export interface PortalWorld {
  api: TestApi;
  browser: Browser;
  /** The absolute URL of a portal page: portalUrl('/ket-qua/x') → http://…/portal/ket-qua/x. */
  portalUrl(pagePath: string): string;
  open(viewport: { width: number; height: number }): Promise<WatchedPage>;
  close(): Promise<void>;
}

export async function startPortalWorld(): Promise<PortalWorld> {
  ensurePortalBuilt();
  const api = await startTestApi();
  const browser = await launchChromium();
  return {
    api,
    browser,
    portalUrl: (pagePath) => `${api.url}/portal${pagePath}`,
    open: (viewport) => openPage(browser, viewport),
    close: async () => {
      await browser.close();
      await api.close();
    },
  };
}
