import { formatPoints } from '../results/format';
import type { Score } from './results-api';

/** A leaf's score: its points, "Không áp dụng", or "—" when none. */
export function formatScore(score: Score): string {
  if (score === null) return '—';
  if (score === 'not_applicable') return 'Không áp dụng';
  return formatPoints(score);
}

/** "+0,5" / "−1" for points added to or taken from a total. */
export function formatSigned(value: number): string {
  if (value === 0) return '0';
  return `${value > 0 ? '+' : '−'}${formatPoints(Math.abs(value))}`;
}
