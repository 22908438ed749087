/**
 * The working-day calendar's years held as data: list, read, load (JSON body or file), remove.
 * The decision whether a year is acceptable is made here, by the same checks the planners'
 * calendar makes (calendar-json.ts, then the whole calendar built with it): what is stored is
 * what every planner loads next (src/loaders/business-calendar.ts).
 */
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  CalendarDataError,
  daysOfEntry,
  type CalendarDataIssue,
  type CalendarYear,
} from '../../domain/calendar/calendar-data.js';
import { calendarYearFromJson } from '../../domain/calendar/calendar-json.js';
import { vietnamBusinessCalendar, VIETNAM_CALENDAR_YEARS } from '../../domain/calendar/vietnam.js';
import { CalendarYearRecord } from '../../entities/index.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { ApiError } from '../common/api-error.js';
import type { UploadedImportFile } from '../common/import-file.js';
import { calendarIssueVi } from './calendar-issues.js';
import {
  calendarYearWorkbook,
  KIND_LABELS,
  readCalendarYearWorkbook,
  type SheetIssue,
} from './calendar-year-sheet.js';
import type {
  CalendarYearDeletedView,
  CalendarYearOrigin,
  CalendarYearSavedView,
  CalendarYearSummaryView,
  CalendarYearView,
} from './calendar-years.dto.js';

const BUILT_IN = new Map(VIETNAM_CALENDAR_YEARS.map((year) => [year.year, year]));

/** Loads of calendar years are serialised: each is checked against the others as stored. */
async function lockCalendarYears(manager: EntityManager): Promise<void> {
  await manager.query("SELECT pg_advisory_xact_lock(hashtext('par:calendar-years'))");
}

function summary(
  data: CalendarYear,
  origin: CalendarYearOrigin,
  record: CalendarYearRecord | null,
): CalendarYearSummaryView {
  return {
    year: data.year,
    origin,
    builtIn: BUILT_IN.has(data.year),
    scope: data.scope,
    sourceDecision: data.sourceDecision ?? null,
    provisional: data.provisional ?? false,
    daysOff: new Set(data.daysOff.flatMap(daysOfEntry)).size,
    makeUpWorkingDays: data.makeUpWorkingDays.length,
    updatedAt: record?.updatedAt.toISOString() ?? null,
    updatedBy: record?.updatedBy ?? null,
  };
}

/** 422 listing every problem; nothing was stored. */
function refused(what: string, issues: SheetIssue[]): ApiError {
  return new ApiError(
    422,
    'validation_failed',
    `${what} có ${issues.length} lỗi; chưa có gì được lưu. ${issues.map((i) => i.message).join('; ')}`,
    issues.map((i) => ({ field: i.field, code: 'calendar_year', message: i.message })),
  );
}

/** JSON issues, each naming its field ("daysOff[1].to: ngày … ở trước ngày bắt đầu …"). */
const jsonIssues = (issues: readonly CalendarDataIssue[]): SheetIssue[] =>
  issues.map((issue) => ({
    field: issue.path,
    message: `${issue.path}: ${calendarIssueVi(issue)}`,
  }));

/** The year parsed from a JSON value, or a 422 naming every problem. */
function yearFromJson(value: unknown, what: string): CalendarYear {
  try {
    return calendarYearFromJson(value);
  } catch (err) {
    if (err instanceof CalendarDataError) throw refused(what, jsonIssues(err.issues));
    throw err;
  }
}

/** 400 for a year in a path or query that is not a 4-digit year. */
export function yearParam(value: string, field = 'year'): number {
  if (!/^\d{4}$/.test(value) || Number(value) < 1900) {
    const message = `Tham số «${field}» phải là một năm có 4 chữ số, từ 1900 đến 9999, ví dụ 2027 (year must be a 4-digit year such as 2027, got ${JSON.stringify(value.slice(0, 40))})`;
    throw new ApiError(400, 'validation_failed', message, [{ field, code: 'isYear', message }]);
  }
  return Number(value);
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Texts PostgreSQL cannot store (U+0000, a lone UTF-16 surrogate): a file's content does not pass
 * the body checks of the validation pipe, and would otherwise fail in the database with a 500.
 */
function unstorableText(value: unknown, path = ''): SheetIssue[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000') || LONE_SURROGATE.test(value)) {
      const field = path || '(root)';
      return [
        {
          field,
          message: `${field}: chứa ký tự không lưu được (NUL U+0000 hoặc ký tự Unicode không hợp lệ)`,
        },
      ];
    }
    return [];
  }
  if (Array.isArray(value))
    return value.flatMap((item, i) => unstorableText(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      unstorableText(item, path ? `${path}.${key}` : key),
    );
  }
  return [];
}

