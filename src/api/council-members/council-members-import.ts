/**
 * Validation of an imported council member list: pure, no I/O. Every problem is collected, each
 * naming its row and column.
 *
 * Columns (XLSX header row, or the keys of each JSON item):
 *   full_name     required  họ và tên
 *   position      required  chức vụ
 *   organisation  required  cơ quan công tác
 *   role          required  chair | vice_chair | member | secretary, or in Vietnamese
 *                           (chủ tịch, phó chủ tịch, ủy viên, thư ký)
 *   email         optional
 *   order         optional  place in the list (default: the row's order)
 *
 * The import replaces the campaign's list: a council is established (kiện toàn) as a whole.
 */
import { isEmail } from 'class-validator';
import { COUNCIL_ROLES, type CouncilRole } from '../../entities/index.js';
import {
  importStart,
  type ImportIssue,
  type ImportSource,
  type ImportSpec,
  RowReader,
  rowWord,
} from '../common/import-file.js';

export const COUNCIL_MEMBER_COLUMNS = [
  'full_name',
  'position',
  'organisation',
  'role',
  'email',
  'order',
] as const;
const REQUIRED_COLUMNS = ['full_name', 'position', 'organisation', 'role'] as const;

export const COUNCIL_MEMBERS_IMPORT: ImportSpec = {
  listKey: 'members',
  columns: COUNCIL_MEMBER_COLUMNS,
  optionKeys: [],
};

/** How a role may be written in a spreadsheet: the code or the Vietnamese words. */
const ROLE_WORDS: Readonly<Record<string, CouncilRole>> = {
  chair: 'chair',
  vice_chair: 'vice_chair',
  member: 'member',
  secretary: 'secretary',
  'chủ tịch': 'chair',
  'chủ tịch hội đồng': 'chair',
  'phó chủ tịch': 'vice_chair',
  'phó chủ tịch hội đồng': 'vice_chair',
  'ủy viên': 'member',
  'uỷ viên': 'member',
  'thành viên': 'member',
  'thư ký': 'secretary',
  'thư ký hội đồng': 'secretary',
};

export interface ImportedCouncilMember {
  row: number;
  fullName: string;
  position: string;
  organisation: string;
  role: CouncilRole;
  email: string | null;
  order: number;
}

export type CouncilMembersImportResult =
  { ok: true; members: ImportedCouncilMember[] } | { ok: false; issues: ImportIssue[] };

export function validateCouncilMembersImport(source: ImportSource): CouncilMembersImportResult {
  const { issues, stop } = importStart(source, REQUIRED_COLUMNS, {
    field: 'members',
    message: 'tệp không có thành viên nào',
  });
  if (stop) return { ok: false, issues };
  const members: ImportedCouncilMember[] = [];
  let chairRow: number | null = null;
  const emails = new Map<string, number>();
  for (const [index, row] of source.rows.entries()) {
    const r = new RowReader(source, row, issues);
    const before = issues.length;
    const fullName = r.text('full_name', { required: true, max: 255 });
    const position = r.text('position', { required: true, max: 255 });
    const organisation = r.text('organisation', { required: true, max: 255 });
    const rawRole = r.text('role', { required: true, max: 64 });
    let role: CouncilRole | undefined;
    if (rawRole) {
      role = ROLE_WORDS[rawRole.trim().toLowerCase().normalize('NFC')];
      if (!role) {
        r.fail(
          'role',
          `phải là một trong ${COUNCIL_ROLES.join(', ')} (hoặc chủ tịch, phó chủ tịch, ủy viên, thư ký), nhận được ${JSON.stringify(rawRole)}`,
        );
      } else if (role === 'chair') {
        if (chairRow !== null) {
          r.fail('role', `Hội đồng chỉ có một Chủ tịch (đã có ở ${rowWord(source)} ${chairRow})`);
        } else {
          chairRow = row.row;
        }
      }
    }
    const email = r.text('email', { max: 320 });
    if (email && !isEmail(email)) {
      r.fail('email', `phải là một địa chỉ thư điện tử, nhận được ${JSON.stringify(email)}`);
    } else if (email) {
      const first = emails.get(email.toLowerCase());
      if (first !== undefined) {
        r.fail('email', `địa chỉ «${email}» bị trùng (đã có ở ${rowWord(source)} ${first})`);
      } else {
        emails.set(email.toLowerCase(), row.row);
      }
    }
    let order = index + 1;
    if (r.has('order')) {
      const raw = row.values.order;
      const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (!Number.isInteger(value) || value < 1 || value > 10000) {
        r.fail('order', `phải là một số nguyên từ 1 đến 10000, nhận được ${JSON.stringify(raw)}`);
      } else {
        order = value;
      }
    }
    if (issues.length > before) continue;
    members.push({
      row: row.row,
      fullName: fullName!,
      position: position!,
      organisation: organisation!,
      role: role!,
      email: email ?? null,
      order,
    });
  }
  if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => a.row - b.row) };
  return { ok: true, members };
}
