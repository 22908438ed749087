/**
 * A campaign's index sets as trees to appraise and score: every node in tree order, with the
 * appraising agency each leaf inherits, and the checked ScoreTree of the scoring module.
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
  /** Leaves appraisers score (regular, bonus, penalty): survey leaves come from imports. */
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

/** The tree of one group; 409 when the campaign has none for it (as the self-assessment says). */
export function treeOfGroup(
  trees: Map<string, IndexTree>,
  group: string,
  campaignCode: string,
): IndexTree {
  const tree = trees.get(group);
  if (!tree) {
    throw new ConflictException(
      `Campaign ${campaignCode} has no index set for the unit group "${group}"; import one first.`,
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
  const built = buildScoreTree(
    nodes.map((n) => ({
      id: n.id,
      parentId: n.parentId,
      code: n.code,
      level: n.level,
      kind: n.kind,
      maxPoints: n.maxPoints,
    })),
  );
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

/**
 * Why `code` is not a leaf appraisers score in this tree, or null when it is one. English, like
 * the other API errors.
 */
export function whyNotAppraised(tree: IndexTree, code: string): string | null {
  const node = tree.byCode.get(code);
  if (!node) return `criterion ${code} is not in the index set "${tree.indexSet.name}"`;
  if (!node.isLeaf) {
    const kids = tree.nodes.filter((n) => n.parentId === node.id).map((n) => n.code);
    return `criterion ${code} has sub-criteria (${kids.join(', ')}): score those instead`;
  }
  if (node.kind === 'survey') {
    return `criterion ${code} is scored from sociological surveys (import its points), not appraised`;
  }
  return null;
}
