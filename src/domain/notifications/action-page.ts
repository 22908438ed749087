/**
 * Which portal page a mail links to: the page where its reader acts. Pure, so the planned sends,
 * the composed mails and the tests agree on it.
 */
import { campaignPages } from '../portal-pages.js';
import type { SendAudience } from '../reminders/planned-send.js';
import type { StepKind } from '../words.js';

/** Steps whose secretariat work happens on the results page rather than the campaign page. */
const RESULTS_WORK_STEPS: ReadonlySet<string> = new Set<StepKind>([
  'aggregation_round_1',
  'explanation',
  'aggregation_round_2',
  'council_approval',
  'announcement',
  'commendation',
]);

/** Steps after which a unit's page to visit is its results rather than its form. */
const UNIT_RESULTS_STEPS: ReadonlySet<string> = new Set<StepKind>(['announcement', 'commendation']);

export interface ActionPageInput {
  audience: SendAudience;
  /** The kind of the step the mail is about (a StepKind; any other string counts as 'other'). */
  stepKind: string;
  /** The campaign's code (its id works too). */
  campaign: string;
  /** For a unit's or its head's mail. */
  unitCode?: string | null;
}

/** The portal path (under /portal) of the page where the reader of a planned send acts. */
export function actionPageOf({ audience, stepKind, campaign, unitCode }: ActionPageInput): string {
  switch (audience) {
    case 'unit':
    case 'unit_head':
      if (!unitCode) return campaignPages.overview(campaign);
      if (stepKind === 'explanation') return campaignPages.explanation(campaign, unitCode);
      if (UNIT_RESULTS_STEPS.has(stepKind)) return campaignPages.unitResults(campaign, unitCode);
      return campaignPages.selfAssessment(campaign, unitCode);
    case 'appraisers':
      return campaignPages.appraisal(campaign);
    case 'council':
      return campaignPages.council(campaign);
    case 'secretariat':
    case 'secretariat_head':
      return RESULTS_WORK_STEPS.has(stepKind)
        ? campaignPages.resultsWork(campaign)
        : campaignPages.overview(campaign);
  }
}
