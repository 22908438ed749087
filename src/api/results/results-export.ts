/**
 * The results, a unit's score sheet and the commendation proposals as tables with Vietnamese
 * headers, for XLSX (one sheet per unit group, title lines) and CSV (one table, UTF-8 with BOM).
 * No I/O: views in, tables out.
 */
import { formatLocalDate } from '../../domain/local-time.js';
import { compareCriterionCodes } from '../../domain/self-assessment-rules.js';
import type { CsvCell } from '../common/csv.js';
import type { SheetTable } from '../common/spreadsheet.js';
import type { UnitSheet } from '../scoring-data/unit-sheet.js';
import type { GroupResultsView, ResultsView, UnitResultView } from './results-store.js';

export interface CsvTable {
  headers: string[];
  rows: CsvCell[][];
}

const TWO_DECIMALS = '0.00';
const POINTS = TWO_DECIMALS;
const NOT_APPLICABLE = 'Không áp dụng';

/** "Ngày 28/02/2022" from "2022-02-28". */
function localDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

function statusLine(
  view: Pick<ResultsView, 'status' | 'decision'>,
  timeZone: string,
  computedAt: string,
): string {
  if (view.status === 'published' && view.decision) {
    return `Công bố kèm theo Quyết định số ${view.decision.number} ngày ${localDate(view.decision.date)} của Chủ tịch UBND tỉnh`;
  }
  return `DỰ THẢO — chưa công bố (tính ngày ${formatLocalDate(new Date(computedAt), timeZone)})`;
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

const TAIL_HEADERS = [
  'Điểm thưởng',
  'Điểm trừ',
  'Điều chỉnh của Hội đồng',
  'Tổng điểm đạt',
  'Tổng điểm tối đa áp dụng',
  'Chỉ số CCHC',
  'Xếp hạng',
  'Xếp loại',
];

function tail(unit: UnitResultView): CsvCell[] {
  return [
    unit.bonus,
    unit.penalty,
    unit.councilPoints,
    unit.achieved,
    unit.applicableMax,
    unit.index,
    unit.rank,
    unit.band,
  ];
}

function fieldCodes(groups: GroupResultsView[]): { code: string; title: string }[] {
  const fields = new Map<string, string>();
  for (const group of groups) {
    for (const unit of group.units)
      for (const f of unit.fields) if (!fields.has(f.code)) fields.set(f.code, f.title);
  }
  return [...fields]
    .sort(([a], [b]) => compareCriterionCodes(a, b))
    .map(([code, title]) => ({ code, title }));
}

/** One sheet per unit group: STT, unit, points per field, totals, index, rank, band. */
export function resultsSheets(view: ResultsView, timeZone: string): SheetTable[] {
  return view.groups.map((group) => {
    const fields = fieldCodes([group]);
    const headers = [
      'STT',
      'Mã đơn vị',
      'Đơn vị',
      ...fields.map((f) => `${f.code}. ${f.title}`),
      ...TAIL_HEADERS,
    ];
    const first = 3 + fields.length;
    const numberFormats: Record<number, string> = {};
    for (let col = 3; col < first + 5; col++) numberFormats[col] = POINTS;
    numberFormats[first + 5] = TWO_DECIMALS;
    return {
      name: group.groupName,
      title: [
        `KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${view.year} — ${group.groupName.toUpperCase()}`,
        view.campaignName,
        statusLine(view, timeZone, view.computedAt),
      ],
      headers,
      rows: group.units.map((unit, i) => [
        i + 1,
        unit.unitCode,
        unit.unitName,
        ...fields.map((f) => unit.fields.find((x) => x.code === f.code)?.achieved ?? null),
        ...tail(unit),
      ]),
      numberFormats,
      widths: [6, 12, 40, ...fields.map(() => 14), 10, 10, 12, 12, 12, 12, 10, 12],
    };
  });
}

/** Every group in one table, with the group's name in a column. */
export function resultsCsv(view: ResultsView): CsvTable {
  const fields = fieldCodes(view.groups);
  let stt = 0;
  return {
    headers: [
      'STT',
      'Nhóm',
      'Mã đơn vị',
      'Đơn vị',
      ...fields.map((f) => `Lĩnh vực ${f.code}`),
      ...TAIL_HEADERS,
    ],
    rows: view.groups.flatMap((group) =>
      group.units.map((unit) => [
        ++stt,
        group.groupName,
        unit.unitCode,
        unit.unitName,
        ...fields.map((f) => unit.fields.find((x) => x.code === f.code)?.achieved ?? null),
        ...tail(unit).map((value, i) => (i === 5 ? unit.indexText : value)),
      ]),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// A unit's score sheet
// ---------------------------------------------------------------------------------------------

export interface ScoreSheetContext {
  campaignName: string;
  year: number;
  unitCode: string;
  unitName: string;
  /** The unit's published (or computed) result, when there is one. */
  result: UnitResultView | null;
  groupSize: number;
}

const SHEET_HEADERS = [
  'STT',
  'Mã tiêu chí',
  'Tiêu chí',
  'Điểm tối đa',
  'Điểm tự chấm',
  'Điểm thẩm định lần 1',
  'Nhận xét lần 1',
  'Giải trình của đơn vị',
  'Điểm thẩm định lần 2',
  'Nhận xét lần 2',
  'Điểm điều tra xã hội học',
  'Điều chỉnh của Hội đồng',
  'Điểm đạt',
];

function score(entry: { score: number | null; notApplicable: boolean } | null): CsvCell {
  if (!entry) return null;
  return entry.notApplicable ? NOT_APPLICABLE : entry.score;
}

function sheetRows(sheet: UnitSheet): CsvCell[][] {
  return sheet.rows.map((row, i) => [
    i + 1,
    row.criterionCode,
    row.title,
    row.maxPoints,
    score(row.self),
    score(row.round1),
    row.round1?.comment ?? null,
    row.explanation?.status === 'confirmed'
      ? (row.explanation.answerText ?? 'Chưa giải trình')
      : null,
    score(row.round2),
    row.round2?.comment ?? null,
    row.survey?.points ?? null,
    row.council
      ? `${row.council.notApplicable ? NOT_APPLICABLE : row.council.score} (${row.council.reason})`
      : null,
    row.isLeaf && row.final === 'not_applicable' ? NOT_APPLICABLE : row.achieved,
  ]);
}

export function scoreSheetTable(sheet: UnitSheet, context: ScoreSheetContext): SheetTable {
  const result = context.result;
  const numberFormats: Record<number, string> = {};
  for (const col of [3, 4, 5, 8, 10, 12]) numberFormats[col] = POINTS;
  return {
    name: context.unitCode,
    title: [
      `BẢNG ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${context.year}`,
      `Đơn vị: ${context.unitName} (${context.unitCode}) — ${context.campaignName}`,
      result
        ? `Chỉ số CCHC: ${result.indexText.replace('.', ',')} — Xếp hạng: ${result.rank}/${context.groupSize} — Xếp loại: ${result.band}`
        : 'Chưa có kết quả Chỉ số CCHC.',
    ],
    headers: SHEET_HEADERS,
    rows: sheetRows(sheet),
    numberFormats,
    widths: [6, 10, 50, 10, 10, 12, 30, 40, 12, 30, 12, 30, 10],
  };
}

export function scoreSheetCsv(sheet: UnitSheet): CsvTable {
  return { headers: SHEET_HEADERS, rows: sheetRows(sheet) };
}

// ---------------------------------------------------------------------------------------------
// Commendation proposals
// ---------------------------------------------------------------------------------------------

export interface CommendationRow {
  group: string;
  groupName: string;
  unitCode: string;
  unitName: string;
  index: number;
  indexText: string;
  rank: number;
  tied: boolean;
  band: string;
  reason: string;
}

const COMMENDATION_HEADERS = [
  'STT',
  'Nhóm',
  'Mã đơn vị',
  'Đơn vị',
  'Chỉ số CCHC',
  'Xếp hạng',
  'Xếp loại',
  'Lý do đề nghị khen thưởng',
];

export function commendationsTable(rows: CommendationRow[], title: string[]): SheetTable {
  return {
    name: 'Đề nghị khen thưởng',
    title,
    headers: COMMENDATION_HEADERS,
    rows: rows.map((r, i) => [
      i + 1,
      r.groupName,
      r.unitCode,
      r.unitName,
      r.index,
      r.rank,
      r.band,
      r.reason,
    ]),
    numberFormats: { 4: TWO_DECIMALS },
    widths: [6, 22, 12, 40, 12, 10, 12, 60],
  };
}

export function commendationsCsv(rows: CommendationRow[]): CsvTable {
  return {
    headers: COMMENDATION_HEADERS,
    rows: rows.map((r, i) => [
      i + 1,
      r.groupName,
      r.unitCode,
      r.unitName,
      r.indexText,
      r.rank,
      r.band,
      r.reason,
    ]),
  };
}
