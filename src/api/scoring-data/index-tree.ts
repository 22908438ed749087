/**
 * A campaign's index sets as the one criterion tree the API uses: every node in tree order, with
 * the appraising agency each leaf inherits, and the checked ScoreTree of the scoring module. Self-
 * assessment, appraisal, explanations and results all read it.
 */
import { ConflictException } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { buildScoreTree, type ScoreTree } from '../../domain/scoring/index.js';
import { compareCriterionCodes } from '../../domain/self-assessment-rules.js';
import { Agency, Criterion, IndexSet } from '../../entities/index.js';
import { SCORED_KINDS, type CriterionKind, type CriterionLevel } from '../../domain/words.js';

export interface TreeNode {
  id: string;
  parentId: string | null;
  code: string;
  title: string;
  level: CriterionLevel;
  kind: CriterionKind;
  maxPoints: number;
  evidenceRequired: boolean;
  /** The node's own agency, else its nearest ancestor's (the import and the seed inherit it). */
  agencyId: string | null;
  agencyCode: string | null;
  isLeaf: boolean;
}

export interface IndexTree {
  indexSet: IndexSet;
  /** Every node, parents before children, siblings in the set's order. */
  nodes: TreeNode[];
  byId: Map<string, TreeNode>;
  byCode: Map<string, TreeNode>;
  /** Leaves in tree order. */
  leaves: TreeNode[];
  /**
   * Leaves units score themselves and appraisers appraise (SCORED_KINDS: regular, bonus,
   * penalty), in tree order: survey leaves come from imports.
   */
  appraisedLeaves: TreeNode[];
  /** The top-level regular and survey nodes (lĩnh vực), in order. */
  fields: TreeNode[];
  /** Code of every agency named in the set, by id. */
  agencyCodes: Map<string, string>;
  /** The scoring module's checked tree (null with the problems when the set is inconsistent). */
  scoreTree: ScoreTree | null;
  problems: string[];
}

/** The index set of each unit group of the campaign, by group code. */
export async function loadIndexTrees(
  manager: EntityManager,
  campaignId: string,
): Promise<Map<string, IndexTree>> {
  const sets = await manager.findBy(IndexSet, { campaignId });
  const trees = new Map<string, IndexTree>();
  if (sets.length === 0) return trees;
  const criteria = await manager.findBy(Criterion, { indexSetId: In(sets.map((s) => s.id)) });
  const agencyIds = [...new Set(criteria.flatMap((c) => (c.agencyId ? [c.agencyId] : [])))];
  const agencies = new Map(
    (agencyIds.length > 0 ? await manager.findBy(Agency, { id: In(agencyIds) }) : []).map((a) => [
      a.id,
      a.code,
    ]),
  );
  for (const set of sets) {
    trees.set(
      set.group,
      buildIndexTree(
        set,
        criteria.filter((c) => c.indexSetId === set.id),
        agencies,
      ),
    );
  }
  return trees;
}

/** The tree of a unit's group; 409 when the campaign has none for it. */
export function treeOfGroup(
  trees: Map<string, IndexTree>,
  group: string,
  campaignCode: string,
  unitCode: string,
): IndexTree {
  const tree = trees.get(group);
  if (!tree) {
    throw new ConflictException(
      `Chiến dịch ${campaignCode} chưa có bộ chỉ số cho nhóm đơn vị «${group}» của đơn vị ${unitCode}; cần nhập bộ chỉ số trước.`,
    );
  }
  return tree;
}

function buildIndexTree(
  indexSet: IndexSet,
  criteria: Criterion[],
  agencyCodes: Map<string, string>,
): IndexTree {
  const children = new Map<string | null, Criterion[]>();
  for (const node of criteria) {
    const siblings = children.get(node.parentId) ?? [];
    siblings.push(node);
    children.set(node.parentId, siblings);
  }
  const order = (a: Criterion, b: Criterion) =>
    a.sortOrder - b.sortOrder || compareCriterionCodes(a.code, b.code);
  const nodes: TreeNode[] = [];
  const visit = (parentId: string | null, inherited: string | null, seen: Set<string>) => {
    for (const node of [...(children.get(parentId) ?? [])].sort(order)) {
      if (seen.has(node.id)) continue; // a cycle in imported data must not hang the API
      seen.add(node.id);
      const agencyId = node.agencyId ?? inherited;
      nodes.push({
        id: node.id,
        parentId: node.parentId,
        code: node.code,
        title: node.title,
        level: node.level,
        kind: node.kind,
        maxPoints: node.maxPoints,
        evidenceRequired: node.evidenceRequired,
        agencyId,
        agencyCode: agencyId ? (agencyCodes.get(agencyId) ?? null) : null,
        isLeaf: (children.get(node.id) ?? []).length === 0,
      });
      visit(node.id, agencyId, seen);
    }
  };
  visit(null, null, new Set());
  // A TreeNode is a ScoreNode with more to say: the scoring module checks the same nodes.
  const built = buildScoreTree(nodes);
  const leaves = nodes.filter((n) => n.isLeaf);
  return {
    indexSet,
    nodes,
    byId: new Map(nodes.map((n) => [n.id, n])),
    byCode: new Map(nodes.map((n) => [n.code, n])),
    leaves,
    appraisedLeaves: leaves.filter((n) => SCORED_KINDS.includes(n.kind)),
    fields: nodes.filter(
      (n) => n.parentId === null && (n.kind === 'regular' || n.kind === 'survey'),
    ),
    agencyCodes,
    scoreTree: built.ok ? built.tree : null,
    problems: built.ok ? [] : built.problems.map((p) => p.message),
  };
}

/** How a survey leaf is refused to whoever tried to score it. */
const SURVEY_REFUSALS = {
  appraiser: ' (nhập điểm từ tệp kết quả điều tra), không chấm điểm thẩm định',
  unit: ', không do đơn vị tự đánh giá',
} as const;

/**
 * Why `code` is not one of the tree's `appraisedLeaves` (which units and appraisers both score),
 * or null when it is one; the survey case names who asked. In Vietnamese, like the other API errors.
 */
export function whyNotScored(
  tree: IndexTree,
  code: string,
  by: keyof typeof SURVEY_REFUSALS,
): string | null {
  const node = tree.byCode.get(code);
  if (!node) return `Tiêu chí ${code} không có trong bộ chỉ số «${tree.indexSet.name}»`;
  if (!node.isLeaf) {
    const kids = tree.nodes.filter((n) => n.parentId === node.id).map((n) => n.code);
    return `Tiêu chí ${code} có tiêu chí thành phần (${kids.join(', ')}): hãy chấm điểm các tiêu chí thành phần`;
  }
  if (!SCORED_KINDS.includes(node.kind)) {
    return `Tiêu chí ${code} lấy điểm từ kết quả điều tra xã hội học${SURVEY_REFUSALS[by]}`;
  }
  return null;
}
