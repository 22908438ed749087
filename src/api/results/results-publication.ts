/**
 * The announcement (step 10): the Chairman's decision publishes the computed results. From then
 * on every unit reads them, and nothing recomputes them.
 */
import { ConflictException } from '@nestjs/common';
import { type EntityManager, IsNull } from 'typeorm';
import { Campaign, UnitResult } from '../../entities/index.js';
import { hasResults } from './results-store.js';

/**
 * Whether the campaign's results are announced: the Chairman's decision (step 10, recorded by
 * publishResults below) sets `resultsPublishedAt`, and only it. Everything that opens results to
 * more readers (units, appraisers, the public page) asks this.
 */
export function resultsAnnounced<C extends Pick<Campaign, 'resultsPublishedAt'>>(
  campaign: C,
): campaign is C & { resultsPublishedAt: Date } {
  return campaign.resultsPublishedAt !== null;
}

export async function publishResults(
  manager: EntityManager,
  campaignId: string,
  decision: { number: string; date: string },
  at: Date,
): Promise<Campaign> {
  const campaign = await manager.findOneOrFail(Campaign, {
    where: { id: campaignId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!(await hasResults(manager, campaign))) {
    throw new ConflictException(
      `Chiến dịch ${campaign.code} chưa có kết quả được tính để công bố: cần chốt điểm (POST /campaigns/${campaign.id}/appraisals/fix) và tính kết quả (POST /campaigns/${campaign.id}/results/compute) trước.`,
    );
  }
  // A repeated call (e.g. after Temporal was unreachable) keeps the first publication instant.
  campaign.resultsPublishedAt ??= at;
  campaign.resultsDecision = decision;
  await manager.save(campaign);
  await manager.update(
    UnitResult,
    { campaignId: campaign.id, publishedAt: IsNull() },
    { publishedAt: campaign.resultsPublishedAt },
  );
  return campaign;
}
