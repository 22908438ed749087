import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { type StepState, stepStatesOf } from '../../contracts/campaign.js';
import { amendDeadlineSignal, closeStepSignal, openStepSignal } from '../../contracts/signals.js';
import { closedGates, closesAtDeadline, stepViewsAt } from '../../domain/campaign-rules/index.js';
import { formatLocalDateTime } from '../../domain/local-time.js';
import type { StepStatus } from '../../domain/words.js';
import { CampaignStep } from '../../entities/index.js';
import { loadGateFacts, stepFactsOf } from '../../loaders/campaign-facts.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import {
  type ActionContext,
  CampaignActions,
  type Delivery,
} from '../campaign-state/campaign-action.js';
import { DataSource } from 'typeorm';
import { assertNearCampaignYear, planYears } from '../common/campaign-dates.js';
import { findCampaign } from '../campaigns/campaign-lookup.js';
import { loadCalendarGapWarnings } from '../../loaders/calendar-gaps.js';

export type StepActionResult = StepState & { delivery: Delivery };

/**
 * The secretariat's actions on steps: open one before its window, close one early (or complete
 * one it owns), amend a deadline. Each is decided here, from PostgreSQL's facts by the campaign
 * rules (the step's view, the gates), recorded with its audit entry, and told to the campaign
 * workflow through the outbox; the workflow applies the same facts with the same rules.
 */
@Injectable()
export class StepsService {
  constructor(
    private readonly actions: CampaignActions,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async open(actor: Actor, campaignRef: string, number: number): Promise<StepActionResult> {
    return this.act(campaignRef, number, async (ctx, step) => {
      const { view } = ctx.step(number);
      if (view.status !== 'pending') {
        throw new ConflictException(
          `Không thể mở ${describe(ctx, step)}: bước ${STATUS_VI[view.status]}.`,
        );
      }
      step.openedEarlyAt = ctx.now;
      await this.record(ctx, actor, 'campaign.step.open', { step: number });
      return { name: openStepSignal.name, payload: { step: number, at: ctx.now.toISOString() } };
    });
  }

  async close(
    actor: Actor,
    campaignRef: string,
    number: number,
    override: { overrideGates?: boolean; reason?: string } = {},
  ): Promise<StepActionResult> {
    return this.act(campaignRef, number, async (ctx, step) => {
      const { view } = ctx.step(number);
      if (view.status !== 'open') {
        throw new ConflictException(
          `Không thể đóng ${describe(ctx, step)}: bước ${STATUS_VI[view.status]} (chỉ đóng được bước đang mở).`,
        );
      }
      const gates = closedGates(step.kind, 'close', await loadGateFacts(ctx.manager, ctx));
      const binding = gates.filter((gate) => !gate.overridable || override.overrideGates !== true);
      if (binding.length > 0) {
        throw new ConflictException(
          `Không thể đóng ${describe(ctx, step)}: ${binding.map((gate) => gate.missing.replaceAll('{id}', ctx.campaign.code)).join('; ')}.`,
        );
      }
      step.completedAt = ctx.now;
      step.completedBy = 'secretariat';
      await this.record(ctx, actor, 'campaign.step.close', {
        step: number,
        ...(closesAtDeadline(step) && step.deadline && { early: true }),
        ...(gates.length > 0 && {
          gatesOverridden: gates.map((gate) => gate.needs),
          reason: override.reason,
        }),
      });
      return {
        name: closeStepSignal.name,
        payload: { step: number, at: ctx.now.toISOString(), by: 'secretariat' },
      };
    });
  }

  async amendDeadline(
    actor: Actor,
    campaignRef: string,
    number: number,
    deadline: Date,
    reason: string | undefined,
  ): Promise<StepActionResult & { warnings: string[] }> {
    // A 400 for a date far from the campaign's year, before any state decides (409, 422).
    const planned = await findCampaign(this.dataSource.manager, campaignRef);
    const plan = await planYears(this.dataSource.manager, planned);
    assertNearCampaignYear(deadline, planned, 'deadline', plan);
    const amended = await this.act(campaignRef, number, async (ctx, step) => {
      const { view } = ctx.step(number);
      const at = (d: Date | number) => formatLocalDateTime(new Date(d), ctx.campaign.timeZone);
      if (view.status === 'closed') {
        throw new ConflictException(
          `Không thể điều chỉnh hạn của ${describe(ctx, step)}: bước đã đóng.`,
        );
      }
      const opens = view.openedAt ?? step.opensAt?.getTime() ?? null;
      if (opens !== null && deadline.getTime() <= opens) {
        throw new UnprocessableEntityException(
          `Hạn mới ${at(deadline)} phải sau thời điểm mở bước ${number} (${at(opens)}).`,
        );
      }
      if (deadline.getTime() <= ctx.now.getTime()) {
        throw new UnprocessableEntityException(
          `Hạn mới ${at(deadline)} đã qua (hiện tại là ${at(ctx.now)}): chỉ điều chỉnh hạn sang một thời điểm sau hiện tại.`,
        );
      }
      const from = step.deadline?.toISOString() ?? null;
      step.deadline = deadline;
      await this.record(ctx, actor, 'campaign.step.amend_deadline', {
        step: number,
        from,
        to: deadline.toISOString(),
        reason,
      });
      return {
        name: amendDeadlineSignal.name,
        payload: { step: number, deadline: deadline.toISOString() },
      };
    });
    // A new date in a year without working-day data: its reminders go on Monday–Friday.
    const warnings = await loadCalendarGapWarnings(
      this.dataSource.manager,
      [deadline],
      planned.timeZone,
    );
    return { ...amended, warnings };
  }

  /** Runs a step action and answers with the step as it stands after it. */
  private async act(
    campaignRef: string,
    number: number,
    decide: (
      ctx: ActionContext,
      step: CampaignStep,
    ) => Promise<{ name: string; payload: Record<string, unknown> }>,
  ): Promise<StepActionResult> {
    const { result, delivery } = await this.actions.run(campaignRef, 'exclusive', async (ctx) => {
      const { step } = ctx.step(number);
      const signal = await decide(ctx, step);
      await ctx.manager.save(CampaignStep, step);
      const facts = ctx.steps.map(stepFactsOf);
      const views = stepViewsAt(facts, ctx.launchedAt, ctx.now.getTime());
      const i = ctx.steps.indexOf(step);
      return {
        result: stepStatesOf([{ ...facts[i]!, titleVi: step.titleVi }], [views[i]!])[0]!,
        messages: [
          {
            workflowId: ctx.campaign.workflowId!,
            kind: 'signal',
            ...signal,
            action: `campaign.step.${signal.name}`,
          },
        ],
      };
    });
    return { ...result, delivery };
  }

  private record(
    ctx: ActionContext,
    actor: Actor,
    action: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      actor,
      { action, entityType: 'campaign', entityId: ctx.campaign.id, details },
      ctx.manager,
    );
  }
}

function describe(ctx: ActionContext, step: CampaignStep): string {
  const due = step.deadline
    ? `, hạn ${formatLocalDateTime(step.deadline, ctx.campaign.timeZone)}`
    : '';
  return `bước ${step.number} (${step.titleVi})${due}`;
}

/** Where a step stands, as the messages say it. */
const STATUS_VI: Record<StepStatus, string> = {
  pending: 'chưa mở',
  open: 'đang mở',
  closed: 'đã đóng',
};
