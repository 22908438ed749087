/**
 * A calendar year as a workbook the secretariat fills in (GET /calendar-years/template.xlsx) and
 * sends back (POST /calendar-years/import). Four sheets, each with its header on row 1:
 *
 * - «Thông tin»: two columns, Mục | Giá trị, one row each: Năm (2027), Phạm vi ("Việt Nam — cơ quan
 *   hành chính nhà nước" or the province's), Văn bản căn cứ (the notice or decision), Tạm tính
 *   (Có / Không), Ngày nghỉ hằng tuần (ISO weekdays, "6, 7" = thứ Bảy, Chủ nhật), Nguồn (optional,
 *   several separated by « | »);
 * - «Ngày nghỉ»: Ngày | Đến ngày | Tên | Loại | Nghỉ bù cho ngày | Ghi chú, one row per day off
 *   or run of days off (Đến ngày empty for one day); Loại is Lễ, Tết / Nghỉ bù / Hoán đổi / Khác;
 * - «Ngày làm bù»: Ngày | Tên | Làm bù cho ngày | Ghi chú, one row per make-up working day;
 * - «Hướng dẫn»: these rules, for the reader (not read back).
 *
 * Dates are DD/MM/YYYY (text or Excel dates; YYYY-MM-DD is read too). The workbook is turned into
 * the JSON that calendar-json.ts reads, so both formats pass the same checks; each problem is
 * located back at its sheet, row and column.
 */
import ExcelJS from 'exceljs';
import type { CalendarYear, DayOffKind } from '../../domain/calendar/calendar-data.js';
import { workbookBuffer } from '../common/spreadsheet.js';

export const INFO_SHEET = 'Thông tin';
export const DAYS_OFF_SHEET = 'Ngày nghỉ';
export const MAKE_UP_SHEET = 'Ngày làm bù';
const GUIDE_SHEET = 'Hướng dẫn';

export const KIND_LABELS: Record<DayOffKind, string> = {
  holiday: 'Lễ, Tết',
  substitute: 'Nghỉ bù',
  swap: 'Hoán đổi',
  other: 'Khác',
};

/** Header → JSON field, per sheet. */
const DAY_OFF_COLUMNS: Record<string, string> = {
  ngày: 'date',
  'đến ngày': 'to',
  tên: 'name',
  loại: 'kind',
  'nghỉ bù cho ngày': 'substituteFor',
  'ghi chú': 'note',
};
const MAKE_UP_COLUMNS: Record<string, string> = {
  ngày: 'date',
  tên: 'name',
  'làm bù cho ngày': 'replaces',
  'ghi chú': 'note',
};
const INFO_ROWS: Record<string, string> = {
  năm: 'year',
  'phạm vi': 'scope',
  'văn bản căn cứ': 'sourceDecision',
  'tạm tính': 'provisional',
  'ngày nghỉ hằng tuần': 'weekend',
  nguồn: 'sources',
};

const headerOf = (columns: Record<string, string>, field: string): string => {
  const found = Object.entries(columns).find(([, f]) => f === field)?.[0] ?? field;
  return found.charAt(0).toUpperCase() + found.slice(1);
};

const dmy = (iso: string | undefined): string | null =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : null;