@Injectable()
export class CalendarYearsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private records(manager: EntityManager = this.dataSource.manager) {
    return manager.find(CalendarYearRecord, { order: { year: 'ASC' } });
  }

  /** Every year with data, built-in or loaded (a loaded year shown once, as data). */
  async list(): Promise<CalendarYearSummaryView[]> {
    const records = await this.records();
    const loaded = new Map(records.map((record) => [record.year, record]));
    const years = new Set([...BUILT_IN.keys(), ...loaded.keys()]);
    return [...years]
      .sort((a, b) => a - b)
      .map((year) => {
        const record = loaded.get(year);
        return record
          ? summary(record.data, 'data', record)
          : summary(BUILT_IN.get(year)!, 'built-in', null);
      });
  }

  /** One year with its days, as it counts now. */
  async get(year: number): Promise<CalendarYearView> {
    const record = await this.dataSource.manager.findOneBy(CalendarYearRecord, { year });
    const data = record?.data ?? BUILT_IN.get(year);
    if (!data) {
      throw new NotFoundException(
        `Chưa có lịch ngày làm việc năm ${year} (không có sẵn và chưa được nạp): nhắc việc năm đó được lập theo thứ Hai–thứ Sáu. Hãy nạp lịch năm ${year} bằng PUT /calendar-years/${year} hoặc POST /calendar-years/import.`,
      );
    }
    return {
      ...summary(data, record ? 'data' : 'built-in', record),
      data: { ...data },
    };
  }

  /** PUT /calendar-years/{year}: the JSON of calendar-json.ts; its year must be the path's. */
  async put(actor: Actor, year: number, body: unknown): Promise<CalendarYearSavedView> {
    if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new BadRequestException(
        `Hãy gửi lịch năm ${year} dưới dạng một đối tượng JSON {"year": ${year}, "scope": …, "daysOff": [...], "makeUpWorkingDays": [...], "sourceDecision": …, "provisional": …}.`,
      );
    }
    const data = yearFromJson(body, `Lịch năm ${year}`);
    if (data.year !== year) {
      throw refused(`Lịch năm ${year}`, [
        {
          field: 'year',
          message: `year: lịch gửi lên là của năm ${data.year}, không phải năm ${year} của đường dẫn`,
        },
      ]);
    }
    return this.save(actor, data, { action: 'calendar_year.put' });
  }

  /** POST /calendar-years/import: a .json (as PUT) or an .xlsx made from the template. */
  async import(actor: Actor, file: UploadedImportFile | undefined): Promise<CalendarYearSavedView> {
    if (!file) {
      throw new BadRequestException(
        'Hãy tải tệp lịch lên dạng multipart/form-data, ở trường «file»: tệp .json (như PUT /calendar-years/{year}) hoặc .xlsx theo mẫu GET /calendar-years/template.xlsx.',
      );
    }
    const name = file.originalname || 'tệp tải lên';
    const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
    const what = `Tệp lịch «${name}»`;
    if (extension === 'json') {
      let value: unknown;
      try {
        value = JSON.parse(file.buffer.toString('utf8').replace(/^\uFEFF/, ''));
      } catch (err) {
        throw refused(what, [
          {
            field: 'file',
            message: `tệp không phải JSON hợp lệ (${err instanceof Error ? err.message : String(err)})`,
          },
        ]);
      }
      const data = yearFromJson(value, what);
      return this.save(actor, data, {
        action: 'calendar_year.import',
        fileName: name,
        format: 'json',
      });
    }
    if (extension === 'xlsx') {
      const sheet = await readCalendarYearWorkbook(file.buffer);
      if (!sheet) {
        throw new BadRequestException(
          `Không đọc được tệp «${name}» dưới dạng bảng tính XLSX; hãy dùng tệp mẫu GET /calendar-years/template.xlsx.`,
        );
      }
      const issues = [...sheet.issues];
      let data: CalendarYear | null = null;
      try {
        data = calendarYearFromJson(sheet.json);
      } catch (err) {
        if (!(err instanceof CalendarDataError)) throw err;
        for (const issue of err.issues) {
          const place = sheet.locate(issue.path);
          const message = /\.kind$/.test(issue.path)
            ? `Loại phải là một trong: ${Object.values(KIND_LABELS).join('; ')}`
            : calendarIssueVi(issue).replace(/(daysOff|makeUpWorkingDays)\[\d+\]/g, (path) =>
                sheet.locate(path),
              );
          // A missing sheet is reported once, not again as its missing list.
          if (issue.path === 'daysOff' && issues.some((i) => i.field === 'Ngày nghỉ')) continue;
          issues.push({ field: place, message: `${place}: ${message}` });
        }
      }
      if (issues.length > 0 || !data) throw refused(what, issues);
      return this.save(actor, data, {
        action: 'calendar_year.import',
        fileName: name,
        format: 'xlsx',
      });
    }
    throw new ApiError(
      415,
      'unsupported_media_type',
      `Tệp lịch phải có định dạng .json hoặc .xlsx; tệp nhận được là «${name}» (${file.mimetype || 'không rõ kiểu'}).`,
    );
  }

  private async save(
    actor: Actor,
    data: CalendarYear,
    how: { action: string; fileName?: string; format?: 'json' | 'xlsx' },
  ): Promise<CalendarYearSavedView> {
    const unsafe = unstorableText(data);
    if (unsafe.length > 0) throw refused(`Lịch năm ${data.year}`, unsafe);
    return this.dataSource.transaction(async (manager) => {
      await lockCalendarYears(manager);
      const records = await this.records(manager);
      const previous = records.find((record) => record.year === data.year) ?? null;
      // The year must also fit the calendar it joins (a day off in another year's data cannot be
      // a make-up day here): the planners build exactly this calendar.
      try {
        vietnamBusinessCalendar([
          ...records.filter((record) => record.year !== data.year).map((record) => record.data),
          data,
        ]);
      } catch (err) {
        if (err instanceof CalendarDataError) {
          throw refused(`Lịch năm ${data.year}`, jsonIssues(err.issues));
        }
        throw err;
      }
      await manager.query(
        `INSERT INTO calendar_years (year, data, source_decision, provisional, updated_at, updated_by)
         VALUES ($1, $2::jsonb, $3, $4, now(), $5)
         ON CONFLICT (year) DO UPDATE SET data = EXCLUDED.data,
           source_decision = EXCLUDED.source_decision, provisional = EXCLUDED.provisional,
           updated_at = now(), updated_by = EXCLUDED.updated_by`,
        [
          data.year,
          JSON.stringify(data),
          data.sourceDecision ?? null,
          data.provisional ?? false,
          actor.name,
        ],
      );
      const replaced: CalendarYearOrigin | null = previous
        ? 'data'
        : BUILT_IN.has(data.year)
          ? 'built-in'
          : null;
      await this.audit.record(
        actor,
        {
          action: how.action,
          entityType: 'calendar_year',
          entityId: String(data.year),
          details: {
            year: data.year,
            replaced,
            sourceDecision: data.sourceDecision ?? null,
            provisional: data.provisional ?? false,
            ...(how.fileName && { fileName: how.fileName, format: how.format }),
          },
        },
        manager,
      );
      const record = await manager.findOneByOrFail(CalendarYearRecord, { year: data.year });
      return {
        ...summary(data, 'data', record),
        replaced,
        ...(how.format && { format: how.format }),
      };
    });
  }

  /** DELETE: the loaded year goes; the built-in year (or none) counts again. */
  async remove(actor: Actor, year: number): Promise<CalendarYearDeletedView> {
    return this.dataSource.transaction(async (manager) => {
      await lockCalendarYears(manager);
      const record = await manager.findOneBy(CalendarYearRecord, { year });
      if (!record) {
        throw new NotFoundException(
          `Năm ${year} không có lịch đã nạp để xoá${BUILT_IN.has(year) ? ' (lịch có sẵn của năm này không xoá được; hãy nạp lịch thay thế bằng PUT)' : ''}.`,
        );
      }
      await manager.delete(CalendarYearRecord, { year });
      const nowInForce = BUILT_IN.has(year) ? 'built-in' : null;
      await this.audit.record(
        actor,
        {
          action: 'calendar_year.delete',
          entityType: 'calendar_year',
          entityId: String(year),
          details: {
            year,
            sourceDecision: record.sourceDecision,
            provisional: record.provisional,
            nowInForce,
          },
        },
        manager,
      );
      return { year, nowInForce };
    });
  }

  /** The workbook to fill in: the year as it counts now, or empty. */
  async template(year: number | null): Promise<{ buffer: Buffer; fileName: string }> {
    const target = year ?? new Date().getFullYear() + 1;
    const record =
      year === null ? null : await this.dataSource.manager.findOneBy(CalendarYearRecord, { year });
    const data = record?.data ?? BUILT_IN.get(target) ?? null;
    return {
      buffer: await calendarYearWorkbook(target, year === null ? null : data),
      fileName: `lich-ngay-lam-viec-${target}.xlsx`,
    };
  }
}
