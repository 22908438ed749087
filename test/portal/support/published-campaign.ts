/**
 * A campaign with results to publish: the 2021 plan's 25 units in their groups, filled with the
 * results demo's ILLUSTRATIVE scores (each group ranks 1, 2, 2, 4, …: a tie), computed, not yet
 * announced. `announce` records the Chairman's decision as POST …/chairman-decision does
 * (publishResults), without the workflow that step needs.
 */
import type { DataSource } from 'typeorm';
import { publishResults } from '../../../src/api/results/results-publication.js';
import { DEMO_RESULTS_PLAN, seedIllustrativeResults } from '../../../src/demo/demo-results.js';
import type { ResultsView } from '../../../src/api/results/results-store.js';
import { deleteCampaigns } from '../../support/api-fixtures.js';

export const PORTAL_RESULTS_CODE = 'portal-results-2021';

export interface ResultsCampaign {
  code: string;
  /** The computed results, as the staff read them. */
  view: ResultsView;
  announce(decision: { number: string; date: string }): Promise<void>;
  remove(): Promise<void>;
}

export async function seedResultsCampaign(dataSource: DataSource): Promise<ResultsCampaign> {
  const code = PORTAL_RESULTS_CODE;
  await deleteCampaigns(dataSource, [code]);
  const { campaign, view } = await seedIllustrativeResults(dataSource, {
    ...DEMO_RESULTS_PLAN,
    campaign: { ...DEMO_RESULTS_PLAN.campaign, code },
  });
  return {
    code,
    view,
    announce: async (decision) => {
      await dataSource.transaction((manager) =>
        publishResults(manager, campaign.id, decision, new Date()),
      );
    },
    remove: () => deleteCampaigns(dataSource, [code]),
  };
}