/** The workbook of `data`, or an empty one for `year` to fill in. */
export function calendarYearWorkbook(year: number, data: CalendarYear | null): Promise<Buffer> {
  return workbookBuffer([
    {
      name: INFO_SHEET,
      title: [],
      headers: ['Mục', 'Giá trị'],
      rows: [
        ['Năm', year],
        ['Phạm vi', data?.scope ?? 'Việt Nam — cơ quan hành chính nhà nước'],
        ['Văn bản căn cứ', data?.sourceDecision ?? ''],
        ['Tạm tính', data?.provisional ? 'Có' : 'Không'],
        ['Ngày nghỉ hằng tuần', (data?.weekend ?? [6, 7]).join(', ')],
        ['Nguồn', (data?.sources ?? []).join(' | ')],
      ],
      widths: [24, 100],
    },
    {
      name: DAYS_OFF_SHEET,
      title: [],
      headers: ['Ngày', 'Đến ngày', 'Tên', 'Loại', 'Nghỉ bù cho ngày', 'Ghi chú'],
      rows: (data?.daysOff ?? []).map((entry) => [
        dmy(entry.date),
        dmy(entry.to),
        entry.name,
        KIND_LABELS[entry.kind],
        dmy(entry.substituteFor),
        entry.note ?? null,
      ]),
      widths: [12, 12, 50, 12, 16, 60],
    },
    {
      name: MAKE_UP_SHEET,
      title: [],
      headers: ['Ngày', 'Tên', 'Làm bù cho ngày', 'Ghi chú'],
      rows: (data?.makeUpWorkingDays ?? []).map((entry) => [
        dmy(entry.date),
        entry.name,
        dmy(entry.replaces),
        entry.note ?? null,
      ]),
      widths: [12, 50, 16, 60],
    },
    {
      name: GUIDE_SHEET,
      title: [],
      headers: ['Cách điền'],
      rows: [
        [
          'Trang «Thông tin»: Năm (bắt buộc), Phạm vi, Văn bản căn cứ (số, ngày của thông báo hoặc quyết định), Tạm tính (Có khi chưa đối chiếu văn bản hoặc chưa có văn bản), Ngày nghỉ hằng tuần (6, 7 = thứ Bảy, Chủ nhật).',
        ],
        [
          'Trang «Ngày nghỉ»: mỗi dòng một ngày nghỉ hoặc một đợt nghỉ. Ngày, Tên, Loại là bắt buộc; Đến ngày để trống khi chỉ nghỉ một ngày.',
        ],
        [
          'Loại: «Lễ, Tết» (ngày lễ, Tết), «Nghỉ bù» (nghỉ bù ngày lễ trùng ngày nghỉ hằng tuần; ghi Nghỉ bù cho ngày), «Hoán đổi» (ngày làm việc được hoán đổi), «Khác».',
        ],
        [
          'Trang «Ngày làm bù»: mỗi dòng một ngày thứ Bảy/Chủ nhật phải đi làm; ghi Làm bù cho ngày (ngày được nghỉ hoán đổi).',
        ],
        [
          'Ngày ghi theo dạng DD/MM/YYYY, ví dụ 05/02/2027. Một ngày không được vừa là ngày nghỉ vừa là ngày làm bù.',
        ],
        [
          'Gửi lại tệp qua POST /calendar-years/import (trường «file»); lịch đã nạp thay cho lịch có sẵn của năm đó. Mọi lỗi được báo cùng lúc, kèm trang, dòng và cột.',
        ],
      ],
      widths: [140],
    },
  ]);
}

/** A problem found while reading the workbook, already located and said in Vietnamese. */
export interface SheetIssue {
  field: string;
  message: string;
}

export interface ReadWorkbook {
  /** The year as calendar-json.ts reads it (values left as written where they cannot be read). */
  json: Record<string, unknown>;
  /** JSON path ("daysOff[2].to") → where it came from ("trang «Ngày nghỉ», dòng 4, cột «Đến ngày»"). */
  locate: (path: string) => string;
  issues: SheetIssue[];
}

type Cell = string | number | boolean | Date | null;

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    return value;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return cellOf(value.richText.map((r) => r.text).join(''));
    if ('result' in value) return value.result === undefined ? null : cellOf(value.result);
    if ('text' in value) return cellOf(value.text);
    if ('error' in value) return String(value.error);
  }
  return null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A date cell as 'YYYY-MM-DD'; text that is no date is returned as written (the checks name it). */
