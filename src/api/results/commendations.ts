/**
 * Step 11 (tham mưu khen thưởng): commendation proposals from the published ranking, by the
 * campaign's policy, with the scoring module's proposeCommendations.
 */
import { ConflictException } from '@nestjs/common';
import {
  type CommendationPolicy,
  GROUP_NAMES_VI,
  proposeCommendations,
} from '../../domain/scoring/index.js';
import type { Campaign } from '../../entities/index.js';
import type { CommendationRow } from './results-export.js';
import type { ResultsView } from './results-store.js';
import { commendationPolicyOf } from './scoring-policy.js';

export interface CommendationsView {
  campaignCode: string;
  publishedAt: string;
  decision: { number: string; date: string } | null;
  policy: CommendationPolicy;
  proposals: CommendationRow[];
}

export function commendationsOf(
  campaign: Campaign,
  results: ResultsView | null,
): CommendationsView {
  if (!campaign.resultsPublishedAt || !results) {
    throw new ConflictException(
      `Kết quả của chiến dịch ${campaign.code} chưa được công bố: đề nghị khen thưởng được lập từ bảng xếp hạng đã công bố (bước 11, sau quyết định của Chủ tịch UBND tỉnh).`,
    );
  }
  const policy = commendationPolicyOf(campaign);
  const proposals = proposeCommendations(
    results.groups.map((g) => ({
      group: g.group,
      units: g.units.map((u) => ({ ...u, indexHundredths: u.indexHundredths })),
    })),
    policy,
    { groupNames: GROUP_NAMES_VI },
  );
  return {
    campaignCode: campaign.code,
    publishedAt: campaign.resultsPublishedAt.toISOString(),
    decision: campaign.resultsDecision,
    policy,
    proposals: proposals.map(({ group, unit, reason }) => ({
      group,
      groupName: results.groups.find((g) => g.group === group)?.groupName ?? group,
      unitCode: unit.unitCode,
      unitName: unit.unitName,
      index: unit.index,
      indexText: unit.indexText,
      rank: unit.rank,
      tied: unit.tied,
      band: unit.band,
      reason,
    })),
  };
}
