/**
 * An appraiser's round as a workbook: GET …/appraisals/rounds/{round}/sheet gives its agency's
 * criteria × the units with the current scores; the same file, edited with exceljs, goes back
 * through POST …/sheet, which saves through the PUT route's path (all or nothing). Files that are
 * not the sheet, a score over the maximum, an unknown unit and another agency's criterion answer
 * 422 naming the row and cell, and save nothing. The unit's score sheet says which rounds are open.
 */
import 'reflect-metadata';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExplanationRequest } from '../../src/entities/index.js';
import { call, startTestApi, type TestApi, tokenFor } from '../support/api.js';
import { auditSince, deleteCampaigns, lastAuditId, xlsxBuffer } from '../support/api-fixtures.js';
import {
  createResultsCampaign,
  type ResultsFixture,
  SNV_LEAVES,
} from '../support/results-fixtures.js';
import { upload } from '../support/self-assessment-fixtures.js';

let api: TestApi;
let fx: ResultsFixture;
let base: string;
const tokens: Record<'snv' | 'stp' | 'secretariat' | 'unit', string> = {} as never;
const code = (key: keyof ResultsFixture['units']) => fx.units[key].code;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Columns of round 1's sheet (1-based): A unit, C criterion, H score, I «x», J comment. */
const COL = { unit: 1, criterion: 3, score: 8, na: 9, comment: 10 };
const HEADER_ROW = 5;

