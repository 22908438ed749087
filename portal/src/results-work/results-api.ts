/**
 * The API routes of the results work (steps 5–11) and the council's review, with the shapes they
 * answer (src/api/explanations/, src/api/results/, src/api/council/, src/api/appraisals/ and
 * src/api/campaign-state/ on the server). The portal decides nothing here: every refusal is the
 * API's, shown as it words it.
 */
import { errorFromAnswer, unreachableError } from '../api/api-error';
import { apiGet, apiPost, apiSend } from '../api/client';

const c = (campaign: string) => `/campaigns/${encodeURIComponent(campaign)}`;
const u = (campaign: string, unitCode: string) =>
  `${c(campaign)}/units/${encodeURIComponent(unitCode)}`;

// ------------------------------------------------------------------ the campaign and its state

export interface CampaignStep {
  number: number;
  kind: string;
  titleVi: string;
  status: 'pending' | 'open' | 'closed';
  closesOn: string | null;
  deadlineLocal: string | null;
  overdue: boolean;
}

/** GET /campaigns/{c}: the fields these pages show. */
export interface CampaignDetail {
  id: string;
  code: string;
  name: string;
  year: number;
  status: 'draft' | 'launched' | 'completed';
  steps: CampaignStep[];
}

/** GET /campaigns/{c}/state (CampaignStateView): where the campaign stands, by the API. */
export interface CampaignState {
  currentStep: number | null;
  steps: {
    number: number;
    titleVi: string;
    kind?: string;
    status: 'pending' | 'open' | 'closed';
    deadline: string | null;
    closedAt: string | null;
    overdue?: boolean;
  }[];
  councilApproval: { approvedAt: string; note?: string } | null;
  decision: { number: string; date: string } | null;
  scoresFixed: { at: string; by: string | null } | null;
  resultsPublishedAt: string | null;
}

export const campaignPath = c;
export const statePath = (campaign: string) => `${c(campaign)}/state`;

// ------------------------------------------------------------------ explanation proposals

export type Score = number | 'not_applicable' | null;

export interface ExplanationRequestRow {
  criterionCode: string;
  title: string;
  maxPoints: number;
  status: 'proposed' | 'dismissed' | 'confirmed';
  origin: string;
  grounds: string[];
  reason: string;
  finding: string | null;
  selfScore: Score;
  round1Score: Score;
  round1Comment: string | null;
  confirmedAt: string | null;
  deadline: string | null;
  answeredAt: string | null;
}

export interface UnitRequests {
  unitCode: string;
  unitName: string;
  group: string;
  requests: ExplanationRequestRow[];
  notAppraised?: string[];
}

export const proposalsPath = (campaign: string) => `${c(campaign)}/explanation-proposals`;
export const generateProposals = (campaign: string) =>
  apiPost<UnitRequests[]>(`${c(campaign)}/explanation-proposals/generate`, {});
export const editProposals = (
  campaign: string,
  unitCode: string,
  items: { criterionCode: string; include: boolean; reason?: string }[],
) => apiSend<UnitRequests>('PUT', `${u(campaign, unitCode)}/explanation-proposals`, { items });
export const confirmProposals = (campaign: string, unitCode: string) =>
  apiPost<UnitRequests>(`${u(campaign, unitCode)}/explanation-proposals/confirm`, {});

// ------------------------------------------------------------------ survey points, fixing

export interface SurveyImportSummary {
  imported: number;
  created: number;
  updated: number;
  units: number;
  rounded: { row: number; from: string; to: number }[];
  resultsRecomputed: boolean;
}

/** One row at fault in an import's 422 (`errors`). */
export interface ImportIssue {
  row: number;
  field: string;
  message: string;
}

/** POST …/survey-scores/import with the file (multipart, field "file"). */
export async function importSurveyScores(
  campaign: string,
  file: File,
): Promise<SurveyImportSummary> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`${c(campaign)}/survey-scores/import`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      body: form,
    });
  } catch {
    throw unreachableError();
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) throw errorFromAnswer(response.status, body);
  return body as SurveyImportSummary;
}

export interface FixResult {
  scoresFixedAt: string;
  scoresFixedBy: string;
  units: number;
  keptRoundOne: { unitCode: string; criteria: string[] }[];
}

