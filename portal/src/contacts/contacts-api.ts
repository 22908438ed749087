import { apiGet, apiSend } from '../api/client';
import { errorFromAnswer, unreachableError } from '../api/api-error';

/** An appraising agency as GET /agencies lists it (AgencyView). */
export interface AgencyRow {
  id: string;
  code: string;
  name: string;
  email: string | null;
  ccEmails: string[];
  contactName: string | null;
  headName: string | null;
  headTitle: string | null;
  headEmail: string | null;
  active: boolean;
  mergedInto: string | null;
  updatedAt: string;
}

/** A contact of the secretariat as GET /secretariat-contacts lists it. */
export interface SecretariatContactRow {
  id: string;
  name: string;
  title: string | null;
  email: string;
  phone: string | null;
  isHead: boolean;
  active: boolean;
}

/** What an import answers: the keys created, changed and left as they were. */
export interface ImportSummary {
  created: string[];
  updated: string[];
  unchanged: string[];
}

export type AgencyFields = Partial<Omit<AgencyRow, 'id' | 'updatedAt' | 'ccEmails'>>;
export type ContactFields = Partial<Omit<SecretariatContactRow, 'id'>>;

export const listAgencies = () => apiGet<AgencyRow[]>('/agencies');
export const createAgency = (fields: AgencyFields) =>
  apiSend<AgencyRow>('POST', '/agencies', fields);
export const updateAgency = (code: string, fields: AgencyFields) =>
  apiSend<AgencyRow>('PATCH', `/agencies/${encodeURIComponent(code)}`, fields);

export const listContacts = () => apiGet<SecretariatContactRow[]>('/secretariat-contacts');
export const createContact = (fields: ContactFields) =>
  apiSend<SecretariatContactRow>('POST', '/secretariat-contacts', fields);
export const updateContact = (id: string, fields: ContactFields) =>
  apiSend<SecretariatContactRow>(
    'PATCH',
    `/secretariat-contacts/${encodeURIComponent(id)}`,
    fields,
  );

/** Sends a .xlsx, .csv or .json file (multipart, field "file"); a refusal throws ApiRequestError. */
export async function importFile(path: string, file: File): Promise<ImportSummary> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(path, {
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
  if (response.ok) return body as ImportSummary;
  throw errorFromAnswer(response.status, body);
}
