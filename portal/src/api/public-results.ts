/**
 * GET /public/campaigns/{campaign}/results: the announced results, readable without signing in
 * (src/api/results/public-results.views.ts on the server). 404 until they are announced.
 */
export interface PublicUnitResult {
  rank: number;
  tied: boolean;
  unitCode: string;
  unitName: string;
  index: number;
  indexText: string;
  band: string;
}

export interface PublicGroupResults {
  group: string;
  groupName: string;
  units: PublicUnitResult[];
}

export interface PublicRatingBand {
  label: string;
  min: number | null;
  max: number | null;
}

export interface PublicResults {
  campaignCode: string;
  campaignName: string;
  year: number;
  publishedAt: string;
  decision: { number: string; date: string } | null;
  ratingBands: PublicRatingBand[];
  groups: PublicGroupResults[];
}

export const publicResultsPath = (campaign: string) =>
  `/public/campaigns/${encodeURIComponent(campaign)}/results`;

/** The announced results as a file, without signing in (the same file staff download). */
export const publicResultsExportPath = (campaign: string, format: 'xlsx' | 'csv') =>
  `${publicResultsPath(campaign)}/export?format=${format}`;
