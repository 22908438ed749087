/**
 * Appraisal rounds, survey points, fixing the scores, results with a hand-computed ranking (a tie
 * sharing rank 2), council adjustments, rating bands, provenance, exports and the announcement's
 * effect on who reads what, on the real Nest app and PostgreSQL.
 *
 * The campaign is "launched" without a workflow (see results-fixtures.ts): the routes here touch
 * PostgreSQL only. Confirming explanation requests and the Chairman's decision signal workflows;
 * here the first is simulated by a row written as the confirmation writes it, and the second by
 * calling the function the decision endpoint calls (publishResults). test/api/appraisal-flow.test.ts
 * drives both through the API against a running workflow.
 *
 * Final scores (F = field total; index = achieved ÷ applicable max × 100):
 *
 *   unit  1.1  1.2  2.1  2.2  3.1(survey) 4.1 4.2 → bonus(cap 3)  5(penalty)  achieved / max   index
 *   U1    4    3    5    4    4.5         2   2   → 3             0           23.5  / 25      94.00
 *   U2    3*   6    4    4    4           0   0   → 0             0.5         20.5  / 25      82.00
 *   U3    N/A  5    4    4    4.22        0   0   → 0             0           17.22 / 21      82.00
 *   U4    2    3    3    3    2.5         0   0   → 0             2           11.5  / 25      46.00
 *   D1    3    6    4    4    4           0   0   → 0             0.5         20.5  / 25      82.00
 *   D2    2    3    3    3    2.505→2.51  0   0   → 0             2           11.51 / 25      46.04
 *   (* U2's 1.1: 2 in round 1, 3 in round 2 after an explanation request)
 *
 * Departments: U1 1st (Xuất sắc), U2 and U3 both 2nd (Tốt, tied), U4 4th (Yếu): 1, 2, 2, 4.
 * Districts: D1 1st (Tốt), D2 2nd (Yếu).
 * Council: +0.5 on U3's total → 17.72 / 21 = 84.38: U3 2nd, U2 3rd; U4's penalty 2 → 1 gives
 * 12.5 / 25 = 50.00 (Trung bình).
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportResultsCommand } from '../../src/api/results/export-results-command.js';
import { publishResults } from '../../src/api/results/results-publication.js';
import { AuditEntry, ExplanationRequest, SurveyScore } from '../../src/entities/index.js';
import { call, startTestApi, type TestApi, tokenFor } from '../support/api.js';
import { deleteCampaigns, lastAuditId, auditSince, xlsxBuffer } from '../support/api-fixtures.js';
import {
  createResultsCampaign,
  items,
  type ResultsFixture,
  type Scores,
  SNV_LEAVES,
  STP_LEAVES,
} from '../support/results-fixtures.js';
import { messageOf, pdfBytes, upload } from '../support/self-assessment-fixtures.js';

const ROUND_1: Record<'U1' | 'U2' | 'U3' | 'U4' | 'D1' | 'D2', Scores> = {
  U1: { '1.1': 4, '1.2': 3, '2.1': 5, '2.2': 4, '4.1': 2, '4.2': 2, '5': 0 },
  U2: { '1.1': 2, '1.2': 6, '2.1': 4, '2.2': 4, '4.1': 0, '4.2': 0, '5': 0.5 },
  U3: { '1.1': 'NA', '1.2': 5, '2.1': 4, '2.2': 4, '4.1': 0, '4.2': 0, '5': 0 },
  U4: { '1.1': 2, '1.2': 3, '2.1': 3, '2.2': 3, '4.1': 0, '4.2': 0, '5': 2 },
  D1: { '1.1': 3, '1.2': 6, '2.1': 4, '2.2': 4, '4.1': 0, '4.2': 0, '5': 0.5 },
  D2: { '1.1': 2, '1.2': 3, '2.1': 3, '2.2': 3, '4.1': 0, '4.2': 0, '5': 2 },
};

let api: TestApi;
let dataDir: string;
let fx: ResultsFixture;
let draft: ResultsFixture;
let base: string;
type Who = 'secretariat' | 'admin' | 'council' | 'snv' | 'stp' | 'U1' | 'U2' | 'U3';
const tokens = {} as Record<Who, string>;
const code = (key: keyof ResultsFixture['units']) => fx.units[key].code;

async function download(route: string, token: string) {
  const res = await fetch(`${api.url}${route}`, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (sheet.getRow(row).values as unknown[]).slice(1);
}

const enter = (who: Who, unit: string, round: number, body: unknown) =>
  call(api, 'PUT', `${base}/units/${unit}/appraisals/rounds/${round}`, {
    token: tokens[who],
    body,
  });

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'par-results-test-'));
  api = await startTestApi({ dataDir });
  fx = await createResultsCampaign(api.dataSource);
  draft = await createResultsCampaign(api.dataSource, { status: 'draft' });
  base = `/campaigns/${fx.campaign.code}`;
  const db = api.dataSource;
  const tag = fx.suffix;
  tokens.secretariat = await tokenFor(db, { role: 'secretariat', name: `Tổ thư ký ${tag}` });
  tokens.admin = await tokenFor(db, { role: 'admin', name: `Quản trị ${tag}` });
  tokens.council = await tokenFor(db, { role: 'council', name: `Hội đồng thẩm định ${tag}` });
  tokens.snv = await tokenFor(db, {
    role: 'appraiser',
    agencyCode: 'SNV',
    name: `Sở Nội vụ - thẩm định ${tag}`,
  });
  tokens.stp = await tokenFor(db, {
    role: 'appraiser',
    agencyCode: 'STP',
    name: `Sở Tư pháp - thẩm định ${tag}`,
  });
  for (const key of ['U1', 'U2', 'U3'] as const) {
    tokens[key] = await tokenFor(db, {
      role: 'unit',
      unitCode: fx.units[key].code,
      name: `Đầu mối ${key}`,
    });
  }
});

afterAll(async () => {
  if (api) {
    await deleteCampaigns(
      api.dataSource,
      [fx?.campaign.code, draft?.campaign.code].filter(Boolean),
    );
    await api.close();
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('self-assessment of U2 (what round 1 is compared with)', () => {
  it('is submitted with evidence for 1.1', async () => {
    const sa = `${base}/units/${code('U2')}/self-assessment`;
    const uploaded = await upload(api, `${base}/units/${code('U2')}/evidence`, {
      token: tokens.U2,
      fileName: 'Kế hoạch CCHC 2021.pdf',
      bytes: pdfBytes('Kế hoạch'),
      fields: { criterionCode: '1.1' },
    });
    expect(uploaded.status).toBe(201);
    const saved = await call(api, 'PUT', `${sa}/draft`, {
      token: tokens.U2,
      body: {
        items: [
          { criterionCode: '1.1', score: 4, evidenceIds: [uploaded.body.id], note: 'Đúng hạn' },
          { criterionCode: '1.2', score: 6 },
          { criterionCode: '2.1', score: 4 },
          { criterionCode: '2.2', score: 5 },
          { criterionCode: '4.1', score: 0 },
          { criterionCode: '4.2', score: 0 },
          { criterionCode: '5', score: 0 },
        ],
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.missing).toEqual([]);
    const submitted = await call(api, 'POST', `${sa}/submit`, { token: tokens.U2 });
    expect(submitted.status).toBe(200);
  });
});

describe('round 1 (step 4)', () => {
  it('takes each agency’s own criteria from its appraisers, with comments, and audits them', async () => {
    const since = await lastAuditId(api);
    for (const unit of ['U1', 'U2', 'U3', 'U4', 'D1'] as const) {
      const snv = await enter('snv', code(unit), 1, {
        items: items(
          ROUND_1[unit],
          SNV_LEAVES,
          unit === 'U2' ? 'Kế hoạch ban hành chậm' : undefined,
        ),
      });
      expect(snv.status, JSON.stringify(snv.body)).toBe(200);
    }
    const sheet = await enter('snv', code('D2'), 1, { items: items(ROUND_1.D2, SNV_LEAVES) });
    expect(sheet.status).toBe(200);
    const row = sheet.body.rows.find((r: any) => r.criterionCode === '1.1');
    expect(row.round1).toMatchObject({
      score: 2,
      agencyCode: 'SNV',
      by: expect.stringContaining('Sở Nội vụ'),
    });
    const audit = await auditSince(api, since);
    expect(audit.filter((a) => a.action === 'appraisal.round1.save')).toHaveLength(6);
    expect(audit[0]!.details).toMatchObject({ round: 1, onBehalfOfAgency: false });
  });

  it('refuses another agency’s criteria to an appraiser (403 naming them), and changes nothing', async () => {
    const res = await enter('snv', code('U1'), 1, {
      items: [
        { criterionCode: '1.2', score: 1 },
        { criterionCode: '2.1', score: 1 },
      ],
    });
    expect(res.status).toBe(403);
    expect(messageOf(res.body)).toMatch(/appraises for agency SNV; criterion 2\.1 \(STP\)/);
    const sheet = await call(api, 'GET', `${base}/units/${code('U1')}/appraisals`, {
      token: tokens.secretariat,
    });
    expect(sheet.body.rows.find((r: any) => r.criterionCode === '1.2').round1.score).toBe(3);
  });

  it('shows progress per agency and per unit; an appraiser sees its own agency', async () => {
    const all = await call(api, 'GET', `${base}/appraisals/progress?round=1`, {
      token: tokens.secretariat,
    });
    expect(all.status).toBe(200);
    expect(all.body.total).toEqual({ required: 42, entered: 30 });
    expect(all.body.agencies).toEqual([
      expect.objectContaining({ agencyCode: 'SNV', required: 30, entered: 30 }),
      expect.objectContaining({ agencyCode: 'STP', required: 12, entered: 0 }),
    ]);
    expect(all.body.units.find((u: any) => u.unitCode === code('U1'))).toMatchObject({
      required: 7,
      entered: 5,
      missing: ['2.1', '2.2'],
    });
    const stp = await call(api, 'GET', `${base}/appraisals/progress`, { token: tokens.stp });
    expect(stp.body.agencies).toEqual([
      expect.objectContaining({ agencyCode: 'STP', required: 12, entered: 0 }),
    ]);
    const unit = await call(api, 'GET', `${base}/appraisals/progress`, { token: tokens.U1 });
    expect(unit.status).toBe(403);
  });

  it('completes with the STP appraiser', async () => {
    for (const unit of ['U1', 'U2', 'U3', 'U4', 'D1', 'D2'] as const) {
      const res = await enter('stp', code(unit), 1, { items: items(ROUND_1[unit], STP_LEAVES) });
      expect(res.status).toBe(200);
    }
    const all = await call(api, 'GET', `${base}/appraisals/progress?round=1`, {
      token: tokens.council,
    });
    expect(all.body.total).toEqual({ required: 42, entered: 42 });
  });

  it.each([
    [
      'round 3',
      'snv',
      'U1',
      3,
      { items: [{ criterionCode: '1.2', score: 1 }] },
      400,
      /Lần thẩm định \(round\) phải là 1 hoặc 2, nhận được «3»/,
    ],
    [
      'an item without a score',
      'snv',
      'U1',
      1,
      { items: [{ criterionCode: '1.2' }] },
      400,
      /cần cho điểm \(score\) hoặc notApplicable: true/,
    ],
    [
      'a score and not applicable',
      'snv',
      'U1',
      1,
      { items: [{ criterionCode: '1.2', score: 1, notApplicable: true }] },
      400,
      /không được gửi đồng thời điểm \(score\) và notApplicable: true/,
    ],
    [
      'a repeated criterion',
      'snv',
      'U1',
      1,
      {
        items: [
          { criterionCode: '1.2', score: 1 },
          { criterionCode: '1.2', score: 2 },
        ],
      },
      400,
      /items\[1\] \(tiêu chí 1\.2\): tiêu chí bị lặp lại/,
    ],
    [
      'a score as text',
      'snv',
      'U1',
      1,
      { items: [{ criterionCode: '1.2', score: 'ba' }] },
      400,
      /score must be a number/,
    ],
    ['no items', 'snv', 'U1', 1, { items: [] }, 400, /items must hold at least one score/],
    [
      'a score above the maximum',
      'snv',
      'U1',
      1,
      { items: [{ criterionCode: '1.2', score: 7 }] },
      422,
      /Tiêu chí 1\.2: điểm 7 nằm ngoài khoảng 0\.\.6/,
    ],
    [
      'three decimals',
      'snv',
      'U1',
      1,
      { items: [{ criterionCode: '1.2', score: 1.255 }] },
      422,
      /có quá hai chữ số thập phân/,
    ],
    [
      'a survey leaf',
      'admin',
      'U1',
      1,
      { items: [{ criterionCode: '3.1', score: 1 }] },
      422,
      /lấy điểm từ điều tra xã hội học/,
    ],
    [
      'a criterion with sub-criteria',
      'admin',
      'U1',
      1,
      { items: [{ criterionCode: '1', score: 1 }] },
      422,
      /có tiêu chí thành phần \(1\.1, 1\.2\)/,
    ],
    [
      'an unknown criterion',
      'admin',
      'U1',
      1,
      { items: [{ criterionCode: '9.9', score: 1 }] },
      422,
      /Tiêu chí 9\.9 không có trong bộ chỉ số/,
    ],
    [
      'a unit token',
      'U1',
      'U1',
      1,
      { items: [{ criterionCode: '1.2', score: 1 }] },
      403,
      /không được thực hiện thao tác này/,
    ],
    [
      'a council token',
      'council',
      'U1',
      1,
      { items: [{ criterionCode: '1.2', score: 1 }] },
      403,
      /không được thực hiện thao tác này/,
    ],
    [
      'an unknown unit',
      'snv',
      'NOPE',
      1,
      { items: [{ criterionCode: '1.2', score: 1 }] },
      404,
      /Không có đơn vị mã «NOPE»/,
    ],
    [
      'a unit outside the campaign',
      'snv',
      'OUT',
      1,
      { items: [{ criterionCode: '1.2', score: 1 }] },
      404,
      /không tham gia chiến dịch/,
    ],
    [
      'round 2 without an explanation request',
      'snv',
      'U1',
      2,
      { items: [{ criterionCode: '1.2', score: 1 }] },
      409,
      /No explanation was requested from unit/,
    ],
  ] as const)('refuses %s', async (_what, who, unit, round, body, status, message) => {
    const unitCode = unit === 'NOPE' ? 'NOPE' : code(unit);
    const before = await api.dataSource.getRepository(AuditEntry).count();
    const res = await enter(who, unitCode, round, body);
    expect(res.status).toBe(status);
    expect(messageOf(res.body)).toMatch(message);
    expect(await api.dataSource.getRepository(AuditEntry).count()).toBe(before);
  });

  it('refuses an unknown campaign (404) and a draft (409)', async () => {
    const unknown = await call(
      api,
      'PUT',
      `/campaigns/nope-2021/units/${code('U1')}/appraisals/rounds/1`,
      {
        token: tokens.snv,
        body: { items: [{ criterionCode: '1.2', score: 1 }] },
      },
    );
    expect(unknown.status).toBe(404);
    expect(messageOf(unknown.body)).toMatch(/Không có chiến dịch «nope-2021»/);
    const res = await call(
      api,
      'PUT',
      `/campaigns/${draft.campaign.id}/units/${draft.units.U1.code}/appraisals/rounds/1`,
      { token: tokens.snv, body: { items: [{ criterionCode: '1.2', score: 1 }] } },
    );
    expect(res.status).toBe(409);
    expect(messageOf(res.body)).toMatch(
      /còn là bản nháp: thẩm định và kết quả chỉ bắt đầu sau khi triển khai/,
    );
  });
});

describe('aggregation of round 1 (step 5)', () => {
  it('proposes what is below the self-score or lacks evidence, worded for the unit', async () => {
    const res = await call(api, 'POST', `${base}/explanation-proposals/generate`, {
      token: tokens.secretariat,
      body: { unitCodes: [code('U2'), code('U1')] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const u2 = res.body.find((u: any) => u.unitCode === code('U2'));
    expect(u2.requests.map((r: any) => [r.criterionCode, r.grounds])).toEqual([
      ['1.1', ['below_self_score']],
      ['2.2', ['below_self_score']],
      ['5', ['below_self_score']],
    ]);
    expect(u2.requests[0]).toMatchObject({
      status: 'proposed',
      origin: 'aggregation',
      selfScore: 4,
      round1Score: 2,
      round1Comment: 'Kế hoạch ban hành chậm',
      reason: 'Kết quả thẩm định lần 1 chưa công nhận đủ điểm đơn vị tự chấm.',
      finding: 'Điểm thẩm định lần 1 (2 điểm) thấp hơn điểm đơn vị tự chấm (4 điểm).',
    });
    expect(u2.requests[2]).toMatchObject({
      reason: 'Kết quả thẩm định lần 1 có mức điểm trừ khác với mức đơn vị tự trừ.',
      finding: 'Điểm trừ thẩm định lần 1 (0,5 điểm) cao hơn điểm đơn vị tự trừ (0 điểm).',
    });
    // U1 submitted nothing: its evidence for 1.1 is missing.
    const u1 = res.body.find((u: any) => u.unitCode === code('U1'));
    expect(u1.requests).toEqual([
      expect.objectContaining({
        criterionCode: '1.1',
        grounds: ['missing_evidence'],
        reason: 'Thiếu tài liệu kiểm chứng theo yêu cầu của tiêu chí.',
      }),
    ]);
  });

  it('lets the secretariat strike out, reword and add; a re-run keeps its edits', async () => {
    const edited = await call(api, 'PUT', `${base}/units/${code('U2')}/explanation-proposals`, {
      token: tokens.secretariat,
      body: {
        items: [
          { criterionCode: '2.2', include: false },
          { criterionCode: '5', include: false },
          {
            criterionCode: '1.1',
            include: true,
            reason: 'Đề nghị bổ sung văn bản ban hành kế hoạch.',
          },
        ],
      },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.requests.map((r: any) => [r.criterionCode, r.status])).toEqual([
      ['1.1', 'proposed'],
      ['2.2', 'dismissed'],
      ['5', 'dismissed'],
    ]);
    const again = await call(api, 'POST', `${base}/explanation-proposals/generate`, {
      token: tokens.secretariat,
      body: { unitCodes: [code('U2')] },
    });
    const u2 = again.body[0];
    expect(u2.requests.find((r: any) => r.criterionCode === '1.1')).toMatchObject({
      status: 'proposed',
      reason: 'Đề nghị bổ sung văn bản ban hành kế hoạch.',
      editedBy: expect.stringContaining('Tổ thư ký'),
    });
    expect(u2.requests.find((r: any) => r.criterionCode === '2.2').status).toBe('dismissed');
    const dismissed = await call(api, 'PUT', `${base}/units/${code('U1')}/explanation-proposals`, {
      token: tokens.secretariat,
      body: { items: [{ criterionCode: '1.1', include: false }] },
    });
    expect(dismissed.status).toBe(200);
    const list = await call(api, 'GET', `${base}/explanation-proposals?status=proposed`, {
      token: tokens.council,
    });
    expect(list.body.map((u: any) => u.unitCode)).toEqual([code('U2')]);
  });

  it.each([
    [
      'a survey leaf',
      { items: [{ criterionCode: '3.1', include: true }] },
      422,
      /lấy điểm từ điều tra xã hội học/,
    ],
    ['no items', { items: [] }, 400, /items must hold at least one criterion/],
    [
      'include missing',
      { items: [{ criterionCode: '1.2' }] },
      400,
      /include must be true or false/,
    ],
  ] as const)('refuses an edit with %s', async (_what, body, status, message) => {
    const res = await call(api, 'PUT', `${base}/units/${code('U2')}/explanation-proposals`, {
      token: tokens.secretariat,
      body,
    });
    expect(res.status).toBe(status);
    expect(messageOf(res.body)).toMatch(message);
  });

  it('refuses edits to appraisers (403)', async () => {
    const res = await call(api, 'PUT', `${base}/units/${code('U2')}/explanation-proposals`, {
      token: tokens.snv,
      body: { items: [{ criterionCode: '1.2', include: true }] },
    });
    expect(res.status).toBe(403);
  });

  it('cannot confirm without the campaign’s workflow (409), and keeps the proposals', async () => {
    const res = await call(
      api,
      'POST',
      `${base}/units/${code('U2')}/explanation-proposals/confirm`,
      { token: tokens.secretariat, body: {} },
    );
    expect(res.status).toBe(409);
    expect(messageOf(res.body)).toMatch(/không có quy trình nào chạy/);
    const row = await api.dataSource.getRepository(ExplanationRequest).findOneByOrFail({
      participationId: await participationOf('U2'),
      status: 'proposed',
    });
    expect(row.confirmedAt).toBeNull();
  });
});

async function participationOf(key: keyof ResultsFixture['units']): Promise<string> {
  const rows = await api.dataSource.query<{ id: string }[]>(
    'SELECT id FROM participations WHERE campaign_id = $1 AND unit_id = $2',
    [fx.campaign.id, fx.units[key].id],
  );
  return rows[0]!.id;
}

describe('round 2 (step 7)', () => {
  it('re-scores only the requested criteria, once round 1 of the unit is closed', async () => {
    // As the confirmation writes it (through the workflow service, tested in appraisal-flow).
    await api.dataSource.getRepository(ExplanationRequest).update(
      { participationId: await participationOf('U2'), status: 'proposed' },
      {
        status: 'confirmed',
        confirmedBy: 'Tổ thư ký',
        confirmedAt: new Date(),
        answerText: 'Đã bổ sung Quyết định số 12/QĐ-SYT.',
        answeredBy: 'Đầu mối U2',
        answeredAt: new Date(),
      },
    );
    const closed = await enter('snv', code('U2'), 1, {
      items: [{ criterionCode: '1.1', score: 3 }],
    });
    expect(closed.status).toBe(409);
    expect(messageOf(closed.body)).toMatch(
      /Round 1 of unit .* is closed: it was asked to explain 1 criterion/,
    );
    const outside = await enter('snv', code('U2'), 2, {
      items: [{ criterionCode: '1.2', score: 5 }],
    });
    expect(outside.status).toBe(422);
    expect(messageOf(outside.body)).toMatch(
      /Thẩm định lần 2 chỉ chấm lại các tiêu chí đơn vị được yêu cầu giải trình; tiêu chí 1\.2 không thuộc yêu cầu giải trình/,
    );
    const ok = await enter('snv', code('U2'), 2, {
      items: [{ criterionCode: '1.1', score: 3, comment: 'Đã bổ sung tài liệu' }],
    });
    expect(ok.status).toBe(200);
    const row = ok.body.rows.find((r: any) => r.criterionCode === '1.1');
    expect(row).toMatchObject({
      final: 3,
      round1: { score: 2 },
      round2: { score: 3, comment: 'Đã bổ sung tài liệu' },
    });
    const progress = await call(api, 'GET', `${base}/appraisals/progress?round=2`, {
      token: tokens.secretariat,
    });
    expect(progress.body.total).toEqual({ required: 1, entered: 1 });
  });
});

describe('survey points', () => {
  it('refuses a file with errors, listing each row and field, and imports nothing', async () => {
    const file = await xlsxBuffer(
      ['unit_code', 'criterion_code', 'points'],
      [
        ['NOPE', '3.1', 4],
        [code('U1'), '1.1', 4],
        [code('U1'), '3.1', 7],
        [code('U2'), '3.1', 'bốn'],
        [code('U3'), '3.1', 4],
        [code('U3'), '3.1', 4],
      ],
    );
    const res = await upload(api, `${base}/survey-scores/import`, {
      token: tokens.secretariat,
      fileName: 'dieu-tra-xhh.xlsx',
      bytes: file,
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      {
        row: 2,
        field: 'unit_code',
        message: expect.stringMatching(
          /dòng 2, unit_code: không có đơn vị «NOPE» tham gia chiến dịch/,
        ),
      },
      {
        row: 3,
        field: 'criterion_code',
        message: expect.stringMatching(
          /Tiêu chí 1\.1: không phải tiêu chí thành phần lấy điểm từ điều tra xã hội học/,
        ),
      },
      {
        row: 4,
        field: 'points',
        message: 'dòng 4, points: 7 vượt quá điểm tối đa của tiêu chí 3.1 (5)',
      },
      { row: 5, field: 'points', message: 'dòng 5, points: phải là một số ≥ 0, nhận được "bốn"' },
      { row: 7, field: 'criterion_code', message: expect.stringMatching(/đã có ở dòng 6/) },
    ]);
    expect(
      await api.dataSource
        .getRepository(SurveyScore)
        .countBy({ participationId: await participationOf('U3') }),
    ).toBe(0);
  });

  it('imports JSON, and CSV with ";" and a decimal comma (rounded half up to two decimals)', async () => {
    const json = await call(api, 'POST', `${base}/survey-scores/import`, {
      token: tokens.secretariat,
      body: {
        scores: [
          { unit_code: code('U1'), criterion_code: '3.1', points: 4.5 },
          { unit_code: code('U2'), criterion_code: '3.1', points: 4 },
          { unit_code: code('U3'), criterion_code: '3.1', points: '4,22' },
          { unit_code: code('U4'), criterion_code: '3.1', points: 2.5 },
          { unit_code: code('D1'), criterion_code: '3.1', points: 4 },
        ],
      },
    });
    expect(json.status, JSON.stringify(json.body)).toBe(200);
    expect(json.body).toMatchObject({ format: 'json', imported: 5, created: 5, updated: 0 });
    const csv = `\uFEFFunit_code;criterion_code;points\r\n${code('D2')};3.1;"2,505"\r\n`;
    const res = await upload(api, `${base}/survey-scores/import`, {
      token: tokens.secretariat,
      fileName: 'SIPAS 2021.csv',
      bytes: Buffer.from(csv, 'utf8'),
      type: 'text/csv',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      format: 'csv',
      imported: 1,
      rounded: [{ row: 2, from: '2,505', to: 2.51 }],
    });
  });

  it('refuses other file types (415) and appraisers (403)', async () => {
    const txt = await upload(api, `${base}/survey-scores/import`, {
      token: tokens.secretariat,
      fileName: 'diem.txt',
      bytes: Buffer.from('x'),
      type: 'text/plain',
    });
    expect(txt.status).toBe(415);
    expect(messageOf(txt.body)).toMatch(/phải có định dạng \.json, \.xlsx hoặc \.csv/);
    const appraiser = await call(api, 'POST', `${base}/survey-scores/import`, {
      token: tokens.snv,
      body: { scores: [] },
    });
    expect(appraiser.status).toBe(403);
  });
});

describe('fixing the scores (step 8) and the results', () => {
  it('refuses to compute before the scores are fixed', async () => {
    const res = await call(api, 'POST', `${base}/results/compute`, { token: tokens.secretariat });
    expect(res.status).toBe(409);
    expect(messageOf(res.body)).toMatch(
      /chưa được chốt: cần tổng hợp kết quả thẩm định lần 2 và chốt điểm trước/,
    );
  });

  it('fixes the scores; both rounds close', async () => {
    const fixed = await call(api, 'POST', `${base}/appraisals/fix`, { token: tokens.secretariat });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body).toMatchObject({ units: 6, keptRoundOne: [] });
    const again = await call(api, 'POST', `${base}/appraisals/fix`, { token: tokens.secretariat });
    expect(again.status).toBe(409);
    const late = await enter('snv', code('U1'), 1, { items: [{ criterionCode: '1.2', score: 6 }] });
    expect(late.status).toBe(409);
    expect(messageOf(late.body)).toMatch(
      /đã được chốt lúc .* \(người chốt: .*, bước tổng hợp lần 2\)/,
    );
  });

  it('computes totals, indexes and the ranking per group with a tie (1, 2, 2, 4)', async () => {
    const res = await call(api, 'POST', `${base}/results/compute`, { token: tokens.secretariat });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('computed');
    const [departments, districts] = res.body.groups;
    expect(departments.groupName).toBe('sở, ban, ngành tỉnh');
    expect(
      departments.units.map((u: any) => [u.unitCode, u.rank, u.tied, u.indexText, u.band]),
    ).toEqual([
      [code('U1'), 1, false, '94.00', 'Xuất sắc'],
      [code('U2'), 2, true, '82.00', 'Tốt'],
      [code('U3'), 2, true, '82.00', 'Tốt'],
      [code('U4'), 4, false, '46.00', 'Yếu'],
    ]);
    expect(districts.units.map((u: any) => [u.unitCode, u.rank, u.indexText, u.band])).toEqual([
      [code('D1'), 1, '82.00', 'Tốt'],
      [code('D2'), 2, '46.04', 'Yếu'],
    ]);
    const u1 = departments.units[0];
    // 4.1 + 4.2 = 4 bonus points, cut to the cap of 3.
    expect(u1).toMatchObject({
      points: 20.5,
      bonus: 3,
      penalty: 0,
      achieved: 23.5,
      applicableMax: 25,
    });
    const u3 = departments.units[2];
    // 1.1 not applicable: field 1 out of 6, the whole index out of 21.
    expect(u3).toMatchObject({ applicableMax: 21, achieved: 17.22, index: 82 });
    expect(u3.fields).toEqual([
      {
        code: '1',
        title: 'Công tác chỉ đạo, điều hành CCHC',
        kind: 'regular',
        maxPoints: 10,
        applicableMax: 6,
        achieved: 5,
        index: 83.33,
      },
      {
        code: '2',
        title: 'Xây dựng và tổ chức thực hiện văn bản QPPL',
        kind: 'regular',
        maxPoints: 10,
        applicableMax: 10,
        achieved: 8,
        index: 80,
      },
      {
        code: '3',
        title: 'Tác động của CCHC',
        kind: 'survey',
        maxPoints: 5,
        applicableMax: 5,
        achieved: 4.22,
        index: 84.4,
      },
    ]);
  });

  it('reads the results: staff and council yes, units and appraisers not before the announcement', async () => {
    expect((await call(api, 'GET', `${base}/results`, { token: tokens.council })).status).toBe(200);
    const unit = await call(api, 'GET', `${base}/results`, { token: tokens.U1 });
    expect(unit.status).toBe(403);
    expect(messageOf(unit.body)).toMatch(/chưa được công bố/);
    expect((await call(api, 'GET', `${base}/results`, { token: tokens.snv })).status).toBe(403);
    const sheet = await call(api, 'GET', `${base}/units/${code('U1')}/appraisals`, {
      token: tokens.U1,
    });
    expect(sheet.status).toBe(403);
  });
});

describe('the council (step 9)', () => {
  it('adjusts a total with a reason; the ranking is recomputed', async () => {
    const res = await call(api, 'POST', `${base}/results/adjustments`, {
      token: tokens.council,
      body: {
        unitCode: code('U3'),
        points: 0.5,
        reason: 'Hội đồng cộng 0,5 điểm cho mô hình một cửa điện tử.',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.groups[0].units.map((u: any) => [u.unitCode, u.rank, u.indexText])).toEqual([
      [code('U1'), 1, '94.00'],
      [code('U3'), 2, '84.38'],
      [code('U2'), 3, '82.00'],
      [code('U4'), 4, '46.00'],
    ]);
  });

  it('adjusts a leaf: its score replaces the appraised one', async () => {
    const res = await call(api, 'POST', `${base}/results/adjustments`, {
      token: tokens.secretariat,
      body: {
        unitCode: code('U4'),
        criterionCode: '5',
        score: 1,
        reason: 'Chỉ một lần chậm báo cáo.',
      },
    });
    expect(res.status).toBe(201);
    const u4 = res.body.groups[0].units.find((u: any) => u.unitCode === code('U4'));
    expect(u4).toMatchObject({ indexText: '50.00', band: 'Trung bình', penalty: 1 });
    const list = await call(api, 'GET', `${base}/results/adjustments`, { token: tokens.council });
    expect(list.body.map((a: any) => [a.unitCode, a.criterionCode, a.points, a.score])).toEqual([
      [code('U3'), null, 0.5, null],
      [code('U4'), '5', null, 1],
    ]);
  });

  it.each([
    ['no reason', 'council', { unitCode: 'U3', points: 1 }, 400, /reason must say why/],
    [
      'points on a criterion',
      'council',
      { unitCode: 'U3', criterionCode: '1.2', points: 1, reason: 'x' },
      400,
      /Điểm cộng\/trừ \(points\) điều chỉnh tổng điểm/,
    ],
    [
      'a criterion without score',
      'council',
      { unitCode: 'U3', criterionCode: '1.2', reason: 'x' },
      400,
      /cần cho điểm mới \(score\) hoặc notApplicable: true/,
    ],
    [
      'an unknown criterion',
      'council',
      { unitCode: 'U3', criterionCode: '7.7', score: 1, reason: 'x' },
      422,
      /Tiêu chí 7\.7 không có trong bộ chỉ số/,
    ],
    [
      'a score above the maximum',
      'council',
      { unitCode: 'U3', criterionCode: '1.2', score: 9, reason: 'x' },
      422,
      /nằm ngoài khoảng 0\.\.6/,
    ],
    [
      'an appraiser',
      'snv',
      { unitCode: 'U3', points: 1, reason: 'x' },
      403,
      /không được thực hiện thao tác này/,
    ],
    [
      'an unknown unit',
      'council',
      { unitCode: 'NOPE', points: 1, reason: 'x' },
      404,
      /Không có đơn vị mã «NOPE»/,
    ],
  ] as const)('refuses %s', async (_what, who, body, status, message) => {
    const unitCode = body.unitCode === 'NOPE' ? 'NOPE' : code(body.unitCode);
    const res = await call(api, 'POST', `${base}/results/adjustments`, {
      token: tokens[who],
      body: { ...body, unitCode },
    });
    expect(res.status).toBe(status);
    expect(messageOf(res.body)).toMatch(message);
  });
});

describe('rating bands and commendation policy', () => {
  it('refuses bands with a gap or an overlap, naming them in Vietnamese', async () => {
    const res = await call(api, 'PUT', `${base}/scoring-policy`, {
      token: tokens.secretariat,
      body: {
        ratingBands: [
          { label: 'Tốt', min: 80, max: null },
          { label: 'Khá', min: 50, max: 70 },
          { label: 'Yếu', min: null, max: 50 },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(messageOf(res.body)).toMatch(
      /ratingBands: Khoảng trống: chỉ số từ 70 đến dưới 80 không thuộc mức xếp loại nào/,
    );
    const shape = await call(api, 'PUT', `${base}/scoring-policy`, {
      token: tokens.secretariat,
      body: { commendationPolicy: { rule: 'top', top: 0 } },
    });
    expect(shape.status).toBe(400);
    expect(messageOf(shape.body)).toMatch(
      /Số hạng đầu được đề nghị khen thưởng phải là số nguyên dương/,
    );
    const band = await call(api, 'PUT', `${base}/scoring-policy`, {
      token: tokens.secretariat,
      body: { ratingBands: [{ label: 'Tốt', min: 'tám mươi', max: null }] },
    });
    expect(band.status).toBe(400);
    expect(messageOf(band.body)).toMatch(
      /ratingBands\[0\]\.min phải là một số hoặc null \(từ 0\), nhận được "tám mươi"/,
    );
    const nothing = await call(api, 'PUT', `${base}/scoring-policy`, {
      token: tokens.secretariat,
      body: {},
    });
    expect(nothing.status).toBe(400);
    expect(messageOf(nothing.body)).toMatch(/^Yêu cầu không nêu nội dung cần thay đổi/);
  });

  it('re-rates computed results with the campaign’s own bands, and goes back to the default', async () => {
    const res = await call(api, 'PUT', `${base}/scoring-policy`, {
      token: tokens.secretariat,
      body: {
        ratingBands: [
          { label: 'Tốt', min: 85, max: null },
          { label: 'Đạt', min: 50, max: 85 },
          { label: 'Chưa đạt', min: null, max: 50 },
        ],
        commendationPolicy: { rule: 'top_or_threshold', top: 1, minIndex: 80 },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const results = await call(api, 'GET', `${base}/results`, { token: tokens.secretariat });
    expect(results.body.groups[0].units.map((u: any) => u.band)).toEqual([
      'Tốt',
      'Đạt',
      'Đạt',
      'Đạt',
    ]);
    const reset = await call(api, 'PUT', `${base}/scoring-policy`, {
      token: tokens.secretariat,
      body: { ratingBands: null },
    });
    expect(reset.body).toMatchObject({
      ratingBandsDefault: true,
      commendationPolicyDefault: false,
    });
  });
});

describe('provenance', () => {
  it('tells the story of U2’s 1.1: self-score, round 1, explanation, round 2, each with who and when', async () => {
    const res = await call(api, 'GET', `${base}/units/${code('U2')}/criteria/1.1/provenance`, {
      token: tokens.council,
    });
    expect(res.status).toBe(200);
    expect(res.body.steps.map((s: any) => [s.stage, s.score ?? null])).toEqual([
      ['self_assessment', 4],
      ['appraisal_round_1', 2],
      ['explanation_request', null],
      ['explanation', null],
      ['appraisal_round_2', 3],
    ]);
    expect(res.body.steps[0]).toMatchObject({
      label: 'Đơn vị tự chấm điểm',
      text: 'Đúng hạn',
      evidence: [expect.objectContaining({ fileName: 'Kế hoạch CCHC 2021.pdf' })],
      by: 'Đầu mối U2',
    });
    expect(res.body.steps[1]).toMatchObject({
      text: 'Kế hoạch ban hành chậm',
      by: expect.stringContaining('Sở Nội vụ'),
    });
    for (const step of res.body.steps) expect(Date.parse(step.at)).not.toBeNaN();
    expect(res.body.final).toBe(3);
  });

  it('includes the council’s decision on a leaf', async () => {
    const res = await call(api, 'GET', `${base}/units/${code('U4')}/criteria/5/provenance`, {
      token: tokens.secretariat,
    });
    expect(res.body.steps.at(-1)).toMatchObject({
      stage: 'council',
      score: 1,
      text: 'Chỉ một lần chậm báo cáo.',
    });
    expect(res.body.final).toBe(1);
  });

  it('answers 404 for an unknown criterion and 422 for one with sub-criteria', async () => {
    const unknown = await call(api, 'GET', `${base}/units/${code('U4')}/criteria/8.8/provenance`, {
      token: tokens.secretariat,
    });
    expect(unknown.status).toBe(404);
    const parent = await call(api, 'GET', `${base}/units/${code('U4')}/criteria/1/provenance`, {
      token: tokens.secretariat,
    });
    expect(parent.status).toBe(422);
  });
});

describe('exports', () => {
  it('gives the results as XLSX: a sheet per group, Vietnamese headers, numbers as numbers', async () => {
    const file = await download(`${base}/results/export?format=xlsx`, tokens.secretariat);
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    expect(file.disposition).toContain(encodeURIComponent('Kết quả Chỉ số CCHC'));
    const workbook = await readWorkbook(file.bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'sở, ban, ngành tỉnh',
      'UBND cấp huyện',
    ]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe(
      'KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021 — SỞ, BAN, NGÀNH TỈNH',
    );
    expect(sheet.getCell('A3').text).toMatch(/^DỰ THẢO — chưa công bố/);
    expect(rowValues(sheet, 5)).toEqual([
      'STT',
      'Mã đơn vị',
      'Đơn vị',
      '1. Công tác chỉ đạo, điều hành CCHC',
      '2. Xây dựng và tổ chức thực hiện văn bản QPPL',
      '3. Tác động của CCHC',
      'Điểm thưởng',
      'Điểm trừ',
      'Điều chỉnh của Hội đồng',
      'Tổng điểm đạt',
      'Tổng điểm tối đa áp dụng',
      'Chỉ số CCHC',
      'Xếp hạng',
      'Xếp loại',
    ]);
    expect(rowValues(sheet, 6)).toEqual([
      1,
      code('U1'),
      'Sở Nội vụ (kiểm thử)',
      7,
      9,
      4.5,
      3,
      0,
      0,
      23.5,
      25,
      94,
      1,
      'Xuất sắc',
    ]);
    expect(rowValues(sheet, 7)).toEqual([
      2,
      code('U3'),
      'Sở Tài chính (kiểm thử)',
      5,
      8,
      4.22,
      0,
      0,
      0.5,
      17.72,
      21,
      84.38,
      2,
      'Tốt',
    ]);
    expect(sheet.getCell('L6').numFmt).toBe('0.00');
  });

  it('gives the results as CSV in UTF-8 with a BOM', async () => {
    const file = await download(`${base}/results/export?format=csv`, tokens.council);
    expect(file.status).toBe(200);
    expect(file.type).toBe('text/csv; charset=utf-8');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'STT,Nhóm,Mã đơn vị,Đơn vị,Lĩnh vực 1,Lĩnh vực 2,Lĩnh vực 3,Điểm thưởng,Điểm trừ,Điều chỉnh của Hội đồng,Tổng điểm đạt,Tổng điểm tối đa áp dụng,Chỉ số CCHC,Xếp hạng,Xếp loại',
    );
    expect(lines[1]).toBe(
      `1,"sở, ban, ngành tỉnh",${code('U1')},Sở Nội vụ (kiểm thử),7,9,4.5,3,0,0,23.5,25,94.00,1,Xuất sắc`,
    );
    expect(lines[3]).toBe(
      `3,"sở, ban, ngành tỉnh",${code('U2')},Sở Tư pháp (kiểm thử),9,8,4,0,0.5,0,20.5,25,82.00,3,Tốt`,
    );
    expect(lines).toHaveLength(7);
  });

  it('gives a unit’s score sheet as XLSX and CSV, with "Không áp dụng"', async () => {
    const file = await download(`${base}/units/${code('U3')}/score-sheet`, tokens.secretariat);
    expect(file.status).toBe(200);
    const sheet = (await readWorkbook(file.bytes)).worksheets[0]!;
    expect(sheet.name).toBe(code('U3'));
    expect(sheet.getCell('A3').text).toBe('Chỉ số CCHC: 84,38 — Xếp hạng: 2/4 — Xếp loại: Tốt');
    expect(rowValues(sheet, 5).slice(0, 6)).toEqual([
      'STT',
      'Mã tiêu chí',
      'Tiêu chí',
      'Điểm tối đa',
      'Điểm tự chấm',
      'Điểm thẩm định lần 1',
    ]);
    const leaf = rowValues(sheet, 7); // 1.1, after the field 1 row
    expect(leaf[1]).toBe('1.1');
    expect(leaf[5]).toBe('Không áp dụng');
    expect(leaf[12]).toBe('Không áp dụng');
    const csv = await download(
      `${base}/units/${code('U3')}/score-sheet?format=csv`,
      tokens.secretariat,
    );
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFFSTT,Mã tiêu chí,Tiêu chí,Điểm tối đa')).toBe(true);
    expect(text).toContain('3,1.2,Báo cáo CCHC định kỳ,6,,5,,,,,,,5');
  });

  it('refuses a bad format (400) and the unit before the announcement (403)', async () => {
    const bad = await call(api, 'GET', `${base}/results/export?format=pdf`, {
      token: tokens.secretariat,
    });
    expect(bad.status).toBe(400);
    expect(messageOf(bad.body)).toMatch(/format must be xlsx or csv/);
    const unit = await download(`${base}/results/export`, tokens.U1);
    expect(unit.status).toBe(403);
  });
});

describe('after the announcement (step 10)', () => {
  it('opens the results to every unit and freezes them', async () => {
    // The Chairman's decision endpoint does this, then signals the workflow (appraisal-flow test).
    await api.dataSource.transaction((m) =>
      publishResults(m, fx.campaign.id, { number: '456/QĐ-UBND', date: '2022-02-28' }, new Date()),
    );
    const results = await call(api, 'GET', `${base}/results`, { token: tokens.U1 });
    expect(results.status).toBe(200);
    expect(results.body).toMatchObject({
      status: 'published',
      decision: { number: '456/QĐ-UBND' },
    });
    const own = await call(api, 'GET', `${base}/units/${code('U1')}/appraisals`, {
      token: tokens.U1,
    });
    expect(own.status).toBe(200);
    const other = await call(api, 'GET', `${base}/units/${code('U2')}/appraisals`, {
      token: tokens.U1,
    });
    expect(other.status).toBe(403);
    for (const [route, body] of [
      ['results/compute', undefined],
      ['results/adjustments', { unitCode: code('U1'), points: 1, reason: 'x' }],
    ] as const) {
      const res = await call(api, 'POST', `${base}/${route}`, { token: tokens.secretariat, body });
      expect(res.status).toBe(409);
      expect(messageOf(res.body)).toMatch(/đã được công bố lúc/);
    }
    const xlsx = await download(`${base}/results/export`, tokens.U2);
    const sheet = (await readWorkbook(xlsx.bytes)).worksheets[0]!;
    expect(sheet.getCell('A3').value).toBe(
      'Công bố kèm theo Quyết định số 456/QĐ-UBND ngày 28/02/2022 của Chủ tịch UBND tỉnh',
    );
  });

  it('proposes commendations by the policy (top 1 or from 80 points), readable and exportable', async () => {
    const res = await call(api, 'GET', `${base}/commendations`, { token: tokens.secretariat });
    expect(res.status).toBe(200);
    expect(res.body.proposals.map((p: any) => [p.unitCode, p.rank, p.indexText])).toEqual([
      [code('U1'), 1, '94.00'],
      [code('U3'), 2, '84.38'],
      [code('U2'), 3, '82.00'],
      [code('D1'), 1, '82.00'],
    ]);
    expect(res.body.proposals[0].reason).toBe(
      'Xếp hạng 1/4 trong nhóm sở, ban, ngành tỉnh, thuộc 1 hạng dẫn đầu; Chỉ số CCHC đạt 94,00 điểm, từ 80 điểm trở lên.',
    );
    expect(
      (await call(api, 'GET', `${base}/commendations`, { token: tokens.council })).status,
    ).toBe(403);
    const csv = await download(`${base}/commendations/export?format=csv`, tokens.secretariat);
    const lines = csv.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'STT,Nhóm,Mã đơn vị,Đơn vị,Chỉ số CCHC,Xếp hạng,Xếp loại,Lý do đề nghị khen thưởng',
    );
    expect(lines).toHaveLength(5);
    const xlsx = await download(`${base}/commendations/export`, tokens.secretariat);
    const sheet = (await readWorkbook(xlsx.bytes)).worksheets[0]!;
    expect(rowValues(sheet, 4)[3]).toBe('Đơn vị');
  });

  it('writes the results file with the export command', async () => {
    const target = path.join(dataDir, 'ket-qua.xlsx');
    const outcome = await exportResultsCommand(api.dataSource, fx.campaign.code, target);
    expect(outcome).toMatchObject({ file: target, format: 'xlsx' });
    const sheet = (await readWorkbook(readFileSync(target))).worksheets[1]!;
    expect(rowValues(sheet, 6).slice(1, 3)).toEqual([code('D1'), 'UBND huyện Long Hồ (kiểm thử)']);
    await expect(exportResultsCommand(api.dataSource, draft.campaign.code, target)).rejects.toThrow(
      /chưa có kết quả được tính/,
    );
    await expect(
      exportResultsCommand(api.dataSource, fx.campaign.code, 'ket-qua.pdf'),
    ).rejects.toThrow(/must end in \.xlsx or \.csv/);
  });
});
