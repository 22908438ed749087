/**
 * Local-time formatting for what officials read (dd/MM/yyyy HH:mm in the campaign's time zone).
 * Pure: safe in workflow code. formatToParts keeps the layout independent of the ICU locale data.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function parts(instant: Date, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) out[part.type] = part.value;
  return out;
}

/** "24/12/2021" */
export function formatLocalDate(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.day}/${p.month}/${p.year}`;
}

/** "24/12/2021 23:59" */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}
