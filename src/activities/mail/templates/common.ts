/** What every template needs: the campaign's labels, its time zone, and where to act. */
import { formatLocalDate, formatLocalDateTime } from '../../../domain/local-time.js';

export interface MailStep {
  /** Step number in the plan, e.g. 3. */
  number: number;
  /** Vietnamese title as in the plan, e.g. "Thẩm định lần thứ nhất". */
  titleVi: string;
}

export interface MailCommon {
  /** IANA zone every date is shown in (the campaign's), e.g. "Asia/Ho_Chi_Minh". */
  timeZone: string;
  /** Where to submit or act: an http(s) URL. */
  actionUrl: string;
  /** Subject prefix, e.g. "Chỉ số CCHC năm 2021" (default "Chỉ số CCHC"). */
  campaignLabel?: string;
  /** Who signs (default "Tổ thư ký Hội đồng thẩm định Chỉ số CCHC"). */
  senderName?: string;
  /** The standing body units turn to with difficulties (default "Sở Nội vụ"). */
  standingBodyName?: string;
}

export const DEFAULT_SENDER = 'Tổ thư ký Hội đồng thẩm định Chỉ số CCHC';
export const DEFAULT_CAMPAIGN_LABEL = 'Chỉ số CCHC';

export type Instant = Date | string;

export function instant(value: Instant, what: string): Date {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid ${what}: ${String(value)}`);
  return date;
}

/** Only http(s) links: a template must not carry a javascript: or data: URL. */
export function checkedUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError(`Invalid actionUrl "${value}": expected an absolute http(s) URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RangeError(`Invalid actionUrl "${value}": only http and https links are sent`);
  }
  return value;
}

function zoneLabel(timeZone: string): string {
  return timeZone === 'Asia/Ho_Chi_Minh' || timeZone === 'Asia/Saigon'
    ? 'giờ Việt Nam'
    : `giờ địa phương, ${timeZone}`;
}

/** "24/12/2021 23:59" */
export function dateTime(value: Instant, timeZone: string, what = 'deadline'): string {
  return formatLocalDateTime(instant(value, what), timeZone);
}

/** "24/12/2021 23:59 (giờ Việt Nam)" */
export function dateTimeWithZone(value: Instant, timeZone: string, what = 'deadline'): string {
  return `${dateTime(value, timeZone, what)} (${zoneLabel(timeZone)})`;
}

/** "15/02/2022" when the instant is a local midnight, else "15/02/2022 08:30". */
export function dateOrDateTime(value: Instant, timeZone: string, what: string): string {
  const full = dateTime(value, timeZone, what);
  return full.endsWith(' 00:00') ? formatLocalDate(instant(value, what), timeZone) : full;
}

/** "Bước 4 — Thẩm định lần thứ nhất" */
export const stepLabel = (step: MailStep): string => `Bước ${step.number} — ${step.titleVi}`;

export const subjectPrefix = (common: MailCommon): string =>
  `[${common.campaignLabel ?? DEFAULT_CAMPAIGN_LABEL}]`;

export const signature = (common: MailCommon): string => common.senderName ?? DEFAULT_SENDER;

/** The caller's list, or `fallback` when it gives none. */
export const itemsOr = (items: readonly string[] | undefined, fallback: readonly string[]) =>
  items && items.length > 0 ? items : fallback;
