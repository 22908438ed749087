/**
 * The files officials download: results, a unit's score sheet, commendation proposals, as XLSX
 * or CSV. Plain functions over an EntityManager: the API and `npm run results:export` share them.
 */
import { NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Campaign } from '../../entities/index.js';
import { csvBuffer } from '../common/csv.js';
import { CSV_TYPE, workbookBuffer, XLSX_TYPE } from '../common/spreadsheet.js';
import { treeOfGroup, loadIndexTrees } from '../scoring-data/index-tree.js';
import { loadScoringInputs, type UnitRef } from '../scoring-data/scoring-inputs.js';
import { buildUnitSheet } from '../scoring-data/unit-sheet.js';
import type { CommendationsView } from './commendations.js';
import {
  commendationsCsv,
  commendationsTable,
  resultsCsv,
  resultsSheets,
  scoreSheetCsv,
  scoreSheetTable,
} from './results-export.js';
import { readResults, type ResultsView } from './results-store.js';

export type FileFormat = 'xlsx' | 'csv';

export interface ExportFile {
  buffer: Buffer;
  fileName: string;
  type: string;
}

async function file(
  format: FileFormat,
  name: string,
  xlsx: () => Promise<Buffer>,
  csv: () => Buffer,
): Promise<ExportFile> {
  return format === 'xlsx'
    ? { buffer: await xlsx(), fileName: `${name}.xlsx`, type: XLSX_TYPE }
    : { buffer: csv(), fileName: `${name}.csv`, type: CSV_TYPE };
}

/** The results file; 404 when none are computed. */
export async function resultsFile(
  manager: EntityManager,
  campaign: Campaign,
  format: FileFormat,
): Promise<ExportFile> {
  const view = await readResults(manager, campaign);
  if (!view) {
    throw new NotFoundException(
      `Chiến dịch ${campaign.code} chưa có kết quả được tính: cần chốt điểm và tính kết quả trước.`,
    );
  }
  return resultsFileOf(view, campaign, format);
}

export function resultsFileOf(
  view: ResultsView,
  campaign: Campaign,
  format: FileFormat,
): Promise<ExportFile> {
  const table = () => resultsCsv(view);
  return file(
    format,
    `Kết quả Chỉ số CCHC ${campaign.code}`,
    () => workbookBuffer(resultsSheets(view, campaign.timeZone)),
    () => csvBuffer(table().headers, table().rows),
  );
}

export async function scoreSheetFile(
  manager: EntityManager,
  campaign: Campaign,
  unit: UnitRef,
  format: FileFormat,
): Promise<ExportFile> {
  const tree = treeOfGroup(
    await loadIndexTrees(manager, campaign.id),
    unit.group,
    campaign.code,
    unit.unitCode,
  );
  const [inputs] = await loadScoringInputs(manager, [unit]);
  const sheet = buildUnitSheet(tree, inputs!);
  const results = await readResults(manager, campaign);
  const group = results?.groups.find((g) => g.group === unit.group);
  const context = {
    campaignName: campaign.name,
    year: campaign.year,
    unitCode: unit.unitCode,
    unitName: unit.unitName,
    result: group?.units.find((u) => u.unitCode === unit.unitCode) ?? null,
    groupSize: group?.units.length ?? 0,
  };
  return file(
    format,
    `Bảng điểm ${unit.unitCode} ${campaign.code}`,
    () => workbookBuffer([scoreSheetTable(sheet, context)]),
    () => {
      const table = scoreSheetCsv(sheet);
      return csvBuffer(table.headers, table.rows);
    },
  );
}

export function commendationsFile(
  view: CommendationsView,
  campaign: Campaign,
  format: FileFormat,
): Promise<ExportFile> {
  const title = [
    `DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG — CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${campaign.year}`,
    campaign.name,
  ];
  return file(
    format,
    `Đề nghị khen thưởng ${campaign.code}`,
    () => workbookBuffer([commendationsTable(view.proposals, title)]),
    () => {
      const table = commendationsCsv(view.proposals);
      return csvBuffer(table.headers, table.rows);
    },
  );
}
