import { describe, expect, it } from 'vitest';
import {
  divideRoundHalfUp,
  formatHundredths,
  formatPointsVi,
  indexHundredths,
  pointsToHundredths,
  roundToHundredths,
} from '../../../src/domain/scoring/index.js';

describe('roundToHundredths', () => {
  it.each([
    // value, hundredths: half up on the decimal value
    [98.305, 9831], // the double is 98.30499999999999971…; its decimal value is 98.305
    [98.3, 9830],
    [69, 6900],
    [1.005, 101], // (1.005).toFixed(2) and Math.round(1.005 * 100) both give 1.00
    [0.005, 1],
    [0.0049, 0],
    [0.0005, 0],
    [89.375, 8938],
    [89.37499, 8937],
    [99.995, 10000],
    [103, 10300],
    [1e-7, 0],
    [123456.785, 12345679],
    [0, 0],
  ])('%s → %s hundredths', (value, expected) => {
    expect(roundToHundredths(value)).toBe(expected);
  });

  it('rounds a negative half away from zero and never returns -0', () => {
    expect(roundToHundredths(-1.005)).toBe(-101);
    expect(roundToHundredths(-0.001)).toBe(0);
    expect(Object.is(roundToHundredths(-0.001), 0)).toBe(true);
  });

  it('refuses what it cannot round', () => {
    expect(() => roundToHundredths(Number.NaN)).toThrow(RangeError);
    expect(() => roundToHundredths(Infinity)).toThrow(RangeError);
    expect(() => roundToHundredths(1e20)).toThrow(/too large/);
  });
});

describe('pointsToHundredths', () => {
  it('reads points with at most two decimals exactly', () => {
    expect(pointsToHundredths(2.5)).toBe(250);
    expect(pointsToHundredths(12.4)).toBe(1240);
    expect(pointsToHundredths(1.1 + 0.2)).toBe(130); // 1.3000000000000003
    expect(pointsToHundredths(0)).toBe(0);
    expect(pointsToHundredths(-0.5)).toBe(-50);
  });

  it('gives null for more decimals or a non-finite number', () => {
    expect(pointsToHundredths(0.125)).toBeNull();
    expect(pointsToHundredths(Number.NaN)).toBeNull();
    expect(pointsToHundredths(Infinity)).toBeNull();
  });
});

describe('indexHundredths and divideRoundHalfUp', () => {
  it('computes achieved ÷ maximum × 100 exactly, half up', () => {
    // 196.61 / 200 × 100 = 98.305 → 98.31
    expect(indexHundredths(19661, 20000)).toBe(9831);
    // 2.01 / 200 × 100 = 1.005 → 1.01; in doubles 2.01 / 200 * 100 = 1.0049999… and a naive
    // Math.round(… * 100) gives 1.00
    expect(Math.round((2.01 / 200) * 100 * 100)).toBe(100);
    expect(indexHundredths(201, 20000)).toBe(101);
    // 69 / 100 → 69.00; 2 / 3 → 66.666… → 66.67; 1 / 3 → 33.333… → 33.33
    expect(indexHundredths(6900, 10000)).toBe(6900);
    expect(indexHundredths(200, 300)).toBe(6667);
    expect(indexHundredths(100, 300)).toBe(3333);
    // 0.01 / 200 × 100 = 0.005 → 0.01
    expect(indexHundredths(1, 20000)).toBe(1);
  });

  it('divides integers with half up', () => {
    expect(divideRoundHalfUp(5, 2)).toBe(3);
    expect(divideRoundHalfUp(7, 2)).toBe(4);
    expect(divideRoundHalfUp(4, 3)).toBe(1);
    expect(divideRoundHalfUp(0, 7)).toBe(0);
  });

  it('refuses non-integers, a negative numerator and a zero denominator', () => {
    expect(() => divideRoundHalfUp(1.5, 2)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(-1, 2)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1, 0)).toThrow(RangeError);
    expect(() => indexHundredths(100, 0)).toThrow(RangeError);
    expect(() => indexHundredths(-1, 100)).toThrow(RangeError);
  });
});

describe('formatting', () => {
  it('writes exactly two decimals', () => {
    expect(formatHundredths(9831)).toBe('98.31');
    expect(formatHundredths(6900)).toBe('69.00');
    expect(formatHundredths(5)).toBe('0.05');
    expect(formatHundredths(10300, ',')).toBe('103,00');
    expect(formatHundredths(-150)).toBe('-1.50');
  });

  it('writes points for Vietnamese text without trailing zeros', () => {
    expect(formatPointsVi(8000)).toBe('80');
    expect(formatPointsVi(8250)).toBe('82,5');
    expect(formatPointsVi(9831)).toBe('98,31');
    expect(formatPointsVi(0)).toBe('0');
  });
});
