/**
 * A unit's final leaf scores, as the scoring module reads them: the appraised score (round 2
 * where re-scored, else round 1), imported survey points, and the council's decisions on single
 * criteria on top.
 */
import { asLeafScore, finalAppraisedScore } from '../../domain/appraisal/final-scores.js';
import {
  type Checked,
  type LeafScore,
  type ScoreTree,
  withSurveyScores,
} from '../../domain/scoring/index.js';
import type { IndexTree } from './index-tree.js';
import type { UnitInputs } from './scoring-inputs.js';

export interface UnitLeafScores {
  /** Final appraised scores of appraised leaves, by criterion id. */
  appraised: Map<string, LeafScore>;
  /** Imported survey points, by criterion id. */
  survey: Map<string, LeafScore>;
}

export function unitLeafScores(tree: IndexTree, inputs: UnitInputs): UnitLeafScores {
  const appraised = new Map<string, LeafScore>();
  for (const leaf of tree.appraisedLeaves) {
    const rounds = inputs.appraisals.get(leaf.id);
    const score = finalAppraisedScore(rounds?.[1], rounds?.[2]);
    if (score !== undefined) appraised.set(leaf.id, score);
  }
  const survey = new Map<string, LeafScore>();
  for (const [criterionId, row] of inputs.survey) survey.set(criterionId, row.points);
  return { appraised, survey };
}

/**
 * Appraised and survey scores merged by the scoring module (which refuses a survey leaf
 * appraised, or survey points for anything else), then the council's decisions on leaves.
 */
export function finalScoresOf(
  scoreTree: ScoreTree,
  tree: IndexTree,
  inputs: UnitInputs,
): Checked<{ scores: Map<string, LeafScore> }> {
  const { appraised, survey } = unitLeafScores(tree, inputs);
  const merged = withSurveyScores(scoreTree, appraised, survey);
  if (!merged.ok) return merged;
  for (const [criterionId, decision] of inputs.council.leaves) {
    merged.scores.set(criterionId, asLeafScore(decision));
  }
  return merged;
}
