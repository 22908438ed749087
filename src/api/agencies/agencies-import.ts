/**
 * Validation of an imported agency list: pure, no I/O. Every problem is collected, each naming
 * its row and column; nothing is written unless every row is right.
 *
 * Columns (XLSX/CSV header row, or the keys of each JSON item):
 *   code          required  the code the index sets name (≤ 32)
 *   name          required  official Vietnamese name
 *   email         optional  the appraisal contact's address (reminders)
 *   cc_emails     optional  further addresses of the contact, separated by "," or ";"
 *   contact_name  optional  who handles the appraisal
 *   head_name     optional  the agency's head
 *   head_title    optional  "Giám đốc", "Chánh Văn phòng" …
 *   head_email    optional  the head's address (escalations)
 *   active        optional  có/không (default có)
 *
 * Agencies are upserted by code; an empty optional cell leaves the stored value as it is.
 */
import { isEmail } from 'class-validator';
import {
  importStart,
  type AnyImportSource,
  type ImportIssue,
  type ImportSpec,
  RowReader,
  rowWord,
} from '../common/import-file.js';
import { CODE_PATTERN } from '../common/dto-validators.js';

export const AGENCY_COLUMNS = [
  'code',
  'name',
  'email',
  'cc_emails',
  'contact_name',
  'head_name',
  'head_title',
  'head_email',
  'active',
] as const;
const REQUIRED_COLUMNS = ['code', 'name'] as const;

export const AGENCIES_IMPORT: ImportSpec = {
  listKey: 'agencies',
  columns: AGENCY_COLUMNS,
  optionKeys: [],
};

export interface ImportedAgency {
  row: number;
  code: string;
  name: string;
  email: string | null;
  ccEmails: string[] | null;
  contactName: string | null;
  headName: string | null;
  headTitle: string | null;
  headEmail: string | null;
  /** null: keep the stored value (a new agency is active). */
  active: boolean | null;
}

export type AgenciesImportResult =
  { ok: true; agencies: ImportedAgency[] } | { ok: false; issues: ImportIssue[] };

export function validateAgenciesImport(source: AnyImportSource): AgenciesImportResult {
  const { issues, stop } = importStart(source, REQUIRED_COLUMNS, {
    field: 'agencies',
    message: 'tệp không có cơ quan nào',
  });
  if (stop) return { ok: false, issues };
  const agencies: ImportedAgency[] = [];
  const firstRow = new Map<string, number>();
  for (const row of source.rows) {
    const r = new RowReader(source, row, issues);
    const before = issues.length;
    const code = r.text('code', {
      required: true,
      max: 32,
      pattern: CODE_PATTERN,
      patternHint: 'chỉ được gồm chữ cái, chữ số, ".", "_" và "-"',
    });
    const name = r.text('name', { required: true, max: 255 });
    const email = (field: string) => {
      const value = r.text(field, { max: 320 })?.trim();
      if (value && !isEmail(value)) {
        return r.fail(field, `phải là một địa chỉ thư điện tử, nhận được ${JSON.stringify(value)}`);
      }
      return value || null;
    };
    const contactEmail = email('email');
    const headEmail = email('head_email');
    const ccText = r.text('cc_emails', { max: 2000 });
    let ccEmails: string[] | null = null;
    if (ccText) {
      const list = ccText
        .split(/[,;\s]+/)
        .map((a) => a.trim())
        .filter(Boolean);
      const wrong = list.filter((a) => !isEmail(a) || a.length > 320);
      if (wrong.length > 0) {
        r.fail('cc_emails', `có địa chỉ thư điện tử không hợp lệ: ${wrong.join(', ')}`);
      } else if (list.length > 10) {
        r.fail('cc_emails', `tối đa 10 địa chỉ, nhận được ${list.length}`);
      } else {
        ccEmails = list;
      }
    }
    const contactName = r.text('contact_name', { max: 255 });
    const headName = r.text('head_name', { max: 255 });
    const headTitle = r.text('head_title', { max: 255 });
    const active = r.has('active') ? r.flag('active', true) : null;
    if (code) {
      const first = firstRow.get(code);
      if (first !== undefined) {
        r.fail('code', `mã «${code}» bị trùng (đã có ở ${rowWord(source)} ${first})`);
      } else {
        firstRow.set(code, row.row);
      }
    }
    if (issues.length > before) continue;
    agencies.push({
      row: row.row,
      code: code!,
      name: name!,
      email: contactEmail ?? null,
      ccEmails,
      contactName: contactName ?? null,
      headName: headName ?? null,
      headTitle: headTitle ?? null,
      headEmail: headEmail ?? null,
      active: active ?? null,
    });
  }
  if (issues.length > 0) {
    return { ok: false, issues: issues.sort((a, b) => a.row - b.row) };
  }
  return { ok: true, agencies };
}
