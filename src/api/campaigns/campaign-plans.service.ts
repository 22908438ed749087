/**
 * A campaign's plan built by the secretariat: a campaign from scratch (or from an imported file),
 * and a draft's steps added and removed. Every campaign made here is a draft; whether it can be
 * launched is decided by launch-rules.ts at launch, as for any other.
 */
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { Campaign, CampaignStep } from '../../entities/index.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import {
  ImportValidationException,
  readImport,
  type UploadedImportFile,
} from '../common/import-file.js';
import { CLOCK } from '../tokens.js';
import { assertNotLaunched, findCampaign } from './campaign-lookup.js';
import { campaignDetailView } from './campaign-views.js';
import type {
  CampaignDetailView,
  CreateCampaignDto,
  DecisionRefDto,
  NewStepDto,
} from './campaign.dto.js';
import { PLAN_IMPORT, planJsonWithTextSettings, validatePlanImport } from './plan-import.js';
import {
  planRefused,
  plannedStep,
  renumberForInsert,
  renumberForRemove,
  startsAfterProblems,
  type PlannedStep,
  type PlanProblem,
} from './plan-steps.js';
import type { LatePolicy } from '../../domain/words.js';
import type { ReminderPolicyInput } from '../../domain/reminders/reminder-policy.js';

