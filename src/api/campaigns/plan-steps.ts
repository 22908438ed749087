/**
 * A new plan's steps from what the secretariat sends (POST /campaigns, POST /campaigns/{id}/steps,
 * the plan import): the same fields as PATCH /campaigns/{id}/steps/{n}, checked the same way, with
 * every problem collected so that all are reported at once. Pure: no I/O.
 */
import { HttpException } from '@nestjs/common';
import { endOfLocalDay, startOfLocalDay } from '../../domain/plan-dates.js';
import type { StepActor, StepKind } from '../../domain/words.js';
import { ApiError, type ApiFieldError } from '../common/api-error.js';
import { assertNearCampaignYear } from '../common/campaign-dates.js';
import type { UpdateStepDto } from './campaign.dto.js';

/** A step's values, ready to store. */
export interface PlannedStep {
  number: number;
  kind: StepKind;
  titleVi: string;
  titleEn: string;
  actor: StepActor;
  lead: string;
  coordinating: string;
  opensAt: Date | null;
  deadline: Date | null;
  startsAfterStep: number | null;
  windowText: string | null;
}

export interface PlanProblem {
  /** Where, as the request names it: "steps[2].closesOn". */
  field: string;
  message: string;
}

interface CampaignFrame {
  year: number;
  timeZone: string;
}

/**
 * One step from its fields (`at` names it in messages: "steps[2]"). titleVi, kind, actor and lead
 * are required for a new step; titleEn defaults to titleVi and coordinating to none.
 */
export function plannedStep(
  dto: UpdateStepDto,
  number: number,
  campaign: CampaignFrame,
  at: string,
  problems: PlanProblem[],
): PlannedStep | undefined {
  const before = problems.length;
  const fail = (field: string, message: string) =>
    problems.push({ field: `${at}.${field}`, message: `${at}.${field}: ${message}` });
  for (const field of ['titleVi', 'kind', 'actor', 'lead'] as const) {
    if (dto[field] === undefined) fail(field, `là bắt buộc cho một bước mới (bước ${number}).`);
  }
  if (dto.opensOn !== undefined && dto.opensAt !== undefined) {
    fail('opensOn', 'chỉ gửi một trong hai trường opensOn (ngày) hoặc opensAt (thời điểm).');
  }
  if (dto.closesOn !== undefined && dto.deadline !== undefined) {
    fail('closesOn', 'chỉ gửi một trong hai trường closesOn (ngày) hoặc deadline (thời điểm).');
  }
  const zone = campaign.timeZone;
  const instant = (field: 'opensOn' | 'closesOn' | 'opensAt' | 'deadline'): Date | null => {
    const value = dto[field];
    if (typeof value !== 'string') return null;
    const date =
      field === 'opensOn'
        ? startOfLocalDay(value, zone)
        : field === 'closesOn'
          ? endOfLocalDay(value, zone)
          : new Date(value);
    try {
      assertNearCampaignYear(date, campaign, field);
    } catch (err) {
      if (!(err instanceof HttpException)) throw err;
      const body = err.getResponse() as { message?: unknown };
      fail(field, typeof body.message === 'string' ? body.message : err.message);
      return null;
    }
    return date;
  };
  const opensAt = instant('opensOn') ?? instant('opensAt');
  const deadline = instant('closesOn') ?? instant('deadline');
  if (opensAt && deadline && opensAt.getTime() >= deadline.getTime()) {
    fail(
      'opensOn',
      `bước ${number} sẽ mở (${opensAt.toISOString()}) sau hạn của chính bước đó (${deadline.toISOString()}).`,
    );
  }
  if (problems.length > before) return undefined;
  return {
    number,
    kind: dto.kind!,
    titleVi: dto.titleVi!,
    titleEn: dto.titleEn ?? dto.titleVi!,
    actor: dto.actor!,
    lead: dto.lead!,
    coordinating: dto.coordinating ?? '',
    opensAt,
    deadline,
    startsAfterStep: dto.startsAfterStep ?? null,
    windowText: dto.windowText ?? null,
  };
}

/** "Starts after step N" must name an earlier step of the plan. */
export function startsAfterProblems(
  steps: readonly Pick<PlannedStep, 'number' | 'startsAfterStep'>[],
  at: (number: number) => string,
): PlanProblem[] {
  const numbers = new Set(steps.map((s) => s.number));
  return steps
    .filter(
      (s) =>
        s.startsAfterStep !== null &&
        (s.startsAfterStep >= s.number || !numbers.has(s.startsAfterStep)),
    )
    .map((s) => {
      const field = `${at(s.number)}.startsAfterStep`;
      return {
        field,
        message: `${field}: bước ${s.number} không thể bắt đầu sau bước ${s.startsAfterStep}; bước bắt đầu sau phải là một bước trước đó trong kế hoạch.`,
      };
    });
}

/** 400 listing every problem of a plan; nothing was written. */
export function planRefused(what: string, problems: PlanProblem[]): ApiError {
  const fields: ApiFieldError[] = problems.map((p) => ({
    field: p.field,
    code: 'invalid_step',
    message: p.message,
  }));
  return new ApiError(
    400,
    'validation_failed',
    [`${what} có ${problems.length} lỗi; chưa có gì được lưu.`, ...problems.map((p) => p.message)],
    fields,
  );
}

/**
 * Numbers after inserting a step at `at`: later steps move up by one, and every "starts after"
 * that names a moved step follows it. Returns the new number of each old number.
 */
export function renumberForInsert(numbers: readonly number[], at: number): Map<number, number> {
  return new Map(numbers.map((n) => [n, n >= at ? n + 1 : n]));
}

/**
 * Numbers after removing step `removed`: later steps move down by one. A step that starts after
 * the removed one cannot stay so (the caller refuses the removal).
 */
export function renumberForRemove(
  numbers: readonly number[],
  removed: number,
): Map<number, number> {
  return new Map(numbers.filter((n) => n !== removed).map((n) => [n, n > removed ? n - 1 : n]));
}
