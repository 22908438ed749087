/**
 * The portal's page paths (under /portal/), declared once in src/domain/portal-pages.ts: the
 * e-mails' links come from the same declaration.
 */
import { PORTAL_PAGES, campaignPages } from '../../src/domain/portal-pages';

export { campaignPages };

export const PATHS = PORTAL_PAGES;

/** The published results page of one campaign (by code or id). */
export const resultsPath = campaignPages.publishedResults;
