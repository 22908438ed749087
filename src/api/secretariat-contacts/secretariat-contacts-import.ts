/**
 * Validation of an imported list of the secretariat's contacts: pure, no I/O; every problem named
 * with its row and column, nothing written unless every row is right.
 *
 * Columns: name, email (required); title, phone, is_head (có/không), active (có/không, default có).
 * Contacts are upserted by e-mail address (case-insensitive).
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

export const SECRETARIAT_CONTACT_COLUMNS = [
  'name',
  'title',
  'email',
  'phone',
  'is_head',
  'active',
] as const;
const REQUIRED_COLUMNS = ['name', 'email'] as const;

export const SECRETARIAT_CONTACTS_IMPORT: ImportSpec = {
  listKey: 'contacts',
  columns: SECRETARIAT_CONTACT_COLUMNS,
  optionKeys: [],
};

export interface ImportedContact {
  row: number;
  name: string;
  title: string | null;
  email: string;
  phone: string | null;
  /** null: keep the stored value (a new contact is not the head). */
  isHead: boolean | null;
  active: boolean | null;
}

export type ContactsImportResult =
  { ok: true; contacts: ImportedContact[] } | { ok: false; issues: ImportIssue[] };

const PHONE = /^[0-9+().\s-]{3,32}$/;

export function validateSecretariatContactsImport(source: AnyImportSource): ContactsImportResult {
  const { issues, stop } = importStart(source, REQUIRED_COLUMNS, {
    field: 'contacts',
    message: 'tệp không có người nào',
  });
  if (stop) return { ok: false, issues };
  const contacts: ImportedContact[] = [];
  const firstRow = new Map<string, number>();
  for (const row of source.rows) {
    const r = new RowReader(source, row, issues);
    const before = issues.length;
    const name = r.text('name', { required: true, max: 255 });
    const title = r.text('title', { max: 255 });
    let email = r.text('email', { required: true, max: 320 })?.trim().toLowerCase();
    if (email && !isEmail(email)) {
      email = r.fail(
        'email',
        `phải là một địa chỉ thư điện tử, nhận được ${JSON.stringify(email)}`,
      );
    }
    const phone = r.text('phone', {
      max: 32,
      pattern: PHONE,
      patternHint: 'phải gồm 3–32 chữ số, khoảng trắng, "+", "-", ".", "(" hoặc ")"',
    });
    const isHead = r.has('is_head') ? r.flag('is_head', false) : null;
    const active = r.has('active') ? r.flag('active', true) : null;
    if (email) {
      const first = firstRow.get(email);
      if (first !== undefined) {
        r.fail('email', `địa chỉ «${email}» bị trùng (đã có ở ${rowWord(source)} ${first})`);
      } else {
        firstRow.set(email, row.row);
      }
    }
    if (issues.length > before) continue;
    contacts.push({
      row: row.row,
      name: name!,
      title: title ?? null,
      email: email!,
      phone: phone ?? null,
      isHead: isHead ?? null,
      active: active ?? null,
    });
  }
  if (issues.length > 0) {
    return { ok: false, issues: issues.sort((a, b) => a.row - b.row) };
  }
  return { ok: true, contacts };
}
