/**
 * Issue 15, "the plan's outputs are missing": the documents of each step produced from a seeded
 * campaign's data through the API, as DOCX and, with LibreOffice as the converter, as PDF whose
 * text (pdftotext) shows the national title, the ranking table with Vietnamese diacritics and
 * the ranks; the council's members and the individuals proposed for commendation as data; the
 * signed reports units and agencies upload.
 *
 * The campaign is results-fixtures.ts's (launched without a workflow); its scores are those of
 * test/api/results.test.ts: departments U1 94.00 (1st), U2 and U3 82.00 (2nd, tied), U4 46.00
 * (4th); districts D1 82.00, D2 46.04. U2's 1.1 is 2 in round 1 and 3 in round 2 (the round-2
 * row is written as the appraisal route writes it, since round 2 needs an explanation request).
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishResults } from '../../src/api/results/results-publication.js';
import { DOCUMENT_KINDS } from '../../src/documents/index.js';
import { Agency, AppraisalScore, Criterion, Participation } from '../../src/entities/index.js';
import { call, startTestApi, type TestApi, tokenFor } from '../support/api.js';
import { auditSince, deleteCampaigns, lastAuditId, xlsxBuffer } from '../support/api-fixtures.js';
import {
  createResultsCampaign,
  items,
  type ResultsFixture,
  type Scores,
  SNV_LEAVES,
  STP_LEAVES,
} from '../support/results-fixtures.js';
import { messageOf, pdfBytes, upload } from '../support/self-assessment-fixtures.js';

const run = promisify(execFile);
/** LibreOffice, as DOCUMENT_PDF_CONVERTER would name it (on PATH here; .ci/run installs it). */
const SOFFICE = process.env.DOCUMENT_PDF_CONVERTER ?? 'soffice';

const ROUND_1: Record<'U1' | 'U2' | 'U3' | 'U4' | 'D1' | 'D2', Scores> = {
  U1: { '1.1': 4, '1.2': 3, '2.1': 5, '2.2': 4, '4.1': 2, '4.2': 2, '5': 0 },
  U2: { '1.1': 2, '1.2': 6, '2.1': 4, '2.2': 4, '4.1': 0, '4.2': 0, '5': 0.5 },
  U3: { '1.1': 'NA', '1.2': 5, '2.1': 4, '2.2': 4, '4.1': 0, '4.2': 0, '5': 0 },
  U4: { '1.1': 2, '1.2': 3, '2.1': 3, '2.2': 3, '4.1': 0, '4.2': 0, '5': 2 },
  D1: { '1.1': 3, '1.2': 6, '2.1': 4, '2.2': 4, '4.1': 0, '4.2': 0, '5': 0.5 },
  D2: { '1.1': 2, '1.2': 3, '2.1': 3, '2.2': 3, '4.1': 0, '4.2': 0, '5': 2 },
};
const SURVEY = { U1: 4.5, U2: 4, U3: '4,22', U4: 2.5, D1: 4, D2: 2.51 } as const;

let api: TestApi;
let plain: TestApi;
let dataDir: string;
let fx: ResultsFixture;
let base: string;
type Who = 'secretariat' | 'council' | 'snv' | 'stp' | 'U1' | 'U2';
const tokens = {} as Record<Who, string>;
const code = (key: keyof ResultsFixture['units']) => fx.units[key].code;

