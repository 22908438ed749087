import {
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { formatLocalDateTime } from '../../domain/local-time.js';
import { Campaign, Participation, StepExtension, Unit } from '../../entities/index.js';
import type { CampaignState, StepState } from '../../contracts/campaign.js';
import {
  amendDeadlineSignal,
  campaignStateQuery,
  chairmanDecisionSignal,
  closeStepSignal,
  councilApprovalSignal,
  explanationRequestedSignal,
  explanationSubmittedSignal,
  extensionGrantedSignal,
  explanationRequestMailSignal,
  notificationPlanChangedSignal,
  openStepSignal,
  resultsPublishedSignal,
  selfAssessmentSubmittedSignal,
  unitStateQuery,
} from '../../contracts/signals.js';
import type { UnitState } from '../../contracts/unit.js';
import { notificationsWorkflowId, unitWorkflowId } from '../../contracts/workflow-ids.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import {
  type AnswerInput,
  ExplanationRequestStore,
} from '../explanations/explanation-request.store.js';
import { publishResults } from '../results/results-publication.js';
import { TEMPORAL_CLIENT } from '../tokens.js';

export interface CampaignStateView extends CampaignState {
  /** Units per status, from PostgreSQL (kept in step by the unit workflows' activities). */
  unitsByStatus: Record<string, number>;
}

/**
 * Everything the API asks of a running campaign's workflows: secretariat, council and Chairman
 * actions become signals after the API has checked them against the workflow's state, and the
 * state is read through queries. The API validates first, so a caller gets a clear 4xx and a
 * workflow never receives a signal it would have to ignore.
 */
