/**
 * A unit's score sheet (bảng điểm): every node of its index set with, for leaves, each stage of
 * the score (self-score, round 1, explanation, round 2, survey, council) and for every node the
 * points achieved so far (leaves without a score count as 0 and are flagged).
 */
import { evaluateUnitScores, type TotalScore } from '../../domain/scoring/index.js';
import type {
  AppraisalScore,
  ExplanationGround,
  ExplanationRequestStatus,
} from '../../entities/index.js';
import type { IndexTree } from './index-tree.js';
import type { UnitInputs } from './scoring-inputs.js';
import { finalScoresOf } from './unit-scores.js';
import type { CriterionKind, CriterionLevel } from '../../domain/words.js';

export interface EntryView {
  score: number | null;
  notApplicable: boolean;
  comment: string | null;
  agencyCode: string | null;
  by: string;
  at: string;
}

export interface SelfView {
  score: number | null;
  notApplicable: boolean;
  note: string | null;
  evidenceIds: string[];
  version: number;
  by: string | null;
  at: string | null;
}

export interface ExplanationView {
  status: ExplanationRequestStatus;
  origin: string;
  grounds: ExplanationGround[];
  reason: string;
  proposedAt: string;
  editedBy: string | null;
  editedAt: string | null;
  confirmedBy: string | null;
  confirmedAt: string | null;
  deadline: string | null;
  answerText: string | null;
  answerEvidenceIds: string[];
  answeredBy: string | null;
  answeredAt: string | null;
}

export interface SurveyView {
  points: number;
  source: string | null;
  by: string;
  at: string;
}

export interface CouncilView {
  score: number | null;
  notApplicable: boolean;
  reason: string;
  by: string;
  at: string;
}

export interface SheetRow {
  criterionCode: string;
  title: string;
  level: CriterionLevel;
  kind: CriterionKind;
  isLeaf: boolean;
  maxPoints: number;
  agencyCode: string | null;
  evidenceRequired: boolean;
  self: SelfView | null;
  round1: EntryView | null;
  explanation: ExplanationView | null;
  round2: EntryView | null;
  survey: SurveyView | null;
  council: CouncilView | null;
  /** A leaf's final score (council, else round 2, else round 1, else survey); null without one. */
  final: number | 'not_applicable' | null;
  /** Points achieved by the node (bonus and penalty nodes: within their cap); null if not computable. */
  achieved: number | null;
  /** A leaf without any final score yet (counted as 0 in `achieved`). */
  missing: boolean;
}

export interface UnitSheet {
  rows: SheetRow[];
  /** Totals as they stand (missing leaves count 0); null when the scores cannot be evaluated. */
  total: TotalScore | null;
  /** Leaves without a final score. */
  missing: string[];
  /** Why the scores cannot be evaluated, in Vietnamese (empty when they can). */
  problems: string[];
}

const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

function entry(tree: IndexTree, row: AppraisalScore | undefined): EntryView | null {
  if (!row) return null;
  return {
    score: row.score,
    notApplicable: row.notApplicable,
    comment: row.comment,
    agencyCode: row.agencyId ? (tree.agencyCodes.get(row.agencyId) ?? null) : null,
    by: row.scoredBy,
    at: row.scoredAt.toISOString(),
  };
}

export function buildUnitSheet(tree: IndexTree, inputs: UnitInputs): UnitSheet {
  const problems: string[] = [...tree.problems];
  let evaluation: ReturnType<typeof evaluateUnitScores> | null = null;
  let finals = new Map<string, number | 'not_applicable'>();
  if (tree.scoreTree) {
    const merged = finalScoresOf(tree.scoreTree, tree, inputs);
    if (merged.ok) {
      finals = merged.scores;
      evaluation = evaluateUnitScores(tree.scoreTree, merged.scores, { missingScores: 'zero' });
      if (!evaluation.ok) problems.push(...evaluation.problems.map((p) => p.message));
    } else {
      problems.push(...merged.problems.map((p) => p.message));
    }
  }
  const nodeScores = new Map(
    evaluation?.ok ? evaluation.result.nodes.map((node) => [node.id, node]) : [],
  );
  const rows = tree.nodes.map((node): SheetRow => {
    const self = inputs.self.get(node.id);
    const rounds = inputs.appraisals.get(node.id);
    const request = inputs.requests.get(node.id);
    const survey = inputs.survey.get(node.id);
    const council = inputs.council.leaves.get(node.id);
    const final = node.isLeaf ? (finals.get(node.id) ?? null) : null;
    return {
      criterionCode: node.code,
      title: node.title,
      level: node.level,
      kind: node.kind,
      isLeaf: node.isLeaf,
      maxPoints: node.maxPoints,
      agencyCode: node.agencyCode,
      evidenceRequired: node.evidenceRequired,
      self: self
        ? {
            score: self.score,
            notApplicable: self.notApplicable,
            note: self.note,
            evidenceIds: self.evidenceIds,
            version: self.version,
            by: self.submittedBy,
            at: iso(self.submittedAt),
          }
        : null,
      round1: entry(tree, rounds?.[1]),
      explanation: request
        ? {
            status: request.status,
            origin: request.origin,
            grounds: request.grounds,
            reason: request.reason,
            proposedAt: request.createdAt.toISOString(),
            editedBy: request.editedBy,
            editedAt: iso(request.editedAt),
            confirmedBy: request.confirmedBy,
            confirmedAt: iso(request.confirmedAt),
            deadline: iso(request.deadline),
            answerText: request.answerText,
            answerEvidenceIds: request.answerEvidenceIds,
            answeredBy: request.answeredBy,
            answeredAt: iso(request.answeredAt),
          }
        : null,
      round2: entry(tree, rounds?.[2]),
      survey: survey
        ? {
            points: survey.points,
            source: survey.source,
            by: survey.importedBy,
            at: survey.importedAt.toISOString(),
          }
        : null,
      council: council
        ? {
            score: council.score,
            notApplicable: council.notApplicable,
            reason: council.reason,
            by: council.adjustedBy,
            at: council.adjustedAt.toISOString(),
          }
        : null,
      final,
      achieved: nodeScores.get(node.id)?.achieved ?? null,
      missing: node.isLeaf && final === null,
    };
  });
  return {
    rows,
    total: evaluation?.ok ? evaluation.result.total : null,
    missing: rows.filter((r) => r.missing).map((r) => r.criterionCode),
    problems,
  };
}
