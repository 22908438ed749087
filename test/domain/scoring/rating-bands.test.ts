import { describe, expect, it } from 'vitest';
import {
  describeBand,
  ILLUSTRATIVE_RATING_BANDS,
  rateIndex,
  ratingBandProblems,
  type RatingBand,
} from '../../../src/domain/scoring/index.js';

describe('the illustrative default bands', () => {
  it('are valid', () => {
    expect(ratingBandProblems(ILLUSTRATIVE_RATING_BANDS)).toEqual([]);
  });

  it.each([
    // index in hundredths, band: each lower bound is inclusive, each upper bound exclusive
    [10300, 'Xuất sắc'], // bonus can lift an index above 100
    [10000, 'Xuất sắc'],
    [9000, 'Xuất sắc'],
    [8999, 'Tốt'],
    [8000, 'Tốt'],
    [7999, 'Khá'],
    [7000, 'Khá'],
    [6999, 'Trung bình'],
    [5000, 'Trung bình'],
    [4999, 'Yếu'],
    [0, 'Yếu'],
  ])('rate %s hundredths as %s', (index, label) => {
    expect(rateIndex(index).label).toBe(label);
  });

  it('describe their ranges in Vietnamese', () => {
    expect(ILLUSTRATIVE_RATING_BANDS.map((b) => `${b.label}: ${describeBand(b)}`)).toEqual([
      'Xuất sắc: từ 90 trở lên',
      'Tốt: từ 80 đến dưới 90',
      'Khá: từ 70 đến dưới 80',
      'Trung bình: từ 50 đến dưới 70',
      'Yếu: dưới 50',
    ]);
  });
});

describe('configured bands', () => {
  const band = (label: string, min: number | null, max: number | null): RatingBand => ({
    label,
    min,
    max,
  });

  it('may come in any order, start at 0 and use two decimals', () => {
    const bands = [
      band('Đạt', 0, 82.5),
      band('Hoàn thành tốt', 82.5, 95),
      band('Hoàn thành xuất sắc', 95, null),
    ];
    expect(ratingBandProblems([...bands].reverse())).toEqual([]);
    expect(rateIndex(8249, bands).label).toBe('Đạt');
    expect(rateIndex(8250, bands).label).toBe('Hoàn thành tốt');
    expect(describeBand(bands[1] as RatingBand)).toBe('từ 82,5 đến dưới 95');
  });

  it('report a gap', () => {
    expect(
      ratingBandProblems([band('Tốt', 82, null), band('Khá', 70, 80), band('Yếu', null, 70)]),
    ).toEqual(['Khoảng trống: chỉ số từ 80 đến dưới 82 không thuộc mức xếp loại nào.']);
  });

  it('report an overlap', () => {
    expect(
      ratingBandProblems([band('Tốt', 78, null), band('Khá', 70, 80), band('Yếu', null, 70)]),
    ).toEqual(['Chồng lấn: chỉ số từ 78 đến dưới 80 thuộc cả mức “Khá” và mức “Tốt”.']);
    expect(
      ratingBandProblems([band('A', 90, null), band('B', 95, null), band('C', null, 90)]),
    ).toEqual(['Chồng lấn: chỉ số từ 95 trở lên thuộc cả mức “A” và mức “B”.']);
  });

  it('report what is left uncovered at the bottom and at the top', () => {
    expect(ratingBandProblems([band('Đạt', 50, 100)])).toEqual([
      'Khoảng trống: chỉ số dưới 50 không thuộc mức xếp loại nào.',
      'Khoảng trống: chỉ số từ 100 trở lên không thuộc mức xếp loại nào.',
    ]);
  });

  it('report bad bands one by one', () => {
    expect(ratingBandProblems([])).toEqual(['Chưa khai báo mức xếp loại nào.']);
    expect(
      ratingBandProblems([
        band('Tốt', 80, 70),
        band(' ', null, 70),
        band('Tốt', 80.125, null),
        band('Yếu', -5, 10),
      ]),
    ).toEqual([
      'Mức “Tốt”: cận dưới 80 phải nhỏ hơn cận trên 70.',
      'Mức thứ 2: chưa có tên.',
      'Mức “Tốt”: tên bị trùng.',
      'Mức “Tốt”: cận dưới 80,125 không hợp lệ (phải là số không âm, tối đa hai chữ số thập phân).',
      'Mức “Yếu”: cận dưới -5 không hợp lệ (phải là số không âm, tối đa hai chữ số thập phân).',
    ]);
  });

  it('are refused by rateIndex with the problems as the message', () => {
    expect(() => rateIndex(9000, [band('Đạt', 50, null)])).toThrow(
      'Khoảng trống: chỉ số dưới 50 không thuộc mức xếp loại nào.',
    );
    expect(() => rateIndex(90, ILLUSTRATIVE_RATING_BANDS)).not.toThrow();
    expect(() => rateIndex(90.5)).toThrow(RangeError);
  });
});
