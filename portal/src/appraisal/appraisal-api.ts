/**
 * What the appraiser's pages read and write: the API's appraisal routes (src/api/appraisals/)
 * and the campaign's state. The API decides every rule (which criteria an account scores, the
 * ranges, whether a round is open); these only carry its answers.
 */
import { type ApiRequestError, errorFromAnswer, unreachableError } from '../api/api-error';
import { apiSend } from '../api/client';
import type { SignedIn } from '../session/session';

export type Round = 1 | 2;

/** Who may open the appraisal pages (the API's @Roles say the same). */
export const APPRAISAL_ROLES: readonly SignedIn['role'][] = ['appraiser', 'admin', 'secretariat'];

const seg = encodeURIComponent;
const campaignBase = (campaign: string) => `/campaigns/${seg(campaign)}`;

export interface CampaignSummary {
  id: string;
  code: string;
  name: string;
  year: number;
  status: 'draft' | 'launched' | 'completed';
}

export interface StepState {
  number: number;
  titleVi: string;
  kind?: string;
  status: 'pending' | 'open' | 'closed';
  opensAt: string | null;
  deadline: string | null;
}

export interface CampaignState {
  currentStep: number | null;
  steps: StepState[];
}

export interface ProgressCount {
  required: number;
  entered: number;
}

export interface UnitProgress extends ProgressCount {
  unitCode: string;
  unitName: string;
  group: string;
  groupName: string;
  missing: string[];
}

export interface ProgressView {
  campaignCode: string;
  round: Round;
  total: ProgressCount;
  agencies: (ProgressCount & { agencyCode: string; agencyName: string })[];
  units: UnitProgress[];
}

export interface EntryView {
  score: number | null;
  notApplicable: boolean;
  comment: string | null;
  agencyCode: string | null;
  by: string;
  at: string;
}

export interface SheetRow {
  criterionCode: string;
  title: string;
  kind: 'regular' | 'survey' | 'bonus' | 'penalty';
  isLeaf: boolean;
  maxPoints: number;
  agencyCode: string | null;
  self: {
    score: number | null;
    notApplicable: boolean;
    note: string | null;
    evidenceIds: string[];
  } | null;
  round1: EntryView | null;
  round2: EntryView | null;
  explanation: {
    status: string;
    reason: string;
    answerText: string | null;
    answerEvidenceIds: string[];
  } | null;
}

export interface RoundOpenness {
  open: boolean;
  reason: string | null;
}

export interface UnitSheet {
  campaignCode: string;
  unitCode: string;
  unitName: string;
  unitGroup: string;
  indexSet: { name: string };
  rounds: { 1: RoundOpenness; 2: RoundOpenness & { criteria: string[] } };
  rows: SheetRow[];
}

export interface EvidenceFile {
  id: string;
  fileName: string;
  criterionCode: string | null;
  downloadUrl: string;
}

export interface ScoreItem {
  criterionCode: string;
  score?: number;
  notApplicable?: true;
  comment: string | null;
}

export const campaignsPath = '/campaigns';
export const campaignPath = (campaign: string) => campaignBase(campaign);
export const statePath = (campaign: string) => `${campaignBase(campaign)}/state`;
export const progressPath = (campaign: string, round: Round) =>
  `${campaignBase(campaign)}/appraisals/progress?round=${round}`;
export const unitSheetPath = (campaign: string, unitCode: string) =>
  `${campaignBase(campaign)}/units/${seg(unitCode)}/appraisals`;
export const evidenceListPath = (campaign: string, unitCode: string) =>
  `${campaignBase(campaign)}/units/${seg(unitCode)}/evidence`;
/** The round's XLSX (a plain link: the browser sends the session cookie). */
export const roundSheetPath = (campaign: string, round: Round) =>
  `${campaignBase(campaign)}/appraisals/rounds/${round}/sheet`;
export const evidenceDownloadPath = (id: string) => `/evidence/${seg(id)}/download`;

export const saveRound = (campaign: string, unitCode: string, round: Round, items: ScoreItem[]) =>
  apiSend<UnitSheet>(
    'PUT',
    `${campaignBase(campaign)}/units/${seg(unitCode)}/appraisals/rounds/${round}`,
    { items },
  );

export interface SheetRowProblem {
  row: number;
  cell: string;
  message: string;
}

export interface SheetImport {
  fileName: string;
  saved: { row: number; unitCode: string; criterionCode: string }[];
  unchanged: number;
  empty: number;
}

/** A refused import: the API's error, and each rejected row it names. */
export class SheetImportError extends Error {
  constructor(
    readonly error: ApiRequestError,
    readonly rejected: readonly SheetRowProblem[],
  ) {
    super(error.message);
    this.name = 'SheetImportError';
  }
}

/** Sends the filled-in sheet (multipart, field "file"); a refusal throws SheetImportError. */
export async function importRoundSheet(
  campaign: string,
  round: Round,
  file: File,
): Promise<SheetImport> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(roundSheetPath(campaign, round), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      body: form,
    });
  } catch {
    throw new SheetImportError(unreachableError(), []);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (response.ok) return body as SheetImport;
  const rejected =
    typeof body === 'object' &&
    body !== null &&
    Array.isArray((body as { rejected?: unknown }).rejected)
      ? (body as { rejected: SheetRowProblem[] }).rejected
      : [];
  throw new SheetImportError(errorFromAnswer(response.status, body), rejected);
}
