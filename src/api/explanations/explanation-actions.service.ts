import { ConflictException, Injectable } from '@nestjs/common';
import type { UnitState } from '../../contracts/unit.js';
import { unitStateOf } from '../../contracts/unit.js';
import {
  explanationRequestedSignal,
  explanationRequestMailSignal,
  explanationSubmittedSignal,
} from '../../contracts/signals.js';
import { notificationsWorkflowId, unitWorkflowId } from '../../contracts/workflow-ids.js';
import { explanationWindowAt } from '../../domain/campaign-rules/index.js';
import { formatLocalDateTime } from '../../domain/local-time.js';
import { loadUnitSnapshot } from '../../loaders/unit-facts.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import {
  type ActionContext,
  CampaignActions,
  type Delivery,
} from '../campaign-state/campaign-action.js';
import { assertOwnUnit, findUnitRef } from '../scoring-data/campaign-scope.js';
import type { UnitRef } from '../scoring-data/scoring-inputs.js';
import { type AnswerInput, ExplanationRequestStore } from './explanation-request.store.js';

export type UnitActionResult = UnitState & { delivery: Delivery };

/**
 * The explanation round (steps 5–6): the secretariat asks a unit to explain criteria, the unit
 * answers. Each is decided here from PostgreSQL's facts with the campaign rules (the unit's
 * explanation window: its deadline as amended and extended, closed early or not, the
 * publication), stored with its audit entry, and told to the unit workflow (and the
 * notifications workflow, which mails the request) through the outbox.
 */
@Injectable()
export class ExplanationActionsService {
  constructor(
    private readonly actions: CampaignActions,
    private readonly audit: AuditService,
    private readonly explanations: ExplanationRequestStore,
  ) {}

  /** `reasons` gives criteria their own reason (the aggregation's proposals). */
  async request(
    actor: Actor,
    campaignRef: string,
    unitCode: string,
    criteria: string[],
    reason: string,
    reasons?: ReadonlyMap<string, string>,
  ): Promise<UnitActionResult> {
    const { result, delivery } = await this.actions.run(campaignRef, 'shared', async (ctx) => {
      const { campaign, manager, now } = ctx;
      const unit = await findUnitRef(manager, campaign, unitCode, { lock: true });
      const window = explanationWindowAt(await this.facts(ctx, unit), now.getTime());
      if (window.phase === 'closed') {
        throw new ConflictException(
          window.reason === 'results_published'
            ? `Kết quả của chiến dịch ${campaign.code} đã được công bố: không thể yêu cầu giải trình nữa.`
            : `Đợt giải trình của đơn vị «${unit.unitCode}» đã kết thúc lúc ${formatLocalDateTime(new Date(window.since), campaign.timeZone)}.`,
        );
      }
      const deadline = window.deadline.instant === null ? null : new Date(window.deadline.instant);
      const confirmed = await this.explanations.confirm(manager, actor, {
        campaign,
        participation: { id: unit.participationId, unitId: unit.unitId },
        criteria,
        reason,
        reasons,
        deadline,
        at: now,
      });
      await this.audit.record(
        actor,
        {
          action: 'participation.explanation.request',
          entityType: 'participation',
          entityId: unit.participationId,
          details: {
            unitCode: unit.unitCode,
            criteria,
            reason,
            ...(reasons ? { reasons: Object.fromEntries(reasons) } : {}),
            deadline: deadline?.toISOString() ?? null,
          },
        },
        manager,
      );
      const requestedAt = now.toISOString();
      const workflowId = campaign.workflowId!;
      return {
        result: await this.stateOf(ctx, unit),
        messages: [
          {
            workflowId: unitWorkflowId(workflowId, unit.unitCode),
            kind: 'signal' as const,
            name: explanationRequestedSignal.name,
            payload: { criteria: confirmed, reason, requestedAt },
            action: 'participation.explanation.request',
          },
          {
            workflowId: notificationsWorkflowId(workflowId),
            kind: 'signal' as const,
            name: explanationRequestMailSignal.name,
            payload: { unitCode: unit.unitCode, requestedAt },
            action: 'participation.explanation.request',
          },
        ],
      };
    });
    return { ...result, delivery };
  }

  /** The unit's answers per criterion (text and extra evidence) and/or a general text. */
  async answer(
    actor: Actor,
    campaignRef: string,
    unitCode: string,
    text: string | undefined,
    answers: AnswerInput[] = [],
  ): Promise<UnitActionResult> {
    const { result, delivery } = await this.actions.run(campaignRef, 'shared', async (ctx) => {
      const { campaign, manager, now } = ctx;
      const unit = await findUnitRef(manager, campaign, unitCode, { lock: true });
      assertOwnUnit(actor, unit);
      const window = explanationWindowAt(await this.facts(ctx, unit), now.getTime());
      if (window.phase === 'not_requested') {
        throw new ConflictException(`Đơn vị «${unit.unitCode}» không được yêu cầu giải trình.`);
      }
      if (window.phase === 'closed') {
        throw new ConflictException(
          window.reason === 'results_published'
            ? `Kết quả của chiến dịch ${campaign.code} đã được công bố: đã hết thời gian giải trình.`
            : `Hạn giải trình của đơn vị «${unit.unitCode}» đã qua lúc ${formatLocalDateTime(new Date(window.since), campaign.timeZone)}.`,
        );
      }
      const answered = await this.explanations.saveAnswers(manager, actor, {
        campaign,
        participation: { id: unit.participationId, unitId: unit.unitId },
        answers,
        text,
        at: now,
      });
      await this.audit.record(
        actor,
        {
          action: 'participation.explanation.submit',
          entityType: 'participation',
          entityId: unit.participationId,
          details: { unitCode: unit.unitCode, text, answers, answered },
        },
        manager,
      );
      // The workflow hears the answer as recorded (a repeated general text changes nothing).
      const state = await this.stateOf(ctx, unit);
      return {
        result: state,
        messages: [
          {
            workflowId: unitWorkflowId(campaign.workflowId!, unit.unitCode),
            kind: 'signal' as const,
            name: explanationSubmittedSignal.name,
            payload: { submittedAt: state.explanation.submittedAt ?? now.toISOString() },
            action: 'participation.explanation.submit',
          },
        ],
      };
    });
    return { ...result, delivery };
  }

  private async facts(ctx: ActionContext, unit: UnitRef) {
    const snapshot = await loadUnitSnapshot(
      ctx.manager,
      ctx.campaign,
      ctx.steps,
      unit.participationId,
    );
    return snapshot!.facts;
  }

  /** The unit's state after the action, as the API reports it (unit state). */
  private async stateOf(ctx: ActionContext, unit: UnitRef): Promise<UnitState> {
    const snapshot = await loadUnitSnapshot(
      ctx.manager,
      ctx.campaign,
      ctx.steps,
      unit.participationId,
    );
    return unitStateOf(unit.unitCode, snapshot!, snapshot!.status);
  }
}
