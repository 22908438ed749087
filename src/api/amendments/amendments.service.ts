import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { StepPlanEntry } from '../../contracts/campaign.js';
import {
  notificationPlanChangedSignal,
  openingMovedSignal,
  stepAddedSignal,
  unitLeftSignal,
  unitsJoinedSignal,
} from '../../contracts/signals.js';
import { notificationsWorkflowId, unitWorkflowId } from '../../contracts/workflow-ids.js';
import {
  type AddedStep,
  type AmendmentFacts,
  type AmendmentRefusal,
  nextStepNumber,
  openingMoveRefusal,
  stepAdditionRefusal,
  unitChangeRefusal,
} from '../../domain/campaign-rules/amendments.js';
import { endOfLocalDay, startOfLocalDay } from '../../domain/plan-dates.js';
import { CampaignStep, Participation, PlanAmendment, Unit } from '../../entities/index.js';
import { findCampaign } from '../campaigns/campaign-lookup.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { type ActionContext, CampaignActions } from '../campaign-state/campaign-action.js';
import { ApiError } from '../common/api-error.js';
import { assertNearCampaignYear, planYears } from '../common/campaign-dates.js';
import type { OutboxEntry } from '../outbox/outbox.js';
import type {
  AddedStepDto,
  PlanAmendmentDto,
  PlanAmendmentResult,
  PlanAmendmentView,
} from './amendments.dto.js';

/** What one amendment changes and tells the workflows, decided in its transaction. */
interface Decided {
  details: Record<string, unknown>;
  messages: OutboxEntry[];
  /** Writes the change once the amendment's row exists (it references it). */
  apply(amendment: PlanAmendment): Promise<void>;
}

/** The fields each kind takes besides the decision's: any other is a 400 naming it. */
const FIELDS_OF_KIND: Record<PlanAmendmentDto['kind'], readonly string[]> = {
  unit_joins: ['unitCodes'],
  unit_leaves: ['unitCodes'],
  step_added: ['step'],
  opening_moved: ['stepNumber', 'opensAt', 'opensOn'],
};
const KIND_FIELDS = ['unitCodes', 'step', 'stepNumber', 'opensAt', 'opensOn'] as const;

/**
 * Amendments of a launched campaign's plan by an amending decision (sửa đổi, bổ sung): a unit
 * joins or leaves, a step is added, a pending step's opening moves. Each is decided here with the
 * campaign rules' amendment checks (src/domain/campaign-rules/amendments.ts) on PostgreSQL's
 * facts, recorded (the amendment, its change, its audit entry) and told to the workflows through
 * the outbox, in one transaction; the workflows apply it with the same checks.
 */
