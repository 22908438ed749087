/**
 * Survey points (điều tra xã hội học, SIPAS) are imported as numbers per unit for the survey
 * leaves, not scored by appraisers. Pure: no I/O.
 *
 * `withSurveyScores` puts one unit's imported survey points next to its appraised scores, so that
 * they enter the evaluation like any other leaf score (the same checks: 0..max, two decimals at
 * most; round imported figures with `roundToHundredths` first if the survey gives more). The
 * import is the only source for survey leaves: an appraised score for a survey leaf is a problem,
 * and so is an imported number for anything but a survey leaf.
 */
import { type Checked, problem, type ScoringProblem } from './problems.js';
import type { LeafScore, ScoreTree } from './score-tree.js';

/** Appraised scores plus imported survey points, keyed by node id; lists every problem found. */
export function withSurveyScores(
  tree: ScoreTree,
  appraised: ReadonlyMap<string, LeafScore>,
  survey: ReadonlyMap<string, LeafScore>,
): Checked<{ scores: Map<string, LeafScore> }> {
  const problems: ScoringProblem[] = [];
  const isLeaf = (id: string) => (tree.children.get(id)?.length ?? 0) === 0;
  for (const id of appraised.keys()) {
    const node = tree.byId.get(id);
    if (node?.kind === 'survey' && isLeaf(id)) {
      problems.push(
        problem(
          'survey_leaf_scored',
          node.code,
          `Tiêu chí ${node.code}: điểm lấy từ kết quả điều tra xã hội học, không chấm điểm thẩm định.`,
        ),
      );
    }
  }
  for (const id of survey.keys()) {
    const node = tree.byId.get(id);
    if (!node) {
      problems.push(
        problem(
          'unknown_criterion',
          null,
          `Có điểm điều tra xã hội học cho tiêu chí không thuộc bộ chỉ số (mã nút “${id}”).`,
        ),
      );
    } else if (node.kind !== 'survey' || !isLeaf(id)) {
      problems.push(
        problem(
          'not_a_survey_leaf',
          node.code,
          `Tiêu chí ${node.code}: không phải tiêu chí thành phần lấy điểm từ điều tra xã hội học.`,
        ),
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, scores: new Map([...appraised, ...survey]) };
}
