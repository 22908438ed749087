/**
 * Rows of a survey points import (điều tra xã hội học, SIPAS): one row per unit and survey leaf,
 * checked against the campaign's units and index sets. The scoring module decides what is a
 * survey leaf (withSurveyScores); figures with more decimals than points have are rounded half up
 * to two (roundToHundredths), as the survey module asks, and reported.
 */
import { roundToHundredths, withSurveyScores } from '../../domain/scoring/index.js';
import { type AnyImportSource, type ImportIssue, issue, RowReader } from '../common/import-file.js';
import type { IndexTree } from '../scoring-data/index-tree.js';
import type { UnitRef } from '../scoring-data/scoring-inputs.js';

export const SURVEY_COLUMNS = ['unit_code', 'criterion_code', 'points'] as const;

export interface SurveyRow {
  row: number;
  unit: UnitRef;
  criterionId: string;
  criterionCode: string;
  points: number;
}

export interface Rounded {
  row: number;
  from: string;
  to: number;
}

/** Reads "12,345" or "12.345" or a number; null when it is not a number ≥ 0. */
function readNumber(value: string | number | boolean | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== 'string' || !/^\d+([.,]\d+)?$/.test(value.trim())) return null;
  return Number(value.trim().replace(',', '.'));
}

export function readSurveyRows(
  source: AnyImportSource,
  units: ReadonlyMap<string, UnitRef>,
  trees: ReadonlyMap<string, IndexTree>,
  campaignCode: string,
): { rows: SurveyRow[]; issues: ImportIssue[]; rounded: Rounded[] } {
  const issues: ImportIssue[] = [...source.issues];
  const rows: SurveyRow[] = [];
  const rounded: Rounded[] = [];
  const seen = new Map<string, number>();
  for (const raw of source.rows) {
    const reader = new RowReader(source, raw, issues);
    const unitCode = reader.text('unit_code', { required: true, max: 32 });
    const criterionCode = reader.text('criterion_code', { required: true, max: 32 });
    const value = raw.values.points;
    let points = readNumber(value);
    if (value === undefined || value === null) {
      reader.fail('points', 'là bắt buộc: một số ≥ 0');
    } else if (points === null) {
      reader.fail('points', `phải là một số ≥ 0, nhận được ${JSON.stringify(value)}`);
    }
    if (!unitCode || !criterionCode) continue;
    const unit = units.get(unitCode);
    if (!unit) {
      reader.fail('unit_code', `không có đơn vị «${unitCode}» tham gia chiến dịch ${campaignCode}`);
      continue;
    }
    const tree = trees.get(unit.group);
    const node = tree?.byCode.get(criterionCode);
    if (!tree?.scoreTree || !node) {
      reader.fail(
        'criterion_code',
        `tiêu chí ${criterionCode} không có trong bộ chỉ số của đơn vị ${unitCode} (nhóm «${unit.group}»)`,
      );
      continue;
    }
    // The scoring module's own rule of what takes survey points.
    const check = withSurveyScores(tree.scoreTree, new Map(), new Map([[node.id, 0]]));
    if (!check.ok) {
      reader.fail('criterion_code', check.problems.map((p) => p.message).join(' '));
      continue;
    }
    const key = `${unitCode}/${criterionCode}`;
    const first = seen.get(key);
    if (first !== undefined) {
      reader.fail(
        'criterion_code',
        `đơn vị ${unitCode} và tiêu chí ${criterionCode} đã có ở dòng ${first}`,
      );
      continue;
    }
    seen.set(key, raw.row);
    if (points === null) continue;
    const hundredths = roundToHundredths(points);
    if (hundredths / 100 !== points) {
      rounded.push({ row: raw.row, from: String(value), to: hundredths / 100 });
      points = hundredths / 100;
    }
    if (points > node.maxPoints) {
      reader.fail(
        'points',
        `${points} vượt quá điểm tối đa của tiêu chí ${criterionCode} (${node.maxPoints})`,
      );
      continue;
    }
    rows.push({ row: raw.row, unit, criterionId: node.id, criterionCode, points });
  }
  if (source.rows.length === 0 && issues.length === 0) {
    issues.push(issue(source, 1, '*', 'không có dòng dữ liệu nào'));
  }
  return { rows, issues, rounded };
}
