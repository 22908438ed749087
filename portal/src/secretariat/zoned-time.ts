import dayjs, { type Dayjs } from 'dayjs';

/** How far `zone`'s wall clock is ahead of UTC at `at`, in milliseconds. */
function offsetMs(at: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return wall - (at - (at % 1000));
}

/**
 * The instant (ISO) a picked wall-clock time means in the campaign's zone, whatever the
 * browser's own zone: "31/12/2026 23:59" in Asia/Ho_Chi_Minh → 2026-12-31T16:59:59.000Z. A time
 * of 23:59 means the end of that minute, as the plan's deadlines do (23:59:59).
 */
export function instantInZone(picked: Dayjs, zone: string): string {
  const endOfDay = picked.hour() === 23 && picked.minute() === 59;
  const wall = Date.UTC(
    picked.year(),
    picked.month(),
    picked.date(),
    picked.hour(),
    picked.minute(),
    endOfDay ? 59 : 0,
  );
  let at = wall - offsetMs(wall, zone);
  at = wall - offsetMs(at, zone);
  return new Date(at).toISOString();
}

/** A picker's value showing "dd/MM/yyyy HH:mm" (as the API writes local times) as wall clock. */
export function pickerValueOf(local: string | null): Dayjs | null {
  const match = local ? /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}):(\d{2}))?$/.exec(local) : null;
  if (!match) return null;
  const [, d, m, y, h = '0', mi = '0'] = match;
  return dayjs(new Date(Number(y), Number(m) - 1, Number(d), Number(h), Number(mi)));
}

/** "2026-12-31" of a picked day, for the API's local-date fields (opensOn, closesOn). */
export const localDateOf = (picked: Dayjs) => picked.format('YYYY-MM-DD');