@Injectable()
export class AmendmentsService {
  constructor(
    private readonly actions: CampaignActions,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async list(campaignRef: string): Promise<PlanAmendmentView[]> {
    const campaign = await findCampaign(this.dataSource.manager, campaignRef);
    const rows = await this.dataSource.getRepository(PlanAmendment).find({
      where: { campaignId: campaign.id },
      order: { recordedAt: 'ASC', id: 'ASC' },
    });
    return rows.map(viewOf);
  }

  async amend(
    actor: Actor,
    campaignRef: string,
    dto: PlanAmendmentDto,
  ): Promise<PlanAmendmentResult> {
    assertFieldsOfKind(dto);
    // 400s for dates that cannot be meant, before any state decides (409, 422).
    const planned = await findCampaign(this.dataSource.manager, campaignRef);
    const plan = await planYears(this.dataSource.manager, planned);
    const instants = datesOf(dto, planned.timeZone);
    for (const [field, instant] of Object.entries(instants)) {
      if (instant) assertNearCampaignYear(instant, planned, field, plan);
    }

    const { result, delivery } = await this.actions.run(campaignRef, 'exclusive', async (ctx) => {
      const facts: AmendmentFacts = {
        steps: ctx.stepFacts,
        launchedAt: ctx.launchedAt,
        now: ctx.now.getTime(),
        timeZone: ctx.campaign.timeZone,
      };
      const decided = await this.decide(ctx, facts, dto, instants);
      const amendment = await ctx.manager.save(
        ctx.manager.create(PlanAmendment, {
          campaignId: ctx.campaign.id,
          kind: dto.kind,
          decisionNumber: dto.decisionNumber.trim(),
          decisionDate: dto.decisionDate,
          reason: dto.reason.trim(),
          details: decided.details,
          recordedBy: actor.name,
        }),
      );
      await decided.apply(amendment);
      await this.audit.record(
        actor,
        {
          action: `campaign.amendment.${dto.kind}`,
          entityType: 'campaign',
          entityId: ctx.campaign.id,
          details: {
            amendmentId: amendment.id,
            decisionNumber: amendment.decisionNumber,
            decisionDate: amendment.decisionDate,
            reason: amendment.reason,
            ...decided.details,
          },
        },
        ctx.manager,
      );
      return { result: viewOf(amendment), messages: decided.messages };
    });
    // `warnings`: dates in a year without working-day calendar data (filled by the calendar's owner).
    return { ...result, delivery, warnings: [] };
  }

  private decide(
    ctx: ActionContext,
    facts: AmendmentFacts,
    dto: PlanAmendmentDto,
    instants: ReturnType<typeof datesOf>,
  ): Promise<Decided> {
    const signal = (workflowId: string, name: string, payload: Record<string, unknown>) => ({
      workflowId,
      kind: 'signal' as const,
      name,
      payload: { ...payload, decisionNumber: dto.decisionNumber.trim() },
      action: `campaign.amendment.${dto.kind}`,
    });
    const campaignWorkflow = ctx.campaign.workflowId!;
    switch (dto.kind) {
      case 'unit_joins':
        return this.unitsJoin(ctx, facts, dto.unitCodes!, (codes) =>
          signal(campaignWorkflow, unitsJoinedSignal.name, { unitCodes: codes }),
        );
      case 'unit_leaves':
        return this.unitsLeave(ctx, facts, dto.unitCodes!, (code) =>
          signal(unitWorkflowId(campaignWorkflow, code), unitLeftSignal.name, {
            at: ctx.now.toISOString(),
          }),
        );
      case 'step_added': {
        const step = addedStepOf(dto.step!, instants);
        refuseWith(stepAdditionRefusal(facts, step));
        const number = nextStepNumber(ctx.steps);
        const entry: StepPlanEntry = {
          number,
          kind: step.kind,
          actor: step.actor,
          titleVi: step.titleVi,
          opensAt: new Date(step.opensAt).toISOString(),
          deadline: step.deadline === null ? null : new Date(step.deadline).toISOString(),
          startsAfterStep: null,
        };
        return Promise.resolve({
          details: { step: entry },
          messages: [signal(campaignWorkflow, stepAddedSignal.name, { step: entry })],
          apply: async () => {
            await ctx.manager.save(
              ctx.manager.create(CampaignStep, {
                campaignId: ctx.campaign.id,
                number,
                kind: step.kind,
                titleVi: step.titleVi,
                titleEn: step.titleVi,
                actor: step.actor,
                lead: dto.step!.lead?.trim() ?? '',
                coordinating: '',
                opensAt: new Date(step.opensAt),
                deadline: step.deadline === null ? null : new Date(step.deadline),
                startsAfterStep: null,
              }),
            );
          },
        });
      }
      case 'opening_moved': {
        const number = dto.stepNumber!;
        const { step } = ctx.step(number);
        const opensAt = instants.opensAt!;
        refuseWith(openingMoveRefusal(facts, number, opensAt.getTime()));
        const from = step.opensAt?.toISOString() ?? null;
        return Promise.resolve({
          details: { stepNumber: number, from, to: opensAt.toISOString() },
          messages: [
            signal(campaignWorkflow, openingMovedSignal.name, {
              step: number,
              opensAt: opensAt.toISOString(),
            }),
          ],
          apply: async () => {
            step.opensAt = opensAt;
            await ctx.manager.save(CampaignStep, step);
          },
        });
      }
    }
  }

  private async unitsJoin(
    ctx: ActionContext,
    facts: AmendmentFacts,
    codes: string[],
    message: (codes: string[]) => OutboxEntry,
  ): Promise<Decided> {
    refuseWith(unitChangeRefusal(facts, 'unit_joins'));
    const units = await unitsOf(ctx, codes);
    const existing = await ctx.manager.find(Participation, {
      where: { campaignId: ctx.campaign.id, unitId: In(units.map((u) => u.id)) },
      relations: { unit: true },
    });
    if (existing.length > 0) {
      const said = existing.map((p) =>
        p.leftAt ? `${p.unit!.code} (đã rút khỏi chiến dịch)` : p.unit!.code,
      );
      throw new ConflictException(
        `Các đơn vị sau đã có trong chiến dịch ${ctx.campaign.code}, không bổ sung lại được: ${said.join(', ')}.`,
      );
    }
    const sorted = units.map((u) => u.code).sort();
    return {
      details: { unitCodes: sorted },
      messages: [message(sorted)],
      apply: async (amendment) => {
        await ctx.manager.save(
          units.map((unit) =>
            ctx.manager.create(Participation, {
              campaignId: ctx.campaign.id,
              unitId: unit.id,
              status: 'registered',
              joinedByAmendmentId: amendment.id,
            }),
          ),
        );
      },
    };
  }

  private async unitsLeave(
    ctx: ActionContext,
    facts: AmendmentFacts,
    codes: string[],
    message: (code: string) => OutboxEntry,
  ): Promise<Decided> {
    refuseWith(unitChangeRefusal(facts, 'unit_leaves'));
    const units = await unitsOf(ctx, codes);
    const participations = await ctx.manager.find(Participation, {
      where: { campaignId: ctx.campaign.id, unitId: In(units.map((u) => u.id)) },
      relations: { unit: true },
    });
    const taking = new Set(participations.map((p) => p.unitId));
    const absent = units.filter((u) => !taking.has(u.id)).map((u) => u.code);
    if (absent.length > 0) {
      throw new NotFoundException(
        `Các đơn vị sau không tham gia chiến dịch ${ctx.campaign.code}: ${absent.join(', ')}.`,
      );
    }
    const gone = participations.filter((p) => p.leftAt !== null).map((p) => p.unit!.code);
    if (gone.length > 0) {
      throw new ConflictException(
        `Các đơn vị sau đã rút khỏi chiến dịch ${ctx.campaign.code} trước đó: ${gone.join(', ')}.`,
      );
    }
    const sorted = units.map((u) => u.code).sort();
    return {
      details: { unitCodes: sorted },
      messages: [
        ...sorted.map(message),
        {
          workflowId: notificationsWorkflowId(ctx.campaign.workflowId!),
          kind: 'signal',
          name: notificationPlanChangedSignal.name,
          payload: {},
          action: 'campaign.amendment.unit_leaves',
        },
      ],
      apply: async (amendment) => {
        await ctx.manager.update(
          Participation,
          { id: In(participations.map((p) => p.id)) },
          { leftAt: ctx.now, leftByAmendmentId: amendment.id },
        );
      },
    };
  }
}

/** The units by code; 404 naming those that do not exist. */
async function unitsOf(ctx: ActionContext, codes: string[]): Promise<Unit[]> {
  const units = await ctx.manager.find(Unit, { where: { code: In(codes) } });
  const known = new Set(units.map((u) => u.code));
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new NotFoundException(`Không có đơn vị mã: ${unknown.join(', ')}.`);
  }
  return units;
}

