/**
 * Validation of an imported index set (Bộ Chỉ số CCHC): pure, no I/O. Every problem is collected
 * (not just the first), each naming its row and column; nothing is written unless there are none.
 *
 * Columns (XLSX header row, or the keys of each JSON item):
 *   group              required  unit group the set is for: department, district, commune, …
 *   code               required  unique in the group; dotted codes ("1.2.3") give the tree
 *   parent_code        optional  the parent's code; when empty it comes from the dotted code
 *                                ("1.2.3" → "1.2"; "1" is a field)
 *   level              optional  field | criterion | sub_criterion; must match the depth if given
 *   kind               optional  regular | survey | bonus | penalty; default: the parent's kind
 *                                when that is survey, bonus or penalty, else regular
 *   title              required
 *   max_points         required  a number ≥ 0 with at most 2 decimals ("2,5" reads as 2.5)
 *   agency_code        optional  appraising agency; when empty, the parent's
 *   evidence_required  optional  yes/no (true/false, có/không, x, 1/0); default no
 *   guidance           optional  scoring guidance (hướng dẫn chấm điểm)
 *
 * Rules:
 * - three levels at most: field → criterion → sub-criterion; a node may be a leaf at any level;
 * - a regular or survey parent's max_points equals the sum of its regular and survey children's
 *   (bonus and penalty children come on top of it);
 * - a bonus or penalty parent's max_points is a cap: at most the sum of its children's, which
 *   must be of its kind; so must the children of a survey node;
 * - every leaf except survey leaves (imported as numbers from surveys) has an appraising agency,
 *   its own or inherited, and every agency code must exist.
 */
import {
  CRITERION_KINDS,
  CRITERION_LEVELS,
  type CriterionKind,
  type CriterionLevel,
} from '../../domain/words.js';
import {
  importStart,
  type ImportIssue,
  type ImportSource,
  type ImportSpec,
  rowWord,
  RowReader,
} from '../common/import-file.js';
import { CODE_PATTERN } from '../common/dto-validators.js';

export const INDEX_SET_COLUMNS = [
  'group',
  'code',
  'parent_code',
  'level',
  'kind',
  'title',
  'max_points',
  'agency_code',
  'evidence_required',
  'guidance',
] as const;

const REQUIRED_COLUMNS = ['group', 'code', 'title', 'max_points'] as const;

export const INDEX_SET_IMPORT: ImportSpec = {
  listKey: 'criteria',
  columns: INDEX_SET_COLUMNS,
  optionKeys: ['name', 'source'],
};

export const GROUP_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export interface ImportedCriterion {
  row: number;
  code: string;
  parentCode: string | null;
  level: CriterionLevel;
  kind: CriterionKind;
  title: string;
  maxPoints: number;
  /** Own or inherited; null only for survey nodes without one. */
  agencyCode: string | null;
  evidenceRequired: boolean;
  guidance: string | null;
  /** Position in the file (1-based), kept as sort_order. */
  sortOrder: number;
  depth: number;
}

export interface ImportedIndexSet {
  group: string;
  /** Parents before children. */
  criteria: ImportedCriterion[];
}

export type IndexSetImportResult =
  { ok: true; sets: ImportedIndexSet[] } | { ok: false; issues: ImportIssue[] };

interface Draft {
  reader: RowReader;
  /** The row has errors of its own: its values are not trusted for sums. */
  broken: boolean;
  group: string;
  code: string;
  parentCode: string | null;
  /** The parent came from the dotted code, not from parent_code. */
  parentDerived: boolean;
  level: CriterionLevel | null;
  kind: CriterionKind | null;
  title: string;
  maxPoints: number;
  agencyCode: string | null;
  evidenceRequired: boolean;
  guidance: string | null;
  sortOrder: number;
}

const cents = (points: number) => Math.round(points * 100);

/** The levels as officials name them. */
const LEVEL_VI: Record<CriterionLevel, string> = {
  field: 'lĩnh vực',
  criterion: 'tiêu chí',
  sub_criterion: 'tiêu chí thành phần',
};
const show = (centsValue: number) => String(centsValue / 100);

/**
 * Validates the rows of an index set import against the active agencies' codes; `inactive` (code →
 * the agency it was merged into, or null) names an agency that no longer exists.
 */