@Injectable()
export class CampaignWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly explanations: ExplanationRequestStore,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async launchedCampaign(campaignId: string): Promise<Campaign & { workflowId: string }> {
    const campaign = await this.dataSource.getRepository(Campaign).findOneBy({ id: campaignId });
    if (!campaign) throw new NotFoundException(`No campaign with id ${campaignId}.`);
    if (!campaign.workflowId) {
      throw new ConflictException(
        `Campaign "${campaign.code}" has not been launched yet: launch it first (POST /campaigns/${campaign.id}/launch).`,
      );
    }
    return campaign as Campaign & { workflowId: string };
  }

  async participation(campaign: Campaign, unitCode: string): Promise<Participation> {
    const unit = await this.dataSource.getRepository(Unit).findOneBy({ code: unitCode });
    if (!unit) throw new NotFoundException(`No unit with code "${unitCode}".`);
    const participation = await this.dataSource
      .getRepository(Participation)
      .findOneBy({ campaignId: campaign.id, unitId: unit.id });
    if (!participation) {
      throw new NotFoundException(
        `Unit "${unitCode}" does not take part in campaign "${campaign.code}".`,
      );
    }
    return participation;
  }

  private campaignHandle(campaign: { workflowId: string }): WorkflowHandle {
    return this.temporal.workflow.getHandle(campaign.workflowId);
  }

  private unitHandle(campaign: { workflowId: string }, unitCode: string): WorkflowHandle {
    return this.temporal.workflow.getHandle(unitWorkflowId(campaign.workflowId, unitCode));
  }

  /** Runs a Temporal call, turning "no such workflow" and an unreachable server into clear errors. */
  private async temporalCall<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) {
        throw new ConflictException(`${what}: its workflow is not running (${err.message}).`);
      }
      if (err instanceof Error && /UNAVAILABLE|ECONNREFUSED|deadline/i.test(err.message)) {
        throw new ServiceUnavailableException(
          `${what}: Temporal is not reachable (${err.message}).`,
        );
      }
      throw err;
    }
  }

  async campaignState(campaignId: string): Promise<CampaignStateView> {
    const campaign = await this.launchedCampaign(campaignId);
    const state = await this.temporalCall(`Campaign "${campaign.code}"`, () =>
      this.campaignHandle(campaign).query(campaignStateQuery),
    );
    const rows = await this.dataSource
      .getRepository(Participation)
      .createQueryBuilder('p')
      .select('p.status', 'status')
      .addSelect('COUNT(*)::int', 'count')
      .where('p.campaign_id = :id', { id: campaign.id })
      .groupBy('p.status')
      .getRawMany<{ status: string; count: number }>();
    return { ...state, unitsByStatus: Object.fromEntries(rows.map((r) => [r.status, r.count])) };
  }

  async unitState(campaignId: string, unitCode: string): Promise<UnitState> {
    const campaign = await this.launchedCampaign(campaignId);
    await this.participation(campaign, unitCode);
    return this.temporalCall(`Unit "${unitCode}"`, () =>
      this.unitHandle(campaign, unitCode).query(unitStateQuery),
    );
  }

  private async stepOf(campaignId: string, stepNumber: number) {
    const campaign = await this.launchedCampaign(campaignId);
    const state = await this.temporalCall(`Campaign "${campaign.code}"`, () =>
      this.campaignHandle(campaign).query(campaignStateQuery),
    );
    const step = state.steps.find((s) => s.number === stepNumber);
    if (!step) {
      throw new NotFoundException(
        `Campaign "${campaign.code}" has no step ${stepNumber}; its steps are ${state.steps.map((s) => s.number).join(', ')}.`,
      );
    }
    return { campaign, state, step };
  }

  private describe(step: StepState, campaign: Campaign): string {
    return `step ${step.number} (${step.titleVi})${step.deadline ? `, deadline ${formatLocalDateTime(new Date(step.deadline), campaign.timeZone)}` : ''}`;
  }

  async openStep(actor: Actor, campaignId: string, stepNumber: number): Promise<StepState> {
    const { campaign, step } = await this.stepOf(campaignId, stepNumber);
    if (step.status !== 'pending') {
      throw new ConflictException(
        `Cannot open ${this.describe(step, campaign)}: it is already ${step.status}.`,
      );
    }
    await this.campaignHandle(campaign).signal(openStepSignal, { step: stepNumber });
    await this.audit.record(actor, {
      action: 'campaign.step.open',
      entityType: 'campaign',
      entityId: campaign.id,
      details: { step: stepNumber },
    });
    return step;
  }

  async closeStep(actor: Actor, campaignId: string, stepNumber: number): Promise<StepState> {
    const { campaign, step } = await this.stepOf(campaignId, stepNumber);
    if (step.status !== 'open') {
      throw new ConflictException(
        `Cannot close ${this.describe(step, campaign)}: it is ${step.status}, not open.`,
      );
    }
    await this.campaignHandle(campaign).signal(closeStepSignal, { step: stepNumber });
    await this.audit.record(actor, {
      action: 'campaign.step.close',
      entityType: 'campaign',
      entityId: campaign.id,
      details: { step: stepNumber },
    });
    return step;
  }

  async amendDeadline(
    actor: Actor,
    campaignId: string,
    stepNumber: number,
    deadline: Date,
    reason: string | undefined,
  ): Promise<StepState> {
    const { campaign, step } = await this.stepOf(campaignId, stepNumber);
    if (step.status === 'closed') {
      throw new ConflictException(
        `Cannot amend the deadline of ${this.describe(step, campaign)}: it is closed.`,
      );
    }
    if (step.opensAt && deadline.getTime() <= Date.parse(step.opensAt)) {
      throw new UnprocessableEntityException(
        `The new deadline ${formatLocalDateTime(deadline, campaign.timeZone)} is not after step ${stepNumber} opens (${formatLocalDateTime(new Date(step.opensAt), campaign.timeZone)}).`,
      );
    }
    await this.campaignHandle(campaign).signal(amendDeadlineSignal, {
      step: stepNumber,
      deadline: deadline.toISOString(),
    });
    await this.audit.record(actor, {
      action: 'campaign.step.amend_deadline',
      entityType: 'campaign',
      entityId: campaign.id,
      details: { step: stepNumber, from: step.deadline, to: deadline.toISOString(), reason },
    });
    return { ...step, deadline: deadline.toISOString() };
  }

  async grantExtension(
    actor: Actor,
    campaignId: string,
    unitCode: string,
    stepNumber: number,
    deadline: Date,
    reason: string | undefined,
  ): Promise<StepExtension> {
    const { campaign, step } = await this.stepOf(campaignId, stepNumber);
    if (step.kind !== 'self_assessment' && step.kind !== 'explanation') {
      throw new UnprocessableEntityException(
        `Extensions are for the units' own steps (self-assessment, explanation); step ${stepNumber} is "${step.titleVi}".`,
      );
    }
    if (step.deadline && deadline.getTime() <= Date.parse(step.deadline)) {
      throw new UnprocessableEntityException(
        `An extension must end after the step's deadline (${formatLocalDateTime(new Date(step.deadline), campaign.timeZone)}).`,
      );
    }
    const participation = await this.participation(campaign, unitCode);
    const extension = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(StepExtension);
      await repo.upsert(
        {
          participationId: participation.id,
          stepNumber,
          deadline,
          reason: reason ?? null,
          grantedBy: actor.name,
        },
        ['participationId', 'stepNumber'],
      );
      await this.audit.record(
        actor,
        {
          action: 'participation.extension.grant',
          entityType: 'participation',
          entityId: participation.id,
          details: { unitCode, step: stepNumber, deadline: deadline.toISOString(), reason },
        },
        manager,
      );
      return repo.findOneByOrFail({ participationId: participation.id, stepNumber });
    });
    await this.temporalCall(`Unit "${unitCode}"`, () =>
      this.unitHandle(campaign, unitCode).signal(extensionGrantedSignal, {
        stepNumber,
        deadline: deadline.toISOString(),
      }),
    );
    // An extension moves one unit's reminders: the notifications workflow re-plans.
    await this.tellNotifications(campaign, (handle) =>
      handle.signal(notificationPlanChangedSignal),
    );
    return extension;
  }

  /**
   * Tells the campaign's notifications workflow (reminders and mails): a re-plan, an explanation
   * request to mail, published results. Campaigns launched before notifications existed have
   * none, and one that already ended has nothing left to send: nothing to tell.
   */
  private async tellNotifications(
    campaign: { workflowId: string },
    tell: (handle: WorkflowHandle) => Promise<void>,
  ): Promise<void> {
    try {
      await tell(this.temporal.workflow.getHandle(notificationsWorkflowId(campaign.workflowId)));
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  }

  /**
   * Asks a unit to explain criteria (step 5). The request is stored first (explanation_requests:
   * criteria, reasons, the unit's step-6 deadline, who and when), with its audit entry, then the
   * unit workflow is signalled with every criterion confirmed so far (a new request replaces the
   * workflow's previous one). A failed signal can be retried: storing again changes nothing.
   * `reasons` gives criteria their own reason (the aggregation's proposals).
   */
  async requestExplanation(
    actor: Actor,
    campaignId: string,
    unitCode: string,
    criteria: string[],
    reason: string,
    reasons?: ReadonlyMap<string, string>,
  ): Promise<UnitState> {
    const campaign = await this.launchedCampaign(campaignId);
    const participation = await this.participation(campaign, unitCode);
    const state = await this.unitState(campaignId, unitCode);
    if (state.explanation.deadline && Date.now() > Date.parse(state.explanation.deadline)) {
      throw new ConflictException(
        `The explanation round of unit "${unitCode}" ended ${formatLocalDateTime(new Date(state.explanation.deadline), campaign.timeZone)}.`,
      );
    }
    const requestedAt = new Date();
    const deadline = state.explanation.deadline ? new Date(state.explanation.deadline) : null;
    const confirmed = await this.dataSource.transaction(async (manager) => {
      const all = await this.explanations.confirm(manager, actor, {
        campaign,
        participation,
        criteria,
        reason,
        reasons,
        deadline,
        at: requestedAt,
      });
      await this.audit.record(
        actor,
        {
          action: 'participation.explanation.request',
          entityType: 'participation',
          entityId: participation.id,
          details: {
            unitCode,
            criteria,
            reason,
            ...(reasons ? { reasons: Object.fromEntries(reasons) } : {}),
            deadline: deadline?.toISOString() ?? null,
          },
        },
        manager,
      );
      return all;
    });
    const request = { criteria: confirmed, reason, requestedAt: requestedAt.toISOString() };
    await this.temporalCall(`Unit "${unitCode}"`, () =>
      this.unitHandle(campaign, unitCode).signal(explanationRequestedSignal, request),
    );
    await this.tellNotifications(campaign, (handle) =>
      handle.signal(explanationRequestMailSignal, { unitCode, requestedAt: request.requestedAt }),
    );
    return { ...state, explanation: { ...state.explanation, request } };
  }

  /**
   * A unit's explanation (step 6): its answers per criterion (text and extra evidence) and/or a
   * general text are stored with the audit entry, then the unit workflow is signalled.
   */
  async submitExplanation(
    actor: Actor,
    campaignId: string,
    unitCode: string,
    text: string | undefined,
    answers: AnswerInput[] = [],
  ): Promise<UnitState> {
    const campaign = await this.launchedCampaign(campaignId);
    const participation = await this.participation(campaign, unitCode);
    const state = await this.unitState(campaignId, unitCode);
    if (!state.explanation.request) {
      throw new ConflictException(`No explanation was requested from unit "${unitCode}".`);
    }
    if (state.explanation.deadline && Date.now() > Date.parse(state.explanation.deadline)) {
      throw new ConflictException(
        `The explanation deadline of unit "${unitCode}" passed at ${formatLocalDateTime(new Date(state.explanation.deadline), campaign.timeZone)}.`,
      );
    }
    const submittedAt = new Date();
    await this.dataSource.transaction(async (manager) => {
      const answered = await this.explanations.saveAnswers(manager, actor, {
        campaign,
        participation,
        answers,
        text,
        at: submittedAt,
      });
      await this.audit.record(
        actor,
        {
          action: 'participation.explanation.submit',
          entityType: 'participation',
          entityId: participation.id,
          details: { unitCode, text, answers, answered },
        },
        manager,
      );
    });
    await this.temporalCall(`Unit "${unitCode}"`, () =>
      this.unitHandle(campaign, unitCode).signal(explanationSubmittedSignal, {
        submittedAt: submittedAt.toISOString(),
      }),
    );
    return {
      ...state,
      explanation: { ...state.explanation, submittedAt: submittedAt.toISOString() },
    };
  }

  /**
   * Tells the unit's workflow its self-assessment arrived, after the API committed it. Should the
   * signal fail (Temporal down), nothing is lost: the unit workflow looks the submission up in
   * PostgreSQL before it records the unit as missing.
   */
  async selfAssessmentSubmitted(
    campaignId: string,
    unitCode: string,
    submittedAt: Date,
    version: number,
    /** The participation status committed with the submission: the unit need not write it. */
    participationStatus?: string,
  ): Promise<'signalled' | 'not_launched' | 'deferred'> {
    const campaign = await this.dataSource.getRepository(Campaign).findOneBy({ id: campaignId });
    if (!campaign?.workflowId) return 'not_launched';
    const handle = this.unitHandle({ workflowId: campaign.workflowId }, unitCode);
    try {
      await handle.signal(selfAssessmentSubmittedSignal, {
        submittedAt: submittedAt.toISOString(),
        version,
        ...(participationStatus === 'submitted' || participationStatus === 'late'
          ? { recordedStatus: participationStatus }
          : {}),
      });
      return 'signalled';
    } catch (err) {
      console.warn(
        `self-assessment of ${unitCode} recorded, but its workflow was not signalled: ${String(err)}`,
      );
      return 'deferred';
    }
  }

  async recordCouncilApproval(actor: Actor, campaignId: string, note: string | undefined) {
    const { campaign, step } = await this.stepOfKind(campaignId, 'council_approval');
    const approvedAt = new Date().toISOString();
    await this.campaignHandle(campaign).signal(councilApprovalSignal, { approvedAt, note });
    await this.audit.record(actor, {
      action: 'campaign.council.approve',
      entityType: 'campaign',
      entityId: campaign.id,
      details: { step: step.number, note },
    });
    return { approvedAt, note: note ?? null };
  }

  /**
   * The Chairman's decision (step 10) publishes the computed results (409 without any): stored
   * with its audit entry first, then signalled, so that a retry after a failed signal publishes
   * nothing twice and still completes the step.
   */
  async recordChairmanDecision(actor: Actor, campaignId: string, number: string, date: string) {
    const { campaign, step } = await this.stepOfKind(campaignId, 'announcement');
    const published = await this.dataSource.transaction(async (manager) => {
      const updated = await publishResults(manager, campaign.id, { number, date }, new Date());
      await this.audit.record(
        actor,
        {
          action: 'campaign.chairman.decision',
          entityType: 'campaign',
          entityId: campaign.id,
          details: { step: step.number, number, date },
        },
        manager,
      );
      return updated;
    });
    await this.temporalCall(`Campaign "${campaign.code}"`, () =>
      this.campaignHandle(campaign).signal(chairmanDecisionSignal, { number, date }),
    );
    await this.tellNotifications(campaign, (handle) => handle.signal(resultsPublishedSignal));
    return {
      number,
      date,
      resultsPublishedAt: published.resultsPublishedAt?.toISOString() ?? null,
    };
  }

  private async stepOfKind(campaignId: string, kind: StepState['kind']) {
    const campaign = await this.launchedCampaign(campaignId);
    const state = await this.temporalCall(`Campaign "${campaign.code}"`, () =>
      this.campaignHandle(campaign).query(campaignStateQuery),
    );
    const step = state.steps.find((s) => s.kind === kind);
    if (!step)
      throw new UnprocessableEntityException(`Campaign "${campaign.code}" has no ${kind} step.`);
    if (step.status !== 'open') {
      throw new ConflictException(`${this.describe(step, campaign)} is ${step.status}, not open.`);
    }
    return { campaign, step };
  }
}
