/**
 * The results demo (`npm run demo:results`): a campaign `demo-results-2021` from the 2021 plan
 * with its 25 units, filled with ILLUSTRATIVE scores (illustrative-scores.ts), its results
 * computed by the results store as POST …/results/compute does, and written to a file by the
 * export command. Created once, then reused: every run rewrites the same scores.
 */
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { Campaign } from '../entities/index.js';
import { ExportCommandError, exportResultsCommand } from '../api/results/export-results-command.js';
import type { FileFormat } from '../api/results/results-files.js';
import { readResults, recomputeResults, type ResultsView } from '../api/results/results-store.js';

import { loadIndexTrees } from '../api/scoring-data/index-tree.js';
import { loadUnits } from '../api/scoring-data/scoring-inputs.js';
import { seedCampaignPlan } from '../seed/seed.js';
import { type SeedPlan, VINH_LONG_2021 } from '../seed/vinh-long-2021.js';
import { type DemoUnitScores, writeDemoScores } from './demo-scores-store.js';
import { illustrativeScores } from './illustrative-scores.js';
import { findCampaign } from '../api/campaigns/campaign-lookup.js';

export const DEMO_RESULTS_CODE = 'demo-results-2021';
/** In the campaign's name, hence on the results workbook's second title line. */
export const ILLUSTRATIVE_LABEL = 'dữ liệu minh họa';
/** Where the file goes when none is named. */
export const DEFAULT_DEMO_RESULTS_FILE = 'ket-qua-chi-so-cchc-2021-minh-hoa.xlsx';

export const DEMO_RESULTS_PLAN: SeedPlan = {
  ...VINH_LONG_2021,
  campaign: {
    ...VINH_LONG_2021.campaign,
    code: DEMO_RESULTS_CODE,
    name: `${VINH_LONG_2021.campaign.name} (${ILLUSTRATIVE_LABEL})`,
  },
};

export interface DemoGroupSummary {
  group: string;
  groupName: string;
  /** Ranks in the file's order (1, 2, 2, 4, …). */
  ranks: number[];
  /** Codes of the units sharing a rank, per shared rank. */
  ties: { rank: number; unitCodes: string[] }[];
}

export interface DemoResultsOutcome {
  campaignId: string;
  campaignCode: string;
  campaignName: string;
  /** false: the campaign existed and was reused. */
  created: boolean;
  file: string;
  format: FileFormat;
  bytes: number;
  groups: DemoGroupSummary[];
}

function summary(view: ResultsView): DemoGroupSummary[] {
  return view.groups.map((group) => {
    const byRank = new Map<number, string[]>();
    for (const unit of group.units) {
      byRank.set(unit.rank, [...(byRank.get(unit.rank) ?? []), unit.unitCode]);
    }
    return {
      group: group.group,
      groupName: group.groupName,
      ranks: group.units.map((u) => u.rank),
      ties: [...byRank]
        .filter(([, codes]) => codes.length > 1)
        .map(([rank, unitCodes]) => ({ rank, unitCodes })),
    };
  });
}

/**
 * Creates (or reuses) the campaign of `plan` with its units, fills it with the illustrative
 * scores and computes its results (not published): each group ranks 1, 2, 2, 4, …
 */
export async function seedIllustrativeResults(
  dataSource: DataSource,
  plan: SeedPlan,
): Promise<{ created: boolean; campaign: Campaign; view: ResultsView }> {
  const { created, campaignId } = await seedCampaignPlan(dataSource, plan);
  const { campaign, view } = await dataSource.transaction(async (manager) => {
    const campaign = await findCampaign(manager, campaignId, { lock: true });
    const trees = await loadIndexTrees(manager, campaign.id);
    const units = await loadUnits(manager, campaign.id);
    const scored: DemoUnitScores[] = [];
    for (const [group, tree] of trees) {
      const members = units.filter((u) => u.group === group);
      const scores = illustrativeScores(
        campaign.code,
        tree,
        members.map((u) => u.unitCode),
      );
      scored.push(...members.map((unit, i) => ({ unit, tree, scores: scores[i]! })));
    }
    await writeDemoScores(manager, campaign, scored);
    await recomputeResults(manager, campaign);
    return { campaign, view: (await readResults(manager, campaign))! };
  });
  return { created, campaign, view };
}

/** Creates (or reuses) the demo campaign, fills it, computes its results and writes `target`. */
export async function demoResults(
  dataSource: DataSource,
  target: string = DEFAULT_DEMO_RESULTS_FILE,
): Promise<DemoResultsOutcome> {
  const extension = path.extname(target).toLowerCase();
  if (extension !== '.xlsx' && extension !== '.csv') {
    throw new ExportCommandError(`the file must end in .xlsx or .csv, got "${target}"`);
  }
  const { created, campaign, view } = await seedIllustrativeResults(dataSource, DEMO_RESULTS_PLAN);
  const written = await exportResultsCommand(dataSource, campaign.code, target);
  return {
    campaignId: campaign.id,
    campaignCode: campaign.code,
    campaignName: campaign.name,
    created,
    file: written.file,
    format: written.format,
    bytes: written.bytes,
    groups: summary(view),
  };
}
