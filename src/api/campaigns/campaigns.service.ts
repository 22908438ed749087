import { randomUUID } from 'node:crypto';
import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource, type EntityManager, In, QueryFailedError } from 'typeorm';
import type { AppConfig } from '../../config.js';
import { DateTime } from 'luxon';
import { endOfLocalDay, startOfLocalDay } from '../../domain/plan-dates.js';
import { formatLocalDate } from '../../domain/local-time.js';
import {
  DEFAULT_WORKING_DAY_RULES,
  placePlanOnWorkingDays,
  windowTextOf,
  type PlanDateMove,
  type WorkingDayRules,
} from '../../domain/plan-working-days.js';
import { loadBusinessCalendar } from '../../loaders/business-calendar.js';
import {
  Campaign,
  CampaignStep,
  Criterion,
  IndexSet,
  Participation,
} from '../../entities/index.js';
import { campaignWorkflowId } from '../../contracts/workflow-ids.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import { Outbox, type WorkflowStartPayload } from '../outbox/outbox.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { APP_CONFIG, CLOCK } from '../tokens.js';
import {
  copiedCampaignCode,
  copiedCampaignName,
  sameLocalTimeIn,
  shiftInstantByYears,
  shiftYearsInText,
} from './campaign-copy.js';
import { assertNotLaunched, CAMPAIGN_STATUS_VI, findCampaign } from './campaign-lookup.js';
import { assertNearCampaignYear } from '../common/campaign-dates.js';
import { campaignDetailView, campaignView } from './campaign-views.js';
import { buildCampaignWorkflowInput } from './campaign-workflow-input.js';
import type {
  CampaignDetailView,
  CampaignView,
  CopyCampaignDto,
  CopyResultView,
  LaunchResultView,
  UpdateCampaignDto,
  UpdateStepDto,
} from './campaign.dto.js';
import { launchProblems, launchWarnings, type LaunchPlan } from './launch-rules.js';
import { loadCalendarGapWarnings } from '../../loaders/calendar-gaps.js';

/** PostgreSQL's unique_violation. */
const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(err: unknown): boolean {
  return (
    err instanceof QueryFailedError &&
    (err.driverError as { code?: string } | undefined)?.code === UNIQUE_VIOLATION
  );
}

