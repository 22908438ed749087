/**
 * Loading a province's calendar for another year from JSON, e.g.
 *
 * {
 *   "year": 2023,
 *   "scope": "Tỉnh Vĩnh Long",
 *   "weekend": [6, 7],
 *   "daysOff": [
 *     { "date": "2023-01-02", "name": "Nghỉ bù Tết Dương lịch", "kind": "substitute",
 *       "substituteFor": "2023-01-01" },
 *     { "date": "2023-01-20", "to": "2023-01-26", "name": "Tết Nguyên đán Quý Mão", "kind": "holiday" }
 *   ],
 *   "makeUpWorkingDays": [
 *     { "date": "2023-05-06", "name": "Làm bù cho ngày 03/5/2023", "replaces": "2023-05-03" }
 *   ]
 * }
 *
 * `sourceDecision` (the decision it follows) and `provisional` (not checked against it yet) are
 * optional. `weekend` defaults to [6, 7] (Saturday, Sunday), `makeUpWorkingDays` to [], `scope` to "". Every
 * problem is reported at once, each naming its field ("daysOff[1].to: …"); unknown fields are
 * refused, so a misspelt "makeupWorkingDays" cannot silently drop a make-up day.
 */
import {
  checkCalendarYear,
  CalendarDataError,
  type CalendarDataIssue,
  type CalendarYear,
  type DayOffEntry,
  type DayOffKind,
  type IsoWeekday,
  type MakeUpWorkingDay,
} from './calendar-data.js';

const DAY_OFF_KINDS: readonly DayOffKind[] = ['holiday', 'substitute', 'swap', 'other'];
const YEAR_KEYS = [
  'year',
  'scope',
  'weekend',
  'daysOff',
  'makeUpWorkingDays',
  'sources',
  'sourceDecision',
  'provisional',
];
const DAY_OFF_KEYS = ['date', 'to', 'name', 'kind', 'substituteFor', 'note'];
const MAKE_UP_KEYS = ['date', 'name', 'replaces', 'note'];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${value}"` : typeof value;
}

class Reader {
  readonly issues: CalendarDataIssue[] = [];

  fail(path: string, message: string): undefined {
    this.issues.push({ path, message });
    return undefined;
  }

  unknownKeys(object: Json, allowed: readonly string[], base: string): void {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key)) {
        this.fail(join(base, key), `unknown field (expected one of: ${allowed.join(', ')})`);
      }
    }
  }

  string(object: Json, key: string, base: string, required: true): string | undefined;
  string(object: Json, key: string, base: string, required: false): string | undefined;
  string(object: Json, key: string, base: string, required: boolean): string | undefined {
    const value = object[key];
    if (value === undefined)
      return required ? this.fail(join(base, key), 'is required') : undefined;
    if (typeof value !== 'string') {
      return this.fail(join(base, key), `expected a string, got ${describe(value)}`);
    }
    return value;
  }

  array(object: Json, key: string, base: string, required: boolean): unknown[] | undefined {
    const value = object[key];
    if (value === undefined)
      return required ? this.fail(join(base, key), 'is required') : undefined;
    if (!Array.isArray(value)) {
      return this.fail(join(base, key), `expected an array, got ${describe(value)}`);
    }
    return value as unknown[];
  }
}

const join = (base: string, key: string): string => (base ? `${base}.${key}` : key);

function readDayOff(r: Reader, value: unknown, path: string): DayOffEntry | undefined {
  if (!isObject(value)) return r.fail(path, `expected an object, got ${describe(value)}`);
  r.unknownKeys(value, DAY_OFF_KEYS, path);
  const date = r.string(value, 'date', path, true);
  const to = r.string(value, 'to', path, false);
  const name = r.string(value, 'name', path, true);
  const kind = r.string(value, 'kind', path, true);
  const substituteFor = r.string(value, 'substituteFor', path, false);
  const note = r.string(value, 'note', path, false);
  if (kind !== undefined && !(DAY_OFF_KINDS as readonly string[]).includes(kind)) {
    r.fail(`${path}.kind`, `expected one of ${DAY_OFF_KINDS.join(', ')}, got "${kind}"`);
    return undefined;
  }
  if (date === undefined || name === undefined || kind === undefined) return undefined;
  return {
    date,
    name,
    kind: kind as DayOffKind,
    ...(to !== undefined && { to }),
    ...(substituteFor !== undefined && { substituteFor }),
    ...(note !== undefined && { note }),
  };
}

function readMakeUp(r: Reader, value: unknown, path: string): MakeUpWorkingDay | undefined {
  if (!isObject(value)) return r.fail(path, `expected an object, got ${describe(value)}`);
  r.unknownKeys(value, MAKE_UP_KEYS, path);
  const date = r.string(value, 'date', path, true);
  const name = r.string(value, 'name', path, true);
  const replaces = r.string(value, 'replaces', path, false);
  const note = r.string(value, 'note', path, false);
  if (date === undefined || name === undefined) return undefined;
  return {
    date,
    name,
    ...(replaces !== undefined && { replaces }),
    ...(note !== undefined && { note }),
  };
}

