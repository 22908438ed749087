import { Settings } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { endOfLocalDay, shiftLocalDate, startOfLocalDay } from '../../src/domain/plan-dates.js';

const VN = 'Asia/Ho_Chi_Minh';

describe('startOfLocalDay / endOfLocalDay', () => {
  const originalTz = process.env.TZ;
  const originalDefaultZone = Settings.defaultZone;

  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
    Settings.defaultZone = originalDefaultZone;
  });

  it('closes a window at 23:59:59 local on its last day (UTC+7)', () => {
    expect(endOfLocalDay('2021-12-24', VN).toISOString()).toBe('2021-12-24T16:59:59.000Z');
  });

  it('opens a window at 00:00 local on its first day', () => {
    expect(startOfLocalDay('2021-12-01', VN).toISOString()).toBe('2021-11-30T17:00:00.000Z');
  });

  it('gives the same instants whatever the zone the process runs in', () => {
    const compute = () => [
      startOfLocalDay('2022-02-15', VN).toISOString(),
      endOfLocalDay('2022-02-17', VN).toISOString(),
    ];
    const expected = ['2022-02-14T17:00:00.000Z', '2022-02-17T16:59:59.000Z'];
    for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh']) {
      process.env.TZ = tz;
      Settings.defaultZone = tz;
      expect(compute(), tz).toEqual(expected);
    }
  });

  it('follows the given zone, daylight saving time included', () => {
    // 14/3/2021: New York moved from UTC-5 to UTC-4 at 02:00.
    expect(startOfLocalDay('2021-03-14', 'America/New_York').toISOString()).toBe(
      '2021-03-14T05:00:00.000Z',
    );
    expect(endOfLocalDay('2021-03-14', 'America/New_York').toISOString()).toBe(
      '2021-03-15T03:59:59.000Z',
    );
    expect(endOfLocalDay('2021-12-24', 'UTC').toISOString()).toBe('2021-12-24T23:59:59.000Z');
  });

  it.each([
    '2021-02-29',
    '2021-13-01',
    '2021-12-32',
    '2021-00-10',
    '2021-12-1',
    '21-12-01',
    '24/12/2021',
    '2021-12-24T00:00',
    ' 2021-12-24',
    '',
  ])('throws on the invalid date %j', (date) => {
    expect(() => startOfLocalDay(date, VN)).toThrow(/Invalid local date/);
    expect(() => endOfLocalDay(date, VN)).toThrow(/Invalid local date/);
  });

  it.each(['Mars/Olympus_Mons', '', 'local', 'system', 'default', 'Asia/Saigon '])(
    'throws on the invalid time zone %j',
    (zone) => {
      expect(() => startOfLocalDay('2021-12-01', zone)).toThrow(/Invalid time zone/);
      expect(() => endOfLocalDay('2021-12-24', zone)).toThrow(/Invalid time zone/);
    },
  );

  it('accepts 29/02 in a leap year', () => {
    expect(endOfLocalDay('2024-02-29', VN).toISOString()).toBe('2024-02-29T16:59:59.000Z');
  });
});

describe('shiftLocalDate', () => {
  it('repeats a date in another year', () => {
    expect(shiftLocalDate('2021-12-24', 1)).toBe('2022-12-24');
    expect(shiftLocalDate('2022-01-03', -1)).toBe('2021-01-03');
    expect(shiftLocalDate('2021-12-01', 0)).toBe('2021-12-01');
  });

  it('turns 29/02 into 28/02 in a year without it, and keeps it in a leap year', () => {
    expect(shiftLocalDate('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftLocalDate('2024-02-29', -1)).toBe('2023-02-28');
    expect(shiftLocalDate('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('throws on an invalid date or a fractional number of years', () => {
    expect(() => shiftLocalDate('2021-02-29', 1)).toThrow(/Invalid local date/);
    expect(() => shiftLocalDate('not a date', 1)).toThrow(/Invalid local date/);
    expect(() => shiftLocalDate('2021-12-24', 0.5)).toThrow(/Invalid number of years/);
    expect(() => shiftLocalDate('2021-12-24', Number.NaN)).toThrow(/Invalid number of years/);
  });
});