async function download(round: number, token: string) {
  const res = await fetch(`${api.url}${base}/appraisals/rounds/${round}/sheet`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The sheet's data rows: [row number, unit code, criterion code]. */
function dataRows(sheet: ExcelJS.Worksheet): [number, string, string][] {
  const rows: [number, string, string][] = [];
  for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const unit = row.getCell(COL.unit).value;
    if (unit) rows.push([r, row.getCell(COL.unit).text, row.getCell(COL.criterion).text]);
  }
  return rows;
}

function rowOf(sheet: ExcelJS.Worksheet, unit: string, criterion: string): number {
  const found = dataRows(sheet).find(([, u, c]) => u === unit && c === criterion);
  if (!found) throw new Error(`no row for ${unit} ${criterion}`);
  return found[0];
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const send = (round: number, token: string, bytes: Uint8Array, fileName = 'Thẩm định.xlsx') =>
  upload(api, `${base}/appraisals/rounds/${round}/sheet`, {
    token,
    fileName,
    bytes,
    type: XLSX,
  });

const round1Of = async (unit: string, criterion: string) => {
  const sheet = await call(api, 'GET', `${base}/units/${unit}/appraisals`, {
    token: tokens.secretariat,
  });
  return sheet.body.rows.find((r: any) => r.criterionCode === criterion).round1;
};

beforeAll(async () => {
  api = await startTestApi();
  fx = await createResultsCampaign(api.dataSource);
  base = `/campaigns/${fx.campaign.code}`;
  const db = api.dataSource;
  tokens.snv = await tokenFor(db, {
    role: 'appraiser',
    agencyCode: 'SNV',
    name: `SNV thẩm định ${fx.suffix}`,
  });
  tokens.stp = await tokenFor(db, {
    role: 'appraiser',
    agencyCode: 'STP',
    name: `STP thẩm định ${fx.suffix}`,
  });
  tokens.secretariat = await tokenFor(db, { role: 'secretariat', name: `Tổ thư ký ${fx.suffix}` });
  tokens.unit = await tokenFor(db, { role: 'unit', unitCode: code('U1'), name: 'Đầu mối U1' });
});

afterAll(async () => {
  if (api) {
    await deleteCampaigns(api.dataSource, [fx?.campaign.code].filter(Boolean));
    await api.close();
  }
});

describe('the round-1 sheet', () => {
  it("holds the agency's criteria × the units with the current scores", async () => {
    const put = await call(api, 'PUT', `${base}/units/${code('U1')}/appraisals/rounds/1`, {
      token: tokens.snv,
      body: { items: [{ criterionCode: '1.1', score: 3, comment: 'Kế hoạch ban hành chậm' }] },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);

    const file = await download(1, tokens.snv);
    expect(file.status).toBe(200);
    expect(file.type).toBe(XLSX);
    expect(file.disposition).toMatch(/attachment/);
    const sheet = (await workbookOf(file.bytes)).getWorksheet('Thẩm định lần 1')!;
    expect(sheet.getCell('A2').text).toContain(`Mã chiến dịch: ${fx.campaign.code}`);
    expect(sheet.getRow(HEADER_ROW).getCell(COL.score).value).toBe('Điểm thẩm định');
    const rows = dataRows(sheet);
    // Six units taking part × SNV's five leaves; no STP criterion.
    expect(rows).toHaveLength(6 * SNV_LEAVES.length);
    expect(new Set(rows.map(([, , c]) => c))).toEqual(new Set(SNV_LEAVES));
    const r = rowOf(sheet, code('U1'), '1.1');
    expect(sheet.getRow(r).getCell(COL.score).value).toBe(3);
    expect(sheet.getRow(r).getCell(COL.comment).value).toBe('Kế hoạch ban hành chậm');

    // The secretariat's sheet holds every agency's criteria; a unit may not have it.
    const staff = await workbookOf((await download(1, tokens.secretariat)).bytes);
    expect(dataRows(staff.getWorksheet('Thẩm định lần 1')!)).toHaveLength(6 * 7);
    expect((await download(1, tokens.unit)).status).toBe(403);
    expect((await download(3, tokens.snv)).status).toBe(400);
  });

  it('comes back edited: saves the changed rows through the round’s rules, audited', async () => {
    const workbook = await workbookOf((await download(1, tokens.snv)).bytes);
    const sheet = workbook.getWorksheet('Thẩm định lần 1')!;
    sheet.getRow(rowOf(sheet, code('U1'), '1.2')).getCell(COL.score).value = 5;
    const u2 = sheet.getRow(rowOf(sheet, code('U2'), '1.1'));
    u2.getCell(COL.na).value = 'x';
    u2.getCell(COL.comment).value = 'Đơn vị không có nhiệm vụ này';
    sheet.getRow(rowOf(sheet, code('U3'), '1.2')).getCell(COL.score).value = '4,5';
    const since = await lastAuditId(api);

    const res = await send(1, tokens.snv, await bytesOf(workbook));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.saved.map((s: any) => [s.unitCode, s.criterionCode, s.score])).toEqual([
      [code('U1'), '1.2', 5],
      [code('U2'), '1.1', null],
      [code('U3'), '1.2', 4.5],
    ]);
    expect(res.body.unchanged).toBe(1); // U1's 1.1, as saved before
    expect(res.body.rejected).toEqual([]);
    expect(await round1Of(code('U1'), '1.2')).toMatchObject({ score: 5, agencyCode: 'SNV' });
    expect(await round1Of(code('U2'), '1.1')).toMatchObject({
      notApplicable: true,
      comment: 'Đơn vị không có nhiệm vụ này',
    });
    const audit = await auditSince(api, since);
    expect(audit.map((a) => a.action).sort()).toEqual([
      'appraisal.round1.import',
      'appraisal.round1.save',
      'appraisal.round1.save',
      'appraisal.round1.save',
    ]);
    const progress = await call(api, 'GET', `${base}/appraisals/progress`, { token: tokens.snv });
    expect(progress.body.total.entered).toBe(4);
  });

  it('refuses a score over the maximum, an unknown unit and another agency’s criterion, naming rows and cells, and saves nothing', async () => {
    const workbook = await workbookOf((await download(1, tokens.snv)).bytes);
    const sheet = workbook.getWorksheet('Thẩm định lần 1')!;
    const fine = rowOf(sheet, code('U4'), '1.2');
    sheet.getRow(fine).getCell(COL.score).value = 6;
    const over = rowOf(sheet, code('U4'), '1.1');
    sheet.getRow(over).getCell(COL.score).value = 9;
    const unknown = rowOf(sheet, code('D1'), '1.1');
    sheet.getRow(unknown).getCell(COL.unit).value = 'KHONG-CO';
    sheet.getRow(unknown).getCell(COL.score).value = 1;
    const foreign = rowOf(sheet, code('D2'), '1.1');
    sheet.getRow(foreign).getCell(COL.criterion).value = '2.1';
    sheet.getRow(foreign).getCell(COL.score).value = 1;

    const res = await send(1, tokens.snv, await bytesOf(workbook));
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/3 dòng bị từ chối; chưa lưu điểm nào/);
    expect(res.body.rejected.map((p: any) => p.cell)).toEqual([
      `H${over}`,
      `A${unknown}`,
      `C${foreign}`,
    ]);
    const [overMax, unknownUnit, otherAgency] = res.body.rejected;
    expect(overMax.message).toMatch(
      new RegExp(`^Dòng ${over}, ô H${over}: điểm 9 không hợp lệ: tiêu chí 1\\.1 chấm từ 0 đến 4`),
    );
    expect(unknownUnit.message).toMatch(/đơn vị «KHONG-CO» không tham gia chiến dịch/);
    expect(otherAgency.message).toMatch(/thẩm định cho cơ quan SNV; tiêu chí 2\.1 \(STP\)/);
    // The valid row of the same file was not saved either.
    expect(await round1Of(code('U4'), '1.2')).toBeNull();
  });

  it('refuses files that are not the sheet', async () => {
    const other = await xlsxBuffer(['Mã đơn vị', 'Điểm'], [[code('U1'), 3]]);
    const notSheet = await send(1, tokens.snv, new Uint8Array(other));
    expect(notSheet.status).toBe(422);
    expect(notSheet.body.message).toMatch(
      /không có trang tính «Thẩm định lần 1» \(các trang tính: «Sheet1»\)/,
    );

    const roundOne = (await download(1, tokens.snv)).bytes;
    const wrongRound = await send(2, tokens.snv, new Uint8Array(roundOne));
    expect(wrongRound.status).toBe(422);
    expect(wrongRound.body.message).toMatch(/bảng điểm thẩm định lần 1, không phải lần 2/);

    const moved = await workbookOf(roundOne);
    moved.getWorksheet('Thẩm định lần 1')!.getCell(`H${HEADER_ROW}`).value = 'Điểm';
    const columns = await send(1, tokens.snv, await bytesOf(moved));
    expect(columns.status).toBe(422);
    expect(columns.body.message).toMatch(/^Ô H5: cột phải là «Điểm thẩm định», gặp «Điểm»/);

    const pdf = await send(1, tokens.snv, new Uint8Array(Buffer.from('%PDF-1.4')), 'a.pdf');
    expect(pdf.status).toBe(415);
    const unit = await send(1, tokens.unit, new Uint8Array(roundOne));
    expect(unit.status).toBe(403);
  });
});

describe('the round-2 sheet', () => {
  it("lists the criteria each unit was asked to explain, with round 1's score and the explanation, and takes them back", async () => {
    const db = api.dataSource;
    const [found] = await db.query<{ participation: string; criterion: string }[]>(
      `SELECT p.id AS participation, c.id AS criterion FROM participations p
         JOIN units u ON u.id = p.unit_id
         JOIN index_sets s ON s.campaign_id = p.campaign_id AND s.group_code = u.group_code
         JOIN criteria c ON c.index_set_id = s.id AND c.code = '1.2'
        WHERE p.campaign_id = $1 AND u.code = $2`,
      [fx.campaign.id, code('U1')],
    );
    // As the secretariat's confirmation writes it (through the workflow: appraisal-flow.test.ts).
    await db.getRepository(ExplanationRequest).save({
      participationId: found!.participation,
      criterionId: found!.criterion,
      status: 'confirmed',
      origin: 'secretariat',
      grounds: ['below_self_score'],
      reason: 'Chưa đủ báo cáo định kỳ.',
      confirmedBy: 'Tổ thư ký',
      confirmedAt: new Date(),
      answerText: 'Đã bổ sung báo cáo quý IV.',
    });
    const workbook = await workbookOf((await download(2, tokens.snv)).bytes);
    const sheet = workbook.getWorksheet('Thẩm định lần 2')!;
    const header = (sheet.getRow(HEADER_ROW).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Mã đơn vị',
      'Tên đơn vị',
      'Mã tiêu chí',
      'Tiêu chí',
      'Cơ quan thẩm định',
      'Điểm tối đa',
      'Điểm tự chấm',
      'Điểm thẩm định lần 1',
      'Giải trình của đơn vị',
      'Điểm thẩm định lần 2',
      'Không áp dụng (x)',
      'Nhận xét',
    ]);
    expect(sheet.rowCount).toBe(HEADER_ROW + 1);
    const row = sheet.getRow(HEADER_ROW + 1);
    expect([row.getCell(1).text, row.getCell(3).text, row.getCell(8).value]).toEqual([
      code('U1'),
      '1.2',
      5,
    ]);
    expect(row.getCell(9).text).toBe('Đã bổ sung báo cáo quý IV.');
    row.getCell(10).value = 6;
    const res = await send(2, tokens.snv, await bytesOf(workbook));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.saved).toMatchObject([
      { unitCode: code('U1'), criterionCode: '1.2', score: 6 },
    ]);

    // Round 1 of U1 is closed now: the same file's import refuses the unit's rows, saves nothing.
    const first = await workbookOf((await download(1, tokens.snv)).bytes);
    const one = first.getWorksheet('Thẩm định lần 1')!;
    const r = rowOf(one, code('U1'), '4.1');
    one.getRow(r).getCell(COL.score).value = 1;
    one.getRow(rowOf(one, code('U2'), '4.1')).getCell(COL.score).value = 1;
    const closed = await send(1, tokens.snv, await bytesOf(first));
    expect(closed.status).toBe(422);
    expect(closed.body.rejected).toEqual([
      expect.objectContaining({
        row: r,
        message: expect.stringMatching(/Lần thẩm định 1 của đơn vị .* đã đóng/),
      }),
    ]);
    const u2 = await call(api, 'GET', `${base}/units/${code('U2')}/appraisals`, {
      token: tokens.secretariat,
    });
    expect(u2.body.rows.find((x: any) => x.criterionCode === '4.1').round1).toBeNull();
  });
});

describe("the unit's score sheet", () => {
  it('says round 1 is open and round 2 is not, with the reason a save would get', async () => {
    const sheet = await call(api, 'GET', `${base}/units/${code('U4')}/appraisals`, {
      token: tokens.snv,
    });
    expect(sheet.body.rounds[1]).toEqual({ open: true, reason: null });
    expect(sheet.body.rounds[2]).toMatchObject({ open: false, criteria: [] });
    const save = await call(api, 'PUT', `${base}/units/${code('U4')}/appraisals/rounds/2`, {
      token: tokens.snv,
      body: { items: [{ criterionCode: '1.1', score: 4 }] },
    });
    expect(save.status).toBe(409);
    expect(save.body.message).toBe(sheet.body.rounds[2].reason);
    expect(save.body.message).toMatch(/^Đơn vị .* không được đề nghị giải trình/);
  });
});
