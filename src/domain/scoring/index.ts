/**
 * Scoring of the PAR index (Chỉ số CCHC): totals, rescaling for criteria not applicable, bonus and
 * penalty caps, indexes with two decimals, ranking with ties, rating bands and commendation
 * proposals. Pure and dependency-free: usable by workflows, activities and the API alike.
 */
export * from './commendations.js';
export * from './decimal.js';
export * from './evaluate.js';
export type { Checked, ScoringProblem, ScoringProblemKind } from './problems.js';
export * from './ranking.js';
export * from './rating-bands.js';
export * from './score-tree.js';
export * from './survey-scores.js';
