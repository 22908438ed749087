/**
 * Exact decimal arithmetic for points and indexes. Pure: no I/O.
 *
 * Points have at most two decimals (numeric(7,2) in the database), so every sum is kept as an
 * integer number of hundredths (1.25 points → 125) and never as a binary fraction. An index is a
 * ratio of such integers, rounded half up to hundredths with BigInt division, so 196.61 of 200
 * gives exactly 98.31 (98.305 rounded up), never 98.30 from 98.30499999….
 */

/**
 * Points with at most two decimals as an integer number of hundredths (2.5 → 250), or null when
 * the value is not finite, has more than two decimals or is too large. The same tolerance as the
 * self-assessment rules: 1.1 + 0.2 (= 1.3000000000000003) counts as 1.30.
 */
export function pointsToHundredths(points: number): number | null {
  if (!Number.isFinite(points)) return null;
  const hundredths = Math.round(points * 100);
  if (!Number.isSafeInteger(hundredths)) return null;
  if (Math.abs(points * 100 - hundredths) > 1e-6) return null;
  return hundredths === 0 ? 0 : hundredths; // no -0
}

/** Hundredths back to points: 9831 → 98.31 (the double nearest to the decimal value). */
export function hundredthsToPoints(hundredths: number): number {
  return hundredths / 100;
}

/**
 * Rounds a number to hundredths, half up on its decimal value (half away from zero for a negative
 * number), and returns the hundredths as an integer: 98.305 → 9831, 69 → 6900, 0.005 → 1.
 *
 * "Its decimal value" is the shortest decimal that reads back as the same double (what
 * `String(value)` shows), so 98.305 rounds up even though the double nearest to it is
 * 98.30499999999999971578…. Throws a RangeError for a non-finite or too large value.
 */
export function roundToHundredths(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (value === 0) return 0;
  const sign = value < 0 ? -1 : 1;
  // "9.8305e+1": the shortest significand digits and the decimal exponent.
  const [significand = '', exponent = '0'] = Math.abs(value).toExponential().split('e');
  const digits = significand.replace('.', '');
  // |value| × 100 = digits × 10^shift
  const shift = Number(exponent) + 3 - digits.length;
  let result: number;
  if (shift >= 0) {
    result = Number(digits + '0'.repeat(shift));
  } else {
    const kept = digits.length + shift; // digits left of the decimal point of |value| × 100
    const whole = kept > 0 ? Number(digits.slice(0, kept)) : 0;
    const firstDropped = kept >= 0 ? digits.charAt(kept) : '0';
    result = whole + (firstDropped >= '5' ? 1 : 0);
  }
  if (!Number.isSafeInteger(result)) throw new RangeError(`too large to round: ${value}`);
  return result === 0 ? 0 : sign * result;
}

/**
 * numerator ÷ denominator rounded half up to an integer, exactly (BigInt). Both must be safe
 * integers, the numerator ≥ 0 and the denominator > 0.
 */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || numerator < 0) {
    throw new RangeError(`numerator must be a non-negative safe integer: ${numerator}`);
  }
  if (!Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`denominator must be a positive safe integer: ${denominator}`);
  }
  return Number(divHalfUp(BigInt(numerator), BigInt(denominator)));
}

/**
 * Index in hundredths: achieved ÷ maximum × 100, rounded half up to two decimals, from points in
 * hundredths. 19661 of 20000 (196.61 of 200 points) → 9831, i.e. 98.31.
 */
export function indexHundredths(achievedHundredths: number, maxHundredths: number): number {
  if (!Number.isSafeInteger(achievedHundredths) || achievedHundredths < 0) {
    throw new RangeError(`achieved must be non-negative hundredths: ${achievedHundredths}`);
  }
  if (!Number.isSafeInteger(maxHundredths) || maxHundredths <= 0) {
    throw new RangeError(`maximum must be positive hundredths: ${maxHundredths}`);
  }
  return Number(divHalfUp(BigInt(achievedHundredths) * 10000n, BigInt(maxHundredths)));
}

function divHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/**
 * Hundredths as a decimal string with exactly two decimals: 9831 → "98.31", 6900 → "69.00".
 * Vietnamese documents write a decimal comma: pass "," for "98,31".
 */
export function formatHundredths(hundredths: number, decimalSeparator: '.' | ',' = '.'): string {
  if (!Number.isSafeInteger(hundredths)) throw new RangeError(`not hundredths: ${hundredths}`);
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0');
  return `${sign}${whole}${decimalSeparator}${fraction}`;
}

/**
 * Points for Vietnamese text, with a decimal comma and without trailing zeros: 8000 → "80",
 * 8250 → "82,5", 9831 → "98,31".
 */
export function formatPointsVi(hundredths: number): string {
  const text = formatHundredths(hundredths, ',');
  if (text.endsWith(',00')) return text.slice(0, -3);
  return text.endsWith('0') ? text.slice(0, -1) : text;
}
