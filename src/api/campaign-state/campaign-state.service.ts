import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type CampaignState, stepStatesOf } from '../../contracts/campaign.js';
import { type UnitSnapshot, type UnitState, unitStateOf } from '../../contracts/unit.js';
import { currentStepOf, type StepView } from '../../domain/campaign-rules/index.js';
import { Campaign, type CampaignStep, Participation, Unit } from '../../entities/index.js';
import { appraisingAgencies } from '../../loaders/appraising-agencies.js';
import { loadUnitSnapshot } from '../../loaders/unit-facts.js';
import type { Actor } from '../auth/actor.js';
import { findCampaign } from '../campaigns/campaign-lookup.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { assertOwnUnit, findUnitRef } from '../scoring-data/campaign-scope.js';
import { CampaignActions, assertRunning } from './campaign-action.js';

export interface CampaignStateView extends CampaignState {
  workflowId: string | null;
  /** Units per status, as recorded in PostgreSQL (by the API and the unit workflows). */
  unitsByStatus: Record<string, number>;
  /** Actions recorded that Temporal does not have yet (the relay keeps trying). */
  pendingDeliveries: number;
  /** The aggregation of round 2 (POST …/appraisals/fix): when and by whom; null before. */
  scoresFixed: { at: string; by: string | null } | null;
  /** When the Chairman's decision published the results; null before. */
  resultsPublishedAt: string | null;
}

/** A running campaign as the state reads it now, with what one caller has in it. */
export interface RunningCampaign {
  campaign: Campaign;
  now: Date;
  steps: CampaignStep[];
  /** Each step's view at `now`, by the campaign rules, in the order of `steps`. */
  views: StepView[];
  /** For a unit's caller taking part: its unit and its snapshot (facts, status). */
  unit: { code: string; name: string; snapshot: UnitSnapshot } | null;
  /** For an appraiser: whether its agency appraises criteria of this campaign. */
  appraisesHere: boolean;
}

/**
 * Where a running campaign and its units stand, read from PostgreSQL's facts with the campaign
 * rules: the same rules the workflows answer their queries with, so this is what they say too
 * (and it answers while Temporal is unreachable).
 */
@Injectable()
export class CampaignStateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actions: CampaignActions,
    private readonly relay: OutboxRelay,
  ) {}

  async campaignState(campaignRef: string): Promise<CampaignStateView> {
    const manager = this.dataSource.manager;
    const campaign = await findCampaign(manager, campaignRef);
    if (campaign.status === 'draft') assertRunning(campaign);
    const ctx = await this.actions.context(manager, campaign);
    const rows = await manager
      .getRepository(Participation)
      .createQueryBuilder('p')
      .select('p.status', 'status')
      .addSelect('COUNT(*)::int', 'count')
      .where('p.campaign_id = :id', { id: campaign.id })
      .groupBy('p.status')
      .getRawMany<{ status: string; count: number }>();
    return {
      campaignId: campaign.id,
      year: campaign.year,
      workflowId: campaign.workflowId,
      currentStep: currentStepOf(ctx.views),
      steps: stepStatesOf(
        ctx.stepFacts.map((facts, i) => ({ ...facts, titleVi: ctx.steps[i]!.titleVi })),
        ctx.views,
      ),
      units: rows.reduce((sum, row) => sum + row.count, 0),
      councilApproval: campaign.councilApprovedAt
        ? {
            approvedAt: campaign.councilApprovedAt.toISOString(),
            ...(campaign.councilApprovalNote !== null && { note: campaign.councilApprovalNote }),
          }
        : null,
      decision: campaign.resultsDecision,
      unitsByStatus: Object.fromEntries(rows.map((r) => [r.status, r.count])),
      pendingDeliveries: await this.relay.pendingCount(campaign.id),
      scoresFixed: campaign.scoresFixedAt
        ? { at: campaign.scoresFixedAt.toISOString(), by: campaign.scoresFixedBy }
        : null,
      resultsPublishedAt: campaign.resultsPublishedAt?.toISOString() ?? null,
    };
  }

  async unitState(actor: Actor, campaignRef: string, unitCode: string): Promise<UnitState> {
    const manager = this.dataSource.manager;
    const campaign = await findCampaign(manager, campaignRef);
    if (campaign.status === 'draft') assertRunning(campaign);
    const unit = await findUnitRef(manager, campaign, unitCode);
    assertOwnUnit(actor, unit);
    const ctx = await this.actions.context(manager, campaign);
    const snapshot = await loadUnitSnapshot(manager, campaign, ctx.steps, unit.participationId);
    return unitStateOf(unit.unitCode, snapshot!, snapshot!.status);
  }

  /**
   * Every launched campaign as it stands now, for the caller (Việc của tôi): its steps' views by
   * the campaign rules and, for a unit, its own facts; a unit sees only the campaigns its unit
   * takes part in. Completed and draft campaigns hold nothing due.
   */
  async runningCampaigns(actor: Actor): Promise<RunningCampaign[]> {
    const manager = this.dataSource.manager;
    const campaigns = await manager.find(Campaign, {
      where: { status: 'launched' },
      order: { year: 'DESC', code: 'ASC' },
    });
    const unit =
      actor.role === 'unit' && actor.unitId
        ? await manager.findOneBy(Unit, { id: actor.unitId })
        : null;
    const running: RunningCampaign[] = [];
    for (const campaign of campaigns) {
      if (actor.role === 'unit') {
        const participation = unit
          ? await manager.findOneBy(Participation, { campaignId: campaign.id, unitId: unit.id })
          : null;
        if (!unit || !participation) continue;
        const ctx = await this.actions.context(manager, campaign);
        const snapshot = await loadUnitSnapshot(manager, campaign, ctx.steps, participation.id);
        const own = { code: unit.code, name: unit.name, snapshot: snapshot! };
        running.push({ ...this.viewOf(ctx), unit: own, appraisesHere: false });
        continue;
      }
      const ctx = await this.actions.context(manager, campaign);
      const appraisesHere =
        actor.role === 'appraiser' && actor.agencyId !== null
          ? (await appraisingAgencies(manager, campaign.id, actor.agencyId)).length > 0
          : false;
      running.push({ ...this.viewOf(ctx), unit: null, appraisesHere });
    }
    return running;
  }

  private viewOf(ctx: Awaited<ReturnType<CampaignActions['context']>>) {
    return { campaign: ctx.campaign, now: ctx.now, steps: ctx.steps, views: ctx.views };
  }
}