function dateOf(cell: Cell): string | number | boolean {
  if (cell instanceof Date) {
    return `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
  }
  if (typeof cell === 'number' && Number.isInteger(cell) && cell > 0 && cell < 2958466) {
    // An Excel serial day number (1900 system): day 25569 is 1970-01-01.
    const date = new Date((cell - 25569) * 86_400_000);
    return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  }
  if (typeof cell !== 'string') return cell as number | boolean;
  const dmyMatch = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(cell);
  if (dmyMatch) return `${dmyMatch[3]}-${pad(Number(dmyMatch[2]))}-${pad(Number(dmyMatch[1]))}`;
  return cell;
}

const key = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((sheet) => key(sheet.name) === key(name));
}

/** Reads a workbook made from the template; throws nothing on bad content (see `issues`). */
export async function readCalendarYearWorkbook(buffer: Buffer): Promise<ReadWorkbook | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const issues: SheetIssue[] = [];
  const places = new Map<string, string>();
  const at = (sheet: string, row: number, column?: string) =>
    `trang «${sheet}», dòng ${row}${column ? `, cột «${column}»` : ''}`;
  const json: Record<string, unknown> = {};

  const info = findSheet(workbook, INFO_SHEET);
  if (!info) {
    issues.push({
      field: INFO_SHEET,
      message: `thiếu trang «${INFO_SHEET}» (ghi Năm, Phạm vi, Văn bản căn cứ, Tạm tính); hãy dùng tệp mẫu GET /calendar-years/template.xlsx`,
    });
  } else {
    info.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      const label = cellOf(row.getCell(1).value);
      if (label === null) return;
      const field = INFO_ROWS[key(String(label))];
      const place = at(INFO_SHEET, rowNumber, 'Giá trị');
      if (!field) {
        issues.push({
          field: at(INFO_SHEET, rowNumber, 'Mục'),
          message: `${at(INFO_SHEET, rowNumber, 'Mục')}: mục «${String(label)}» không hợp lệ (các mục: Năm, Phạm vi, Văn bản căn cứ, Tạm tính, Ngày nghỉ hằng tuần, Nguồn)`,
        });
        return;
      }
      places.set(field, place);
      const value = cellOf(row.getCell(2).value);
      if (value === null) return;
      const text = value instanceof Date ? value.toISOString() : String(value);
      switch (field) {
        case 'year':
          json.year =
            typeof value === 'number' ? value : /^\d{4}$/.test(text) ? Number(text) : text;
          break;
        case 'provisional': {
          const answer = key(text);
          if (['có', 'co', 'x', 'true', 'yes'].includes(answer)) json.provisional = true;
          else if (['không', 'khong', 'false', 'no'].includes(answer)) json.provisional = false;
          else
            issues.push({
              field: place,
              message: `${place}: Tạm tính phải là «Có» hoặc «Không», nhận được «${text}»`,
            });
          break;
        }
        case 'weekend':
          json.weekend = text
            .split(/[,;\s]+/)
            .filter(Boolean)
            .map((day) => (/^\d+$/.test(day) ? Number(day) : day));
          break;
        case 'sources':
          json.sources = text
            .split('|')
            .map((s) => s.trim())
            .filter(Boolean);
          break;
        default:
          json[field] = text;
      }
    });
  }

  const readList = (
    sheetName: string,
    columns: Record<string, string>,
    listKey: 'daysOff' | 'makeUpWorkingDays',
    dateFields: readonly string[],
  ) => {
    const sheet = findSheet(workbook, sheetName);
    const list: Record<string, unknown>[] = [];
    json[listKey] = list;
    if (!sheet) {
      issues.push({
        field: sheetName,
        message: `thiếu trang «${sheetName}» (dòng 1: ${Object.keys(columns)
          .map((c) => headerOf(columns, columns[c]!))
          .join(', ')}); hãy dùng tệp mẫu GET /calendar-years/template.xlsx`,
      });
      return;
    }
    const header = new Map<number, string>();
    sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
      const name = cellOf(cell.value);
      if (name === null) return;
      const field = columns[key(String(name))];
      if (!field) {
        issues.push({
          field: at(sheetName, 1),
          message: `${at(sheetName, 1)}: cột «${String(name)}» không hợp lệ (các cột: ${Object.values(
            columns,
          )
            .map((f) => headerOf(columns, f))
            .join(', ')})`,
        });
      } else header.set(col, field);
    });
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      const entry: Record<string, unknown> = {};
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const field = header.get(col);
        const value = cellOf(cell.value);
        if (!field || value === null) return;
        if (dateFields.includes(field)) entry[field] = dateOf(value);
        else if (field === 'kind') {
          const text = key(String(value));
          const kind = (Object.entries(KIND_LABELS) as [DayOffKind, string][]).find(
            ([code, label]) => key(label) === text || code === text,
          )?.[0];
          entry.kind = kind ?? String(value);
        } else entry[field] = value instanceof Date ? value.toISOString() : String(value);
      });
      if (Object.keys(entry).length === 0) return;
      const index = list.length;
      list.push(entry);
      places.set(`${listKey}[${index}]`, at(sheetName, rowNumber));
      for (const field of Object.values(columns)) {
        places.set(
          `${listKey}[${index}].${field}`,
          at(sheetName, rowNumber, headerOf(columns, field)),
        );
      }
    });
  };
  readList(DAYS_OFF_SHEET, DAY_OFF_COLUMNS, 'daysOff', ['date', 'to', 'substituteFor']);
  readList(MAKE_UP_SHEET, MAKE_UP_COLUMNS, 'makeUpWorkingDays', ['date', 'replaces']);

  return {
    json,
    issues,
    locate: (path) => {
      const direct = places.get(path);
      if (direct) return direct;
      const infoPlace: Record<string, string> = {
        year: `trang «${INFO_SHEET}», mục «Năm»`,
        weekend: `trang «${INFO_SHEET}», mục «Ngày nghỉ hằng tuần»`,
        daysOff: `trang «${DAYS_OFF_SHEET}»`,
        makeUpWorkingDays: `trang «${MAKE_UP_SHEET}»`,
      };
      const base = /^(\w+)/.exec(path)?.[1] ?? path;
      if (/^weekend\[\d+\]$/.test(path)) return infoPlace.weekend!;
      return infoPlace[base] ?? places.get(base) ?? path;
    },
  };
}
