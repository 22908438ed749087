/**
 * The secretariat's calls about a campaign: its plan, where it stands, its units, its
 * notifications, and the actions on them. Every decision is the API's: these only send and read.
 */
import { apiGet, apiPost, apiSend } from '../api/client';
import { ApiRequestError, errorFromAnswer, unreachableError } from '../api/api-error';

export type CampaignStatus = 'draft' | 'launched' | 'completed';
export type StepStatus = 'pending' | 'open' | 'closed';

/** A campaign as GET /campaigns lists it (CampaignView). */
export interface CampaignRow {
  id: string;
  code: string;
  province: string;
  year: number;
  name: string;
  status: CampaignStatus;
  currentStep: number | null;
  workflowId: string | null;
  launchedAtLocal: string | null;
  copiedFromId: string | null;
}

/** A step of the plan (CampaignStepView). */
export interface PlanStep {
  number: number;
  kind: string;
  titleVi: string;
  actor: string;
  lead: string;
  opensAt: string | null;
  deadline: string | null;
  opensOn: string | null;
  closesOn: string | null;
  opensAtLocal: string | null;
  deadlineLocal: string | null;
  startsAfterStep: number | null;
  windowText: string | null;
  status: StepStatus;
  openedAt: string | null;
  closedAt: string | null;
  closedBy: string | null;
  overdue: boolean;
}

/** GET /campaigns/{id} (CampaignPageView). */
export interface CampaignDetail extends CampaignRow {
  timeZone: string;
  steps: PlanStep[];
  /** The workflow in the Temporal Web UI, for staff; null before launch. */
  workflowUrl: string | null;
}

/** POST …/launch (LaunchResultView). */
export interface LaunchResult extends CampaignDetail {
  warnings: string[];
  workflowStarted: boolean;
}

/** A step as GET …/state reports it. */
export interface StepState {
  number: number;
  titleVi: string;
  status: StepStatus;
  opensAt: string | null;
  deadline: string | null;
  openedAt: string | null;
  closedAt: string | null;
  closedBy: string | null;
  overdue?: boolean;
}

/** GET /campaigns/{id}/state. */
export interface CampaignState {
  campaignId: string;
  currentStep: number | null;
  steps: StepState[];
  units: number;
  unitsByStatus: Record<string, number>;
  pendingDeliveries: number;
}

/** GET /campaigns/{id}/participations. */
export interface ParticipationRow {
  id: string;
  unit: { code: string; name: string; group: string };
  status: string;
}

/** GET /campaigns/{id}/units/{code}/state. */
export interface UnitState {
  unitCode: string;
  status: string;
  selfAssessment: {
    deadline: string | null;
    submittedAt: string | null;
    version: number | null;
    late: boolean;
  };
  explanation: { deadline: string | null; submittedAt: string | null };
}

/** GET …/self-assessment, the fields shown read-only. */
export interface SelfAssessmentRead {
  status: 'not_started' | 'draft' | 'submitted';
  version: number | null;
  submittedAt: string | null;
  late: boolean;
  deadline: string | null;
  deadlineExtended: boolean;
  items: {
    criterionCode: string;
    title: string;
    maxPoints: number;
    score: number | null;
    notApplicable: boolean;
    note: string | null;
    evidence: { id: string; fileName: string }[];
  }[];
  missing: string[];
}

export interface NotificationRow {
  id: string;
  kind: string;
  stepNumber: number | null;
  audience: string;
  unitCode: string | null;
  unitName: string | null;
  agencyCode: string | null;
  to: string[];
  subject: string;
  status: string;
  attempts: number;
  scheduledForLocal: string;
  sentAtLocal: string | null;
  lastError: string | null;
}

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export interface ForecastRow {
  businessKey: string;
  kind: string;
  audience: string;
  stepNumber: number;
  unitCode: string | null;
  unitName: string | null;
  agencyCode: string | null;
  agencyName: string | null;
  to: string[];
  sendAt: string;
  sendAtLocal: string;
  deadline: string;
  deadlineLocal: string;
  daysBefore?: number;
  extended: boolean;
  due: boolean;
  notification: { status: string; sentAt: string | null; lastError: string | null } | null;
}

export interface Forecast extends Page<ForecastRow> {
  generatedAt: string;
}

/** One row error of an import (422). */
export interface ImportRowError {
  row?: number;
  field?: string;
  message: string;
}

/** What a 202 of a step action or a 201 extension says of its delivery to the workflow. */
export interface Delivery {
  delivery?: 'delivered' | 'pending';
}

const c = (campaign: string) => `/campaigns/${encodeURIComponent(campaign)}`;
const u = (code: string) => encodeURIComponent(code);
const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') q.set(key, String(value));
  }
  const text = q.toString();
  return text ? `?${text}` : '';
};

export const listCampaigns = () => apiGet<CampaignRow[]>('/campaigns');
export const campaignPath = (campaign: string) => c(campaign);
export const statePath = (campaign: string) => `${c(campaign)}/state`;
export const participationsPath = (campaign: string) => `${c(campaign)}/participations`;
export const getCampaign = (campaign: string) => apiGet<CampaignDetail>(c(campaign));
export const getState = (campaign: string) => apiGet<CampaignState>(statePath(campaign));
export const getParticipations = (campaign: string) =>
  apiGet<ParticipationRow[]>(participationsPath(campaign));