function refuseWith(refusal: AmendmentRefusal | null): void {
  if (!refusal) return;
  throw refusal.status === 409
    ? new ConflictException(refusal.message)
    : new UnprocessableEntityException(refusal.message);
}

const invalid = (field: string, message: string) =>
  new ApiError(400, 'validation_failed', message, [{ field, code: 'invalid', message }]);

/** A field of another kind is a mistake worth naming, not something to ignore. */
function assertFieldsOfKind(dto: PlanAmendmentDto): void {
  const own = FIELDS_OF_KIND[dto.kind];
  for (const field of KIND_FIELDS) {
    if (dto[field] !== undefined && !own.includes(field)) {
      throw invalid(
        field,
        `Trường «${field}» không dùng cho loại sửa đổi «${dto.kind}» (loại này nhận: ${own.join(', ')}).`,
      );
    }
  }
  if (dto.kind === 'opening_moved' && (dto.opensAt === undefined) === (dto.opensOn === undefined)) {
    throw invalid(
      'opensAt',
      'Dời thời điểm mở cần đúng một trong hai trường «opensAt» (thời điểm ISO 8601) hoặc «opensOn» (ngày YYYY-MM-DD).',
    );
  }
  if (dto.kind === 'step_added') {
    const step = dto.step!;
    if ((step.opensAt === undefined) === (step.opensOn === undefined)) {
      throw invalid(
        'step.opensAt',
        'Bước bổ sung cần đúng một trong hai trường «step.opensAt» (thời điểm) hoặc «step.opensOn» (ngày YYYY-MM-DD).',
      );
    }
    if (step.deadline !== undefined && step.closesOn !== undefined) {
      throw invalid(
        'step.deadline',
        'Bước bổ sung nhận hạn ở một trong hai trường «step.deadline» (thời điểm) hoặc «step.closesOn» (ngày YYYY-MM-DD), không cả hai.',
      );
    }
  }
}

/** The amendment's instants, local dates read in the campaign's zone. */
function datesOf(
  dto: PlanAmendmentDto,
  timeZone: string,
): { opensAt?: Date; 'step.opensAt'?: Date; 'step.deadline'?: Date } {
  const instant = (at: string | undefined, on: string | undefined, end: boolean) =>
    at !== undefined
      ? new Date(at)
      : on !== undefined
        ? end
          ? endOfLocalDay(on, timeZone)
          : startOfLocalDay(on, timeZone)
        : undefined;
  if (dto.kind === 'opening_moved') return { opensAt: instant(dto.opensAt, dto.opensOn, false) };
  if (dto.kind === 'step_added') {
    const step = dto.step!;
    const deadline = instant(step.deadline, step.closesOn, true);
    return {
      'step.opensAt': instant(step.opensAt, step.opensOn, false),
      ...(deadline && { 'step.deadline': deadline }),
    };
  }
  return {};
}

function addedStepOf(step: AddedStepDto, instants: ReturnType<typeof datesOf>): AddedStep {
  return {
    titleVi: step.titleVi.trim(),
    kind: step.kind,
    actor: step.actor,
    opensAt: instants['step.opensAt']!.getTime(),
    deadline: instants['step.deadline']?.getTime() ?? null,
  };
}

function viewOf(row: PlanAmendment): PlanAmendmentView {
  return {
    id: row.id,
    kind: row.kind,
    decisionNumber: row.decisionNumber,
    decisionDate: row.decisionDate,
    reason: row.reason,
    details: row.details,
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt.toISOString(),
  };
}
