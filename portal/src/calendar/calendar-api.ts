import { apiGet, apiSend } from '../api/client';
import { errorFromAnswer, unreachableError } from '../api/api-error';

/** A year as GET /calendar-years lists it (CalendarYearSummaryView). */
export interface CalendarYearRow {
  year: number;
  origin: 'built-in' | 'data';
  builtIn: boolean;
  scope: string;
  sourceDecision: string | null;
  provisional: boolean;
  daysOff: number;
  makeUpWorkingDays: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface CalendarYearSaved extends CalendarYearRow {
  replaced: 'built-in' | 'data' | null;
}

export const listCalendarYears = () => apiGet<CalendarYearRow[]>('/calendar-years');

export const deleteCalendarYear = (year: number) =>
  apiSend<{ year: number; nowInForce: 'built-in' | null }>('DELETE', `/calendar-years/${year}`, {});

/** The workbook to fill in (a plain link: the browser sends the session cookie). */
export const calendarTemplatePath = (year: number) => `/calendar-years/template.xlsx?year=${year}`;

/** Sends a .json or .xlsx file (multipart, field "file"); a refusal throws ApiRequestError. */
export async function importCalendarYear(file: File): Promise<CalendarYearSaved> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/calendar-years/import', {
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
  if (response.ok) return body as CalendarYearSaved;
  throw errorFromAnswer(response.status, body);
}
