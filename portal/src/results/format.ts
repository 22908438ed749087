const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** "15/03/2022" for a local date "2022-03-15". */
export function formatLocalDate(date: string): string {
  const [year, month, day] = date.split('-');
  return year && month && day ? `${day}/${month}/${year}` : date;
}

const INSTANT = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "15/03/2022 08:30" in Việt Nam's time, for an instant (the date first, as officials write). */
export function formatInstant(iso: string): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    INSTANT.formatToParts(new Date(iso)).find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

const POINTS = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** 12.5 → "12,5": points as Vietnamese readers write them. */
export function formatPoints(points: number): string {
  return POINTS.format(points);
}

/** "91,25": an index as Vietnamese readers write it (decimal comma). */
export function formatIndex(indexText: string): string {
  return indexText.replace('.', ',');
}
