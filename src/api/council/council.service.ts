import { ConflictException, Injectable } from '@nestjs/common';
import {
  chairmanDecisionSignal,
  councilApprovalSignal,
  resultsPublishedSignal,
} from '../../contracts/signals.js';
import { notificationsWorkflowId } from '../../contracts/workflow-ids.js';
import { type GatedAct, closedGates } from '../../domain/campaign-rules/index.js';
import type { StepKind } from '../../domain/words.js';
import { Campaign, CampaignStep } from '../../entities/index.js';
import { loadGateFacts } from '../../loaders/campaign-facts.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { type ActionContext, CampaignActions } from '../campaign-state/campaign-action.js';
import { publishResults } from '../results/results-publication.js';

/** The steps the council and the Chairman complete, as the messages name them. */
const GATED_STEPS_VI: Partial<Record<StepKind, string>> = {
  council_approval: 'Hội đồng thẩm định thông qua kết quả',
  announcement: 'công bố kết quả',
};

/**
 * The council's approval (step 9) and the Chairman's decision that announces the results (step
 * 10). Each is decided here from PostgreSQL's facts (its step open, the gates before it), recorded
 * with the step's completion and its audit entry, and told to the campaign workflow (and the
 * notifications workflow, for the result mails) through the outbox.
 */
@Injectable()
export class CouncilService {
  constructor(
    private readonly actions: CampaignActions,
    private readonly audit: AuditService,
  ) {}

  async approve(actor: Actor, campaignRef: string, note: string | undefined) {
    const { result, delivery } = await this.actions.run(campaignRef, 'exclusive', async (ctx) => {
      const step = await this.openStep(ctx, 'council_approval', 'council_approval');
      const { campaign, now } = ctx;
      campaign.councilApprovedAt = now;
      campaign.councilApprovalNote = note ?? null;
      campaign.councilApprovedBy = actor.name;
      await ctx.manager.save(Campaign, campaign);
      step.completedAt = now;
      step.completedBy = 'council';
      await ctx.manager.save(CampaignStep, step);
      await this.audit.record(
        actor,
        {
          action: 'campaign.council.approve',
          entityType: 'campaign',
          entityId: campaign.id,
          details: { step: step.number, note },
        },
        ctx.manager,
      );
      const approvedAt = now.toISOString();
      return {
        result: { approvedAt, note: note ?? null },
        messages: [
          {
            workflowId: campaign.workflowId!,
            kind: 'signal' as const,
            name: councilApprovalSignal.name,
            payload: { approvedAt, ...(note !== undefined && { note }) },
            action: 'campaign.council.approve',
          },
        ],
      };
    });
    return { ...result, delivery };
  }

  /** Publishes the computed results (409 without any) and completes the announcement step. */
  async decide(actor: Actor, campaignRef: string, number: string, date: string) {
    const { result, delivery } = await this.actions.run(campaignRef, 'exclusive', async (ctx) => {
      const step = await this.openStep(ctx, 'announcement', 'chairman_decision');
      const { campaign, now } = ctx;
      const published = await publishResults(ctx.manager, campaign.id, { number, date }, now);
      step.completedAt = now;
      step.completedBy = 'chairman';
      await ctx.manager.save(CampaignStep, step);
      await this.audit.record(
        actor,
        {
          action: 'campaign.chairman.decision',
          entityType: 'campaign',
          entityId: campaign.id,
          details: { step: step.number, number, date },
        },
        ctx.manager,
      );
      return {
        result: {
          number,
          date,
          resultsPublishedAt: published.resultsPublishedAt?.toISOString() ?? null,
        },
        messages: [
          {
            workflowId: campaign.workflowId!,
            kind: 'signal' as const,
            name: chairmanDecisionSignal.name,
            payload: { number, date, at: now.toISOString() },
            action: 'campaign.chairman.decision',
          },
          {
            workflowId: notificationsWorkflowId(campaign.workflowId!),
            kind: 'signal' as const,
            name: resultsPublishedSignal.name,
            payload: {},
            action: 'campaign.chairman.decision',
          },
        ],
      };
    });
    return { ...result, delivery };
  }

  /** The plan's step of `kind`, open now, with the gates before `act` met; 409/422 otherwise. */
  private async openStep(ctx: ActionContext, kind: StepKind, act: GatedAct): Promise<CampaignStep> {
    const i = ctx.steps.findIndex((s) => s.kind === kind);
    if (i < 0) {
      throw new ConflictException(
        `Kế hoạch của chiến dịch «${ctx.campaign.code}» không có bước ${GATED_STEPS_VI[kind] ?? kind}.`,
      );
    }
    const step = ctx.steps[i]!;
    const view = ctx.views[i]!;
    if (view.status !== 'open') {
      throw new ConflictException(
        `Bước ${step.number} (${step.titleVi}) ${view.status === 'pending' ? 'chưa mở' : 'đã đóng'}: chỉ thực hiện được khi bước đang mở.`,
      );
    }
    const gates = closedGates(kind, act, await loadGateFacts(ctx.manager, ctx));
    if (gates.length > 0) {
      throw new ConflictException(
        `Bước ${step.number} (${step.titleVi}): ${gates.map((gate) => gate.missing.replaceAll('{id}', ctx.campaign.code)).join('; ')}.`,
      );
    }
    return step;
  }
}
