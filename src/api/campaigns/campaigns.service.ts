import { randomUUID } from 'node:crypto';
import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import {
  type Client,
  type WorkflowHandle,
  WorkflowExecutionAlreadyStartedError,
} from '@temporalio/client';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { AppConfig } from '../../config.js';
import { endOfLocalDay, startOfLocalDay } from '../../domain/plan-dates.js';
import {
  Campaign,
  CampaignStep,
  Criterion,
  IndexSet,
  Participation,
} from '../../entities/index.js';
import type { campaignWorkflow } from '../../workflows/campaign.workflow.js';
import { CAMPAIGN_YEAR } from '../../contracts/search-attributes.js';
import { campaignWorkflowId } from '../../contracts/workflow-ids.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { APP_CONFIG, TEMPORAL_CLIENT } from '../tokens.js';
import {
  copiedCampaignCode,
  copiedCampaignName,
  sameLocalTimeIn,
  shiftInstantByYears,
  shiftYearsInText,
} from './campaign-copy.js';
import { assertNotLaunched, findCampaign } from './campaign-lookup.js';
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
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(year?: number): Promise<CampaignView[]> {
    const campaigns = await this.dataSource.getRepository(Campaign).find({
      where: year === undefined ? {} : { year },
      order: { year: 'DESC', code: 'ASC' },
    });
    return campaigns.map(campaignView);
  }

  async get(id: string): Promise<CampaignDetailView> {
    const campaign = await findCampaign(this.dataSource.manager, id);
    return campaignDetailView(campaign, await this.steps(this.dataSource.manager, id));
  }

  async getSteps(id: string): Promise<CampaignDetailView['steps']> {
    return (await this.get(id)).steps;
  }

  private steps(manager: EntityManager, campaignId: string): Promise<CampaignStep[]> {
    return manager.find(CampaignStep, { where: { campaignId }, order: { number: 'ASC' } });
  }

  async update(actor: Actor, id: string, dto: UpdateCampaignDto): Promise<CampaignDetailView> {
    const changed = Object.keys(dto).filter((k) => dto[k as keyof UpdateCampaignDto] !== undefined);
    if (changed.length === 0) {
      throw new BadRequestException(
        'The body names nothing to change: send one or more of name, decisionRefs, latePolicy, timeZone, reminderPolicy.',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, id, { lock: true });
      assertNotLaunched(campaign, 'its settings');
      const steps = await this.steps(manager, id);
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
          entityId: id,
          details: { changed, before },
        },
        manager,
      );
      return campaignDetailView(saved, steps);
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
        'The body names nothing to change: send one or more of titleVi, titleEn, kind, actor, lead, coordinating, opensOn, closesOn, opensAt, deadline, startsAfterStep, windowText.',
      );
    }
    if (dto.opensOn !== undefined && dto.opensAt !== undefined) {
      throw new BadRequestException(
        'Send either opensOn (a local date) or opensAt (an instant), not both.',
      );
    }
    if (dto.closesOn !== undefined && dto.deadline !== undefined) {
      throw new BadRequestException(
        'Send either closesOn (a local date) or deadline (an instant), not both.',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, id, { lock: true });
      assertNotLaunched(campaign, 'its step plan');
      const steps = await this.steps(manager, id);
      const step = steps.find((s) => s.number === number);
      if (!step) {
        throw new NotFoundException(
          `Campaign ${campaign.code} has no step ${number} (its steps: ${steps.map((s) => s.number).join(', ') || 'none'}).`,
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
      if (dto.startsAfterStep !== undefined) {
        const after = dto.startsAfterStep;
        if (after !== null && (after >= number || !steps.some((s) => s.number === after))) {
          throw new BadRequestException(
            `startsAfterStep must name an earlier step of the plan; step ${number} cannot start after step ${after}.`,
          );
        }
        step.startsAfterStep = after;
      }
      if (step.opensAt && step.deadline && step.opensAt.getTime() >= step.deadline.getTime()) {
        throw new BadRequestException(
          `Step ${number} would open (${step.opensAt.toISOString()}) after its deadline (${step.deadline.toISOString()}).`,
        );
      }
      await manager.save(CampaignStep, step);
      await this.audit.record(
        actor,
        {
          action: 'campaign_step.update',
          entityType: 'campaign_step',
          entityId: step.id,
          details: { campaignId: id, step: number, changed, before },
        },
        manager,
      );
      return campaignDetailView(campaign, steps);
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
          `A campaign with code ${dto.code ?? 'the derived code'} was created meanwhile; choose another code.`,
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
        `year must differ from the source campaign's year (${source.year}): a copy is another year's campaign.`,
      );
    }
    const years = dto.year - source.year;
    const code = dto.code ?? copiedCampaignCode(source.code, source.year, dto.year);
    const clash = await manager.findOne(Campaign, { where: { code }, select: { id: true } });
    if (clash) {
      throw new ConflictException(
        `A campaign with code ${code} exists already (id ${clash.id}); send another "code".`,
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
    const steps = sourceSteps.map((s) =>
      manager.create(CampaignStep, {
        campaignId: campaign.id,
        number: s.number,
        kind: s.kind,
        titleVi: s.titleVi,
        titleEn: s.titleEn,
        actor: s.actor,
        lead: s.lead,
        coordinating: s.coordinating,
        opensAt: shift(s.opensAt),
        deadline: shift(s.deadline),
        startsAfterStep: s.startsAfterStep,
        windowText: s.windowText === null ? null : shiftYearsInText(s.windowText, years),
      }),
    );
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
        },
      },
      manager,
    );
    const fresh = await findCampaign(manager, campaign.id);
    return { ...campaignDetailView(fresh, await this.steps(manager, campaign.id)), copied };
  }

  async launch(actor: Actor, id: string): Promise<LaunchResultView> {
    let started: WorkflowHandle | undefined;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const campaign = await findCampaign(manager, id, { lock: true });
        if (campaign.status !== 'draft') {
          throw new ConflictException(
            `Campaign ${campaign.code} is already ${campaign.status} (workflow ${campaign.workflowId ?? 'unknown'}).`,
          );
        }
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
        };
        const problems = launchProblems(plan);
        if (problems.length > 0) {
          throw new UnprocessableEntityException({
            statusCode: 422,
            error: 'Unprocessable Entity',
            message: `Campaign ${campaign.code} cannot be launched: ${problems.length} problem${problems.length === 1 ? '' : 's'} in its plan.`,
            errors: problems,
          });
        }
        const now = new Date();
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
        // Last, so that a refused start rolls the launch back; a failed commit terminates it.
        started = await this.startWorkflow(workflowId, campaign, steps);
        return {
          ...campaignDetailView(saved, steps),
          warnings: launchWarnings(plan, now),
        };
      });
    } catch (err) {
      if (started) {
        await started
          .terminate('The launch could not be recorded in the database.')
          .catch(() => undefined);
      }
      throw err;
    }
  }

  private async startWorkflow(
    workflowId: string,
    campaign: Campaign,
    steps: CampaignStep[],
  ): Promise<WorkflowHandle> {
    try {
      return await this.temporal.workflow.start<typeof campaignWorkflow>('campaignWorkflow', {
        workflowId,
        taskQueue: this.config.temporalTaskQueue,
        args: [buildCampaignWorkflowInput(campaign, steps)],
        typedSearchAttributes: [{ key: CAMPAIGN_YEAR, value: campaign.year }],
        staticSummary: `${campaign.name} (${campaign.code})`,
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        throw new ConflictException(
          `Temporal already runs a workflow with id ${workflowId}; campaign ${campaign.code} was not launched.`,
        );
      }
      throw new ServiceUnavailableException(
        `Temporal did not start the campaign workflow ${workflowId}: ${err instanceof Error ? err.message : String(err)}. Nothing was changed; try again.`,
      );
    }
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