interface NewCampaign {
  code: string;
  province: string;
  year: number;
  name: string;
  timeZone: string;
  latePolicy: LatePolicy;
  decisionRefs: DecisionRefDto[];
  reminderPolicy: ReminderPolicyInput | null;
}

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class CampaignPlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** POST /campaigns: a draft with its plan (or none yet). */
  async create(actor: Actor, dto: CreateCampaignDto): Promise<CampaignDetailView> {
    const campaign: NewCampaign = {
      code: dto.code,
      province: dto.province,
      year: dto.year,
      name: dto.name,
      timeZone: dto.timeZone ?? 'Asia/Ho_Chi_Minh',
      latePolicy: dto.latePolicy ?? 'accept',
      decisionRefs: (dto.decisionRefs ?? []).map(({ number, date, title }) => ({
        number,
        date,
        title,
      })),
      reminderPolicy: dto.reminderPolicy ?? null,
    };
    const problems: PlanProblem[] = [];
    const steps: PlannedStep[] = [];
    const seen = new Map<number, number>();
    (dto.steps ?? []).forEach((step, index) => {
      const number = step.number ?? index + 1;
      const at = `steps[${index}]`;
      if (seen.has(number)) {
        problems.push({
          field: `${at}.number`,
          message: `${at}.number: bước ${number} đã có ở steps[${seen.get(number)}].`,
        });
        return;
      }
      seen.set(number, index);
      const planned = plannedStep(step, number, campaign, at, problems);
      if (planned) steps.push(planned);
    });
    const index = (n: number) => `steps[${seen.get(n)}]`;
    problems.push(...startsAfterProblems(steps, index));
    if (problems.length > 0) throw planRefused('Kế hoạch', problems);
    return this.store(actor, campaign, steps, { action: 'campaign.create', source: 'api' });
  }

  /** POST /campaigns/import: the same, from a JSON or XLSX file. */
  async importPlan(
    actor: Actor,
    file: UploadedImportFile | undefined,
    body: unknown,
  ): Promise<CampaignDetailView> {
    const jsonFile =
      file && /\.json$/i.test(file.originalname ?? '') ? withTextSettings(file) : file;
    const source = await readImport(PLAN_IMPORT, jsonFile, planJsonWithTextSettings(body));
    const result = validatePlanImport(source);
    if (!result.ok) throw new ImportValidationException('kế hoạch nhập', result.issues);
    return this.store(actor, { ...result.campaign, reminderPolicy: null }, result.steps, {
      action: 'campaign.import',
      source: source.fileName ?? 'json',
    });
  }

  private async store(
    actor: Actor,
    input: NewCampaign,
    steps: PlannedStep[],
    audit: { action: string; source: string },
  ): Promise<CampaignDetailView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const clash = await manager.findOne(Campaign, {
          where: { code: input.code },
          select: { id: true },
        });
        if (clash) {
          throw new ConflictException(
            `Đã có chiến dịch mã ${input.code} (id ${clash.id}); hãy chọn mã khác.`,
          );
        }
        const campaign = await manager.save(
          manager.create(Campaign, { ...input, status: 'draft' }),
        );
        const saved = steps.length
          ? await manager.save(
              CampaignStep,
              steps.map((s) => manager.create(CampaignStep, { ...s, campaignId: campaign.id })),
            )
          : [];
        await this.audit.record(
          actor,
          {
            action: audit.action,
            entityType: 'campaign',
            entityId: campaign.id,
            details: {
              code: input.code,
              year: input.year,
              steps: steps.length,
              source: audit.source,
            },
          },
          manager,
        );
        const fresh = await findCampaign(manager, campaign.id);
        return campaignDetailView(
          fresh,
          saved.sort((a, b) => a.number - b.number),
          this.clock.now(),
        );
      });
    } catch (err) {
      if (
        err instanceof QueryFailedError &&
        (err.driverError as { code?: string } | undefined)?.code === UNIQUE_VIOLATION
      ) {
        throw new ConflictException(
          `Một chiến dịch mang mã ${input.code} vừa được tạo; hãy chọn mã khác.`,
        );
      }
      throw err;
    }
  }

  /**
   * POST /campaigns/{id}/steps: appended after the last step, or inserted at `number` with later
   * steps (and every startsAfterStep naming them) moved up by one.
   */
  async addStep(actor: Actor, ref: string, dto: NewStepDto): Promise<CampaignDetailView> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, ref, { lock: true });
      assertNotLaunched(campaign, 'kế hoạch các bước');
      const steps = await this.steps(manager, campaign.id);
      const last = steps.at(-1)?.number ?? 0;
      const number = dto.number === undefined ? last + 1 : Math.min(dto.number, last + 1);
      if (last >= 99) {
        throw planRefused('Bước mới', [
          { field: 'number', message: 'number: kế hoạch đã có bước 99, không thêm được bước nữa.' },
        ]);
      }
      const renumber = renumberForInsert(
        steps.map((s) => s.number),
        number,
      );
      // startsAfterStep names a step as the plan numbers it now; it follows that step's new number.
      const after = dto.startsAfterStep ?? null;
      const problems: PlanProblem[] = [];
      if (after !== null && (!renumber.has(after) || renumber.get(after)! >= number)) {
        problems.push({
          field: 'startsAfterStep',
          message: `startsAfterStep: bước mới (bước ${number}) không thể bắt đầu sau bước ${after}; bước bắt đầu sau phải là một bước có trong kế hoạch, trước vị trí của bước mới.`,
        });
      }
      const planned = plannedStep(
        { ...dto, startsAfterStep: after === null ? null : (renumber.get(after) ?? after) },
        number,
        campaign,
        'step',
        problems,
      );
      if (problems.length > 0 || !planned) throw planRefused('Bước mới', problems);
      await this.applyNumbers(manager, campaign.id, steps, renumber);
      const created = await manager.save(
        manager.create(CampaignStep, { ...planned, campaignId: campaign.id }),
      );
      await this.audit.record(
        actor,
        {
          action: 'campaign_step.create',
          entityType: 'campaign_step',
          entityId: created.id,
          details: {
            campaignId: campaign.id,
            step: number,
            renumbered: movedNumbers(renumber),
          },
        },
        manager,
      );
      return campaignDetailView(campaign, await this.steps(manager, campaign.id), this.clock.now());
    });
  }

  /**
   * DELETE /campaigns/{id}/steps/{n}: later steps move down by one, with the startsAfterStep
   * naming them. Refused while another step starts after the removed one.
   */
  async removeStep(actor: Actor, ref: string, number: number): Promise<CampaignDetailView> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, ref, { lock: true });
      assertNotLaunched(campaign, 'kế hoạch các bước');
      const steps = await this.steps(manager, campaign.id);
      const step = steps.find((s) => s.number === number);
      if (!step) {
        throw new NotFoundException(
          `Chiến dịch ${campaign.code} không có bước ${number} (các bước của chiến dịch: ${steps.map((s) => s.number).join(', ') || 'chưa có'}).`,
        );
      }
      const dependants = steps.filter((s) => s.startsAfterStep === number);
      if (dependants.length > 0) {
        throw new ConflictException(
          `Không xóa được bước ${number}: ${dependants.map((s) => `bước ${s.number}`).join(', ')} bắt đầu sau bước này; hãy sửa startsAfterStep của ${dependants.length > 1 ? 'các bước đó' : 'bước đó'} trước.`,
        );
      }
      await manager.delete(CampaignStep, { id: step.id });
      const rest = steps.filter((s) => s.id !== step.id);
      const renumber = renumberForRemove(
        steps.map((s) => s.number),
        number,
      );
      await this.applyNumbers(manager, campaign.id, rest, renumber);
      await this.audit.record(
        actor,
        {
          action: 'campaign_step.delete',
          entityType: 'campaign_step',
          entityId: step.id,
          details: {
            campaignId: campaign.id,
            step: number,
            titleVi: step.titleVi,
            opensAt: step.opensAt?.toISOString() ?? null,
            deadline: step.deadline?.toISOString() ?? null,
            renumbered: movedNumbers(renumber),
          },
        },
        manager,
      );
      return campaignDetailView(campaign, await this.steps(manager, campaign.id), this.clock.now());
    });
  }

  private steps(manager: EntityManager, campaignId: string): Promise<CampaignStep[]> {
    return manager.find(CampaignStep, { where: { campaignId }, order: { number: 'ASC' } });
  }

  /**
   * Gives `steps` their new numbers and startsAfterStep. Numbers are unique per campaign, so they
   * pass through negative values first (no two steps ever share a number on the way).
   */
  private async applyNumbers(
    manager: EntityManager,
    campaignId: string,
    steps: CampaignStep[],
    renumber: Map<number, number>,
  ): Promise<void> {
    const changed = steps.filter(
      (s) =>
        renumber.get(s.number) !== s.number ||
        (s.startsAfterStep !== null && renumber.get(s.startsAfterStep) !== s.startsAfterStep),
    );
    if (changed.length === 0) return;
    for (const s of changed) {
      await manager.update(CampaignStep, { id: s.id, campaignId }, { number: -s.number });
    }
    for (const s of changed) {
      await manager.update(
        CampaignStep,
        { id: s.id, campaignId },
        {
          number: renumber.get(s.number)!,
          startsAfterStep:
            s.startsAfterStep === null
              ? null
              : (renumber.get(s.startsAfterStep) ?? s.startsAfterStep),
        },
      );
    }
  }
}

/** { "4": 5, "11": 12 }: the steps whose number changed. */
function movedNumbers(renumber: Map<number, number>): Record<string, number> {
  return Object.fromEntries([...renumber].filter(([from, to]) => from !== to));
}

/** A JSON file's year may be a number: rewritten as text, as the import reads settings. */
function withTextSettings(file: UploadedImportFile): UploadedImportFile {
  try {
    const document = JSON.parse(file.buffer.toString('utf8').replace(/^\uFEFF/, '')) as unknown;
    const buffer = Buffer.from(JSON.stringify(planJsonWithTextSettings(document)), 'utf8');
    return { ...file, buffer, size: buffer.length };
  } catch {
    // Malformed JSON: the import's reader says so, naming the file.
    return file;
  }
}
