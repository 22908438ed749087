/**
 * The appraiser's pages in a real browser against the real API: an appraiser of Sở Nội vụ signs
 * in, finds the campaign among Chiến dịch, opens its units (progress on the agency's criteria),
 * opens a unit that submitted its self-assessment, sees the self-score, the note and the evidence
 * (opened in a new tab), scores round 1 and saves, is refused a criterion of another agency (the
 * API's 403 shown in Vietnamese), sees the progress change; then downloads the round's Excel
 * file, fills it in with exceljs and imports it through the page (and a wrong one is refused,
 * naming the row and cell). The campaign is launched without a workflow (results-fixtures.ts):
 * round 1 takes scores from launch on, as the API decides.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignPages } from '../../src/domain/portal-pages.js';
import { Account, Agency, ExplanationRequest } from '../../src/entities/index.js';
import { call, tokenFor } from '../support/api.js';
import { deleteCampaigns } from '../support/api-fixtures.js';
import { accountWithPassword } from '../support/portal-client.js';
import { createResultsCampaign, type ResultsFixture } from '../support/results-fixtures.js';
import { pdfBytes, upload } from '../support/self-assessment-fixtures.js';
import { seriousA11yViolations } from './support/axe.js';
import { LAPTOP, PHONE, unexpectedProblems, type WatchedPage } from './support/browser.js';
import { type PortalWorld, startPortalWorld } from './support/portal-world.js';
import { docsScreenshot, screenshotOnFailure } from './support/screenshots.js';

let world: PortalWorld;
let fx: ResultsFixture;
let appraiser: Account;
let tmp: string;
const opened: WatchedPage[] = [];
const password = 'mật-khẩu-thẩm-định-2026';
const code = (key: keyof ResultsFixture['units']) => fx.units[key].code;

beforeAll(async () => {
  world = await startPortalWorld();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'par-appraiser-'));
  const db = world.api.dataSource;
  fx = await createResultsCampaign(db);
  const snv = await db.getRepository(Agency).findOneByOrFail({ code: 'SNV' });
  appraiser = await accountWithPassword(db, 'appraiser', password, { agencyId: snv.id });
  await db.getRepository(Account).update(appraiser.id, { fullName: 'Trần Thị Thẩm Định' });

  // U1 submits its self-assessment, with a note and a file for 1.1.
  const unitToken = await tokenFor(db, { role: 'unit', unitCode: code('U1'), name: 'Đầu mối U1' });
  const base = `/campaigns/${fx.campaign.code}/units/${code('U1')}`;
  const file = await upload(world.api, `${base}/evidence`, {
    token: unitToken,
    fileName: 'Kế hoạch CCHC 2021.pdf',
    bytes: pdfBytes('Kế hoạch CCHC'),
    fields: { criterionCode: '1.1' },
  });
  expect(file.status).toBe(201);
  const draft = await call(world.api, 'PUT', `${base}/self-assessment/draft`, {
    token: unitToken,
    body: {
      items: [
        {
          criterionCode: '1.1',
          score: 4,
          note: 'Kế hoạch CCHC ban hành ngày 05/01/2021, đúng hạn',
          evidenceIds: [file.body.id],
        },
        { criterionCode: '1.2', score: 6 },
        { criterionCode: '2.1', score: 5 },
        { criterionCode: '2.2', score: 5 },
        { criterionCode: '4.1', score: 0 },
        { criterionCode: '4.2', score: 0 },
        { criterionCode: '5', score: 0 },
      ],
    },
  });
  expect(draft.body.missing).toEqual([]);
  const submit = await call(world.api, 'POST', `${base}/self-assessment/submit`, {
    token: unitToken,
  });
  expect(submit.status).toBe(200);
});

afterAll(async () => {
  for (const watched of opened) await watched.close();
  const db = world?.api.dataSource;
  if (db && fx) await deleteCampaigns(db, [fx.campaign.code]);
  if (db && appraiser) await db.getRepository(Account).delete({ id: appraiser.id });
  await world?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function open(testName: string, viewport: { width: number; height: number } = LAPTOP) {
  const watched = await world.open(viewport);
  opened.push(watched);
  screenshotOnFailure(watched.page, testName);
  return watched;
}

/** How far the page's own content overflows its column, in pixels (evaluated in the page). */
const overflowOfContent =
  "(() => { const m = document.querySelector('.app-content'); return m.scrollWidth - m.clientWidth; })()";

