import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysOfEntry, VIETNAM_2025 } from '../../src/domain/calendar/index.js';
import { call, startTestApi, type TestApi } from '../support/api.js';
import {
  addParticipation,
  auditSince,
  createDraftCampaign,
  createUnit,
  deleteCampaigns,
  lastAuditId,
  staffTokens,
  unitToken,
  upload,
  type Tokens,
} from '../support/api-fixtures.js';

let api: TestApi;
let tokens: Tokens;
const campaignCodes: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  tokens = await staffTokens(api.dataSource);
});

afterAll(async () => {
  if (api) {
    await deleteCampaigns(api.dataSource, campaignCodes);
    // Years loaded here must not outlive the file: other files plan with the built-in ones.
    await api.dataSource.query('DELETE FROM calendar_years WHERE year IN (2025, 2029)');
    await api.close();
  }
});

/** A 2025 campaign, self-assessment 01–24/12/2025 (Wed), one unit. */
async function campaign2025() {
  const campaign = await createDraftCampaign(api.dataSource, { year: 2025 });
  campaignCodes.push(campaign.code);
  const unit = await createUnit(api.dataSource, { name: 'Sở Tư pháp' });
  await addParticipation(api.dataSource, campaign.id, unit.id);
  return { campaign, unit };
}

/** The local days ('DD/MM/YYYY') of the unit's self-assessment reminders, in order. */
async function reminderDays(campaignId: string): Promise<string[]> {
  const res = await call(api, 'GET', `/campaigns/${campaignId}/notifications/forecast`, {
    token: tokens.secretariat,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as { kind: string; stepNumber: number; sendAtLocal: string }[])
    .filter((item) => item.kind === 'reminder' && item.stepNumber === 3)
    .map((item) => item.sendAtLocal.slice(0, 10));
}

async function workbookOf(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

async function download(path: string, token: string): Promise<{ status: number; body: Buffer }> {
  const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

const xlsxFile = async (workbook: ExcelJS.Workbook, name = 'lich-2025.xlsx') => ({
  name,
  content: Buffer.from(await workbook.xlsx.writeBuffer()),
});

describe('calendar years: the built-in ones and those loaded as data', () => {
  it('lists the built-in years 2021–2027 with their source decision and the provisional 2027', async () => {
    const res = await call(api, 'GET', '/calendar-years', { token: tokens.secretariat });
    expect(res.status).toBe(200);
    const years = res.body as { year: number; origin: string; provisional: boolean }[];
    expect(years.filter((y) => y.origin === 'built-in').map((y) => y.year)).toEqual(
      expect.arrayContaining([2021, 2022, 2023, 2024, 2025, 2026, 2027]),
    );
    expect(years.find((y) => y.year === 2027)).toMatchObject({ provisional: true });
    expect(years.find((y) => y.year === 2024)).toMatchObject({
      sourceDecision: expect.stringMatching(/5015\/TB-LĐTBXH/),
      makeUpWorkingDays: 1,
    });
    const one = await call(api, 'GET', '/calendar-years/2024', { token: tokens.admin });
    expect(one.status).toBe(200);
    expect(one.body.data.makeUpWorkingDays).toEqual([
      expect.objectContaining({ date: '2024-05-04' }),
    ]);
  });

  it('replaces a built-in year from the XLSX template and the forecast moves a reminder; DELETE restores it', async () => {
    const { campaign } = await campaign2025();
    const before = await reminderDays(campaign.id);
    // 7, 3 and 1 working days before Wed 24/12/2025.
    expect(before).toEqual(['15/12/2025', '19/12/2025', '23/12/2025']);

    const template = await download('/calendar-years/template.xlsx?year=2025', tokens.secretariat);
    expect(template.status).toBe(200);
    const workbook = await workbookOf(template.body);
    const daysOff = workbook.getWorksheet('Ngày nghỉ')!;
    // The template holds the built-in year: one row per entry, under the header.
    expect(daysOff.actualRowCount).toBe(VIETNAM_2025.daysOff.length + 1);
    daysOff.addRow(['23/12/2025', null, 'Ngày nghỉ riêng của tỉnh (kiểm thử)', 'Khác']);
    const info = workbook.getWorksheet('Thông tin')!;
    info.getRow(3).getCell(2).value = 'Tỉnh Vĩnh Long';
    info.getRow(4).getCell(2).value = 'Quyết định số 99/QĐ-UBND ngày 01/12/2025 (kiểm thử)';

    const since = await lastAuditId(api);
    const loaded = await upload(api, '/calendar-years/import', {
      token: tokens.secretariat,
      file: await xlsxFile(workbook),
    });
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
    expect(loaded.body).toMatchObject({
      year: 2025,
      origin: 'data',
      replaced: 'built-in',
      scope: 'Tỉnh Vĩnh Long',
      format: 'xlsx',
      // The built-in days off and the province's 23/12.
      daysOff: VIETNAM_2025.daysOff.flatMap(daysOfEntry).length + 1,
    });
    const audit = await auditSince(api, since);
    expect(audit.map((a) => a.action)).toContain('calendar_year.import');

    // The last reminder moves from Tue 23/12 (now a day off) to Mon 22/12.
    expect(await reminderDays(campaign.id)).toEqual(['12/12/2025', '18/12/2025', '22/12/2025']);

    const listed = await call(api, 'GET', '/calendar-years', { token: tokens.admin });
    expect(listed.body.find((y: { year: number }) => y.year === 2025)).toMatchObject({
      origin: 'data',
      builtIn: true,
      sourceDecision: 'Quyết định số 99/QĐ-UBND ngày 01/12/2025 (kiểm thử)',
    });

    const removed = await call(api, 'DELETE', '/calendar-years/2025', { token: tokens.admin });
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ year: 2025, nowInForce: 'built-in' });
    expect(await reminderDays(campaign.id)).toEqual(before);
  });

  it('loads a year without built-in data from a JSON file and with PUT', async () => {
    const year2029 = {
      year: 2029,
      scope: 'Việt Nam — cơ quan hành chính nhà nước',
      daysOff: [{ date: '2029-01-01', name: 'Tết Dương lịch', kind: 'holiday' }],
      makeUpWorkingDays: [{ date: '2029-01-06', name: 'Làm bù (kiểm thử)' }],
      sourceDecision: 'Thông báo số 1/TB-BNV (kiểm thử)',
      provisional: true,
    };
    const imported = await upload(api, '/calendar-years/import', {
      token: tokens.admin,
      file: { name: 'lich-2029.json', content: JSON.stringify(year2029) },
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({
      year: 2029,
      origin: 'data',
      builtIn: false,
      replaced: null,
      provisional: true,
      daysOff: 1,
      makeUpWorkingDays: 1,
      format: 'json',
    });
    const put = await call(api, 'PUT', '/calendar-years/2029', {
      token: tokens.secretariat,
      body: { ...year2029, provisional: false },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ replaced: 'data', provisional: false });
    const removed = await call(api, 'DELETE', '/calendar-years/2029', { token: tokens.admin });
    expect(removed.body).toEqual({ year: 2029, nowInForce: null });
    const gone = await call(api, 'GET', '/calendar-years/2029', { token: tokens.admin });
    expect(gone.status).toBe(404);
    expect(gone.body.message).toMatch(/Chưa có lịch ngày làm việc năm 2029/);
  });

  it('reports every problem of a bad workbook at once, by sheet, row and column, and stores nothing', async () => {
    const template = await download('/calendar-years/template.xlsx?year=2025', tokens.secretariat);
    const workbook = await workbookOf(template.body);
    const daysOff = workbook.getWorksheet('Ngày nghỉ')!;
    const first = daysOff.actualRowCount + 1;
    daysOff.addRow(['31/02/2025', null, 'Ngày không có thật', 'Khác']);
    daysOff.addRow(['24/12/2025', null, 'Lễ hội', 'Lễ hội']);
    daysOff.addRow(['26/12/2025', null, null, 'Khác']);
    workbook.getWorksheet('Ngày làm bù')!.addRow(['01/01/2025', 'Làm bù ngày Tết', null]);
    workbook.getWorksheet('Thông tin')!.getRow(5).getCell(2).value = 'Chưa rõ';

    const res = await upload(api, '/calendar-years/import', {
      token: tokens.secretariat,
      file: await xlsxFile(workbook, 'lich-sai.xlsx'),
    });
    expect(res.status).toBe(422);
    const messages = (res.body.fields as { message: string }[]).map((f) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `trang «Ngày nghỉ», dòng ${first}, cột «Ngày»: «2025-02-31» không phải là một ngày có thật`,
          ),
        ),
        expect.stringMatching(
          new RegExp(`trang «Ngày nghỉ», dòng ${first + 1}, cột «Loại»: Loại phải là một trong`),
        ),
        expect.stringMatching(
          new RegExp(`trang «Ngày nghỉ», dòng ${first + 2}, cột «Tên»: là bắt buộc`),
        ),
        expect.stringMatching(
          new RegExp(
            `trang «Ngày làm bù», dòng ${VIETNAM_2025.makeUpWorkingDays.length + 2}, cột «Ngày»: ngày 2025-01-01 không thể vừa là ngày làm bù vừa là ngày nghỉ \\(trang «Ngày nghỉ», dòng 2\\)`,
          ),
        ),
        expect.stringMatching(
          /trang «Thông tin», dòng 5, cột «Giá trị»: Tạm tính phải là «Có» hoặc «Không»/,
        ),
      ]),
    );
    expect(res.body.message).toMatch(/Tệp lịch «lich-sai.xlsx» có 5 lỗi; chưa có gì được lưu/);
    const still = await call(api, 'GET', '/calendar-years/2025', { token: tokens.admin });
    expect(still.body.origin).toBe('built-in');
  });

  it('refuses bad JSON, a year not the path’s, other formats and bad years in Vietnamese', async () => {
    const wrongYear = await call(api, 'PUT', '/calendar-years/2030', {
      token: tokens.secretariat,
      body: { year: 2031, daysOff: [] },
    });
    expect(wrongYear.status).toBe(422);
    expect(wrongYear.body.message).toMatch(/lịch gửi lên là của năm 2031, không phải năm 2030/);

    const bad = await call(api, 'PUT', '/calendar-years/2030', {
      token: tokens.secretariat,
      body: {
        year: 2030,
        makeupWorkingDays: [],
        daysOff: [{ date: '2030-01-05', to: '2030-01-01', name: 'Sai', kind: 'holiday' }],
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'makeupWorkingDays',
          message: expect.stringMatching(/^makeupWorkingDays: trường không hợp lệ/),
        }),
      ]),
    );
    const dates = await call(api, 'PUT', '/calendar-years/2030', {
      token: tokens.secretariat,
      body: {
        year: 2030,
        daysOff: [{ date: '2030-01-05', to: '2030-01-01', name: 'Sai', kind: 'holiday' }],
      },
    });
    expect(dates.body.fields).toEqual([
      expect.objectContaining({
        field: 'daysOff[0].to',
        message: 'daysOff[0].to: ngày 2030-01-01 ở trước ngày bắt đầu 2030-01-05',
      }),
    ]);

    const json = await upload(api, '/calendar-years/import', {
      token: tokens.secretariat,
      file: { name: 'lich.json', content: '{"year": 2030,' },
    });
    expect(json.status).toBe(422);
    expect(json.body.message).toMatch(/không phải JSON hợp lệ/);

    const nul = await upload(api, '/calendar-years/import', {
      token: tokens.secretariat,
      file: {
        name: 'lich-nul.json',
        content: JSON.stringify({
          year: 2030,
          daysOff: [{ date: '2030-01-01', name: 'Tết\u0000', kind: 'holiday' }],
        }),
      },
    });
    expect(nul.status).toBe(422);
    expect(nul.body.message).toMatch(/daysOff\[0\]\.name: chứa ký tự không lưu được/);

    const txt = await upload(api, '/calendar-years/import', {
      token: tokens.secretariat,
      file: { name: 'lich.txt', content: 'x' },
    });
    expect(txt.status).toBe(415);
    expect(txt.body.message).toMatch(/phải có định dạng .json hoặc .xlsx/);

    const notXlsx = await upload(api, '/calendar-years/import', {
      token: tokens.secretariat,
      file: { name: 'lich.xlsx', content: 'không phải bảng tính' },
    });
    expect(notXlsx.status).toBe(400);

    for (const path of ['/calendar-years/20x7', '/calendar-years/template.xlsx?year=99']) {
      const res = await call(api, 'GET', path, { token: tokens.secretariat });
      expect(res.status, path).toBe(400);
      expect(res.body.message).toMatch(/phải là một năm có 4 chữ số/);
    }
    expect(
      (await call(api, 'DELETE', '/calendar-years/2026', { token: tokens.admin })).status,
    ).toBe(404);
  });

  it('is for admin and secretariat only', async () => {
    const unit = await createUnit(api.dataSource);
    const unitTok = await unitToken(api.dataSource, unit.code);
    for (const token of [tokens.appraiser, tokens.council, unitTok]) {
      expect((await call(api, 'GET', '/calendar-years', { token })).status).toBe(403);
      expect(
        (
          await call(api, 'PUT', '/calendar-years/2030', {
            token,
            body: { year: 2030, daysOff: [] },
          })
        ).status,
      ).toBe(403);
    }
  });
});
