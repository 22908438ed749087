/**
 * Computing, storing and reading a campaign's results (unit_results). Plain functions over an
 * EntityManager, so that the API and the export command read results the same way.
 */
import { UnprocessableEntityException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  formatHundredths,
  GROUP_NAMES_VI,
  pointsToHundredths,
  type RatingBand,
} from '../../domain/scoring/index.js';
import { compareGroups } from '../../domain/scoring/ranking.js';
import { type Campaign, type FieldResult, UnitResult } from '../../entities/index.js';
import { loadIndexTrees } from '../scoring-data/index-tree.js';
import { loadScoringInputs, loadUnits } from '../scoring-data/scoring-inputs.js';
import { computeResults, type ResultProblem } from './compute-results.js';
import { ratingBandsOf } from './scoring-policy.js';

export interface UnitResultView {
  rank: number;
  tied: boolean;
  unitCode: string;
  unitName: string;
  group: string;
  fields: FieldResult[];
  maxPoints: number;
  applicableMax: number;
  points: number;
  bonus: number;
  penalty: number;
  councilPoints: number;
  achieved: number;
  /** Chỉ số CCHC as a number (98.31) and as published, with two decimals ("98.31"). */
  index: number;
  indexText: string;
  indexHundredths: number;
  band: string;
}

export interface GroupResultsView {
  group: string;
  groupName: string;
  units: UnitResultView[];
}

export interface ResultsView {
  campaignId: string;
  campaignCode: string;
  campaignName: string;
  year: number;
  status: 'computed' | 'published';
  computedAt: string;
  publishedAt: string | null;
  decision: { number: string; date: string } | null;
  ratingBands: readonly RatingBand[];
  groups: GroupResultsView[];
}

/** Name of a unit group as officials read it. */
export function groupNameOf(group: string): string {
  return GROUP_NAMES_VI[group] ?? group;
}

/** 422 listing every problem that keeps the results from being computed. */
export class ResultsProblemsException extends UnprocessableEntityException {
  constructor(campaign: Campaign, problems: ResultProblem[]) {
    super({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: `Chưa thể tính kết quả của chiến dịch ${campaign.code}: có ${problems.length} vấn đề cần xử lý (xem errors).`,
      errors: problems,
    });
  }
}

/** Computes every unit's result from the stored scores and replaces the stored results. */
export async function recomputeResults(manager: EntityManager, campaign: Campaign): Promise<Date> {
  const trees = await loadIndexTrees(manager, campaign.id);
  const inputs = await loadScoringInputs(manager, await loadUnits(manager, campaign.id));
  const outcome = computeResults(trees, inputs, ratingBandsOf(campaign));
  if (!outcome.ok) throw new ResultsProblemsException(campaign, outcome.problems);
  const computedAt = new Date();
  await manager.delete(UnitResult, { campaignId: campaign.id });
  if (outcome.results.length > 0) {
    await manager.insert(
      UnitResult,
      outcome.results.map((r) => ({
        campaignId: campaign.id,
        participationId: r.unit.participationId,
        group: r.unit.group,
        fields: r.fields,
        maxPoints: r.maxPoints,
        applicableMax: r.applicableMax,
        points: r.points,
        bonus: r.bonus,
        penalty: r.penalty,
        councilPoints: r.councilPoints,
        achieved: r.achieved,
        index: r.indexHundredths / 100,
        rank: r.rank,
        tied: r.tied,
        band: r.band,
        computedAt,
        publishedAt: null,
      })),
    );
  }
  return computedAt;
}

export async function hasResults(manager: EntityManager, campaign: Campaign): Promise<boolean> {
  return manager.exists(UnitResult, { where: { campaignId: campaign.id } });
}

/** The stored results by group (by tier: compareGroups), units by rank then code; null before any. */
export async function readResults(
  manager: EntityManager,
  campaign: Campaign,
): Promise<ResultsView | null> {
  const rows = await manager
    .createQueryBuilder(UnitResult, 'r')
    .innerJoinAndSelect('r.participation', 'p')
    .innerJoinAndSelect('p.unit', 'u')
    .where('r.campaign_id = :id', { id: campaign.id })
    .orderBy('r.group_code', 'ASC')
    .addOrderBy('r.rank', 'ASC')
    .addOrderBy('u.code', 'ASC')
    .getMany();
  if (rows.length === 0) return null;
  const groups: GroupResultsView[] = [];
  for (const row of rows) {
    let group = groups.at(-1);
    if (group?.group !== row.group) {
      group = { group: row.group, groupName: groupNameOf(row.group), units: [] };
      groups.push(group);
    }
    const hundredths = pointsToHundredths(row.index) ?? 0;
    group.units.push({
      rank: row.rank,
      tied: row.tied,
      unitCode: row.participation!.unit!.code,
      unitName: row.participation!.unit!.name,
      group: row.group,
      fields: row.fields,
      maxPoints: row.maxPoints,
      applicableMax: row.applicableMax,
      points: row.points,
      bonus: row.bonus,
      penalty: row.penalty,
      councilPoints: row.councilPoints,
      achieved: row.achieved,
      index: row.index,
      indexText: formatHundredths(hundredths),
      indexHundredths: hundredths,
      band: row.band,
    });
  }
  const first = rows[0]!;
  return {
    campaignId: campaign.id,
    campaignCode: campaign.code,
    campaignName: campaign.name,
    year: campaign.year,
    status: campaign.resultsPublishedAt ? 'published' : 'computed',
    computedAt: first.computedAt.toISOString(),
    publishedAt: campaign.resultsPublishedAt?.toISOString() ?? null,
    decision: campaign.resultsDecision,
    ratingBands: ratingBandsOf(campaign),
    groups: groups.sort((a, b) => compareGroups(a.group, b.group)),
  };
}