@Injectable()
export class CampaignsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(year?: number): Promise<CampaignView[]> {
    const campaigns = await this.dataSource.getRepository(Campaign).find({
      where: year === undefined ? {} : { year },
      order: { year: 'DESC', code: 'ASC' },
    });
    const steps = campaigns.length
      ? await this.dataSource.getRepository(CampaignStep).findBy({
          campaignId: In(campaigns.map((c) => c.id)),
        })
      : [];
    const now = this.clock.now();
    return campaigns.map((c) =>
      campaignView(
        c,
        steps.filter((step) => step.campaignId === c.id),
        now,
      ),
    );
  }

  async get(ref: string): Promise<CampaignDetailView> {
    const campaign = await findCampaign(this.dataSource.manager, ref);
    return this.detail(campaign, await this.steps(this.dataSource.manager, campaign.id));
  }

  private detail(campaign: Campaign, steps: readonly CampaignStep[]): CampaignDetailView {
    return campaignDetailView(campaign, steps, this.clock.now());
  }

  async getSteps(ref: string): Promise<CampaignDetailView['steps']> {
    return (await this.get(ref)).steps;
  }

  private steps(manager: EntityManager, campaignId: string): Promise<CampaignStep[]> {
    return manager.find(CampaignStep, { where: { campaignId }, order: { number: 'ASC' } });
  }

  async update(actor: Actor, id: string, dto: UpdateCampaignDto): Promise<CampaignDetailView> {
    const changed = Object.keys(dto).filter((k) => dto[k as keyof UpdateCampaignDto] !== undefined);
    if (changed.length === 0) {
      throw new BadRequestException(
        'Yêu cầu không nêu thông tin nào cần thay đổi (hãy gửi ít nhất một trong các trường name, decisionRefs, latePolicy, timeZone, reminderPolicy).',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, id, { lock: true });
      assertNotLaunched(campaign, 'thiết lập của chiến dịch');
      const steps = await this.steps(manager, campaign.id);
      const before = {
        name: campaign.name,
        decisionRefs: campaign.decisionRefs,
        latePolicy: campaign.latePolicy,
        timeZone: campaign.timeZone,
        reminderPolicy: campaign.reminderPolicy,
      };
      if (dto.timeZone !== undefined && dto.timeZone !== campaign.timeZone) {
        // The plan is written in local dates: they stay, their instants move to the new zone.
        for (const step of steps) {
          if (step.opensAt)
            step.opensAt = sameLocalTimeIn(step.opensAt, campaign.timeZone, dto.timeZone);
          if (step.deadline) {
            step.deadline = sameLocalTimeIn(step.deadline, campaign.timeZone, dto.timeZone);
          }
        }
        await manager.save(CampaignStep, steps);
        campaign.timeZone = dto.timeZone;
      }
      if (dto.name !== undefined) campaign.name = dto.name;
      if (dto.latePolicy !== undefined) campaign.latePolicy = dto.latePolicy;
      if (dto.reminderPolicy !== undefined) campaign.reminderPolicy = dto.reminderPolicy;
      if (dto.decisionRefs !== undefined) {
        campaign.decisionRefs = dto.decisionRefs.map(({ number, date, title }) => ({
          number,
          date,
          title,
        }));
      }
      const saved = await manager.save(Campaign, campaign);
      await this.audit.record(
        actor,
        {
          action: 'campaign.update',
          entityType: 'campaign',
          entityId: campaign.id,
          details: { changed, before },
        },
        manager,
      );
      return this.detail(saved, steps);
    });
  }

  async updateStep(
    actor: Actor,
    id: string,
    number: number,
    dto: UpdateStepDto,
  ): Promise<CampaignDetailView> {
    const changed = Object.keys(dto).filter((k) => dto[k as keyof UpdateStepDto] !== undefined);
    if (changed.length === 0) {
      throw new BadRequestException(
        'Yêu cầu không nêu thông tin nào cần thay đổi (hãy gửi ít nhất một trong các trường titleVi, titleEn, kind, actor, lead, coordinating, opensOn, closesOn, opensAt, deadline, startsAfterStep, windowText).',
      );
    }
    if (dto.opensOn !== undefined && dto.opensAt !== undefined) {
      throw new BadRequestException(
        'Chỉ gửi một trong hai trường: opensOn (ngày theo giờ địa phương) hoặc opensAt (thời điểm), không gửi cả hai.',
      );
    }
    if (dto.closesOn !== undefined && dto.deadline !== undefined) {
      throw new BadRequestException(
        'Chỉ gửi một trong hai trường: closesOn (ngày theo giờ địa phương) hoặc deadline (thời điểm), không gửi cả hai.',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, id, { lock: true });
      assertNotLaunched(campaign, 'kế hoạch các bước');
      const steps = await this.steps(manager, campaign.id);
      const step = steps.find((s) => s.number === number);
      if (!step) {
        throw new NotFoundException(
          `Chiến dịch ${campaign.code} không có bước ${number} (các bước của chiến dịch: ${steps.map((s) => s.number).join(', ') || 'chưa có'}).`,
        );
      }
      const before = {
        opensAt: step.opensAt?.toISOString() ?? null,
        deadline: step.deadline?.toISOString() ?? null,
        startsAfterStep: step.startsAfterStep,
      };
      const zone = campaign.timeZone;
      if (dto.titleVi !== undefined) step.titleVi = dto.titleVi;
      if (dto.titleEn !== undefined) step.titleEn = dto.titleEn;
      if (dto.kind !== undefined) step.kind = dto.kind;
      if (dto.actor !== undefined) step.actor = dto.actor;
      if (dto.lead !== undefined) step.lead = dto.lead;
      if (dto.coordinating !== undefined) step.coordinating = dto.coordinating;
      if (dto.windowText !== undefined) step.windowText = dto.windowText;
      if (dto.opensOn !== undefined) step.opensAt = startOfLocalDay(dto.opensOn, zone);
      if (dto.closesOn !== undefined) step.deadline = endOfLocalDay(dto.closesOn, zone);
      if (dto.opensAt !== undefined)
        step.opensAt = dto.opensAt === null ? null : new Date(dto.opensAt);
      if (dto.deadline !== undefined) {
        step.deadline = dto.deadline === null ? null : new Date(dto.deadline);
      }
      for (const field of ['opensOn', 'closesOn', 'opensAt', 'deadline'] as const) {
        const value = dto[field];
        if (typeof value !== 'string') continue;
        const instant = field.endsWith('On')
          ? (field === 'opensOn' ? startOfLocalDay : endOfLocalDay)(value, zone)
          : new Date(value);
        assertNearCampaignYear(instant, campaign, field);
      }
      if (dto.startsAfterStep !== undefined) {
        const after = dto.startsAfterStep;
        if (after !== null && (after >= number || !steps.some((s) => s.number === after))) {
          throw new BadRequestException(
            `Bước bắt đầu sau (startsAfterStep) phải là một bước trước đó trong kế hoạch; bước ${number} không thể bắt đầu sau bước ${after}.`,
          );
        }
        step.startsAfterStep = after;
      }
      if (step.opensAt && step.deadline && step.opensAt.getTime() >= step.deadline.getTime()) {
        throw new BadRequestException(
          `Bước ${number} sẽ mở (${step.opensAt.toISOString()}) sau hạn của chính bước đó (${step.deadline.toISOString()}).`,
        );
      }
      await manager.save(CampaignStep, step);
      await this.audit.record(
        actor,
        {
          action: 'campaign_step.update',
          entityType: 'campaign_step',
          entityId: step.id,
          details: { campaignId: campaign.id, step: number, changed, before },
        },
        manager,
      );
      return this.detail(campaign, steps);
    });
  }

  async copy(actor: Actor, sourceId: string, dto: CopyCampaignDto): Promise<CopyResultView> {
    try {
      return await this.dataSource.transaction((manager) =>
        this.copyIn(manager, actor, sourceId, dto),
      );
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new ConflictException(
          `Một chiến dịch mang mã ${dto.code ?? 'được suy ra'} vừa được tạo trong lúc sao chép; hãy chọn mã khác.`,
        );
      }
      throw err;
    }
  }

  private async copyIn(
    manager: EntityManager,
    actor: Actor,
    sourceId: string,
    dto: CopyCampaignDto,
  ): Promise<CopyResultView> {
    const source = await findCampaign(manager, sourceId);
    if (dto.year === source.year) {
      throw new BadRequestException(
        `Năm (year) phải khác năm của chiến dịch nguồn (${source.year}): bản sao là chiến dịch của một năm khác.`,
      );
    }
    const years = dto.year - source.year;
    const code = dto.code ?? copiedCampaignCode(source.code, source.year, dto.year);
    const clash = await manager.findOne(Campaign, { where: { code }, select: { id: true } });
    if (clash) {
      throw new ConflictException(
        `Đã có chiến dịch mã ${code} (id ${clash.id}); hãy gửi mã khác trong trường «code».`,
      );
    }
    const campaign = await manager.save(
      manager.create(Campaign, {
        code,
        province: source.province,
        year: dto.year,
        name: dto.name ?? copiedCampaignName(source.name, source.year, dto.year),
        // Each year's plan rests on a new decision: the references are left for the
        // secretariat to enter (PATCH decisionRefs); the source's stay readable on it.
        decisionRefs: [],
        timeZone: source.timeZone,
        status: 'draft',
        latePolicy: source.latePolicy,
        reminderPolicy: source.reminderPolicy,
        // The province's rules of rating and commendation carry over like its reminders; the
        // scores, results and their publication belong to the source's year only.
        ratingBands: source.ratingBands,
        commendationPolicy: source.commendationPolicy,
        copiedFromId: source.id,
      }),
    );
    const zone = source.timeZone;
    const shift = (d: Date | null) => (d ? shiftInstantByYears(d, years, zone) : null);
    const sourceSteps = await this.steps(manager, source.id);
    // The year shift, then every date on a working day: decided by placePlanOnWorkingDays.
    const rules: WorkingDayRules = {
      deadlines: dto.workingDays?.deadlines ?? DEFAULT_WORKING_DAY_RULES.deadlines,
      openings: dto.workingDays?.openings ?? DEFAULT_WORKING_DAY_RULES.openings,
    };
    const placed = placePlanOnWorkingDays(
      sourceSteps.map((s) => ({
        number: s.number,
        opensAt: shift(s.opensAt),
        deadline: shift(s.deadline),
      })),
      zone,
      await loadBusinessCalendar(manager),
      rules,
    );
    const steps = sourceSteps.map((s, i) => {
      const { opensAt, deadline } = placed.steps[i]!;
      const moved = placed.moves.some((m) => m.step === s.number);
      const localDay = (d: Date | null) =>
        d ? DateTime.fromJSDate(d, { zone }).toISODate() : null;
      return manager.create(CampaignStep, {
        campaignId: campaign.id,
        number: s.number,
        kind: s.kind,
        titleVi: s.titleVi,
        titleEn: s.titleEn,
        actor: s.actor,
        lead: s.lead,
        coordinating: s.coordinating,
        opensAt,
        deadline,
        startsAfterStep: s.startsAfterStep,
        windowText:
          s.windowText === null
            ? null
            : moved
              ? windowTextOf(localDay(opensAt), localDay(deadline))
              : shiftYearsInText(s.windowText, years),
      });
    });
    if (steps.length > 0) await manager.save(CampaignStep, steps);

    const sets = await manager.find(IndexSet, {
      where: { campaignId: source.id },
      order: { group: 'ASC' },
    });
    let criteriaCount = 0;
    for (const set of sets) {
      const copy = await manager.save(
        manager.create(IndexSet, {
          campaignId: campaign.id,
          group: set.group,
          name: set.name,
          illustrative: set.illustrative,
          source: set.source,
        }),
      );
      const criteria = await manager.find(Criterion, {
        where: { indexSetId: set.id },
        order: { sortOrder: 'ASC', code: 'ASC' },
      });
      criteriaCount += await copyCriteria(manager, criteria, copy.id);
    }

    const participations = await manager.find(Participation, { where: { campaignId: source.id } });
    if (participations.length > 0) {
      await manager.insert(
        Participation,
        participations.map((p) => ({
          campaignId: campaign.id,
          unitId: p.unitId,
          status: 'registered' as const,
        })),
      );
    }
    const copied = {
      steps: steps.length,
      indexSets: sets.length,
      criteria: criteriaCount,
      participations: participations.length,
    };
    await this.audit.record(
      actor,
      {
        action: 'campaign.copy',
        entityType: 'campaign',
        entityId: campaign.id,
        details: {
          sourceId: source.id,
          sourceCode: source.code,
          code,
          year: dto.year,
          years,
          ...copied,
          workingDays: rules,
          moved: placed.moves.map((m) => ({
            step: m.step,
            date: m.date,
            from: m.yearShiftOn,
            to: m.chosenOn,
            reason: m.reason,
          })),
        },
      },
      manager,
    );
    const fresh = await findCampaign(manager, campaign.id);
    const moveView = (m: PlanDateMove) => ({
      step: m.step,
      date: m.date,
      rule: m.rule,
      yearShiftOn: formatLocalDate(m.yearShiftAt, zone),
      yearShiftAt: m.yearShiftAt.toISOString(),
      chosenOn: formatLocalDate(m.chosenAt, zone),
      chosenAt: m.chosenAt.toISOString(),
      reason: m.reason,
    });
    return {
      ...this.detail(fresh, await this.steps(manager, campaign.id)),
      copied,
      workingDays: {
        rules,
        moves: placed.moves.map(moveView),
        kept: placed.kept.map(moveView),
        warnings: placed.warnings,
      },
    };
  }

  /**
   * Launches the campaign: records it launched, with its audit entry and the start of its
   * workflow in the outbox, in one transaction; the relay then starts the workflow (at once when
   * Temporal answers, else as soon as it does, also after a restart). The decision is made here,
   * from the plan in PostgreSQL (launchProblems).
   */
  async launch(actor: Actor, ref: string): Promise<LaunchResultView> {
    const { view, outboxIds } = await this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, ref, { lock: true });
      if (campaign.status !== 'draft') {
        throw new ConflictException(
          campaign.workflowId
            ? `Chiến dịch ${campaign.code} đã được triển khai (trạng thái: ${CAMPAIGN_STATUS_VI[campaign.status]}, quy trình ${campaign.workflowId}).`
            : `Chiến dịch ${campaign.code} được ghi là ${CAMPAIGN_STATUS_VI[campaign.status]} nhưng không có quy trình nào chạy: dữ liệu của chiến dịch được nạp trực tiếp (ví dụ bằng npm run demo:results), nên không thể triển khai. Hãy sao chép chiến dịch để tạo một chiến dịch có quy trình chạy.`,
        );
      }
      const id = campaign.id;
      const steps = await this.steps(manager, id);
      const plan: LaunchPlan = {
        timeZone: campaign.timeZone,
        steps,
        units: await manager
          .createQueryBuilder(Participation, 'p')
          .innerJoin('p.unit', 'u')
          .select(['u.code AS code', 'u.group_code AS "group"'])
          .where('p.campaign_id = :id', { id })
          .orderBy('u.code')
          .getRawMany<{ code: string; group: string }>(),
        indexSets: (
          await manager
            .createQueryBuilder(IndexSet, 's')
            .leftJoin(Criterion, 'c', 'c.index_set_id = s.id')
            .select(['s.group_code AS "group"', 'COUNT(c.id)::int AS criteria'])
            .where('s.campaign_id = :id', { id })
            .groupBy('s.group_code')
            .getRawMany<{ group: string; criteria: number }>()
        ).map((r) => ({ group: r.group, criteria: Number(r.criteria) })),
        inactiveAgencies: await inactiveAgenciesNamed(manager, id),
      };
      const problems = launchProblems(plan);
      if (problems.length > 0) {
        throw new UnprocessableEntityException({
          statusCode: 422,
          error: 'Unprocessable Entity',
          message: `Không thể triển khai chiến dịch ${campaign.code}: kế hoạch có ${problems.length} lỗi.`,
          errors: problems,
        });
      }
      const now = this.clock.now();
      const workflowId = campaignWorkflowId(campaign.code, campaign.year);
      campaign.status = 'launched';
      campaign.workflowId = workflowId;
      campaign.launchedAt = now;
      const saved = await manager.save(Campaign, campaign);
      await this.audit.record(
        actor,
        {
          action: 'campaign.launch',
          entityType: 'campaign',
          entityId: id,
          details: { workflowId, taskQueue: this.config.temporalTaskQueue },
        },
        manager,
      );
      const start: WorkflowStartPayload = {
        taskQueue: this.config.temporalTaskQueue,
        args: [buildCampaignWorkflowInput(saved, steps)],
        year: campaign.year,
        summary: `${campaign.name} (${campaign.code})`,
      };
      const outboxIds = await this.outbox.add(manager, id, [
        {
          workflowId,
          kind: 'start',
          name: 'campaignWorkflow',
          payload: start,
          action: 'campaign.launch',
        },
      ]);
      return {
        view: {
          ...this.detail(saved, steps),
          warnings: [
            ...launchWarnings(plan, now),
            // A year of the plan without working-day data: its reminders go on Monday–Friday.
            ...(await loadCalendarGapWarnings(
              manager,
              steps.flatMap((step) => [step.opensAt, step.deadline]),
              campaign.timeZone,
            )),
          ],
        },
        outboxIds,
      };
    });
    const delivery = await this.relay.deliver(outboxIds);
    return { ...view, workflowStarted: delivery === 'delivered' };
  }
}

