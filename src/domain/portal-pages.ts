/**
 * The portal's pages, declared once: the portal's router (portal/src/paths.ts) and every e-mail's
 * link (the mail templates) take their paths from here, so a mail always opens the page where its
 * reader acts. Paths are relative to the portal's base, `/portal`; Vietnamese without diacritics,
 * as URLs go. Pure: no imports, so the portal's bundler can include it as it is.
 */

/** Where the portal is served, under the API's public URL. */
export const PORTAL_BASE = '/portal';

const seg = (value: string) => encodeURIComponent(value);

/** Fixed pages. */
export const PORTAL_PAGES = {
  /** What is due for the signed-in person, with a link to each page where they act. */
  myWork: '/viec-cua-toi',
  /** The campaigns a person may see. */
  campaigns: '/chien-dich',
  /** Published results (readable without signing in). */
  results: '/ket-qua',
  /** Accounts (admin, secretariat). */
  accounts: '/tai-khoan',
  /** Machine tokens for integrations (admin, secretariat). */
  machineTokens: '/ma-truy-cap',
  /** The audit log (admin, secretariat). */
  auditLog: '/nhat-ky',
  /** The working-day calendar's years: built-in and loaded, import (admin, secretariat). */
  workingCalendar: '/lich-ngay-lam-viec',
  /** The appraising agencies and the secretariat's contacts (admin, secretariat). */
  contacts: '/danh-ba',
  signIn: '/dang-nhap',
  /** Where invitation and reset links lead. */
  setPassword: '/dat-mat-khau',
} as const;

/** Pages of one campaign (by its code, or id), and of one unit or the council in it. */
export const campaignPages = {
  /** The secretariat's campaign page: step timeline, units by status, actions. */
  overview: (campaign: string) => `${PORTAL_PAGES.campaigns}/${seg(campaign)}`,
  /** The campaign's notification log and forecast. */
  notifications: (campaign: string) => `${PORTAL_PAGES.campaigns}/${seg(campaign)}/thu`,
  /** A unit's self-assessment form (focal point), with its versions and evidence. */
  selfAssessment: (campaign: string, unitCode: string) =>
    `${PORTAL_PAGES.campaigns}/${seg(campaign)}/don-vi/${seg(unitCode)}/tu-danh-gia`,
  /** A unit's explanation requests and the answer form. */
  explanation: (campaign: string, unitCode: string) =>
    `${PORTAL_PAGES.campaigns}/${seg(campaign)}/don-vi/${seg(unitCode)}/giai-trinh`,
  /** A unit's own results, once published. */
  unitResults: (campaign: string, unitCode: string) =>
    `${PORTAL_PAGES.campaigns}/${seg(campaign)}/don-vi/${seg(unitCode)}/ket-qua`,
  /** The appraiser's units with their progress on the agency's criteria. */
  appraisal: (campaign: string) => `${PORTAL_PAGES.campaigns}/${seg(campaign)}/tham-dinh`,
  /** The appraiser's scoring page for one unit. */
  appraisalOfUnit: (campaign: string, unitCode: string) =>
    `${PORTAL_PAGES.campaigns}/${seg(campaign)}/tham-dinh/${seg(unitCode)}`,
  /** The results of the rounds for the secretariat: explanations, fixes, computing results. */
  resultsWork: (campaign: string) => `${PORTAL_PAGES.campaigns}/${seg(campaign)}/ket-qua`,
  /** The council's review: computed results, adjustments, approval. */
  council: (campaign: string) => `${PORTAL_PAGES.campaigns}/${seg(campaign)}/hoi-dong`,
  /** The published ranking, public. */
  publishedResults: (campaign: string) => `${PORTAL_PAGES.results}/${seg(campaign)}`,
} as const;

/** A page's absolute URL for an e-mail: `publicUrl` + /portal + the page's path. */
export function portalPageUrl(publicUrl: string, pagePath: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${PORTAL_BASE}${pagePath}`;
}