/**
 * Validates a parsed JSON value as one calendar year and returns it typed, with defaults filled.
 * Throws CalendarDataError with every issue, each naming its field.
 */
export function calendarYearFromJson(value: unknown): CalendarYear {
  const r = new Reader();
  if (!isObject(value)) {
    throw new CalendarDataError(
      [{ path: '(root)', message: `expected an object, got ${describe(value)}` }],
      'calendar JSON',
    );
  }
  r.unknownKeys(value, YEAR_KEYS, '');

  const year = value.year;
  if (year === undefined) r.fail('year', 'is required');
  else if (typeof year !== 'number' || !Number.isInteger(year)) {
    r.fail('year', `expected a whole number such as 2023, got ${describe(year)}`);
  }

  const scope = r.string(value, 'scope', '', false) ?? '';

  let weekend: IsoWeekday[] = [6, 7];
  const weekendRaw = r.array(value, 'weekend', '', false);
  if (weekendRaw) {
    weekend = [];
    weekendRaw.forEach((day, i) => {
      if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 7) {
        r.fail(`weekend[${i}]`, `expected an ISO weekday 1 (Mon) … 7 (Sun), got ${describe(day)}`);
      } else {
        weekend.push(day as IsoWeekday);
      }
    });
  }

  // Where each entry read stood in the input, so that later checks name the input's index.
  const daysOff: DayOffEntry[] = [];
  const dayOffIndex: number[] = [];
  (r.array(value, 'daysOff', '', true) ?? []).forEach((entry, i) => {
    const read = readDayOff(r, entry, `daysOff[${i}]`);
    if (!read) return;
    daysOff.push(read);
    dayOffIndex.push(i);
  });

  const makeUpWorkingDays: MakeUpWorkingDay[] = [];
  const makeUpIndex: number[] = [];
  (r.array(value, 'makeUpWorkingDays', '', false) ?? []).forEach((entry, i) => {
    const read = readMakeUp(r, entry, `makeUpWorkingDays[${i}]`);
    if (!read) return;
    makeUpWorkingDays.push(read);
    makeUpIndex.push(i);
  });

  let sources: string[] | undefined;
  const sourcesRaw = r.array(value, 'sources', '', false);
  if (sourcesRaw) {
    sources = [];
    sourcesRaw.forEach((source, i) => {
      if (typeof source === 'string') sources?.push(source);
      else r.fail(`sources[${i}]`, `expected a string, got ${describe(source)}`);
    });
  }

  const sourceDecision = r.string(value, 'sourceDecision', '', false);
  const provisional = value.provisional;
  if (provisional !== undefined && typeof provisional !== 'boolean') {
    r.fail('provisional', `expected true or false, got ${describe(provisional)}`);
  }

  const data: CalendarYear = {
    year: year as number,
    scope,
    weekend,
    daysOff,
    makeUpWorkingDays,
    ...(sources && { sources }),
    ...(sourceDecision !== undefined && { sourceDecision }),
    ...(typeof provisional === 'boolean' && { provisional }),
  };
  if (r.issues.length > 0) {
    // Every problem at once: the entries that were well formed are checked for their dates too
    // (when the year itself could be read), named by their index in the input.
    const yearOk = typeof year === 'number' && Number.isInteger(year);
    const later = yearOk
      ? checkCalendarYear(data).map((issue) => ({
          ...issue,
          path: issue.path
            .replace(/^daysOff\[(\d+)\]/, (_, i: string) => `daysOff[${dayOffIndex[Number(i)]}]`)
            .replace(
              /^makeUpWorkingDays\[(\d+)\]/,
              (_, i: string) => `makeUpWorkingDays[${makeUpIndex[Number(i)]}]`,
            )
            .replace(
              /in daysOff\[(\d+)\]/,
              (_, i: string) => `in daysOff[${dayOffIndex[Number(i)]}]`,
            ),
          message: issue.message.replace(
            /(daysOff|makeUpWorkingDays)\[(\d+)\]/g,
            (_, list: string, i: string) =>
              `${list}[${(list === 'daysOff' ? dayOffIndex : makeUpIndex)[Number(i)]}]`,
          ),
        }))
      : [];
    throw new CalendarDataError([...r.issues, ...later], 'calendar JSON');
  }
  const issues = checkCalendarYear(data);
  if (issues.length > 0) throw new CalendarDataError(issues, `calendar JSON for ${data.year}`);
  return data;
}

/** Parses JSON text (one year's object) and validates it; see calendarYearFromJson. */
export function parseCalendarYearJson(text: string): CalendarYear {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new CalendarDataError(
      [{ path: '(json)', message: err instanceof Error ? err.message : String(err) }],
      'calendar JSON',
    );
  }
  return calendarYearFromJson(value);
}
