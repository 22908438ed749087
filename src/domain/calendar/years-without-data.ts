/**
 * Which years a plan's dates fall in that the calendar holds no data for: there reminders are
 * planned on Monday–Friday (holidays unknown), and the secretariat is told so.
 */
import type { BusinessCalendar } from './business-calendar.js';
import { yearOf } from './local-date.js';

/** The years (ascending, each once) of `localDates` ('YYYY-MM-DD') without calendar data. */
export function yearsWithoutData(
  calendar: Pick<BusinessCalendar, 'loadedYears'>,
  localDates: Iterable<string>,
): number[] {
  const loaded = new Set(calendar.loadedYears);
  const missing = new Set<number>();
  for (const date of localDates) {
    const year = yearOf(date);
    if (!loaded.has(year)) missing.add(year);
  }
  return [...missing].sort((a, b) => a - b);
}

/**
 * The warning an official reads when a date of the plan lies in such a year (launch, deadline
 * amendment, extension responses), and the reason a reminder mail gives.
 */
export function yearWithoutDataWarning(year: number): string {
  return `Chưa có lịch ngày nghỉ, ngày làm bù năm ${year}: nhắc việc năm đó được lập theo thứ Hai–thứ Sáu (chưa tính ngày lễ, Tết, ngày nghỉ bù, ngày làm bù). Hãy nạp lịch năm ${year} tại mục «Lịch ngày làm việc» của cổng hoặc qua API PUT /calendar-years/${year}.`;
}
