/**
 * Rating bands (xếp loại) on the published index. They vary by province, so they are data: a
 * list of bands, each from `min` (inclusive) to `max` (exclusive) in index points with at most
 * two decimals; `min: null` means from 0, `max: null` means without an upper bound. Pure: no I/O.
 *
 * Together the bands must cover every index from 0 upwards (bonus points can lift an index above
 * 100), each index in exactly one band: no gap, no overlap. `ratingBandProblems` says in
 * Vietnamese what is wrong; `rateIndex` refuses invalid bands.
 */
import { formatPointsVi, pointsToHundredths } from './decimal.js';

export interface RatingBand {
  /** Shown to officials: "Xuất sắc", "Tốt", … */
  label: string;
  /** Lowest index in the band (inclusive); null: from 0. */
  min: number | null;
  /** The band ends below this index (exclusive); null: no upper bound. */
  max: number | null;
}

/**
 * ILLUSTRATIVE default, not any province's rule: Xuất sắc ≥ 90, Tốt 80–<90, Khá 70–<80,
 * Trung bình 50–<70, Yếu < 50. A campaign should configure the bands its rules state.
 */
export const ILLUSTRATIVE_RATING_BANDS: readonly RatingBand[] = Object.freeze([
  { label: 'Xuất sắc', min: 90, max: null },
  { label: 'Tốt', min: 80, max: 90 },
  { label: 'Khá', min: 70, max: 80 },
  { label: 'Trung bình', min: 50, max: 70 },
  { label: 'Yếu', min: null, max: 50 },
]);

/** A band's range in Vietnamese: "từ 80 đến dưới 90", "từ 90 trở lên", "dưới 50". */
export function describeBand(band: RatingBand): string {
  const min = band.min === null ? null : pointsToHundredths(band.min);
  const max = band.max === null ? null : pointsToHundredths(band.max);
  return describeRange(min ?? 0, max);
}

function describeRange(minHundredths: number, maxHundredths: number | null): string {
  if (maxHundredths === null) return `từ ${formatPointsVi(minHundredths)} trở lên`;
  if (minHundredths === 0) return `dưới ${formatPointsVi(maxHundredths)}`;
  return `từ ${formatPointsVi(minHundredths)} đến dưới ${formatPointsVi(maxHundredths)}`;
}

interface Bounds {
  label: string;
  min: number;
  /** null: no upper bound. */
  max: number | null;
}

/** Everything wrong with the bands, in Vietnamese; empty when they are valid. */
export function ratingBandProblems(bands: readonly RatingBand[]): string[] {
  if (bands.length === 0) return ['Chưa khai báo mức xếp loại nào.'];
  const problems: string[] = [];
  const labels = new Set<string>();
  const bounds: Bounds[] = [];
  bands.forEach((band, i) => {
    const label = band.label.trim();
    const name = label ? `Mức “${label}”` : `Mức thứ ${i + 1}`;
    if (!label) problems.push(`${name}: chưa có tên.`);
    else if (labels.has(label)) problems.push(`${name}: tên bị trùng.`);
    labels.add(label);
    const read = (value: number | null, what: string): number | null | undefined => {
      if (value === null) return null;
      const hundredths = pointsToHundredths(value);
      if (hundredths === null || hundredths < 0) {
        problems.push(
          `${name}: ${what} ${String(value).replace('.', ',')} không hợp lệ (phải là số không âm, tối đa hai chữ số thập phân).`,
        );
        return undefined;
      }
      return hundredths;
    };
    const min = read(band.min, 'cận dưới');
    const max = read(band.max, 'cận trên');
    if (min === undefined || max === undefined) return;
    if (max !== null && (min ?? 0) >= max) {
      problems.push(
        `${name}: cận dưới ${formatPointsVi(min ?? 0)} phải nhỏ hơn cận trên ${formatPointsVi(max)}.`,
      );
      return;
    }
    bounds.push({ label, min: min ?? 0, max });
  });
  if (problems.length > 0) return problems;

  // Walk the bands upwards from 0; `covered` is where the bands so far end (null: no end).
  bounds.sort((a, b) => a.min - b.min || (a.max ?? Infinity) - (b.max ?? Infinity));
  let covered: number | null = 0;
  let previous: Bounds | null = null;
  for (const band of bounds) {
    if (covered === null || band.min < covered) {
      const end: number | null =
        covered === null ? band.max : band.max === null ? covered : Math.min(covered, band.max);
      problems.push(
        `Chồng lấn: chỉ số ${describeRange(band.min, end)} thuộc cả mức “${previous?.label ?? ''}” và mức “${band.label}”.`,
      );
    } else if (band.min > covered) {
      problems.push(
        `Khoảng trống: chỉ số ${describeRange(covered, band.min)} không thuộc mức xếp loại nào.`,
      );
    }
    if (covered !== null && (band.max === null || band.max > covered)) {
      covered = band.max;
      previous = band;
    }
  }
  if (covered !== null) {
    problems.push(
      `Khoảng trống: chỉ số ${describeRange(covered, null)} không thuộc mức xếp loại nào.`,
    );
  }
  return problems;
}

/**
 * The band of a published index (in hundredths: 8999 is 89.99). Defaults to the illustrative
 * bands. Throws a RangeError listing the problems when the bands are invalid.
 */
export function rateIndex(
  indexHundredths: number,
  bands: readonly RatingBand[] = ILLUSTRATIVE_RATING_BANDS,
): RatingBand {
  const problems = ratingBandProblems(bands);
  if (problems.length > 0) throw new RangeError(problems.join(' '));
  if (!Number.isSafeInteger(indexHundredths) || indexHundredths < 0) {
    throw new RangeError(`the index must be non-negative integer hundredths: ${indexHundredths}`);
  }
  const band = bands.find((b) => {
    const min = b.min === null ? 0 : (pointsToHundredths(b.min) ?? 0);
    const max = b.max === null ? null : pointsToHundredths(b.max);
    return indexHundredths >= min && (max === null || indexHundredths < max);
  });
  if (!band) throw new RangeError(`no band for index ${indexHundredths}`); // unreachable: checked
  return band;
}
