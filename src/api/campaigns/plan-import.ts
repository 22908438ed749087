/**
 * Validation of an imported plan (a campaign with its steps): pure, no I/O. Every problem is
 * collected, each naming its row (or, for the campaign's own fields, row 0) and column, so that a
 * province fixes its file once.
 *
 * Steps (XLSX rows under a header row, or the items of the JSON array `steps`):
 *   number, title_vi, title_en, kind, actor, lead, coordinating, opens_on, closes_on,
 *   starts_after_step, window_text — the fields of PATCH /campaigns/{id}/steps/{n};
 *   title_vi, kind, actor, lead required; dates as YYYY-MM-DD, dd/MM/yyyy or date cells.
 * The campaign (JSON properties beside `steps`, or multipart fields beside the file):
 *   code, province, year, name (required), time_zone, late_policy, decision_number,
 *   decision_date, decision_title.
 */
import { DateTime, IANAZone } from 'luxon';
import { LATE_POLICIES, STEP_ACTORS, STEP_KINDS, type LatePolicy } from '../../domain/words.js';
import {
  type CellValue,
  type ImportIssue,
  type ImportSource,
  type ImportSpec,
  issue,
  RowReader,
} from '../common/import-file.js';
import { CODE_PATTERN } from '../common/dto-validators.js';
import type { DecisionRefDto, UpdateStepDto } from './campaign.dto.js';
import {
  plannedStep,
  startsAfterProblems,
  type PlannedStep,
  type PlanProblem,
} from './plan-steps.js';

export const PLAN_STEP_COLUMNS = [
  'number',
  'title_vi',
  'title_en',
  'kind',
  'actor',
  'lead',
  'coordinating',
  'opens_on',
  'closes_on',
  'starts_after_step',
  'window_text',
] as const;

export const PLAN_CAMPAIGN_FIELDS = [
  'code',
  'province',
  'year',
  'name',
  'time_zone',
  'late_policy',
  'decision_number',
  'decision_date',
  'decision_title',
] as const;

export const PLAN_IMPORT: ImportSpec = {
  listKey: 'steps',
  columns: PLAN_STEP_COLUMNS,
  optionKeys: PLAN_CAMPAIGN_FIELDS,
};

export interface ImportedCampaign {
  code: string;
  province: string;
  year: number;
  name: string;
  timeZone: string;
  latePolicy: LatePolicy;
  decisionRefs: DecisionRefDto[];
}

export type PlanImportResult =
  | { ok: true; campaign: ImportedCampaign; steps: PlannedStep[] }
  | { ok: false; issues: ImportIssue[] };

/** A JSON plan may give its year as a number: the import reads settings as text. */
export function planJsonWithTextSettings(document: unknown): unknown {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return document;
  }
  return Object.fromEntries(
    Object.entries(document as Record<string, unknown>).map(([key, value]) => [
      key,
      (PLAN_CAMPAIGN_FIELDS as readonly string[]).includes(key) && typeof value === 'number'
        ? String(value)
        : value,
    ]),
  );
}

/** 'YYYY-MM-DD' from a cell: ISO date, dd/MM/yyyy, or a date cell (read at UTC midnight). */
function localDateOf(value: CellValue): string | null {
  if (value === null || typeof value === 'boolean') return null;
  const text = String(value).trim();
  let date: DateTime | null = null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) date = DateTime.fromISO(text, { zone: 'UTC' });
  else if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text))
    date = DateTime.fromFormat(text, 'd/M/yyyy', { zone: 'UTC' });
  else if (/^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(text))
    date = DateTime.fromISO(text, { zone: 'UTC' });
  return date?.isValid && date.year >= 2000 && date.year <= 2100 ? date.toISODate() : null;
}