export function validateIndexSetImport(
  source: ImportSource,
  agencyCodes: ReadonlySet<string>,
  inactive: ReadonlyMap<string, string | null> = new Map(),
): IndexSetImportResult {
  const { issues, stop } = importStart(source, REQUIRED_COLUMNS, {
    field: 'criteria',
    message: 'không có tiêu chí nào',
  });
  if (stop) return { ok: false, issues };

  // 1. Each row on its own.
  const drafts: Draft[] = [];
  source.rows.forEach((row, index) => {
    const r = new RowReader(source, row, issues);
    const before = issues.length;
    const group = r.text('group', {
      required: true,
      pattern: GROUP_PATTERN,
      patternHint: 'phải gồm 1–32 ký tự là chữ cái, chữ số, "_" hoặc "-"',
    });
    const code = r.text('code', {
      required: true,
      max: 32,
      pattern: CODE_PATTERN,
      patternHint: 'chỉ được gồm chữ cái, chữ số, ".", "_" và "-"',
    });
    const parentCode = r.text('parent_code', { max: 32 });
    const level = r.choice('level', CRITERION_LEVELS);
    const kind = r.choice('kind', CRITERION_KINDS);
    const title = r.text('title', { required: true, max: 2000 });
    const maxPoints = r.points('max_points');
    const agencyCode = r.text('agency_code', { max: 32 });
    if (agencyCode && inactive.has(agencyCode)) {
      const into = inactive.get(agencyCode);
      r.fail(
        'agency_code',
        `cơ quan thẩm định ${agencyCode} không còn hoạt động${into ? `; các tiêu chí của cơ quan này nay do ${into} thẩm định` : ''}`,
      );
    } else if (agencyCode && !agencyCodes.has(agencyCode)) {
      r.fail(
        'agency_code',
        `không có cơ quan thẩm định mã «${agencyCode}» (các mã hiện có: ${[...agencyCodes].sort().join(', ') || 'chưa có'})`,
      );
    }
    const evidenceRequired = r.flag('evidence_required', false);
    const guidance = r.text('guidance', { max: 10000 });
    // A row with errors still takes its place in the tree (when its group and code are readable),
    // so that its children and parent are checked too without errors that only follow from it.
    if (!group || !code) return;
    let parent = parentCode ?? null;
    let derived = false;
    if (parent === null && code.includes('.')) {
      parent = code.slice(0, code.lastIndexOf('.'));
      derived = true;
    }
    drafts.push({
      reader: r,
      broken: issues.length > before,
      group,
      code,
      parentCode: parent,
      parentDerived: derived,
      level: level ?? null,
      kind: kind ?? null,
      title: title ?? '',
      maxPoints: maxPoints ?? 0,
      agencyCode: agencyCode ?? null,
      evidenceRequired: evidenceRequired ?? false,
      guidance: guidance ?? null,
      sortOrder: index + 1,
    });
  });

  // 2. Per group: codes unique, parents found, the tree's shape, kinds, agencies and sums.
  const groups = new Map<string, Draft[]>();
  for (const draft of drafts) {
    const list = groups.get(draft.group) ?? [];
    list.push(draft);
    groups.set(draft.group, list);
  }
  const sets: ImportedIndexSet[] = [];
  for (const [group, list] of groups) {
    const byCode = new Map<string, Draft>();
    /** Parents with a duplicate child: their sums cannot be trusted. */
    const tainted = new Set<string>();
    for (const draft of list) {
      const first = byCode.get(draft.code);
      if (first) {
        if (draft.parentCode !== null) tainted.add(draft.parentCode);
        draft.reader.fail(
          'code',
          `mã «${draft.code}» bị trùng trong nhóm ${group} (xuất hiện lần đầu ở ${rowWord(source)} ${first.reader.number})`,
        );
      } else {
        byCode.set(draft.code, draft);
      }
    }
    const unique = [...byCode.values()];
    const children = new Map<string, Draft[]>();
    const valid = new Set<Draft>();
    for (const draft of unique) {
      if (draft.parentCode === null) {
        valid.add(draft);
        continue;
      }
      if (draft.parentCode === draft.code) {
        draft.reader.fail(
          'parent_code',
          `tiêu chí không thể là tiêu chí cha của chính nó («${draft.code}»)`,
        );
        continue;
      }
      if (!byCode.has(draft.parentCode)) {
        if (draft.parentDerived) {
          draft.reader.fail(
            'code',
            `mã «${draft.code}» ngầm chỉ tiêu chí cha «${draft.parentCode}», nhưng nhóm ${group} không có tiêu chí này (hãy thêm tiêu chí đó, hoặc ghi parent_code)`,
          );
        } else {
          draft.reader.fail('parent_code', `nhóm ${group} không có tiêu chí «${draft.parentCode}»`);
        }
        continue;
      }
      valid.add(draft);
      const siblings = children.get(draft.parentCode) ?? [];
      siblings.push(draft);
      children.set(draft.parentCode, siblings);
    }

    // Depth-first from the roots: levels, kinds, agencies. Nodes never reached sit in a cycle.
    const resolved = new Map<string, ImportedCriterion>();
    const visit = (draft: Draft, parent: ImportedCriterion | null): void => {
      const depth = parent ? parent.depth + 1 : 0;
      const expected = CRITERION_LEVELS[depth];
      if (!expected) {
        draft.reader.fail(
          'parent_code',
          `«${draft.code}» sẽ ở cấp ${depth + 1}; bộ chỉ số có tối đa 3 cấp (lĩnh vực → tiêu chí → tiêu chí thành phần: field → criterion → sub_criterion)`,
        );
        return;
      }
      if (draft.level !== null && draft.level !== expected) {
        draft.reader.fail(
          'level',
          `ghi «${draft.level}» nhưng «${draft.code}» ${parent ? `nằm dưới «${parent.code}»` : 'không có tiêu chí cha'} nên là ${LEVEL_VI[expected]} (${expected})`,
        );
      }
      const inherited =
        parent && parent.kind !== 'regular' ? parent.kind : ('regular' as CriterionKind);
      const kind = draft.kind ?? inherited;
      if (parent && parent.kind !== 'regular' && kind !== parent.kind) {
        draft.reader.fail(
          'kind',
          `ghi «${kind}» nhưng tiêu chí cha «${parent.code}» thuộc loại ${parent.kind}; các tiêu chí con của một mục ${parent.kind} cũng phải là ${parent.kind}`,
        );
      }
      const node: ImportedCriterion = {
        row: draft.reader.number,
        code: draft.code,
        parentCode: parent?.code ?? null,
        level: expected,
        kind,
        title: draft.title,
        maxPoints: draft.maxPoints,
        agencyCode: draft.agencyCode ?? parent?.agencyCode ?? null,
        evidenceRequired: draft.evidenceRequired,
        guidance: draft.guidance,
        sortOrder: draft.sortOrder,
        depth,
      };
      resolved.set(draft.code, node);
      const kids = children.get(draft.code) ?? [];
      if (kids.length === 0 && kind !== 'survey' && node.agencyCode === null && !draft.broken) {
        draft.reader.fail(
          'agency_code',
          `«${draft.code}» do cơ quan thẩm định chấm điểm nhưng chưa có cơ quan thẩm định, cả ở tiêu chí này lẫn các tiêu chí cha`,
        );
      }
      for (const kid of kids) visit(kid, node);
      if (
        kids.length > 0 &&
        !draft.broken &&
        !tainted.has(draft.code) &&
        !kids.some((k) => k.broken)
      ) {
        checkSum(draft, node, kids);
      }
    };
    const checkSum = (draft: Draft, node: ImportedCriterion, kids: Draft[]): void => {
      const listed = (ds: Draft[]) => ds.map((d) => d.code).join(', ');
      if (node.kind === 'regular' || node.kind === 'survey') {
        const counted = kids.filter((k) => {
          const kind = resolved.get(k.code)?.kind ?? k.kind ?? 'regular';
          return kind === 'regular' || kind === 'survey';
        });
        const sum = counted.reduce((total, k) => total + cents(k.maxPoints), 0);
        if (sum !== cents(node.maxPoints)) {
          draft.reader.fail(
            'max_points',
            `«${node.code}» có điểm tối đa (max_points) ${node.maxPoints} nhưng tổng điểm tối đa của các tiêu chí con (${listed(counted) || 'không có tiêu chí con được chấm điểm'}) là ${show(sum)}`,
          );
        }
      } else {
        const sum = kids.reduce((total, k) => total + cents(k.maxPoints), 0);
        if (cents(node.maxPoints) > sum) {
          draft.reader.fail(
            'max_points',
            `«${node.code}» là mục ${node.kind} với mức trần ${node.maxPoints} nhưng tổng điểm tối đa của các tiêu chí con (${listed(kids)}) chỉ là ${show(sum)}`,
          );
        }
      }
    };
    for (const root of unique.filter((d) => d.parentCode === null)) visit(root, null);
    // Nodes never reached from a root: reported when they sit in a cycle of parents (the others
    // hang under a node already reported: a missing parent, a tree too deep, or a cycle).
    for (const draft of valid) {
      if (resolved.has(draft.code)) continue;
      const cycle = cycleFrom(draft, byCode);
      if (cycle?.includes(draft.code)) {
        draft.reader.fail(
          'parent_code',
          `«${draft.code}» nằm trong một vòng lặp tiêu chí cha (${cycle.join(' → ')}); cây tiêu chí phải có gốc`,
        );
      }
    }
    const criteria = [...resolved.values()].sort(
      (a, b) => a.depth - b.depth || a.sortOrder - b.sortOrder,
    );
    sets.push({ group, criteria });
  }
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) };
  return { ok: true, sets };
}

/** The cycle met walking up from `draft` through the parents, or null if the walk ends. */
function cycleFrom(draft: Draft, byCode: Map<string, Draft>): string[] | null {
  const path: string[] = [];
  let current: Draft | undefined = draft;
  while (current) {
    const at = path.indexOf(current.code);
    if (at >= 0) return [...path.slice(at), current.code];
    path.push(current.code);
    current = current.parentCode === null ? undefined : byCode.get(current.parentCode);
  }
  return null;
}

function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => a.issue.row - b.issue.row || a.index - b.index)
    .map(({ issue }) => issue);
}
