import type { PublicRatingBand } from '../api/public-results';

/** Tag colours from the best band down (antd preset colours, readable text on their tint). */
const COLORS = ['green', 'blue', 'cyan', 'orange', 'red'] as const;

/** The tag colour of a band: its place among the campaign's bands, best first. */
export function bandColor(label: string, bands: readonly PublicRatingBand[]): string {
  const byBest = [...bands].sort((a, b) => (b.min ?? 0) - (a.min ?? 0));
  const place = byBest.findIndex((band) => band.label === label);
  return place < 0 ? 'default' : (COLORS[Math.min(place, COLORS.length - 1)] ?? 'default');
}
