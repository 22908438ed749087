/**
 * Validation of an imported unit list: pure, no I/O. Every problem is collected, each naming its
 * row and column.
 *
 * Columns (XLSX header row, or the keys of each JSON item):
 *   code         required  short stable code, unique: letters, digits, ".", "_", "-" (≤ 32)
 *   name         required  official Vietnamese name
 *   group        required  unit group: department, district, commune, … (≤ 32)
 *   focal_email  optional  the unit's CCHC focal point (đầu mối)
 *   head_email   optional  the head of the unit (for escalations)
 *
 * Units are upserted by code. An empty e-mail cell leaves the stored address as it is (a list
 * without addresses never erases the ones an administrator entered).
 */
import { isEmail } from 'class-validator';
import {
  importStart,
  type ImportIssue,
  type ImportSource,
  type ImportSpec,
  RowReader,
  rowWord,
} from '../common/import-file.js';
import { CODE_PATTERN } from '../common/dto-validators.js';
import { GROUP_PATTERN } from '../index-sets/index-set-import.js';
import { reservedUnitCode, reservedUnitCodeProblem } from '../../contracts/workflow-ids.js';

export const UNIT_COLUMNS = ['code', 'name', 'group', 'focal_email', 'head_email'] as const;
const REQUIRED_COLUMNS = ['code', 'name', 'group'] as const;

export const UNITS_IMPORT: ImportSpec = { listKey: 'units', columns: UNIT_COLUMNS, optionKeys: [] };

export interface ImportedUnit {
  row: number;
  code: string;
  name: string;
  group: string;
  focalEmail: string | null;
  headEmail: string | null;
}

export type UnitsImportResult =
  { ok: true; units: ImportedUnit[] } | { ok: false; issues: ImportIssue[] };

export function validateUnitsImport(source: ImportSource): UnitsImportResult {
  const { issues, stop } = importStart(source, REQUIRED_COLUMNS, {
    field: 'units',
    message: 'tệp không có đơn vị nào',
  });
  if (stop) return { ok: false, issues };
  const units: ImportedUnit[] = [];
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
    const group = r.text('group', {
      required: true,
      pattern: GROUP_PATTERN,
      patternHint: 'phải gồm 1–32 chữ cái, chữ số, "_" hoặc "-"',
    });
    const email = (field: string) => {
      const value = r.text(field, { max: 320 });
      if (value && !isEmail(value)) {
        return r.fail(field, `phải là một địa chỉ thư điện tử, nhận được ${JSON.stringify(value)}`);
      }
      return value;
    };
    const focalEmail = email('focal_email');
    const headEmail = email('head_email');
    if (code && reservedUnitCode(code)) {
      r.fail('code', reservedUnitCodeProblem(code)!);
    } else if (code) {
      const first = firstRow.get(code);
      if (first !== undefined) {
        r.fail('code', `mã «${code}» bị trùng (đã có ở ${rowWord(source)} ${first})`);
      } else {
        firstRow.set(code, row.row);
      }
    }
    if (issues.length > before) continue;
    units.push({
      row: row.row,
      code: code!,
      name: name!,
      group: group!,
      focalEmail: focalEmail ?? null,
      headEmail: headEmail ?? null,
    });
  }
  if (issues.length > 0) {
    return { ok: false, issues: issues.sort((a, b) => a.row - b.row) };
  }
  return { ok: true, units };
}