export const fixScores = (campaign: string) =>
  apiPost<FixResult>(`${c(campaign)}/appraisals/fix`, {});

export interface RoundProgress {
  total: { required: number; entered: number };
  units: { unitCode: string; unitName: string; required: number; entered: number }[];
}

export const progressPath = (campaign: string, round: 1 | 2) =>
  `${c(campaign)}/appraisals/progress?round=${round}`;

// ------------------------------------------------------------------ results

export interface RatingBand {
  label: string;
  min: number | null;
  max: number | null;
}

export interface UnitResult {
  rank: number;
  tied: boolean;
  unitCode: string;
  unitName: string;
  group: string;
  maxPoints: number;
  applicableMax: number;
  points: number;
  bonus: number;
  penalty: number;
  councilPoints: number;
  achieved: number;
  index: number;
  indexText: string;
  band: string;
}

export interface GroupResults {
  group: string;
  groupName: string;
  units: UnitResult[];
}

export interface Results {
  campaignCode: string;
  campaignName: string;
  status: 'computed' | 'published';
  computedAt: string;
  publishedAt: string | null;
  decision: { number: string; date: string } | null;
  ratingBands: RatingBand[];
  groups: GroupResults[];
}

/** A unit and criterion that keeps the results from being computed (422 `errors`). */
export interface ResultProblem {
  unitCode: string;
  criterionCode: string | null;
  message: string;
}

export const resultsPath = (campaign: string) => `${c(campaign)}/results`;
export const computeResults = (campaign: string) =>
  apiPost<Results>(`${c(campaign)}/results/compute`, {});
export const resultsExportUrl = (campaign: string, format: 'xlsx' | 'csv') =>
  `${c(campaign)}/results/export?format=${format}`;

export interface Adjustment {
  id: string;
  unitCode: string;
  criterionCode: string | null;
  score: number | null;
  notApplicable: boolean;
  points: number | null;
  reason: string;
  adjustedBy: string;
  adjustedAt: string;
}

export type AdjustmentInput =
  | { unitCode: string; points: number; reason: string }
  | { unitCode: string; criterionCode: string; score: number; reason: string }
  | { unitCode: string; criterionCode: string; notApplicable: true; reason: string };

export const adjustmentsPath = (campaign: string) => `${c(campaign)}/results/adjustments`;
export const addAdjustment = (campaign: string, adjustment: AdjustmentInput) =>
  apiPost<Results>(adjustmentsPath(campaign), adjustment);

export interface ScoringPolicy {
  ratingBands: RatingBand[];
  ratingBandsDefault: boolean;
  commendationPolicy: { rule: string; top?: number; minIndex?: number };
  commendationPolicyDefault: boolean;
}

export const scoringPolicyPath = (campaign: string) => `${c(campaign)}/scoring-policy`;
export const setRatingBands = (campaign: string, ratingBands: RatingBand[] | null) =>
  apiSend<ScoringPolicy>('PUT', scoringPolicyPath(campaign), { ratingBands });

// ------------------------------------------------------------------ council, Chairman, step 11

export const approveResults = (campaign: string, note: string | undefined) =>
  apiPost<{ approvedAt: string }>(`${c(campaign)}/council-approval`, note ? { note } : {});

export const recordChairmanDecision = (campaign: string, number: string, date: string) =>
  apiPost<{ number: string; date: string; resultsPublishedAt: string | null }>(
    `${c(campaign)}/chairman-decision`,
    { number, date },
  );

export interface Commendation {
  group: string;
  groupName: string;
  unitCode: string;
  unitName: string;
  indexText: string;
  rank: number;
  tied: boolean;
  band: string;
  reason: string;
}

export interface Commendations {
  policy: { rule: string; top?: number; minIndex?: number };
  proposals: Commendation[];
}

export const commendationsPath = (campaign: string) => `${c(campaign)}/commendations`;
export const commendationsExportUrl = (campaign: string, format: 'xlsx' | 'csv') =>
  `${c(campaign)}/commendations/export?format=${format}`;

/** GET with the session cookie (for reloads after an action). */
export const get = apiGet;