/** Copies a criteria tree under new ids, parents first. Returns the number of nodes. */
async function copyCriteria(
  manager: EntityManager,
  criteria: Criterion[],
  indexSetId: string,
): Promise<number> {
  const newIds = new Map(criteria.map((c) => [c.id, randomUUID()]));
  const byParent = new Map<string | null, Criterion[]>();
  for (const c of criteria) {
    const key = c.parentId && newIds.has(c.parentId) ? c.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), c]);
  }
  let level = byParent.get(null) ?? [];
  let count = 0;
  while (level.length > 0) {
    await manager.insert(
      Criterion,
      level.map((c) => ({
        id: newIds.get(c.id)!,
        indexSetId,
        parentId: c.parentId ? (newIds.get(c.parentId) ?? null) : null,
        code: c.code,
        level: c.level,
        kind: c.kind,
        title: c.title,
        maxPoints: c.maxPoints,
        agencyId: c.agencyId,
        evidenceRequired: c.evidenceRequired,
        guidance: c.guidance,
        sortOrder: c.sortOrder,
      })),
    );
    count += level.length;
    level = level.flatMap((c) => byParent.get(c.id) ?? []);
  }
  return count;
}

/** Inactive agencies the campaign's index sets still name, with those criteria ("group/code"). */
async function inactiveAgenciesNamed(
  manager: EntityManager,
  campaignId: string,
): Promise<{ code: string; mergedInto: string | null; criteria: string[] }[]> {
  const rows: { code: string; merged_into: string | null; criteria: string[] }[] =
    await manager.query(
      `SELECT a.code, a.merged_into,
              array_agg(s.group_code || '/' || c.code ORDER BY s.group_code, c.code) AS criteria
       FROM criteria c
       JOIN index_sets s ON s.id = c.index_set_id
       JOIN agencies a ON a.id = c.agency_id
       WHERE s.campaign_id = $1 AND NOT a.active
       GROUP BY a.code, a.merged_into
       ORDER BY a.code`,
      [campaignId],
    );
  return rows.map((r) => ({ code: r.code, mergedInto: r.merged_into, criteria: r.criteria }));
}
