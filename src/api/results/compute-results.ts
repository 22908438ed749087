/**
 * Results of a whole campaign from its final scores, with the scoring module: totals per field
 * and overall (not-applicable criteria rescaled, bonus and penalty within their caps), the index
 * with two decimals, the council's adjustment of a total, the ranking per unit group with ties
 * (1, 2, 2, 4) and the rating band. No I/O: the caller loads the inputs and stores the results.
 */
import {
  evaluateUnitScores,
  hundredthsToPoints,
  indexHundredths,
  pointsToHundredths,
  rankByGroup,
  rateIndex,
  type RatingBand,
} from '../../domain/scoring/index.js';
import type { FieldResult } from '../../entities/index.js';
import type { IndexTree } from '../scoring-data/index-tree.js';
import type { UnitInputs, UnitRef } from '../scoring-data/scoring-inputs.js';
import { finalScoresOf } from '../scoring-data/unit-scores.js';

export interface ComputedResult {
  unit: UnitRef;
  fields: FieldResult[];
  maxPoints: number;
  applicableMax: number;
  points: number;
  bonus: number;
  penalty: number;
  councilPoints: number;
  achieved: number;
  indexHundredths: number;
  rank: number;
  tied: boolean;
  band: string;
}

export interface ResultProblem {
  unitCode: string;
  criterionCode: string | null;
  message: string;
}

export type ComputeOutcome =
  { ok: true; results: ComputedResult[] } | { ok: false; problems: ResultProblem[] };

type Unranked = Omit<ComputedResult, 'rank' | 'tied' | 'band'> & {
  unitCode: string;
  group: string;
};

function evaluateUnit(
  tree: IndexTree | undefined,
  inputs: UnitInputs,
  problems: ResultProblem[],
): Unranked | null {
  const unitCode = inputs.unit.unitCode;
  const fail = (criterionCode: string | null, message: string) => {
    problems.push({ unitCode, criterionCode, message: `Đơn vị ${unitCode}: ${message}` });
    return null;
  };
  if (!tree) return fail(null, `chưa có bộ chỉ số cho nhóm “${inputs.unit.group}”.`);
  if (!tree.scoreTree) {
    for (const message of tree.problems) fail(null, message);
    return null;
  }
  const merged = finalScoresOf(tree.scoreTree, tree, inputs);
  if (!merged.ok) {
    for (const p of merged.problems) fail(p.criterionCode, p.message);
    return null;
  }
  const evaluated = evaluateUnitScores(tree.scoreTree, merged.scores);
  if (!evaluated.ok) {
    for (const p of evaluated.problems) fail(p.criterionCode, p.message);
    return null;
  }
  const { total, fields } = evaluated.result;
  // The council's adjustment of the total moves the achieved points, never below 0; the index
  // is then achieved ÷ applicable maximum like any other (rescaled for not-applicable criteria).
  const council = pointsToHundredths(inputs.council.total?.points ?? 0) ?? 0;
  const achieved = Math.max(0, (pointsToHundredths(total.achieved) ?? 0) + council);
  const applicable = pointsToHundredths(total.applicableMax) ?? 0;
  return {
    unit: inputs.unit,
    unitCode,
    group: inputs.unit.group,
    fields: fields.map((field) => ({
      code: field.code,
      title: tree.byId.get(field.id)?.title ?? field.code,
      kind: field.kind === 'survey' ? 'survey' : 'regular',
      maxPoints: field.maxPoints,
      applicableMax: field.applicableMax ?? 0,
      achieved: field.achieved,
      index: field.index,
    })),
    maxPoints: total.maxPoints,
    applicableMax: total.applicableMax,
    points: total.points,
    bonus: total.bonus,
    penalty: total.penalty,
    councilPoints: hundredthsToPoints(council),
    achieved: hundredthsToPoints(achieved),
    indexHundredths: indexHundredths(achieved, applicable),
  };
}

/** Every unit's result, ranked per group; or every problem found, per unit and criterion. */
export function computeResults(
  trees: ReadonlyMap<string, IndexTree>,
  units: readonly UnitInputs[],
  bands: readonly RatingBand[],
): ComputeOutcome {
  const problems: ResultProblem[] = [];
  const evaluated = units.flatMap(
    (inputs) => evaluateUnit(trees.get(inputs.unit.group), inputs, problems) ?? [],
  );
  if (problems.length > 0) return { ok: false, problems };
  const results = rankByGroup(evaluated).flatMap(({ units: ranked }) =>
    ranked.map(({ unitCode: _code, group: _group, ...unit }) => ({
      ...unit,
      band: rateIndex(unit.indexHundredths, bands).label,
    })),
  );
  return { ok: true, results };
}