/** A date the copy placed on a working day, or kept on a day off (PlanDateMoveView). */
export interface PlanDateMove {
  step: number;
  date: 'opensAt' | 'deadline';
  rule: 'previous' | 'next' | 'keep';
  yearShiftOn: string;
  chosenOn: string;
  reason: string;
}

/** POST …/copy (CopyResultView): the draft and what moved onto working days, and why. */
export interface CopyResult extends CampaignDetail {
  workingDays: { moves: PlanDateMove[]; kept: PlanDateMove[]; warnings: string[] };
}

export const copyCampaign = (campaign: string, year: number) =>
  apiPost<CopyResult>(`${c(campaign)}/copy`, { year });

/** POST /campaigns: a draft with an empty plan, filled in on its page. */
export const createCampaign = (fields: {
  code: string;
  province: string;
  year: number;
  name: string;
}) => apiPost<CampaignDetail>('/campaigns', fields);

export const openStep = (campaign: string, step: number) =>
  apiPost<Delivery>(`${c(campaign)}/steps/${step}/open`, {});
export const closeStep = (campaign: string, step: number) =>
  apiPost<Delivery>(`${c(campaign)}/steps/${step}/close`, {});
export const amendDeadline = (campaign: string, step: number, deadline: string, reason: string) =>
  apiPost<Delivery>(`${c(campaign)}/steps/${step}/deadline`, { deadline, reason });
export const planStep = (
  campaign: string,
  step: number,
  dates: { opensOn?: string; closesOn?: string },
) => apiSend<CampaignDetail>('PATCH', `${c(campaign)}/steps/${step}`, dates);

export const addParticipation = (campaign: string, unitCode: string) =>
  apiPost<ParticipationRow>(`${c(campaign)}/participations`, { unitCode });
export const removeParticipation = (campaign: string, unitCode: string) =>
  apiSend<null>('DELETE', `${c(campaign)}/participations/${u(unitCode)}`, undefined);

export const unitStatePath = (campaign: string, unitCode: string) =>
  `${c(campaign)}/units/${u(unitCode)}/state`;
export const selfAssessmentPath = (campaign: string, unitCode: string) =>
  `${c(campaign)}/units/${u(unitCode)}/self-assessment`;
export const grantExtension = (
  campaign: string,
  unitCode: string,
  stepNumber: number,
  deadline: string,
  reason: string,
) =>
  apiPost<Delivery>(`${c(campaign)}/units/${u(unitCode)}/extensions`, {
    stepNumber,
    deadline,
    reason,
  });

export const notificationsPath = (
  campaign: string,
  filters: { kind?: string; status?: string; unitCode?: string; limit: number; offset: number },
) => `${c(campaign)}/notifications${query(filters)}`;
export const forecastPath = (
  campaign: string,
  filters: { kind?: string; unitCode?: string; limit: number; offset: number },
) => `${c(campaign)}/notifications/forecast${query(filters)}`;

/** An API refusal that lists its problems one by one (a 422 of an import or of a launch). */
export class ApiErrorWithRows extends ApiRequestError {
  constructor(
    error: ApiRequestError,
    readonly rows: readonly ImportRowError[],
  ) {
    super(error.status, error.code, error.title, error.detail, error.fields);
  }
}

/** Sends a body (JSON or a form) and keeps the `errors` list of a refusal. */
async function sendKeepingRows<T>(path: string, body: FormData | object): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers:
        body instanceof FormData
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body instanceof FormData ? body : JSON.stringify(body),
    });
  } catch {
    throw unreachableError();
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (response.ok) return parsed as T;
  const error = errorFromAnswer(response.status, parsed);
  const errors = (parsed as { errors?: unknown } | null)?.errors;
  const rows = Array.isArray(errors)
    ? errors.filter(
        (e): e is ImportRowError =>
          typeof e === 'object' && e !== null && typeof (e as ImportRowError).message === 'string',
      )
    : [];
  throw rows.length > 0 ? new ApiErrorWithRows(error, rows) : error;
}

/** POST …/launch: a plan that is not launchable is a 422 listing every problem (rows). */
export const launchCampaign = (campaign: string) =>
  sendKeepingRows<LaunchResult>(`${c(campaign)}/launch`, {});

/** Uploads an index set file (multipart, field `file`); a 422 lists every row's problem. */
export function importIndexSet(campaign: string, file: File): Promise<unknown> {
  const form = new FormData();
  form.append('file', file);
  return sendKeepingRows(`${c(campaign)}/index-sets/import`, form);
}

/**
 * POST /campaigns/import: a campaign from a plan file (.xlsx or .json), its fields beside the file;
 * a 422 lists every row's problem.
 */
export function importPlan(
  file: File,
  fields: { code: string; province: string; year: number; name: string },
): Promise<CampaignDetail> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, String(value));
  form.append('file', file);
  return sendKeepingRows<CampaignDetail>('/campaigns/import', form);
}

/** POST …/participations with many unit codes: all or nothing, every unknown code named. */
export const addParticipations = (campaign: string, unitCodes: string[]) =>
  apiPost<{ added: number }>(`${c(campaign)}/participations`, { unitCodes });

/** Who runs a campaign (the API's CAMPAIGN_STAFF): its pages are theirs. */
export const CAMPAIGN_STAFF = ['admin', 'secretariat'] as const;
