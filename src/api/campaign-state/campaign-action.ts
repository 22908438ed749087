import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type StepView } from '../../domain/campaign-rules/index.js';
import { formatLocalDateTime } from '../../domain/local-time.js';
import type { Campaign, CampaignStep } from '../../entities/index.js';
import {
  type CampaignFacts,
  campaignViewAt,
  loadCampaignFacts,
} from '../../loaders/campaign-facts.js';
import type { Clock } from '../clock.js';
import { CAMPAIGN_STATUS_VI, findCampaign } from '../campaigns/campaign-lookup.js';
import { Outbox, type OutboxEntry } from '../outbox/outbox.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { CLOCK } from '../tokens.js';

/** What an action sees: the campaign's facts at the instant it decides, in its transaction. */
export interface ActionContext extends CampaignFacts {
  manager: EntityManager;
  now: Date;
  /** Each step's view at `now`, by the campaign rules, in the order of `steps`. */
  views: StepView[];
  /** The step of that number with its view; 404 naming the plan's steps otherwise. */
  step(number: number): { step: CampaignStep; view: StepView };
}

/** Whether Temporal has the action yet: the relay keeps trying when it does not. */
export type Delivery = 'delivered' | 'pending';

/**
 * How every action on a running campaign is carried out, so that the decision and its record are
 * one: in one transaction, the campaign row locked (`exclusive` for actions on its steps, shared
 * for a unit's own), its facts loaded and the clock read once; the action decides with the
 * campaign rules and writes its change, its audit entry and its outbox messages; after the
 * commit, the relay delivers them (Outbox, OutboxRelay).
 */
@Injectable()
export class CampaignActions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /** Runs `act` on a launched campaign; returns its result and whether Temporal has it yet. */
  async run<T>(
    campaignRef: string,
    lock: 'exclusive' | 'shared',
    act: (ctx: ActionContext) => Promise<{ result: T; messages: OutboxEntry[] }>,
  ): Promise<{ result: T; delivery: Delivery }> {
    const { result, ids } = await this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, campaignRef);
      await manager.query(
        `SELECT 1 FROM campaigns WHERE id = $1 FOR ${lock === 'exclusive' ? 'UPDATE' : 'SHARE'}`,
        [campaign.id],
      );
      assertRunning(campaign);
      if (!campaign.workflowId) {
        throw new ConflictException(
          `Chiến dịch «${campaign.code}» được ghi là ${CAMPAIGN_STATUS_VI[campaign.status]} nhưng không có quy trình nào chạy: dữ liệu của chiến dịch được nạp trực tiếp (ví dụ bằng npm run demo:results), nên không thao tác nào được thực hiện trong đó.`,
        );
      }
      const ctx = await this.context(manager, campaign);
      const { result, messages } = await act(ctx);
      return { result, ids: await this.outbox.add(manager, campaign.id, messages) };
    });
    return { result, delivery: await this.relay.deliver(ids) };
  }

  /** The campaign's facts and views at this instant (no lock: for reads). */
  async context(manager: EntityManager, campaign: Campaign): Promise<ActionContext> {
    const facts = await loadCampaignFacts(manager, campaign);
    const now = this.clock.now();
    const { steps: views } = campaignViewAt(facts, now);
    return {
      ...facts,
      manager,
      now,
      views,
      step(number) {
        const i = facts.steps.findIndex((s) => s.number === number);
        if (i < 0) {
          throw new NotFoundException(
            `Chiến dịch «${campaign.code}» không có bước ${number}; các bước của chiến dịch: ${facts.steps.map((s) => s.number).join(', ')}.`,
          );
        }
        return { step: facts.steps[i]!, view: views[i]! };
      },
    };
  }
}

/** 409 unless the campaign is launched and still running. */
export function assertRunning(campaign: Campaign): void {
  if (campaign.status === 'draft') {
    throw new ConflictException(
      `Chiến dịch «${campaign.code}» chưa được triển khai: hãy triển khai trước (POST /campaigns/${campaign.id}/launch).`,
    );
  }
  if (campaign.status === 'completed') {
    throw new ConflictException(
      `Chiến dịch «${campaign.code}» đã hoàn thành${campaign.launchedAt ? ` (triển khai lúc ${formatLocalDateTime(campaign.launchedAt, campaign.timeZone)})` : ''}: không còn thay đổi được gì nữa.`,
    );
  }
}