export function validatePlanImport(source: ImportSource): PlanImportResult {
  const issues: ImportIssue[] = [...source.issues];
  const options = source.options;
  const campaignIssue = (field: string, problem: string) =>
    issues.push({ row: 0, field, message: `thông tin chiến dịch, ${field}: ${problem}` });
  const required = (field: string) => {
    const value = options[field]?.trim();
    if (!value) campaignIssue(field, 'là bắt buộc');
    return value || undefined;
  };
  const code = required('code');
  if (code && (!CODE_PATTERN.test(code) || code.length > 64)) {
    campaignIssue(
      'code',
      `chỉ được gồm chữ cái, chữ số, ".", "_" và "-" (tối đa 64 ký tự), nhận được ${JSON.stringify(code)}`,
    );
  }
  const province = required('province');
  if (province && province.length > 128) campaignIssue('province', 'dài tối đa 128 ký tự');
  const name = required('name');
  if (name && name.length > 255) campaignIssue('name', 'dài tối đa 255 ký tự');
  const yearText = required('year');
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  if (yearText && (year === undefined || year < 2000 || year > 2100)) {
    campaignIssue(
      'year',
      `phải là một năm từ 2000 đến 2100, nhận được ${JSON.stringify(yearText)}`,
    );
  }
  const timeZone = options.time_zone?.trim() || 'Asia/Ho_Chi_Minh';
  if (!IANAZone.isValidZone(timeZone)) {
    campaignIssue(
      'time_zone',
      `phải là một múi giờ IANA như Asia/Ho_Chi_Minh, nhận được ${JSON.stringify(timeZone)}`,
    );
  }
  const latePolicy = (options.late_policy?.trim().toLowerCase() || 'accept') as LatePolicy;
  if (!LATE_POLICIES.includes(latePolicy)) {
    campaignIssue(
      'late_policy',
      `phải là một trong các giá trị ${LATE_POLICIES.join(', ')}, nhận được ${JSON.stringify(options.late_policy)}`,
    );
  }
  const decisionRefs: DecisionRefDto[] = [];
  const decision = ['decision_number', 'decision_date', 'decision_title'].map((f) =>
    options[f]?.trim(),
  );
  if (decision.some(Boolean)) {
    const [number, dateText, title] = decision;
    const date = dateText ? localDateOf(dateText) : null;
    if (!number) campaignIssue('decision_number', 'là bắt buộc khi nêu quyết định');
    if (!date)
      campaignIssue(
        'decision_date',
        `phải là một ngày YYYY-MM-DD hoặc dd/MM/yyyy, nhận được ${JSON.stringify(dateText ?? null)}`,
      );
    if (!title) campaignIssue('decision_title', 'là bắt buộc khi nêu quyết định');
    if (number && date && title) decisionRefs.push({ number, date, title });
  }

  if (source.format === 'xlsx') {
    for (const column of ['title_vi', 'kind', 'actor', 'lead'] as const) {
      if (!source.columns.has(column)) {
        issues.push(issue(source, 1, column, 'thiếu cột bắt buộc ở dòng tiêu đề'));
      }
    }
  }
  const frame = { year: year ?? new Date().getUTCFullYear(), timeZone };
  const canPlace = year !== undefined && IANAZone.isValidZone(timeZone);
  const steps: PlannedStep[] = [];
  const rowOfStep = new Map<number, number>();
  source.rows.forEach((row, index) => {
    const r = new RowReader(source, row, issues);
    const before = issues.length;
    const numberValue = row.values.number;
    let number = index + 1;
    if (numberValue !== undefined && numberValue !== null) {
      const n = typeof numberValue === 'boolean' ? NaN : Number(numberValue);
      if (!Number.isInteger(n) || n < 1 || n > 99) {
        r.fail(
          'number',
          `phải là một số nguyên từ 1 đến 99, nhận được ${JSON.stringify(numberValue)}`,
        );
      } else number = n;
    }
    if (rowOfStep.has(number)) {
      r.fail(
        'number',
        `bước ${number} đã có ở ${source.rowLabel === 'row' ? 'dòng' : 'mục'} ${rowOfStep.get(number)}`,
      );
    } else rowOfStep.set(number, row.row);
    const text = (field: string, max: number, req = false) =>
      r.text(field, { required: req, max }) ?? undefined;
    const date = (field: 'opens_on' | 'closes_on') => {
      const value = row.values[field];
      if (value === undefined || value === null) return undefined;
      const local = localDateOf(value);
      if (!local) {
        return r.fail(
          field,
          `phải là một ngày YYYY-MM-DD hoặc dd/MM/yyyy, nhận được ${JSON.stringify(value)}`,
        );
      }
      return local;
    };
    let startsAfterStep: number | undefined;
    const after = row.values.starts_after_step;
    if (after !== undefined && after !== null) {
      const n = typeof after === 'boolean' ? NaN : Number(after);
      if (!Number.isInteger(n) || n < 1 || n > 99) {
        r.fail(
          'starts_after_step',
          `phải là số của một bước trước đó (1–99), nhận được ${JSON.stringify(after)}`,
        );
      } else startsAfterStep = n;
    }
    const dto: UpdateStepDto = {
      titleVi: text('title_vi', 2000, true),
      titleEn: text('title_en', 2000),
      kind: r.choice('kind', STEP_KINDS) ?? undefined,
      actor: r.choice('actor', STEP_ACTORS) ?? undefined,
      lead: text('lead', 255, true),
      coordinating: text('coordinating', 255),
      opensOn: date('opens_on'),
      closesOn: date('closes_on'),
      startsAfterStep,
      windowText: text('window_text', 255),
    };
    if (dto.kind === undefined && !issues.slice(before).some((i) => i.field === 'kind')) {
      r.fail('kind', `là bắt buộc (một trong các giá trị ${STEP_KINDS.join(', ')})`);
    }
    if (dto.actor === undefined && !issues.slice(before).some((i) => i.field === 'actor')) {
      r.fail('actor', `là bắt buộc (một trong các giá trị ${STEP_ACTORS.join(', ')})`);
    }
    if (issues.length > before || !canPlace) return;
    const problems: PlanProblem[] = [];
    const step = plannedStep(dto, number, frame, `bước ${number}`, problems);
    for (const p of problems) r.fail(columnOf(p.field), p.message);
    if (step) steps.push(step);
  });
  for (const p of startsAfterProblems(steps, (n) => `bước ${n}`)) {
    const number = Number(/bước (\d+)/.exec(p.field)?.[1]);
    issues.push(issue(source, rowOfStep.get(number) ?? 0, 'starts_after_step', p.message));
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    campaign: {
      code: code!,
      province: province!,
      year: year!,
      name: name!,
      timeZone,
      latePolicy,
      decisionRefs,
    },
    steps: steps.sort((a, b) => a.number - b.number),
  };
}

/** The import's column for a field of the step DTO: "bước 3.closesOn" → "closes_on". */
function columnOf(field: string): string {
  const name = field.split('.').at(-1) ?? field;
  return (
    {
      titleVi: 'title_vi',
      kind: 'kind',
      actor: 'actor',
      lead: 'lead',
      opensOn: 'opens_on',
      closesOn: 'closes_on',
      startsAfterStep: 'starts_after_step',
    }[name] ?? name
  );
}
