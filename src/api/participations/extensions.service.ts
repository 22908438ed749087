import { loadCalendarGapWarnings } from '../../loaders/calendar-gaps.js';
import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { extensionGrantedSignal, notificationPlanChangedSignal } from '../../contracts/signals.js';
import { notificationsWorkflowId, unitWorkflowId } from '../../contracts/workflow-ids.js';
import { formatLocalDateTime } from '../../domain/local-time.js';
import { StepExtension } from '../../entities/index.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { CampaignActions } from '../campaign-state/campaign-action.js';
import { findUnitRef } from '../scoring-data/campaign-scope.js';
import { DataSource } from 'typeorm';
import { assertNearCampaignYear, planYears } from '../common/campaign-dates.js';
import { findCampaign } from '../campaigns/campaign-lookup.js';

/** Steps a unit acts in: the ones a unit may be given more time for. */
const EXTENDABLE = new Set(['self_assessment', 'explanation']);

/**
 * A later deadline for one unit in one of its steps (gia hạn). Decided here from PostgreSQL's
 * facts (the step as amended, closed early or not, the publication), recorded with its audit
 * entry, and told to the unit's workflow and to the notifications workflow (its reminders move)
 * through the outbox.
 */
@Injectable()
export class ExtensionsService {
  constructor(
    private readonly actions: CampaignActions,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async grant(
    actor: Actor,
    campaignRef: string,
    unitCode: string,
    stepNumber: number,
    deadline: Date,
    reason: string | undefined,
  ) {
    // A 400 for a date far from the campaign's year, before any state decides (409, 422).
    const planned = await findCampaign(this.dataSource.manager, campaignRef);
    const plan = await planYears(this.dataSource.manager, planned);
    assertNearCampaignYear(deadline, planned, 'deadline', plan);
    const { result, delivery } = await this.actions.run(campaignRef, 'exclusive', async (ctx) => {
      const { campaign, manager, now } = ctx;
      const at = (d: Date | number) => formatLocalDateTime(new Date(d), campaign.timeZone);
      const { step } = ctx.step(stepNumber);
      if (!EXTENDABLE.has(step.kind)) {
        throw new UnprocessableEntityException(
          `Chỉ gia hạn được các bước do đơn vị thực hiện (tự đánh giá, giải trình); bước ${stepNumber} là «${step.titleVi}».`,
        );
      }
      if (campaign.resultsPublishedAt) {
        throw new ConflictException(
          `Kết quả chiến dịch ${campaign.code} đã được công bố lúc ${at(campaign.resultsPublishedAt)}: không thể thay đổi hạn nữa.`,
        );
      }
      if (step.completedAt && (!step.deadline || step.completedAt < step.deadline)) {
        throw new ConflictException(
          `Bước ${stepNumber} (${step.titleVi}) đã được đóng sớm lúc ${at(step.completedAt)}: không thể gia hạn để mở lại bước cho riêng một đơn vị.`,
        );
      }
      if (step.deadline && deadline.getTime() <= step.deadline.getTime()) {
        throw new UnprocessableEntityException(
          `Hạn gia hạn phải sau hạn của bước (${at(step.deadline)}).`,
        );
      }
      if (deadline.getTime() <= now.getTime()) {
        throw new UnprocessableEntityException(
          `Hạn gia hạn phải là một thời điểm trong tương lai: ${at(deadline)} đã qua (hiện tại là ${at(now)}).`,
        );
      }
      const unit = await findUnitRef(manager, campaign, unitCode, { lock: true });
      const repo = manager.getRepository(StepExtension);
      await repo.upsert(
        {
          participationId: unit.participationId,
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
          entityId: unit.participationId,
          details: { unitCode, step: stepNumber, deadline: deadline.toISOString(), reason },
        },
        manager,
      );
      const workflowId = campaign.workflowId!;
      return {
        result: await repo.findOneByOrFail({ participationId: unit.participationId, stepNumber }),
        messages: [
          {
            workflowId: unitWorkflowId(workflowId, unit.unitCode),
            kind: 'signal' as const,
            name: extensionGrantedSignal.name,
            payload: { stepNumber, deadline: deadline.toISOString() },
            action: 'participation.extension.grant',
          },
          {
            workflowId: notificationsWorkflowId(workflowId),
            kind: 'signal' as const,
            name: notificationPlanChangedSignal.name,
            payload: {},
            action: 'participation.extension.grant',
          },
        ],
      };
    });
    // A new date in a year without working-day data: its reminders go on Monday–Friday.
    const warnings = await loadCalendarGapWarnings(
      this.dataSource.manager,
      [deadline],
      planned.timeZone,
    );
    return { ...result, delivery, warnings };
  }
}
