/** The portal's page paths (under /portal/), in Vietnamese without diacritics as URLs go. */
export const PATHS = {
  myWork: '/viec-cua-toi',
  campaigns: '/chien-dich',
  results: '/ket-qua',
  accounts: '/tai-khoan',
  signIn: '/dang-nhap',
  /** Where invitation and reset links lead (the API's setPasswordUrl). */
  setPassword: '/dat-mat-khau',
} as const;

/** The published results page of one campaign (by code or id). */
export const resultsPath = (campaign: string) => `${PATHS.results}/${encodeURIComponent(campaign)}`;
