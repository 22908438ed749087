/**
 * The API calls of a unit's pages (self-assessment, evidence, explanation, own results), with
 * the shapes the API answers (src/api/self-assessments/self-assessment.dto.ts,
 * src/api/evidence/evidence.dto.ts, src/api/explanations/, src/contracts/unit.ts).
 */
import { errorFromAnswer, unreachableError } from '../api/api-error';
import { apiGet, apiSend } from '../api/client';

const seg = encodeURIComponent;
const unitBase = (campaign: string, unitCode: string) =>
  `/campaigns/${seg(campaign)}/units/${seg(unitCode)}`;

export interface EvidenceRef {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  downloadUrl: string;
}

export interface SelfAssessmentItem {
  criterionCode: string;
  title: string;
  level: 'field' | 'criterion' | 'sub_criterion';
  kind: 'regular' | 'bonus' | 'penalty';
  maxPoints: number;
  evidenceRequired: boolean;
  score: number | null;
  notApplicable: boolean;
  note: string | null;
  evidence: EvidenceRef[];
}

export interface SubmissionWindow {
  phase: 'not_open' | 'on_time' | 'late' | 'closed';
  opensAt: string | null;
  deadline: string | null;
  acceptedUntil: string | null;
  closedBecause: 'refuses_late' | 'round_one_ended' | 'results_published' | null;
}

export interface SelfAssessment {
  campaignId: string;
  campaignCode: string;
  unitCode: string;
  unitName: string;
  unitGroup: string;
  indexSet: { id: string; name: string; illustrative: boolean };
  version: number | null;
  status: 'not_started' | 'draft' | 'submitted';
  submittedAt: string | null;
  submittedBy: string | null;
  late: boolean;
  updatedAt: string | null;
  deadline: string | null;
  deadlineExtended: boolean;
  participationStatus: string;
  window: SubmissionWindow;
  items: SelfAssessmentItem[];
  missing: string[];
  missingEvidence: string[];
}

export interface SelfAssessmentVersion {
  version: number;
  status: 'draft' | 'submitted';
  submittedAt: string | null;
  submittedBy: string | null;
  late: boolean;
  itemCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface SubmissionRecord {
  version: number;
  submittedAt: string;
  late: boolean;
  participationStatus: string;
}

export interface DraftItem {
  criterionCode: string;
  score?: number | null;
  notApplicable?: boolean;
  note?: string | null;
  evidenceIds?: string[];
}

export interface CriterionNode {
  id: string;
  code: string;
  level: 'field' | 'criterion' | 'sub_criterion';
  kind: 'regular' | 'survey' | 'bonus' | 'penalty';
  title: string;
  maxPoints: number;
  evidenceRequired: boolean;
  guidance: string | null;
  children: CriterionNode[];
}

export interface IndexSet {
  id: string;
  name: string;
  illustrative: boolean;
  fields: CriterionNode[];
}

export interface EvidenceFile {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  criterionCode: string | null;
  uploadedBy: string;
  uploadedAt: string;
  downloadUrl: string;
}

/** GET …/units/{u}/state: where the unit stands in the running campaign. */
export interface UnitState {
  unitCode: string;
  status: string;
  selfAssessment: {
    deadline: string | null;
    submittedAt: string | null;
    version: number | null;
    late: boolean;
  };
  explanation: {
    deadline: string | null;
    request: { criteria: string[]; reason: string; requestedAt: string } | null;
    submittedAt: string | null;
  };
  finishedAt: string | null;
}

export interface ExplanationRequestView {
  criterionCode: string;
  title: string;
  maxPoints: number;
  status: string;
  reason: string;
  selfScore: number | null;
  confirmedAt: string | null;
  deadline: string | null;
  answerText: string | null;
  answerEvidenceIds: string[];
  answeredBy: string | null;
  answeredAt: string | null;
}

export interface UnitRequests {
  unitCode: string;
  unitName: string;
  group: string;
  requests: ExplanationRequestView[];
}

export interface ExplanationAnswer {
  criterionCode: string;
  text: string;
  evidenceIds?: string[];
}

export interface CampaignSummary {
  id: string;
  code: string;
  name: string;
  year: number;
  status: 'draft' | 'launched' | 'completed';
  timeZone: string;
  currentStep: number | null;
}

export interface ParticipationRow {
  id: string;
  unit: { code: string; name: string; group: string };
  status: string;
}

export const unitApi = {
  selfAssessment: (campaign: string, unitCode: string, version?: number) =>
    `${unitBase(campaign, unitCode)}/self-assessment${version ? `?version=${version}` : ''}`,
  versions: (campaign: string, unitCode: string) =>
    `${unitBase(campaign, unitCode)}/self-assessment/versions`,
  state: (campaign: string, unitCode: string) => `${unitBase(campaign, unitCode)}/state`,
  evidence: (campaign: string, unitCode: string) => `${unitBase(campaign, unitCode)}/evidence`,
  indexSet: (id: string) => `/index-sets/${seg(id)}`,
  requests: (campaign: string, unitCode: string) =>
    `${unitBase(campaign, unitCode)}/explanation-requests`,
  scoreSheet: (campaign: string, unitCode: string, format: 'csv' | 'xlsx') =>
    `${unitBase(campaign, unitCode)}/score-sheet?format=${format}`,
  campaign: (campaign: string) => `/campaigns/${seg(campaign)}`,
};

export const saveDraft = (campaign: string, unitCode: string, items: DraftItem[]) =>
  apiSend<SelfAssessment>('PUT', `${unitBase(campaign, unitCode)}/self-assessment/draft`, {
    items,
  });

export const submitSelfAssessment = (campaign: string, unitCode: string) =>
  apiSend<SubmissionRecord>('POST', `${unitBase(campaign, unitCode)}/self-assessment/submit`, {});

export const answerExplanation = (
  campaign: string,
  unitCode: string,
  body: { text?: string; answers?: ExplanationAnswer[] },
) => apiSend<unknown>('POST', `${unitBase(campaign, unitCode)}/explanation`, body);

export const listCampaigns = () => apiGet<CampaignSummary[]>('/campaigns');

export const ownParticipations = (campaign: string) =>
  apiGet<ParticipationRow[]>(`/campaigns/${seg(campaign)}/participations`);

/**
 * Uploads one evidence file (multipart, field "file", optionally "criterionCode") through
 * XMLHttpRequest, whose upload events give the progress fetch does not; the API's refusal
 * (type, size, quota) comes back as the ApiRequestError it words.
 */
export function uploadEvidence(
  campaign: string,
  unitCode: string,
  file: File,
  criterionCode: string | null,
  onProgress: (percent: number) => void,
): Promise<EvidenceFile> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    if (criterionCode) form.append('criterionCode', criterionCode);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', unitApi.evidence(campaign, unitCode));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(unreachableError());
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as EvidenceFile);
      else reject(errorFromAnswer(xhr.status, body));
    };
    xhr.send(form);
  });
}

/** A text answer (the score sheet's CSV), or the ApiRequestError it stands for. */
export async function apiGetText(path: string, signal?: AbortSignal): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...(signal && { signal }) });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw unreachableError();
  }
  const text = await response.text();
  if (response.ok) return text;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  throw errorFromAnswer(response.status, body);
}

/** RFC 4180 rows of a CSV text (the API's: a BOM, commas, quoted fields). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
