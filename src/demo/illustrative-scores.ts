/**
 * ILLUSTRATIVE scores for the results demo (`npm run demo:results`): made up, deterministically,
 * from a seeded PRNG, never anyone's real results. Pure: index tree and unit codes in, scores out.
 *
 * For each unit of one group (one index set):
 * - every appraised leaf gets a self-score and a final appraised score (round 1), both within
 *   its maximum, in quarter points; the appraised score is at most the self-score;
 * - every third unit (2nd, 5th, …) has one regular criterion not applicable;
 * - every survey leaf gets imported survey points (two decimals);
 * - the bonus leaf gives points to every fourth unit (2nd, 6th, …), the penalty leaf takes
 *   points from every fifth (4th, 9th, …); the others get 0 there;
 * - the unit ranked 3rd gets a copy of the 2nd's scores, so the group's ranking reads 1, 2, 2, 4.
 *   Which units are 2nd and 3rd is found with the scoring module (evaluateUnitScores), the code
 *   that computes the results.
 */
import { asLeafScore, type EnteredScore } from '../domain/appraisal/final-scores.js';
import { evaluateUnitScores, type LeafScore } from '../domain/scoring/index.js';
import type { IndexTree, TreeNode } from '../api/scoring-data/index-tree.js';

export interface AppraisedEntry extends EnteredScore {
  comment: string | null;
}

export interface IllustrativeUnitScores {
  unitCode: string;
  /** The unit's self-scores, by criterion id (every appraised leaf). */
  self: Map<string, EnteredScore>;
  /** The appraisers' round-1 scores, final, by criterion id (every appraised leaf). */
  appraised: Map<string, AppraisedEntry>;
  /** Imported survey points, by criterion id (every survey leaf). */
  survey: Map<string, number>;
  /** The unit whose scores were copied so that the two tie; null otherwise. */
  twinOf: string | null;
}

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a text: each unit draws from its own stream, whatever the other units are. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
/** A fraction of `max` in quarter points, within 0..max. */
const quarters = (max: number, fraction: number) =>
  Math.min(max, Math.round(max * clamp01(fraction) * 4) / 4);
const hundredths = (max: number, fraction: number) =>
  Math.min(max, Math.round(max * clamp01(fraction) * 100) / 100);

const APPRAISER_COMMENT = 'Minh họa: hồ sơ chưa chứng minh đầy đủ mức điểm tự chấm.';

function unitScores(seed: string, tree: IndexTree, unitCode: string, k: number) {
  const random = seededRandom(hash(`${seed}/${unitCode}`));
  const quality = 0.72 + 0.25 * random();
  const regular = tree.appraisedLeaves.filter((leaf) => leaf.kind === 'regular');
  const notApplicable =
    k % 3 === 1 ? regular[Math.floor(random() * regular.length)]?.id : undefined;
  const self = new Map<string, EnteredScore>();
  const appraised = new Map<string, AppraisedEntry>();
  const put = (leaf: TreeNode, claimed: number | null, given: number | null) => {
    const na = claimed === null;
    self.set(leaf.id, { score: claimed, notApplicable: na });
    appraised.set(leaf.id, {
      score: given,
      notApplicable: na,
      comment: given !== null && claimed !== null && given < claimed ? APPRAISER_COMMENT : null,
    });
  };
  for (const leaf of tree.appraisedLeaves) {
    if (leaf.id === notApplicable) {
      put(leaf, null, null);
    } else if (leaf.kind === 'bonus') {
      // Units claim their bonus; the appraisers may give half a point less.
      const claimed =
        k % 4 === 1 ? quarters(leaf.maxPoints, (1 + Math.floor(random() * 3)) / 3) : 0;
      put(leaf, claimed, Math.max(0, claimed - 0.5 * Math.floor(random() * 2)));
    } else if (leaf.kind === 'penalty') {
      // Units do not declare penalties; the appraisers find them.
      put(
        leaf,
        0,
        k % 5 === 3 ? Math.min(leaf.maxPoints, 0.5 * (1 + Math.floor(random() * 3))) : 0,
      );
    } else {
      const claimed = quarters(leaf.maxPoints, quality + 0.05 + 0.1 * random());
      const given = quarters(leaf.maxPoints, quality - 0.1 + 0.2 * random());
      put(leaf, claimed, Math.min(claimed, given));
    }
  }
  const survey = new Map<string, number>();
  for (const leaf of tree.leaves.filter((l) => l.kind === 'survey')) {
    survey.set(leaf.id, hundredths(leaf.maxPoints, quality - 0.05 + 0.1 * random()));
  }
  return { unitCode, self, appraised, survey, twinOf: null };
}

/** The index in hundredths, as the results will compute it. */
function indexOf(tree: IndexTree, unit: IllustrativeUnitScores): number {
  const scores = new Map<string, LeafScore>();
  for (const [id, entry] of unit.appraised) scores.set(id, asLeafScore(entry));
  for (const [id, points] of unit.survey) scores.set(id, points);
  const evaluated = evaluateUnitScores(tree.scoreTree!, scores);
  if (!evaluated.ok) {
    throw new Error(
      `illustrative scores of ${unit.unitCode}: ${evaluated.problems.map((p) => p.message).join('; ')}`,
    );
  }
  return evaluated.result.total.indexHundredths;
}

/** Illustrative scores of the units of one group, in the order given. */
export function illustrativeScores(
  seed: string,
  tree: IndexTree,
  unitCodes: readonly string[],
): IllustrativeUnitScores[] {
  if (!tree.scoreTree) {
    throw new Error(`index set "${tree.indexSet.name}": ${tree.problems.join('; ')}`);
  }
  const units: IllustrativeUnitScores[] = unitCodes.map((code, k) =>
    unitScores(seed, tree, code, k),
  );
  if (units.length < 4) return units;
  const ranked = units
    .map((unit) => ({ unit, index: indexOf(tree, unit) }))
    .sort((a, b) => b.index - a.index);
  const at = (rank: number) => ranked[rank - 1]!;
  // Copying the 2nd onto the 3rd ties them at rank 2, when the 1st is above and the 4th below.
  if (!(at(1).index > at(2).index && at(2).index > at(4).index)) {
    throw new Error(
      `illustrative scores (seed "${seed}"): the top four of "${tree.indexSet.name}" do not allow a 1, 2, 2, 4 ranking; change the seed`,
    );
  }
  const model = at(2).unit;
  const twin = at(3).unit;
  twin.self = new Map(model.self);
  twin.appraised = new Map(model.appraised);
  twin.survey = new Map(model.survey);
  twin.twinOf = model.unitCode;
  return units;
}
