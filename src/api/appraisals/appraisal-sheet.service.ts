/**
 * An appraiser's scores of a round as a workbook (bảng điểm thẩm định): one row per unit and
 * criterion of the agency, with the current scores, to fill in offline and import back. The
 * import checks every row with the rules the PUT route uses (whyNotScored, scoreProblem,
 * checkAgency, checkRoundTwo) and saves each unit through AppraisalsService.saveRoundIn, in one
 * transaction: a rejected row (or a unit the round refuses) saves nothing, and the 422 names
 * every rejected row and cell, in Vietnamese.
 */
import {
  HttpException,
  Injectable,
  UnprocessableEntityException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { cleanUploadedFileName } from '../../domain/evidence-file-types.js';
import { scoreProblem } from '../../domain/self-assessment-rules.js';
import type { AppraisalRound, Campaign } from '../../entities/index.js';
import { Agency } from '../../entities/index.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { findCampaign } from '../campaigns/campaign-lookup.js';
import type { UploadedImportFile } from '../common/import-file.js';
import { workbookBuffer, XLSX_TYPE } from '../common/spreadsheet.js';
import { type IndexTree, loadIndexTrees, whyNotScored } from '../scoring-data/index-tree.js';
import { loadScoringInputs, loadUnits, type UnitRef } from '../scoring-data/scoring-inputs.js';
import type { AppraisalItemDto } from './appraisal.dto.js';
import { checkAgency, checkRoundTwo } from './appraisal-rules.js';
import { AppraisalsService } from './appraisals.service.js';

/** The workbook's tab: the import finds the round's sheet by it. */
export const sheetNameOf = (round: AppraisalRound) => `Thẩm định lần ${round}`;

/** The title lines above the header; the second identifies the campaign and the round. */
const TITLE_LINES = 3;
const HEADER_ROW = TITLE_LINES + 2;

type ColumnKey =
  | 'unit'
  | 'unitName'
  | 'criterion'
  | 'title'
  | 'agency'
  | 'max'
  | 'self'
  | 'round1'
  | 'explanation'
  | 'score'
  | 'notApplicable'
  | 'comment';

/** The columns of a round's sheet, in order. */
export function columnsOf(
  round: AppraisalRound,
): { key: ColumnKey; header: string; width: number }[] {
  return [
    { key: 'unit', header: 'Mã đơn vị', width: 12 },
    { key: 'unitName', header: 'Tên đơn vị', width: 30 },
    { key: 'criterion', header: 'Mã tiêu chí', width: 10 },
    { key: 'title', header: 'Tiêu chí', width: 45 },
    { key: 'agency', header: 'Cơ quan thẩm định', width: 12 },
    { key: 'max', header: 'Điểm tối đa', width: 10 },
    { key: 'self', header: 'Điểm tự chấm', width: 11 },
    ...(round === 2
      ? [
          { key: 'round1' as const, header: 'Điểm thẩm định lần 1', width: 12 },
          { key: 'explanation' as const, header: 'Giải trình của đơn vị', width: 40 },
        ]
      : []),
    { key: 'score', header: round === 1 ? 'Điểm thẩm định' : 'Điểm thẩm định lần 2', width: 12 },
    { key: 'notApplicable', header: 'Không áp dụng (x)', width: 11 },
    { key: 'comment', header: 'Nhận xét', width: 45 },
  ];
}

/** "A" for column 1, "AB" for 28. */
function letter(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

const NOT_APPLICABLE_TEXT = 'Không áp dụng';

export class SavedSheetRow {
  @ApiProperty({ example: 7, description: 'Row of the sheet.' })
  row: number;
  @ApiProperty({ example: 'SNV' })
  unitCode: string;
  @ApiProperty({ example: '1.1' })
  criterionCode: string;
  @ApiProperty({ type: Number, nullable: true, example: 3.5 })
  score: number | null;
  @ApiProperty()
  notApplicable: boolean;
  @ApiProperty({ type: String, nullable: true })
  comment: string | null;
}

export class SheetImportView {
  @ApiProperty({ example: 'vinhlong-2021' })
  campaignCode: string;
  @ApiProperty({ enum: [1, 2] })
  round: AppraisalRound;
  @ApiProperty({ example: 'Thẩm định lần 1.xlsx' })
  fileName: string;
  @ApiProperty({ type: [SavedSheetRow], description: 'Rows whose score was saved.' })
  saved: SavedSheetRow[];
  @ApiProperty({ description: 'Rows equal to what is already saved (not written again).' })
  unchanged: number;
  @ApiProperty({ description: 'Rows without a score and without "x" (nothing to save).' })
  empty: number;
  @ApiProperty({ type: [Object], description: 'Always empty here: a rejected row answers 422.' })
  rejected: SheetRowProblem[];
}

export interface SheetRowProblem {
  row: number;
  cell: string;
  unitCode: string | null;
  criterionCode: string | null;
  message: string;
}

interface ParsedRow {
  row: number;
  unit: UnitRef;
  item: AppraisalItemDto;
  score: number | null;
  notApplicable: boolean;
  comment: string | null;
}

function cellText(value: ExcelJS.CellValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'boolean') return value ? 'x' : null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return cellText(value.richText.map((r) => r.text).join(''));
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return cellText(value.text);
    if ('error' in value) return String(value.error);
  }
  return null;
}