async function fetchFile(route: string, token: string) {
  const res = await fetch(`${api.url}${route}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    bytes,
    text: bytes.toString('utf8'),
  };
}

/** The PDF's text as pdftotext lays it out (poppler-utils). */
async function pdfText(pdf: Buffer): Promise<string> {
  const file = path.join(dataDir, `document-${Date.now()}-${Math.random()}.pdf`);
  writeFileSync(file, pdf);
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
  return stdout;
}

/** The DOCX converted by LibreOffice headless, as a clerk's machine would open it. */
async function docxToPdfText(docx: Buffer): Promise<string> {
  const dir = mkdtempSync(path.join(dataDir, 'lo-'));
  const file = path.join(dir, 'document.docx');
  writeFileSync(file, docx);
  await run(
    SOFFICE,
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { timeout: 120_000 },
  );
  const { stdout } = await run('pdftotext', [
    '-layout',
    '-enc',
    'UTF-8',
    path.join(dir, 'document.pdf'),
    '-',
  ]);
  return stdout;
}

const documents = async (token: string) =>
  (await call(api, 'GET', `${base}/documents`, { token })).body.documents as Array<{
    kind: string;
    step: number;
    available: boolean;
    reason: string | null;
    units?: Array<{ unitCode: string; available: boolean }>;
  }>;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'par-documents-test-'));
  api = await startTestApi({ dataDir, documentPdfConverter: SOFFICE });
  plain = await startTestApi({ dataDir, documentPdfConverter: null });
  fx = await createResultsCampaign(api.dataSource);
  base = `/campaigns/${fx.campaign.code}`;
  const db = api.dataSource;
  const tag = fx.suffix;
  tokens.secretariat = await tokenFor(db, { role: 'secretariat', name: `Tổ thư ký ${tag}` });
  tokens.council = await tokenFor(db, { role: 'council', name: `Hội đồng thẩm định ${tag}` });
  tokens.snv = await tokenFor(db, { role: 'appraiser', agencyCode: 'SNV', name: `SNV ${tag}` });
  tokens.stp = await tokenFor(db, { role: 'appraiser', agencyCode: 'STP', name: `STP ${tag}` });
  tokens.U1 = await tokenFor(db, { role: 'unit', unitCode: code('U1'), name: `Đầu mối U1` });
  tokens.U2 = await tokenFor(db, { role: 'unit', unitCode: code('U2'), name: `Đầu mối U2` });
});

afterAll(async () => {
  if (api) {
    await deleteCampaigns(api.dataSource, [fx?.campaign.code].filter(Boolean));
    await api.close();
  }
  await plain?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('before the data exists', () => {
  it('lists every document with its step, and says in Vietnamese why it cannot be produced yet', async () => {
    const list = await documents(tokens.secretariat);
    expect(list.map((d) => [d.kind, d.step])).toEqual([
      ['council_decision', 1],
      ['guidance_notice', 2],
      ['self_assessment_report', 3],
      ['round_1_summary', 5],
      ['round_2_summary', 8],
      ['chairman_dossier', 10],
      ['commendation_proposal', 11],
    ]);
    const byKind = new Map(list.map((d) => [d.kind, d]));
    expect(byKind.get('council_decision')).toMatchObject({ available: false });
    expect(byKind.get('council_decision')!.reason).toMatch(/Chưa có danh sách thành viên Hội đồng/);
    expect(byKind.get('guidance_notice')).toMatchObject({ available: true, reason: null });
    expect(byKind.get('round_1_summary')!.reason).toMatch(/Chưa có điểm thẩm định lần 1/);
    expect(byKind.get('chairman_dossier')!.reason).toMatch(/Chưa tính kết quả/);
    expect(byKind.get('commendation_proposal')!.reason).toMatch(/chưa được công bố/);
    expect(byKind.get('self_assessment_report')!.units).toHaveLength(6);
    const refused = await call(api, 'GET', `${base}/documents/chairman_dossier`, {
      token: tokens.secretariat,
    });
    expect(refused.status).toBe(409);
    expect(messageOf(refused.body)).toMatch(/Chưa tính kết quả/);
  });
});

describe("the council's members (step 1)", () => {
  let chairId: string;

  it('are added, changed and removed by the secretariat, one chair at most, audited', async () => {
    const since = await lastAuditId(api);
    const members = `${base}/council-members`;
    const chair = await call(api, 'POST', members, {
      token: tokens.secretariat,
      body: {
        fullName: 'Lê Quang Trung',
        position: 'Phó Chủ tịch UBND tỉnh',
        organisation: 'Ủy ban nhân dân tỉnh Vĩnh Long',
        role: 'chair',
      },
    });
    expect(chair.status, JSON.stringify(chair.body)).toBe(201);
    chairId = chair.body.id;
    expect(chair.body).toMatchObject({ order: 1, roleVi: 'Chủ tịch Hội đồng', email: null });
    const second = await call(api, 'POST', members, {
      token: tokens.secretariat,
      body: { fullName: 'Ai Đó', position: 'Giám đốc', organisation: 'Sở Nội vụ', role: 'chair' },
    });
    expect(second.status).toBe(400);
    expect(messageOf(second.body)).toMatch(/đã có Chủ tịch \(Lê Quang Trung\)/);
    const extra = await call(api, 'POST', members, {
      token: tokens.secretariat,
      body: { fullName: 'Ai Đó', position: 'Giám đốc', organisation: 'Sở Nội vụ', role: 'member' },
    });
    expect(extra.status).toBe(201);
    const changed = await call(api, 'PATCH', `${members}/${extra.body.id}`, {
      token: tokens.secretariat,
      body: { role: 'vice_chair', email: 'giamdoc@snv.example.vn' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'vice_chair', email: 'giamdoc@snv.example.vn' });
    expect(
      (
        await call(api, 'DELETE', `${members}/${extra.body.id}`, {
          token: tokens.secretariat,
        })
      ).status,
    ).toBe(204);
    const list = await call(api, 'GET', members, { token: tokens.council });
    expect(list.body.map((m: any) => m.fullName)).toEqual(['Lê Quang Trung']);
    const audit = await auditSince(api, since);
    expect(audit.map((a) => a.action)).toEqual([
      'council_member.create',
      'council_member.create',
      'council_member.update',
      'council_member.delete',
    ]);
  });

  it.each([
    ['a unit', 'U1'],
    ['an appraiser', 'snv'],
  ] as const)('are not changed by %s (403)', async (_, who) => {
    const res = await call(api, 'POST', `${base}/council-members`, {
      token: tokens[who],
      body: { fullName: 'X', position: 'Y', organisation: 'Z', role: 'member' },
    });
    expect(res.status).toBe(403);
  });

  it.each([
    ['no role', { fullName: 'A', position: 'B', organisation: 'C' }, /role/],
    ['an unknown role', { fullName: 'A', position: 'B', organisation: 'C', role: 'boss' }, /role/],
    [
      'a bad e-mail',
      { fullName: 'A', position: 'B', organisation: 'C', role: 'member', email: 'x' },
      /email/,
    ],
    [
      'an unknown field',
      { fullName: 'A', position: 'B', organisation: 'C', role: 'member', x: 1 },
      /x/,
    ],
  ])('refuses %s (400)', async (_, body, pattern) => {
    const res = await call(api, 'POST', `${base}/council-members`, {
      token: tokens.secretariat,
      body,
    });
    expect(res.status).toBe(400);
    expect(messageOf(res.body)).toMatch(pattern);
  });

  it('answers 404 for a member of no campaign, and for an unknown campaign', async () => {
    const unknown = await call(api, 'PATCH', `${base}/council-members/not-a-uuid`, {
      token: tokens.secretariat,
      body: { fullName: 'X' },
    });
    expect(unknown.status).toBe(404);
    expect(messageOf(unknown.body)).toMatch(/Không có thành viên Hội đồng thẩm định/);
    const campaign = await call(api, 'GET', `/campaigns/khong-co-2021/council-members`, {
      token: tokens.secretariat,
    });
    expect(campaign.status).toBe(404);
    expect(chairId).toBeTruthy();
  });

  it('refuses an import naming every bad row, and changes nothing', async () => {
    const since = await lastAuditId(api);
    const res = await call(api, 'POST', `${base}/council-members/import`, {
      token: tokens.secretariat,
      body: {
        members: [
          {
            full_name: 'Nguyễn Văn An',
            position: 'Phó Chủ tịch',
            organisation: 'UBND tỉnh',
            role: 'chủ tịch',
          },
          { full_name: 'Trần Bình', organisation: 'Sở Nội vụ', role: 'ủy viên' },
          {
            full_name: 'Lê Chi',
            position: 'Giám đốc',
            organisation: 'Sở Tư pháp',
            role: 'giám khảo',
          },
          {
            full_name: 'Phạm Dũng',
            position: 'Giám đốc',
            organisation: 'Sở Tài chính',
            role: 'chair',
          },
          {
            full_name: 'Võ Em',
            position: 'Chuyên viên',
            organisation: 'Sở Nội vụ',
            role: 'thư ký',
            email: 'không-phải-thư',
          },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: any) => [e.row, e.field])).toEqual([
      [2, 'position'],
      [3, 'role'],
      [4, 'role'],
      [5, 'email'],
    ]);
    expect(res.body.errors[2].message).toMatch(/chỉ có một Chủ tịch \(đã có ở mục 1\)/);
    const list = await call(api, 'GET', `${base}/council-members`, { token: tokens.secretariat });
    expect(list.body.map((m: any) => m.fullName)).toEqual(['Lê Quang Trung']);
    expect(await auditSince(api, since)).toEqual([]);
  });

  it('imports an XLSX list in place of the stored one (Vietnamese role words), audited', async () => {
    const since = await lastAuditId(api);
    const xlsx = await xlsxBuffer(
      ['Full name', 'Position', 'Organisation', 'Role', 'Email'],
      [
        ['Lê Quang Trung', 'Phó Chủ tịch UBND tỉnh', 'UBND tỉnh Vĩnh Long', 'Chủ tịch', null],
        ['Nguyễn Thị Hồng Nhung', 'Giám đốc', 'Sở Nội vụ', 'Phó Chủ tịch', 'nhung@snv.example.vn'],
        ['Đặng Văn Tuấn', 'Phó Giám đốc', 'Sở Tư pháp', 'Ủy viên', null],
        ['Huỳnh Thị Ngọc Ánh', 'Trưởng phòng CCHC', 'Sở Nội vụ', 'Thư ký', null],
      ],
    );
    const res = await upload(api, `${base}/council-members/import`, {
      token: tokens.secretariat,
      fileName: 'Danh sách Hội đồng.xlsx',
      bytes: xlsx,
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.replaced).toBe(1);
    expect(res.body.members.map((m: any) => [m.fullName, m.role, m.order])).toEqual([
      ['Lê Quang Trung', 'chair', 1],
      ['Nguyễn Thị Hồng Nhung', 'vice_chair', 2],
      ['Đặng Văn Tuấn', 'member', 3],
      ['Huỳnh Thị Ngọc Ánh', 'secretary', 4],
    ]);
    const audit = await auditSince(api, since);
    expect(audit.map((a) => [a.action, a.details?.members])).toEqual([
      ['council_member.import', 4],
    ]);
  });
});

describe('individuals proposed for commendation (step 11)', () => {
  it('are entered, changed and withdrawn by the secretariat only', async () => {
    const route = `${base}/commendation-nominees`;
    const first = await call(api, 'POST', route, {
      token: tokens.secretariat,
      body: {
        fullName: 'Trần Thị Bích Ngọc',
        position: 'Trưởng phòng Cải cách hành chính',
        unitName: 'Sở Nội vụ',
        achievement: 'Tham mưu hoàn thành xuất sắc công tác chấm điểm Chỉ số CCHC năm 2021',
      },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await call(api, 'POST', route, {
      token: tokens.secretariat,
      body: { fullName: 'Tạm', position: 'Chuyên viên', unitName: 'Sở Tư pháp', achievement: 'X' },
    });
    expect(second.body.order).toBe(2);
    const patched = await call(api, 'PATCH', `${route}/${second.body.id}`, {
      token: tokens.secretariat,
      body: { fullName: 'Lý Thành Đạt' },
    });
    expect(patched.body.fullName).toBe('Lý Thành Đạt');
    const withdrawn = await call(api, 'DELETE', `${route}/${second.body.id}`, {
      token: tokens.secretariat,
    });
    expect(withdrawn.status).toBe(204);
    const empty = await call(api, 'PATCH', `${route}/${first.body.id}`, {
      token: tokens.secretariat,
      body: {},
    });
    expect(empty.status).toBe(400);
    expect((await call(api, 'GET', route, { token: tokens.council })).status).toBe(403);
    const list = await call(api, 'GET', route, { token: tokens.secretariat });
    expect(list.body.map((n: any) => n.fullName)).toEqual(['Trần Thị Bích Ngọc']);
  });
});

describe('the scores behind the documents', () => {
  it('U2 submits its self-assessment with evidence (step 3)', async () => {
    const sa = `${base}/units/${code('U2')}/self-assessment`;
    const uploaded = await upload(api, `${base}/units/${code('U2')}/evidence`, {
      token: tokens.U2,
      fileName: 'Kế hoạch CCHC năm 2021.pdf',
      bytes: pdfBytes('Kế hoạch'),
      fields: { criterionCode: '1.1' },
    });
    expect(uploaded.status).toBe(201);
    const saved = await call(api, 'PUT', `${sa}/draft`, {
      token: tokens.U2,
      body: {
        items: [
          {
            criterionCode: '1.1',
            score: 4,
            evidenceIds: [uploaded.body.id],
            note: 'Ban hành đúng hạn',
          },
          { criterionCode: '1.2', score: 6 },
          { criterionCode: '2.1', score: 4 },
          { criterionCode: '2.2', score: 5 },
          { criterionCode: '4.1', score: 0 },
          { criterionCode: '4.2', score: 0 },
          { criterionCode: '5', score: 0 },
        ],
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await call(api, 'POST', `${sa}/submit`, { token: tokens.U2 })).status).toBe(200);
  });

  it('the agencies appraise round 1; the dossier stays closed to an appraiser before publication', async () => {
    for (const unit of ['U1', 'U2', 'U3', 'U4', 'D1', 'D2'] as const) {
      for (const [who, leaves] of [
        ['snv', SNV_LEAVES],
        ['stp', STP_LEAVES],
      ] as const) {
        const res = await call(api, 'PUT', `${base}/units/${code(unit)}/appraisals/rounds/1`, {
          token: tokens[who],
          body: {
            items: items(
              ROUND_1[unit],
              leaves,
              unit === 'U2' ? 'Kế hoạch ban hành chậm' : undefined,
            ),
          },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
    }
    const db = api.dataSource;
    const participation = await db
      .getRepository(Participation)
      .findOneByOrFail({ campaignId: fx.campaign.id, unitId: fx.units.U2.id });
    const leaf = await db
      .getRepository(Criterion)
      .createQueryBuilder('c')
      .innerJoin('index_sets', 's', 's.id = c.index_set_id')
      .where('s.campaign_id = :id AND s.group_code = :g AND c.code = :code', {
        id: fx.campaign.id,
        g: 'department',
        code: '1.1',
      })
      .getOneOrFail();
    const snv = await db.getRepository(Agency).findOneByOrFail({ code: 'SNV' });
    await db.getRepository(AppraisalScore).save({
      participationId: participation.id,
      criterionId: leaf.id,
      round: 2,
      score: 3,
      notApplicable: false,
      comment: 'Đã giải trình, bổ sung tài liệu',
      agencyId: snv.id,
      scoredBy: 'SNV',
      scoredAt: new Date(),
    });
    const survey = await call(api, 'POST', `${base}/survey-scores/import`, {
      token: tokens.secretariat,
      body: {
        scores: Object.entries(SURVEY).map(([unit, points]) => ({
          unit_code: code(unit as keyof typeof SURVEY),
          criterion_code: '3.1',
          points,
        })),
      },
    });
    expect(survey.status, JSON.stringify(survey.body)).toBe(200);
    const fixed = await call(api, 'POST', `${base}/appraisals/fix`, { token: tokens.secretariat });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    const computed = await call(api, 'POST', `${base}/results/compute`, {
      token: tokens.secretariat,
    });
    expect(computed.status, JSON.stringify(computed.body)).toBe(200);
    const early = await call(api, 'GET', `${base}/documents/chairman_dossier`, {
      token: tokens.snv,
    });
    expect(early.status).toBe(403);
    expect(messageOf(early.body)).toMatch(/sau khi Chủ tịch UBND tỉnh công bố kết quả/);
    await api.dataSource.transaction((m) =>
      publishResults(m, fx.campaign.id, { number: '425/QĐ-UBND', date: '2022-02-28' }, new Date()),
    );
  });
});

describe('every document, from the campaign’s data', () => {
  const texts = new Map<string, string>();

  it('can now be produced: the list says so, for every kind', async () => {
    const list = await documents(tokens.secretariat);
    expect(list.filter((d) => !d.available)).toEqual([]);
    const reports = list.find((d) => d.kind === 'self_assessment_report')!.units!;
    expect(reports.filter((u) => u.available).map((u) => u.unitCode)).toEqual([code('U2')]);
  });

  it.each(DOCUMENT_KINDS.map((kind) => [kind]))(
    '%s is a DOCX that LibreOffice opens and a PDF with the national title',
    async (kind) => {
      const query = kind === 'self_assessment_report' ? `?unitCode=${code('U2')}` : '';
      const docx = await fetchFile(`${base}/documents/${kind}${query}`, tokens.secretariat);
      expect(docx.status, docx.text.slice(0, 300)).toBe(200);
      expect(docx.type).toMatch(/wordprocessingml\.document/);
      expect(docx.disposition).toMatch(/\.docx/);
      expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
      const converted = await docxToPdfText(docx.bytes);
      expect(converted).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(converted).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(converted).toContain('Nơi nhận:');
      const connector = await fetchFile(
        `${base}/documents/${kind}${query}${query ? '&' : '?'}format=pdf`,
        tokens.secretariat,
      );
      expect(connector.status, connector.text.slice(0, 300)).toBe(200);
      expect(connector.type).toBe('application/pdf');
      expect(connector.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const text = await pdfText(connector.bytes);
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      texts.set(kind, text);
    },
    180_000,
  );

  it('the dossier to the Chairman shows the ranking table per group, with shared ranks', () => {
    const text = texts.get('chairman_dossier')!;
    expect(text).toMatch(/STT\s+Đơn vị\s+Điểm\s+Xếp\s/);
    expect(text).toContain('Khối sở, ban, ngành tỉnh');
    expect(text).toContain('Khối UBND cấp huyện');
    expect(text).toMatch(/1\s+Sở Nội vụ \(kiểm thử\)\s+94,00\s+1\s+Xuất sắc/);
    // U2 and U3 share the 2nd rank; U4 is 4th.
    expect(text).toMatch(/2\s+Sở Tư pháp \(kiểm thử\)\s+82,00\s+2\s+Tốt/);
    expect(text).toMatch(/3\s+Sở Tài chính \(kiểm thử\)\s+82,00\s+2\s+Tốt/);
    expect(text).toMatch(/4\s+Sở Y tế \(kiểm thử\)\s+46,00\s+4\s+Yếu/);
    expect(text).toMatch(/2\s+UBND huyện Trà Ôn \(kiểm thử\)\s+46,04\s+2\s/);
    expect(text).toContain('Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Vĩnh Long');
    expect(text).toMatch(/Số: ……\/TTr-SNV/);
  });

  it('the council decision lists the imported members; the proposal names individuals and collectives', () => {
    const decision = texts.get('council_decision')!;
    expect(decision).toContain('QUYẾT ĐỊNH');
    expect(decision).toContain('DANH SÁCH THÀNH VIÊN HỘI ĐỒNG THẨM ĐỊNH');
    expect(decision).toMatch(/2\s+Nguyễn Thị Hồng Nhung\s+Giám đốc, Sở Nội vụ\s+Phó Chủ tịch/);
    expect(decision).toMatch(/1\s+Lê Quang Trung\s+Phó Chủ tịch UBND tỉnh,\s+Chủ tịch Hội đồng/);
    expect(decision).toMatch(/gồm 4 thành viên/);
    const proposal = texts.get('commendation_proposal')!;
    expect(proposal).toContain('I. TẬP THỂ');
    expect(proposal).toMatch(/Sở Nội vụ \(kiểm thử\)/);
    expect(proposal).toContain('Trần Thị Bích Ngọc');
    expect(proposal).toMatch(/Quyết định số 425\/QĐ-UBND ngày 28\/02\/2022/);
  });

  it('the round summaries compare self-scores and appraisals; the report lists the evidence', () => {
    const round1 = texts.get('round_1_summary')!;
    expect(round1).toContain('lần thứ nhất');
    // Each unit's totals; then, for the one unit that self-assessed, what the agencies changed.
    // Survey points count on both sides, as in the index; U1 submitted nothing.
    expect(round1).toMatch(/2\s+Sở Tư pháp \(kiểm thử\)\s+23,00\s+19,50\s+-3,50\s+7\/7/);
    expect(round1).toMatch(/1\s+Sở Nội vụ \(kiểm thử\)\s+Chưa nộp\s+23,50\s+7\/7/);
    const changed = round1.slice(round1.indexOf('II. CÁC TIÊU CHÍ'));
    expect(changed).toContain('Sở Tư pháp (kiểm thử)');
    expect(changed).not.toContain('Sở Nội vụ (kiểm thử)');
    expect(changed).toMatch(/1\.1\. Kế hoạch CCHC năm\s+4,00\s+2,00\s+Kế hoạch ban hành/);
    expect(changed).toMatch(/2\.2\. Kiểm tra, xử lý văn bản\s+5,00\s+4,00/);
    const round2 = texts.get('round_2_summary')!;
    const changed2 = round2.slice(round2.indexOf('II. CÁC TIÊU CHÍ'));
    expect(changed2).toMatch(/1\.1\. Kế hoạch CCHC năm\s+4,00\s+3,00\s+Đã giải trình/);
    const report = texts.get('self_assessment_report')!;
    expect(report).toContain('BÁO CÁO');
    expect(report).toContain('Kế hoạch CCHC năm 2021.pdf');
    expect(report).toMatch(/Tổng cộng\s+19,00/);
    const guidance = texts.get('guidance_notice')!;
    expect(guidance).toContain('HƯỚNG DẪN');
    // The link where units act (the line may break at its hyphen).
    expect(guidance).toMatch(/\/portal\/viec-\s*cua-toi/);
  });
});

describe('who gets which document', () => {
  it('a unit gets its own report, not another unit’s, nor the round summaries', async () => {
    const own = await fetchFile(`${base}/documents/self_assessment_report`, tokens.U2);
    expect(own.status).toBe(200);
    const other = await fetchFile(
      `${base}/documents/self_assessment_report?unitCode=${code('U2')}`,
      tokens.U1,
    );
    expect(other.status).toBe(403);
    const summary = await fetchFile(`${base}/documents/round_1_summary`, tokens.U1);
    expect(summary.status).toBe(403);
    const proposal = await fetchFile(`${base}/documents/commendation_proposal`, tokens.snv);
    expect(proposal.status).toBe(403);
    const list = await documents(tokens.U1);
    expect(list.find((d) => d.kind === 'round_1_summary')).toMatchObject({ available: false });
    expect(list.find((d) => d.kind === 'self_assessment_report')!.units).toEqual([
      expect.objectContaining({ unitCode: code('U1'), available: false }),
    ]);
  });

  it.each([
    ['an unknown kind', '/documents/bien_ban', 404, /Không có loại văn bản «bien_ban»/],
    ['a report without a unit', '/documents/self_assessment_report', 400, /\?unitCode=/],
    [
      'a unit on a campaign-wide document',
      '/documents/guidance_notice?unitCode=X1',
      400,
      /không nêu mã đơn vị/,
    ],
    [
      'a unit not taking part',
      `/documents/self_assessment_report?unitCode=KHONG-CO`,
      404,
      /không tham gia/,
    ],
    ['an unknown format', '/documents/guidance_notice?format=odt', 400, /format/],
  ])('answers %s with a 4xx in Vietnamese', async (_, route, status, pattern) => {
    const res = await call(api, 'GET', `${base}${route}`, { token: tokens.secretariat });
    expect(res.status).toBe(status);
    expect(messageOf(res.body)).toMatch(pattern);
  });

  it('answers ?format=pdf with 406 when no converter is configured, and serves the DOCX', async () => {
    const pdf = await call(plain, 'GET', `${base}/documents/guidance_notice?format=pdf`, {
      token: tokens.secretariat,
    });
    expect(pdf.status).toBe(406);
    expect(messageOf(pdf.body)).toMatch(
      /chưa cấu hình bộ chuyển đổi PDF \(biến môi trường DOCUMENT_PDF_CONVERTER/,
    );
    const list = await call(plain, 'GET', `${base}/documents`, { token: tokens.secretariat });
    expect(list.body.pdfAvailable).toBe(false);
  });
});

describe('signed reports uploaded per campaign (steps 3, 4, 7)', () => {
  it('a unit uploads its signed self-assessment report; it is listed, downloaded intact and audited', async () => {
    const since = await lastAuditId(api);
    const bytes = pdfBytes('Báo cáo tự đánh giá có chữ ký');
    const res = await upload(api, `${base}/units/${code('U2')}/reports`, {
      token: tokens.U2,
      fileName: 'Báo cáo tự đánh giá (đã ký).pdf',
      bytes,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'self_assessment_report',
      step: 3,
      unitCode: code('U2'),
    });
    const list = await call(api, 'GET', `${base}/units/${code('U2')}/reports`, {
      token: tokens.secretariat,
    });
    expect(list.body.map((r: any) => r.fileName)).toEqual(['Báo cáo tự đánh giá (đã ký).pdf']);
    const own = await fetchFile(res.body.downloadUrl, tokens.U2);
    expect(own.status).toBe(200);
    expect(own.bytes.equals(bytes)).toBe(true);
    expect((await fetchFile(res.body.downloadUrl, tokens.U1)).status).toBe(403);
    expect((await fetchFile(res.body.downloadUrl, tokens.stp)).status).toBe(403);
    const audit = await auditSince(api, since);
    expect(audit.map((a) => [a.action, a.details?.unitCode])).toEqual([
      ['report.upload', code('U2')],
    ]);
  });

  it('refuses another unit’s upload, a type not allowed and content that lies about its type', async () => {
    const other = await upload(api, `${base}/units/${code('U2')}/reports`, {
      token: tokens.U1,
      fileName: 'x.pdf',
    });
    expect(other.status).toBe(403);
    const exe = await upload(api, `${base}/units/${code('U1')}/reports`, {
      token: tokens.U1,
      fileName: 'bao-cao.exe',
      bytes: Buffer.from('MZ'),
      type: 'application/octet-stream',
    });
    expect(exe.status).toBe(415);
    const lying = await upload(api, `${base}/units/${code('U1')}/reports`, {
      token: tokens.U1,
      fileName: 'bao-cao.pdf',
      bytes: Buffer.from('không phải PDF'),
    });
    expect(lying.status).toBe(415);
    const none = await upload(api, `${base}/units/${code('U1')}/reports`, { token: tokens.U1 });
    expect(none.status).toBe(400);
  });

  it('keeps at most 50 reports per unit and campaign (409 quota_exceeded after)', async () => {
    const route = `${base}/units/${code('U1')}/reports`;
    for (let i = 0; i < 50; i += 1) {
      const res = await upload(api, route, { token: tokens.U1, fileName: `Báo cáo ${i}.pdf` });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const over = await upload(api, route, { token: tokens.U1, fileName: 'Báo cáo 51.pdf' });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('quota_exceeded');
    expect(messageOf(over.body)).toMatch(
      /đã có 50 báo cáo tải lên .* \(tối đa 50\); chưa lưu tệp «Báo cáo 51\.pdf»/,
    );
  });

  it('an agency uploads its field report of a round; another agency may not', async () => {
    const route = `${base}/agencies/STP/reports`;
    const res = await upload(api, route, {
      token: tokens.stp,
      fileName: 'Báo cáo thẩm định lĩnh vực thể chế - lần 1.pdf',
      fields: { round: '1' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'field_appraisal_report',
      step: 4,
      round: 1,
      agencyCode: 'STP',
    });
    const noRound = await upload(api, route, { token: tokens.stp, fileName: 'x.pdf' });
    expect(noRound.status).toBe(400);
    expect(messageOf(noRound.body)).toMatch(/lần thẩm định trong trường "round"/);
    const snv = await upload(api, route, {
      token: tokens.snv,
      fileName: 'x.pdf',
      fields: { round: '2' },
    });
    expect(snv.status).toBe(403);
    const unknown = await upload(api, `${base}/agencies/KHONG/reports`, {
      token: tokens.secretariat,
      fileName: 'x.pdf',
      fields: { round: '2' },
    });
    expect(unknown.status).toBe(404);
    const list = await call(api, 'GET', route, { token: tokens.secretariat });
    expect(list.body.map((r: any) => r.round)).toEqual([1]);
    expect((await fetchFile(res.body.downloadUrl, tokens.stp)).status).toBe(200);
    expect((await fetchFile(res.body.downloadUrl, tokens.snv)).status).toBe(403);
    expect((await call(api, 'GET', route, { token: tokens.council })).status).toBe(403);
  });
});
