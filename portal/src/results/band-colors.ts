import type { PublicRatingBand } from '../api/public-results';

/**
 * Tag colours from the best band down: solid, with white text at AA contrast or better (antd's
 * preset tints are too pale for their text).
 */
const COLORS = ['#1a6b2f', '#1554ad', '#0e6470', '#8a5300', '#b42318'] as const;
const OTHER = '#4b5563';

/** The tag colour of a band: its place among the campaign's bands, best first. */
export function bandColor(label: string, bands: readonly PublicRatingBand[]): string {
  const byBest = [...bands].sort((a, b) => (b.min ?? 0) - (a.min ?? 0));
  const place = byBest.findIndex((band) => band.label === label);
  return place < 0 ? OTHER : (COLORS[Math.min(place, COLORS.length - 1)] ?? OTHER);
}