function notSheet(message: string): UnprocessableEntityException {
  return new UnprocessableEntityException({
    code: 'validation_failed',
    message: `${message} Chưa lưu điểm nào.`,
    rejected: [],
    saved: [],
  });
}

@Injectable()
export class AppraisalSheetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly appraisals: AppraisalsService,
    private readonly audit: AuditService,
  ) {}

  private async agencyOf(actor: Actor): Promise<Agency | null> {
    if (actor.role !== 'appraiser' || !actor.agencyId) return null;
    return this.dataSource.manager.findOneBy(Agency, { id: actor.agencyId });
  }

  /** The round's sheet of the actor's agency (staff: every agency's criteria). */
  async export(
    actor: Actor,
    campaignRef: string,
    round: AppraisalRound,
  ): Promise<{ buffer: Buffer; fileName: string; type: string }> {
    const manager = this.dataSource.manager;
    const campaign = await findCampaign(manager, campaignRef);
    const agency = await this.agencyOf(actor);
    const trees = await loadIndexTrees(manager, campaign.id);
    const units = await loadUnits(manager, campaign.id);
    const inputs = await loadScoringInputs(manager, units);
    const columns = columnsOf(round);
    const rows: (string | number | null)[][] = [];
    for (const unit of inputs) {
      const tree = trees.get(unit.unit.group);
      if (!tree) continue;
      const requested = new Set(
        [...unit.requests.values()]
          .filter((r) => r.status === 'confirmed')
          .map((r) => r.criterionId),
      );
      const leaves = tree.appraisedLeaves.filter(
        (leaf) =>
          (actor.role !== 'appraiser' || leaf.agencyId === actor.agencyId) &&
          (round === 1 || requested.has(leaf.id)),
      );
      for (const leaf of leaves) {
        const self = unit.self.get(leaf.id);
        const rounds = unit.appraisals.get(leaf.id);
        const mine = rounds?.[round];
        const first = rounds?.[1];
        const values: Record<ColumnKey, string | number | null> = {
          unit: unit.unit.unitCode,
          unitName: unit.unit.unitName,
          criterion: leaf.code,
          title: leaf.title,
          agency: leaf.agencyCode,
          max: leaf.maxPoints,
          self: self ? (self.notApplicable ? NOT_APPLICABLE_TEXT : self.score) : null,
          round1: first ? (first.notApplicable ? NOT_APPLICABLE_TEXT : first.score) : null,
          explanation: unit.requests.get(leaf.id)?.answerText ?? null,
          score: mine && !mine.notApplicable ? mine.score : null,
          notApplicable: mine?.notApplicable ? 'x' : null,
          comment: mine?.comment ?? null,
        };
        rows.push(columns.map((c) => values[c.key]));
      }
    }
    const numberFormats = Object.fromEntries(
      columns.flatMap((c, i) =>
        ['max', 'self', 'round1', 'score'].includes(c.key) ? [[i, '0.00']] : [],
      ),
    );
    const buffer = await workbookBuffer([
      {
        name: sheetNameOf(round),
        title: [
          `Điểm thẩm định lần ${round} — ${campaign.name}`,
          `Mã chiến dịch: ${campaign.code} · Lần thẩm định: ${round} · Cơ quan: ${agency ? `${agency.code} (${agency.name})` : 'tất cả'}`,
          `Ghi điểm vào cột «${columns.find((c) => c.key === 'score')!.header}», hoặc «x» vào cột «Không áp dụng (x)»; để trống nếu chưa chấm. Không sửa mã đơn vị, mã tiêu chí và các dòng tiêu đề.`,
        ],
        headers: columns.map((c) => c.header),
        rows,
        numberFormats,
        widths: columns.map((c) => c.width),
      },
    ]);
    const fileName = `Thẩm định lần ${round} - ${campaign.code}${agency ? ` - ${agency.code}` : ''}.xlsx`;
    return { buffer, fileName, type: XLSX_TYPE };
  }

  /** Reads the round's sheet and saves its scores, all or nothing. */
  async import(
    actor: Actor,
    campaignRef: string,
    round: AppraisalRound,
    file: UploadedImportFile | undefined,
  ): Promise<SheetImportView> {
    if (!file) {
      throw new UnprocessableEntityException(
        'Chưa có tệp: gửi bảng điểm (.xlsx) trong trường "file" của biểu mẫu multipart.',
      );
    }
    const fileName = cleanUploadedFileName(file.originalname || '') || 'bang-diem.xlsx';
    if (!/\.xlsx$/i.test(fileName)) {
      throw new UnsupportedMediaTypeException(
        `Tệp phải là bảng điểm .xlsx tải về từ trang thẩm định; nhận được "${fileName.slice(0, 100)}".`,
      );
    }
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(file.buffer as unknown as ArrayBuffer);
    } catch {
      throw notSheet(`Không đọc được "${fileName}" như một bảng tính XLSX.`);
    }
    return this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, campaignRef);
      const sheet = this.sheetOf(workbook, campaign, round);
      const columns = columnsOf(round);
      const col = (key: ColumnKey) => columns.findIndex((c) => c.key === key) + 1;
      const trees = await loadIndexTrees(manager, campaign.id);
      const units = new Map((await loadUnits(manager, campaign.id)).map((u) => [u.unitCode, u]));
      const inputs = new Map(
        (await loadScoringInputs(manager, [...units.values()])).map((i) => [i.unit.unitCode, i]),
      );
      const agency = actor.agencyId
        ? await manager.findOneBy(Agency, { id: actor.agencyId })
        : null;

      const rejected: SheetRowProblem[] = [];
      const parsed: ParsedRow[] = [];
      const seen = new Map<string, number>();
      let unchanged = 0;
      let empty = 0;
      for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        const read = (key: ColumnKey) => cellText(row.getCell(col(key)).value);
        const unitCode = read('unit');
        const criterionCode = read('criterion');
        const scoreCell = read('score');
        const naCell = read('notApplicable');
        const commentCell = read('comment');
        if (unitCode === null && criterionCode === null && scoreCell === null && naCell === null) {
          continue;
        }
        const reject = (key: ColumnKey, message: string) =>
          rejected.push({
            row: r,
            cell: `${letter(col(key))}${r}`,
            unitCode: unitCode === null ? null : String(unitCode),
            criterionCode: criterionCode === null ? null : String(criterionCode),
            message: `Dòng ${r}, ô ${letter(col(key))}${r}: ${message}`,
          });
        const unit = unitCode === null ? undefined : units.get(String(unitCode));
        if (!unit) {
          reject(
            'unit',
            unitCode === null
              ? 'thiếu mã đơn vị.'
              : `đơn vị «${String(unitCode)}» không tham gia chiến dịch ${campaign.code}.`,
          );
          continue;
        }
        const tree: IndexTree | undefined = trees.get(unit.group);
        const code = criterionCode === null ? '' : String(criterionCode);
        const why = tree
          ? whyNotScored(tree, code, 'appraiser')
          : 'nhóm của đơn vị chưa có bộ chỉ số';
        if (criterionCode === null || why) {
          reject(
            'criterion',
            criterionCode === null
              ? 'thiếu mã tiêu chí.'
              : `tiêu chí «${code}» không được thẩm định cho đơn vị ${unit.unitCode} (${why}).`,
          );
          continue;
        }
        const leaf = tree!.byCode.get(code)!;
        try {
          checkAgency(
            actor,
            [{ leaf, score: null, notApplicable: false, comment: null }],
            agency?.code ?? null,
          );
        } catch (err) {
          reject('criterion', (err as Error).message);
          continue;
        }
        const unitInputs = inputs.get(unit.unitCode)!;
        if (round === 2) {
          const requested = new Set(
            [...unitInputs.requests.values()]
              .filter((q) => q.status === 'confirmed')
              .map((q) => q.criterionId),
          );
          try {
            checkRoundTwo([{ leaf, score: null, notApplicable: false, comment: null }], requested);
          } catch (err) {
            reject(
              'criterion',
              `đơn vị ${unit.unitCode} không được đề nghị giải trình tiêu chí ${code}: lần 2 chỉ chấm lại các tiêu chí đã giải trình (${(err as Error).message}).`,
            );
            continue;
          }
        }
        const key = `${unit.unitCode}/${code}`;
        if (seen.has(key)) {
          reject(
            'criterion',
            `tiêu chí ${code} của đơn vị ${unit.unitCode} đã có ở dòng ${seen.get(key)}.`,
          );
          continue;
        }
        seen.set(key, r);
        const na = naCell === null ? false : String(naCell).trim().toLowerCase();
        if (na !== false && !['x', 'có', 'co', 'yes', 'true', '1'].includes(na)) {
          reject(
            'notApplicable',
            `ghi «x» nếu tiêu chí không áp dụng, hoặc để trống; gặp «${String(naCell)}».`,
          );
          continue;
        }
        const notApplicable = na !== false;
        let score: number | null = null;
        if (scoreCell !== null) {
          const number =
            typeof scoreCell === 'number'
              ? scoreCell
              : /^\d+([.,]\d+)?$/.test(scoreCell)
                ? Number(scoreCell.replace(',', '.'))
                : Number.NaN;
          if (Number.isNaN(number)) {
            reject('score', `điểm phải là một số, gặp «${String(scoreCell)}».`);
            continue;
          }
          const problem = scoreProblem(code, number, leaf.maxPoints);
          if (problem) {
            reject(
              'score',
              `điểm ${String(number).replace('.', ',')} không hợp lệ: tiêu chí ${code} chấm từ 0 đến ${String(leaf.maxPoints).replace('.', ',')} điểm, tối đa hai chữ số thập phân (${problem}).`,
            );
            continue;
          }
          score = number;
        }
        if (score !== null && notApplicable) {
          reject(
            'notApplicable',
            'đã ghi điểm thì không đánh dấu «Không áp dụng» (chọn một trong hai).',
          );
          continue;
        }
        if (score === null && !notApplicable) {
          empty += 1;
          continue;
        }
        const comment = commentCell === null ? null : String(commentCell).slice(0, 10_000);
        const current = unitInputs.appraisals.get(leaf.id)?.[round];
        if (
          current &&
          current.notApplicable === notApplicable &&
          (current.score === null ? null : Number(current.score)) === score &&
          (current.comment ?? null) === comment
        ) {
          unchanged += 1;
          continue;
        }
        parsed.push({
          row: r,
          unit,
          item: {
            criterionCode: code,
            ...(notApplicable ? { notApplicable: true } : { score: score! }),
            comment,
          },
          score,
          notApplicable,
          comment,
        });
      }

      if (rejected.length === 0) {
        // Each unit through the same path as PUT …/appraisals/rounds/{round}.
        const byUnit = new Map<string, ParsedRow[]>();
        for (const p of parsed)
          byUnit.set(p.unit.unitCode, [...(byUnit.get(p.unit.unitCode) ?? []), p]);
        for (const [unitCode, rows] of byUnit) {
          try {
            await this.appraisals.saveRoundIn(
              manager,
              actor,
              campaign,
              unitCode,
              round,
              rows.map((p) => p.item),
            );
          } catch (err) {
            if (!(err instanceof HttpException)) throw err;
            for (const p of rows) {
              rejected.push({
                row: p.row,
                cell: `${letter(col('score'))}${p.row}`,
                unitCode,
                criterionCode: p.item.criterionCode,
                message: `Dòng ${p.row}: không lưu được điểm của đơn vị ${unitCode}: ${err.message}`,
              });
            }
          }
        }
      }
      if (rejected.length > 0) {
        rejected.sort((a, b) => a.row - b.row);
        throw new UnprocessableEntityException({
          code: 'validation_failed',
          message: `Bảng điểm có ${rejected.length} dòng bị từ chối; chưa lưu điểm nào. Sửa các dòng dưới đây rồi tải lên lại: ${rejected
            .slice(0, 10)
            .map((p) => p.message)
            .join(' ')}${rejected.length > 10 ? ` … và ${rejected.length - 10} dòng nữa.` : ''}`,
          rejected,
          saved: [],
        });
      }
      const saved = parsed.map((p) => ({
        row: p.row,
        unitCode: p.unit.unitCode,
        criterionCode: p.item.criterionCode,
        score: p.score,
        notApplicable: p.notApplicable,
        comment: p.comment,
      }));
      await this.audit.record(
        actor,
        {
          action: `appraisal.round${round}.import`,
          entityType: 'campaign',
          entityId: campaign.id,
          details: {
            campaignCode: campaign.code,
            round,
            fileName,
            saved: saved.length,
            unchanged,
            empty,
            units: [...new Set(saved.map((s) => s.unitCode))],
          },
        },
        manager,
      );
      return {
        campaignCode: campaign.code,
        round,
        fileName,
        saved,
        unchanged,
        empty,
        rejected: [],
      };
    });
  }

  /** The round's worksheet of this campaign, or 422 saying why the file is not it. */
  private sheetOf(
    workbook: ExcelJS.Workbook,
    campaign: Campaign,
    round: AppraisalRound,
  ): ExcelJS.Worksheet {
    const name = sheetNameOf(round);
    const sheet = workbook.getWorksheet(name);
    if (!sheet) {
      const other = sheetNameOf(round === 1 ? 2 : 1);
      const names = workbook.worksheets.map((w) => `«${w.name}»`).join(', ') || 'không có';
      throw notSheet(
        workbook.getWorksheet(other)
          ? `Tệp là bảng điểm thẩm định lần ${round === 1 ? 2 : 1}, không phải lần ${round}: hãy tải lên ở lần ${round === 1 ? 2 : 1}.`
          : `Tệp không phải bảng điểm thẩm định: không có trang tính «${name}» (các trang tính: ${names}). Hãy tải bảng điểm từ trang thẩm định rồi điền vào đó.`,
      );
    }
    const identity = String(cellText(sheet.getCell(2, 1).value) ?? '');
    const code = /Mã chiến dịch: ([^\s·]+)/.exec(identity)?.[1];
    if (!code) {
      throw notSheet(
        `Ô A2 của trang tính «${name}» phải ghi «Mã chiến dịch: ${campaign.code} · Lần thẩm định: ${round}» như bảng điểm tải về; gặp «${identity.slice(0, 80)}».`,
      );
    }
    if (code !== campaign.code) {
      throw notSheet(
        `Ô A2: bảng điểm của chiến dịch «${code.slice(0, 60)}», không phải ${campaign.code}.`,
      );
    }
    const columns = columnsOf(round);
    const header = sheet.getRow(HEADER_ROW);
    for (const [i, column] of columns.entries()) {
      const found = cellText(header.getCell(i + 1).value);
      if (found !== column.header) {
        throw notSheet(
          `Ô ${letter(i + 1)}${HEADER_ROW}: cột phải là «${column.header}», gặp «${found === null ? 'ô trống' : String(found).slice(0, 60)}». Không thêm, xóa hay đổi thứ tự các cột của bảng điểm.`,
        );
      }
    }
    return sheet;
  }
}