/** Signs in from the sign-in page, which then opens `pagePath`. */
async function signIn({ page }: WatchedPage, pagePath: string) {
  await page.goto(world.portalUrl(`/dang-nhap?next=${encodeURIComponent(pagePath)}`));
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  await page.getByLabel('Địa chỉ thư điện tử').fill(appraiser.email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe("the appraiser's pages", () => {
  it('scores a unit in round 1, is refused another agency’s criterion, and sees the progress', async () => {
    const watched = await open('appraiser-scoring');
    const { page } = watched;
    await signIn(watched, '/chien-dich');
    await page.getByRole('link', { name: fx.campaign.name }).click();

    // The units, with their progress on SNV's five criteria.
    await page
      .getByRole('heading', { level: 1, name: `Thẩm định — ${fx.campaign.name}` })
      .waitFor();
    await page.getByText('Sở Nội vụ (SNV): đã chấm 0/30 điểm tiêu chí').waitFor();
    const u1 = page.getByRole('row').filter({ hasText: code('U1') });
    await expect(u1.textContent()).resolves.toContain('0/5');
    await page.getByLabel('Tìm đơn vị').fill('tư pháp');
    await expect(page.getByRole('row').count()).resolves.toBe(2); // header + U2
    await page.getByLabel('Tìm đơn vị').fill('');
    await u1.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'appraiser-units');

    // The scoring page: what the unit claimed beside the score to enter.
    await u1.getByRole('link').click();
    await page
      .getByRole('heading', { level: 1, name: `Sở Nội vụ (kiểm thử) (${code('U1')})` })
      .waitFor();
    const card = page.locator('.criterion-card').filter({ hasText: '1.1. ' });
    await expect(card.textContent()).resolves.toContain('4 điểm');
    await card.getByText('Kế hoạch CCHC ban hành ngày 05/01/2021, đúng hạn').waitFor();
    const evidence = card.getByRole('link', { name: /Kế hoạch CCHC 2021\.pdf/ });
    expect(await evidence.getAttribute('target')).toBe('_blank');
    // A new tab opens on /evidence/{id}/download; Chromium hands the attachment to its opener
    // as a download and closes the tab.
    const popup = page.waitForEvent('popup');
    const received = page.waitForEvent('download');
    await evidence.click();
    await popup;
    const download = await received;
    expect(download.suggestedFilename()).toBe('Kế hoạch CCHC 2021.pdf');
    expect(new URL(download.url()).pathname).toMatch(/^\/evidence\/[0-9a-f-]+\/download$/);

    await card.getByLabel('Điểm thẩm định lần 1 (0–4)').fill('3,5');
    await card.getByLabel('Nhận xét').fill('Kế hoạch chưa nêu rõ kinh phí thực hiện.');
    const card12 = page.locator('.criterion-card').filter({ hasText: '1.2. ' });
    await card12.getByLabel('Điểm thẩm định lần 1 (0–6)').fill('6');
    await page.getByText('2 tiêu chí đã sửa, chưa lưu').waitFor();
    await page.getByRole('button', { name: 'Lưu điểm lần 1' }).click();
    await page.getByText('Đã lưu 2 điểm thẩm định lần 1.').waitFor();
    await page.getByText('Không có thay đổi chưa lưu').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'appraiser-scoring');

    // A criterion of Sở Tư pháp: the API refuses it, and the page says so in its words.
    await page.getByLabel('Hiện cả tiêu chí của cơ quan khác').click();
    const card21 = page.locator('.criterion-card').filter({ hasText: '2.1. ' });
    await card21.getByLabel('Điểm thẩm định lần 1 (0–5)').fill('4');
    await page.getByRole('button', { name: 'Lưu điểm lần 1' }).click();
    await page.getByText('Không có quyền thực hiện thao tác này').waitFor();
    await page
      .getByText(/thẩm định cho cơ quan SNV; tiêu chí 2\.1 \(STP\) do cơ quan khác/)
      .waitFor();

    // Back on the list, U1 has two of its five.
    await page.getByRole('link', { name: 'Danh sách đơn vị' }).click();
    await page.getByText('Sở Nội vụ (SNV): đã chấm 2/30 điểm tiêu chí').waitFor();
    await expect(u1.textContent()).resolves.toContain('2/5');
    await u1.getByText('Đang chấm').waitFor();

    expect(unexpectedProblems(watched.problems, [/\/appraisals\/rounds\/1$/])).toEqual([]);
  });

  it('downloads the round’s Excel file and imports it filled in; a wrong one is refused by row and cell', async () => {
    const watched = await open('appraiser-sheet');
    const { page } = watched;
    await signIn(watched, campaignPages.appraisal(fx.campaign.code));
    const total = page.getByText(/Sở Nội vụ \(SNV\): đã chấm \d+\/30/);
    const before = Number(/đã chấm (\d+)\//.exec((await total.textContent()) ?? '')?.[1]);

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Tải bảng điểm lần 1 (Excel)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^Thẩm định lần 1 - .*\.xlsx$/);
    const file = path.join(tmp, 'downloaded.xlsx');
    await download.saveAs(file);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Thẩm định lần 1')!;
    const rowOf = (unit: string, criterion: string) => {
      for (let r = 6; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        if (row.getCell(1).text === unit && row.getCell(3).text === criterion) return row;
      }
      throw new Error(`no row ${unit} ${criterion}`);
    };
    rowOf(code('U2'), '1.1').getCell(8).value = 2;
    rowOf(code('U2'), '1.2').getCell(8).value = 5;
    rowOf(code('U2'), '1.2').getCell(10).value = 'Chưa đủ báo cáo quý';
    const filled = path.join(tmp, 'Thẩm định lần 1 - đã chấm.xlsx');
    await workbook.xlsx.writeFile(filled);

    await page.locator('input[type=file]').setInputFiles(filled);
    await page.getByText('Đã nhập “Thẩm định lần 1 - đã chấm.xlsx”: lưu 2 điểm').waitFor();
    await page.getByText(`Sở Nội vụ (SNV): đã chấm ${before + 2}/30 điểm tiêu chí`).waitFor();

    // A score over 1.1's maximum: nothing saved, the row and the cell named.
    const over = rowOf(code('U3'), '1.1');
    over.getCell(8).value = 9;
    const wrong = path.join(tmp, 'Thẩm định sai.xlsx');
    await workbook.xlsx.writeFile(wrong);
    await page.locator('input[type=file]').setInputFiles(wrong);
    await page.getByText('Bảng điểm có 1 dòng bị từ chối; chưa lưu điểm nào.').waitFor();
    await page
      .getByText(`Dòng ${over.number}, ô H${over.number}: điểm 9 không hợp lệ`, { exact: false })
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    expect(unexpectedProblems(watched.problems, [/\/appraisals\/rounds\/1\/sheet$/])).toEqual([]);
  });

  it('shows round 1 read-only once the unit is asked to explain, and takes round 2 beside the explanation', async () => {
    const db = world.api.dataSource;
    const snvToken = await tokenFor(db, { role: 'appraiser', agencyCode: 'SNV', name: 'SNV' });
    const roundOne = await call(
      world.api,
      'PUT',
      `/campaigns/${fx.campaign.code}/units/${code('U1')}/appraisals/rounds/1`,
      {
        token: snvToken,
        body: {
          items: [
            {
              criterionCode: '1.1',
              score: 3.5,
              comment: 'Kế hoạch chưa nêu rõ kinh phí thực hiện.',
            },
          ],
        },
      },
    );
    expect(roundOne.status).toBe(200);
    // As the secretariat's confirmation writes it (through the workflow: appraisal-flow.test.ts).
    const [found] = await db.query<{ participation: string; criterion: string }[]>(
      `SELECT p.id AS participation, c.id AS criterion FROM participations p
         JOIN units u ON u.id = p.unit_id
         JOIN index_sets s ON s.campaign_id = p.campaign_id AND s.group_code = u.group_code
         JOIN criteria c ON c.index_set_id = s.id AND c.code = '1.1'
        WHERE p.campaign_id = $1 AND u.code = $2`,
      [fx.campaign.id, code('U1')],
    );
    await db.getRepository(ExplanationRequest).save({
      participationId: found!.participation,
      criterionId: found!.criterion,
      status: 'confirmed',
      origin: 'aggregation',
      grounds: ['below_self_score'],
      reason: 'Kết quả thẩm định lần 1 chưa công nhận đủ điểm đơn vị tự chấm.',
      confirmedBy: 'Tổ thư ký',
      confirmedAt: new Date(),
      answerText: 'Đã bổ sung dự toán kinh phí tại Quyết định số 15/QĐ-SNV.',
      answeredBy: 'Đầu mối U1',
      answeredAt: new Date(),
    });

    const watched = await open('appraiser-round-2');
    const { page } = watched;
    await signIn(watched, `${campaignPages.appraisalOfUnit(fx.campaign.code, code('U1'))}?lan=1`);
    await page.getByText('Lần thẩm định 1 không nhận điểm của đơn vị này (chỉ xem)').waitFor();
    await page.getByText(/Lần thẩm định 1 của đơn vị .* đã đóng/).waitFor();
    expect(await page.getByRole('button', { name: 'Lưu điểm lần 1' }).count()).toBe(0);
    await expect(page.getByLabel('Điểm thẩm định lần 1 (0–4)').isDisabled()).resolves.toBe(true);

    await page.getByRole('tab', { name: 'Thẩm định lần 2 (1 tiêu chí)' }).click();
    const card = page.getByRole('tabpanel').locator('.criterion-card').filter({ hasText: '1.1. ' });
    await card.getByText('3,5 điểm — Kế hoạch chưa nêu rõ kinh phí thực hiện.').waitFor();
    await card.getByText('Đã bổ sung dự toán kinh phí tại Quyết định số 15/QĐ-SNV.').waitFor();
    await expect(page.getByRole('tabpanel').locator('.criterion-card').count()).resolves.toBe(1);
    await card.getByLabel('Điểm thẩm định lần 2 (0–4)').fill('4');
    await page.getByRole('button', { name: 'Lưu điểm lần 2' }).click();
    await page.getByText('Đã lưu 1 điểm thẩm định lần 2.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'appraiser-round-2');
    expect(unexpectedProblems(watched.problems)).toEqual([]);
  });

  it('fits a phone', async () => {
    const watched = await open('appraiser-phone', PHONE);
    const { page } = watched;
    await signIn(watched, campaignPages.appraisalOfUnit(fx.campaign.code, code('U1')));
    await page
      .getByRole('heading', { level: 1, name: `Sở Nội vụ (kiểm thử) (${code('U1')})` })
      .waitFor();
    await page.locator('.criterion-card').first().waitFor();
    // The page's own content fits (the shell's header is the shell's business).
    await expect(page.evaluate(overflowOfContent)).resolves.toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'appraiser-scoring-phone');

    await page.getByRole('link', { name: 'Danh sách đơn vị' }).click();
    await page
      .getByRole('row')
      .filter({ hasText: code('U2') })
      .waitFor();
    await expect(page.evaluate(overflowOfContent)).resolves.toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'appraiser-units-phone');
    expect(unexpectedProblems(watched.problems)).toEqual([]);
  });
});
