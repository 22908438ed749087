/**
 * The results work and the council's review, in a real browser against the real API, the real
 * workflows (their own time-skipping server, on today's clock) and MailDev. A 2021-plan campaign
 * of four units is brought to the end of round 1 through the API (SNV and TPVL each get 0 on one
 * leaf); then, on the pages: the secretariat generates the explanation proposals, confirms SNV's
 * (SNV gets the request by mail) and strikes out TPVL's, imports survey points (a wrong file
 * first: its rows are listed), fixes the scores and computes the results (SNN and SVHTTDL tie);
 * the council adjusts SNV's total with a reason and approves; the secretariat records the
 * Chairman's decision, and the public page shows the ranking with the tie.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignPages } from '../../src/domain/portal-pages.js';
import { Account } from '../../src/entities/index.js';
import { seedCampaignPlan } from '../../src/seed/seed.js';
import { VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import { call, tokenFor } from '../support/api.js';
import {
  type ApiWorkflowWorld,
  day,
  startApiWorkflowWorld,
  stepsAroundToday,
} from '../support/api-workflow-world.js';
import { suffix } from '../support/api-fixtures.js';
import {
  appraiseRoundOne,
  fillDraft,
  fullSurveyScores,
  leavesOf,
} from '../support/plan-2021-scoring.js';
import { accountWithPassword, mailsTo } from '../support/portal-client.js';
import { animationsSettled } from './support/animations.js';
import { seriousA11yViolations } from './support/axe.js';
import {
  LAPTOP,
  launchChromium,
  openPage,
  PHONE,
  unexpectedProblems,
  type WatchedPage,
} from './support/browser.js';
import { ensurePortalBuilt } from './support/portal-build.js';
import { docsScreenshot, screenshotOnFailure } from './support/screenshots.js';

const code = `portal-kq-${suffix()}-2032`;
const UNITS = ['SNN', 'SVHTTDL', 'SNV', 'TPVL'];
const password = 'mật-khẩu-đủ-dài-2026';
/** The first regular leaf worth a point: SNV and TPVL get 0 for it in round 1. */
const lowered = (group: string) =>
  leavesOf(group).find((l) => l.kind === 'regular' && l.maxPoints >= 1)!.code;

let world: ApiWorkflowWorld;
let browser: Browser;
let campaignId: string;
let secretariatToken: string;
const accounts: Account[] = [];
const opened: WatchedPage[] = [];
const filesDir = mkdtempSync(path.join(os.tmpdir(), 'par-portal-kq-'));
const portalUrl = (page: string) => `${world.api.url}/portal${page}`;

beforeAll(async () => {
  ensurePortalBuilt();
  world = await startApiWorkflowWorld();
  browser = await launchChromium();
  const { api } = world;
  const db = api.dataSource;
  ({ campaignId } = await seedCampaignPlan(db, {
    ...VINH_LONG_2021,
    campaign: { ...VINH_LONG_2021.campaign, code, year: 2032 },
    units: VINH_LONG_2021.units.filter((u) => UNITS.includes(u.code)),
    steps: stepsAroundToday(),
  }));
  secretariatToken = await tokenFor(db, { role: 'secretariat', name: 'Tổ thư ký' });
  const base = `/campaigns/${campaignId}`;
  const launched = await call(api, 'POST', `${base}/launch`, { token: secretariatToken });
  expect(launched.status, JSON.stringify(launched.body)).toBeLessThan(300);
  const agencyTokens = new Map<string, string>();
  for (const agency of VINH_LONG_2021.agencies) {
    agencyTokens.set(
      agency.code,
      await tokenFor(db, { role: 'appraiser', agencyCode: agency.code, name: agency.name }),
    );
  }
  for (const unitCode of UNITS) {
    const token = await tokenFor(db, { role: 'unit', unitCode, name: `Đầu mối ${unitCode}` });
    await waitFor(
      () => call(api, 'GET', `${base}/units/${unitCode}/state`, { token }),
      (res) => res.status === 200,
    );
    const draft = await fillDraft(api, campaignId, unitCode, token);
    expect(draft.body.missing, unitCode).toEqual([]);
    const submitted = await call(api, 'POST', `${base}/units/${unitCode}/self-assessment/submit`, {
      token,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const group = unitCode === 'TPVL' ? 'district' : 'department';
    await appraiseRoundOne(
      api,
      campaignId,
      unitCode,
      (agency) => agencyTokens.get(agency)!,
      unitCode === 'SNV' || unitCode === 'TPVL' ? [lowered(group)] : [],
    );
  }
  accounts.push(await accountWithPassword(db, 'secretariat', password));
  accounts.push(await accountWithPassword(db, 'council', password));
}, 120_000);

afterAll(async () => {
  for (const watched of opened) await watched.close();
  await browser?.close();
  await world?.api.dataSource.getRepository(Account).delete(accounts.map((a) => a.id));
  await world?.close({ id: campaignId, code });
  rmSync(filesDir, { recursive: true, force: true });
});

async function open(testName: string, viewport: { width: number; height: number } = LAPTOP) {
  const watched = await openPage(browser, viewport);
  opened.push(watched);
  screenshotOnFailure(watched.page, testName);
  return watched;
}

/** Signs in on the sign-in page, which then leads to `page`. */
async function signedIn(watched: WatchedPage, account: Account, page: string) {
  await watched.page.goto(portalUrl(`/dang-nhap?next=${encodeURIComponent(page)}`));
  await watched.page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  await watched.page.getByLabel('Địa chỉ thư điện tử').fill(account.email);
  await watched.page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await watched.page.getByRole('button', { name: 'Đăng nhập' }).click();
}

async function openStep(number: number) {
  const base = `/campaigns/${campaignId}`;
  const res = await call(world.api, 'POST', `${base}/steps/${number}/open`, {
    token: secretariatToken,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  await waitFor(
    () => call(world.api, 'GET', `${base}/state`, { token: secretariatToken }),
    (r) => r.body.steps?.find((s: any) => s.number === number)?.status === 'open',
  );
}

/** Pages that read results before they exist, or commendations: the API's expected refusals. */
const EXPECTED = [/\/results$/, /\/auth\/me$/];
/** The wrong survey file's 422 and the bands with a gap (400): the page shows them. */
const IMPORT_REFUSED = /\/survey-scores\/import$|\/scoring-policy$/;

describe('the results work and the council', () => {
  let secretariat: WatchedPage;

  it('the secretariat asks SNV to explain, imports survey points, fixes the scores and computes the results', async () => {
    secretariat = await open('results-work-secretariat');
    const { page } = secretariat;
    await signedIn(secretariat, accounts[0]!, campaignPages.resultsWork(code));
    await page.getByRole('heading', { level: 1, name: 'Tổng hợp kết quả' }).waitFor();

    await page.getByRole('button', { name: 'Lập đề nghị giải trình' }).click();
    const snv = page.locator('.unit-card').filter({ hasText: 'Sở Nội vụ' });
    const tpvl = page.locator('.unit-card').filter({ hasText: 'TPVL' });
    await snv.getByText('Đề xuất', { exact: true }).waitFor();
    await expect(snv.textContent()).resolves.toContain(lowered('department'));
    expect(await page.locator('.unit-card').count()).toBe(2);

    // TPVL's proposal struck out; SNV's confirmed: the request goes out by mail.
    await tpvl.getByRole('button', { name: `Bỏ tiêu chí ${lowered('district')}` }).click();
    await tpvl.getByText('Đã bỏ', { exact: true }).waitFor();
    await snv.getByRole('button', { name: 'Gửi yêu cầu giải trình' }).click();
    await page.getByRole('button', { name: 'Gửi yêu cầu', exact: true }).click();
    await snv.getByText('Đã gửi đơn vị').waitFor();
    const snvEmail = VINH_LONG_2021.units.find((u) => u.code === 'SNV')!.focalEmail;
    const isRequest = (m: { subject: string }) =>
      m.subject.includes('[Chỉ số CCHC năm 2032] Đề nghị giải trình 1 tiêu chí: Sở Nội vụ');
    const mails = await waitFor(
      () => mailsTo(snvEmail),
      (all) => all.some(isRequest),
    );
    const mail = mails.find(isRequest);
    expect(mail).toBeDefined();
    expect(mail?.text).toContain(lowered('department'));
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Survey points: a wrong file is refused with its rows, then the right one goes in.
    await page.getByRole('tab', { name: 'Điểm điều tra XHH' }).click();
    const rows = fullSurveyScores(UNITS);
    const csv = (list: { unit_code: string; criterion_code: string; points: number }[]) =>
      [
        'unit_code,criterion_code,points',
        ...list.map((r) => `${r.unit_code},${r.criterion_code},${r.points}`),
      ].join('\n');
    const wrong = path.join(filesDir, 'dieu-tra-sai.csv');
    writeFileSync(
      wrong,
      csv([...rows, { unit_code: 'KHONGCO', criterion_code: '8.1.1', points: 1 }]),
    );
    await page.locator('input[type=file]').setInputFiles(wrong);
    await page.getByText('Tệp có 1 lỗi, chưa nhập dòng nào').waitFor();
    await page.getByRole('cell', { name: /KHONGCO/ }).waitFor();
    const right = path.join(filesDir, 'dieu-tra.csv');
    writeFileSync(right, csv(rows));
    await page.locator('input[type=file]').setInputFiles(right);
    await page.getByText(`Đã nhập ${rows.length} dòng cho 4 đơn vị`).waitFor();

    // Fixing and computing: SNN and SVHTTDL tie at the top of the departments.
    await page.getByRole('tab', { name: 'Chốt điểm và kết quả' }).click();
    await page.getByText('Chưa có kết quả').waitFor();
    await page.getByRole('button', { name: 'Chốt điểm thẩm định' }).click();
    await page.getByRole('button', { name: 'Chốt điểm', exact: true }).click();
    await page.getByText(/Đã chốt điểm của 4 đơn vị/).waitFor();
    await expect(page.getByText(/Giữ điểm lần 1/).textContent()).resolves.toContain('SNV');
    // The campaign state now says the scores are fixed (GET …/state, scoresFixed).
    await page.getByText(/^Đã chốt lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/).waitFor();
    await page.getByRole('button', { name: 'Tính kết quả' }).click();
    const departments = page.locator('section').filter({
      has: page.getByRole('heading', { name: /Sở, ban, ngành/i }),
    });
    await departments.getByRole('row').nth(1).waitFor();
    const ranked = await departments.getByRole('row').allTextContents();
    expect(ranked[1]).toMatch(/^1đồng hạng/);
    expect(ranked[2]).toMatch(/^1đồng hạng/);
    expect(ranked[3]).toMatch(/^3Sở Nội vụ/);
    // The rating bands: a gap is refused by the API, in its words.
    await page.getByRole('button', { name: 'Sửa các mức' }).click();
    const bands = page.locator('.ant-modal').filter({ hasText: 'Các mức xếp loại' });
    await bands.getByPlaceholder('từ').nth(1).fill('85');
    await bands.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page
      .getByText(/Khoảng trống: chỉ số/)
      .first()
      .waitFor();
    await bands.getByRole('button', { name: 'Hủy', exact: true }).click();
    expect(await page.getByRole('link', { name: 'Tải Excel' }).getAttribute('href')).toBe(
      `/campaigns/${code}/results/export?format=xlsx`,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'results-work', { fullPage: true });
    expect(unexpectedProblems(secretariat.problems, [...EXPECTED, IMPORT_REFUSED])).toEqual([]);
  }, 60_000);

  it('the council adjusts SNV with a reason and approves; then the page is read-only', async () => {
    await openStep(9);
    const council = await open('results-work-council');
    const { page } = council;
    await signedIn(council, accounts[1]!, '/chien-dich');
    // Other files' campaigns may bear the same name: this one's link by its address.
    await page.locator(`a[href="/portal${campaignPages.council(code)}"]`).click();
    await page.getByRole('heading', { level: 1, name: 'Hội đồng thẩm định' }).waitFor();
    await page.getByRole('button', { name: 'Điều chỉnh kết quả' }).click();
    const dialog = page.getByRole('dialog', { name: 'Điều chỉnh kết quả' });
    await dialog.getByLabel('Đơn vị').click();
    await page.locator('.ant-select-item-option[title="Sở Nội vụ (SNV)"]').click();
    await dialog.getByLabel('Số điểm cộng (số âm để trừ)').fill('0,5');
    const reason = 'Hội đồng thống nhất cộng 0,5 điểm: đơn vị đã bổ sung hồ sơ sau thẩm định.';
    await dialog.getByLabel('Lý do (kết luận của Hội đồng)').fill(reason);
    await dialog.getByRole('button', { name: 'Ghi điều chỉnh' }).click();
    const adjustment = page.getByRole('row').filter({ hasText: reason });
    await adjustment.waitFor();
    await expect(adjustment.textContent()).resolves.toContain('Điểm tổng +0,5');
    await page.getByRole('cell', { name: '+0,5', exact: true }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'council', { fullPage: true });

    await page.getByRole('button', { name: 'Thông qua kết quả' }).click();
    const approval = page.getByRole('dialog', { name: 'Thông qua kết quả?' });
    await approval.getByLabel('Ghi chú (không bắt buộc)').fill('Thông qua tại cuộc họp.');
    await animationsSettled(page);
    await approval.getByRole('button', { name: 'Thông qua', exact: true }).click();
    await approval.waitFor({ state: 'hidden' });
    await page.getByText(/Hội đồng đã thông qua kết quả lúc/).waitFor();
    expect(await page.getByRole('button', { name: 'Điều chỉnh kết quả' }).count()).toBe(0);
    expect(unexpectedProblems(council.problems, EXPECTED)).toEqual([]);
  }, 60_000);

  it("records the Chairman's decision; the public page ranks with the tie", async () => {
    await openStep(10);
    const { page } = secretariat;
    await page.goto(portalUrl(`${campaignPages.resultsWork(code)}?muc=cong-bo`));
    await page.getByText(/Đã thông qua lúc/).waitFor();
    // The date first: Enter picks it (and the form, still without a number, is not sent).
    const date = day(0).split('-').reverse().join('/');
    await page.getByLabel('Ngày quyết định').fill(date);
    await page.getByLabel('Ngày quyết định').press('Enter');
    await page.getByText('Vui lòng nhập số quyết định.').waitFor();
    await page.getByLabel('Số quyết định của Chủ tịch UBND tỉnh').fill('456/QĐ-UBND');
    await page.getByRole('button', { name: 'Ghi quyết định và công bố kết quả' }).click();
    const confirm = page.getByRole('dialog', { name: 'Công bố kết quả?' });
    await expect(confirm.textContent()).resolves.toContain(`456/QĐ-UBND ngày ${date}`);
    await confirm.getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.getByText('Kết quả đã được công bố', { exact: true }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Khen thưởng' }).click();
    await page.getByText(/Theo chính sách của chiến dịch/).waitFor();

    const visitor = await open('results-work-public');
    await visitor.page.goto(portalUrl(campaignPages.publishedResults(code)));
    await visitor.page.getByText(`Số 456/QĐ-UBND ngày ${date}`).waitFor();
    const publicRows = await visitor.page.getByRole('row').allTextContents();
    expect(publicRows.filter((row) => row.includes('đồng hạng'))).toEqual([
      expect.stringMatching(/^1đồng hạngSở Nông nghiệp và Phát triển nông thôn/),
      expect.stringMatching(/^1đồng hạngSở Văn hóa, Thể thao và Du lịch/),
    ]);
    expect(publicRows.some((row) => /^3Sở Nội vụ/.test(row))).toBe(true);

    const phone = await open('results-work-phone', PHONE);
    await signedIn(phone, accounts[0]!, `${campaignPages.resultsWork(code)}?muc=ket-qua`);
    await phone.page.getByRole('heading', { level: 1, name: 'Tổng hợp kết quả' }).waitFor();
    await phone.page.getByText('đồng hạng').first().waitFor();
    expect(await seriousA11yViolations(phone.page)).toEqual([]);
    await docsScreenshot(phone.page, 'results-work-phone');
    expect(unexpectedProblems(secretariat.problems, [...EXPECTED, IMPORT_REFUSED])).toEqual([]);
    expect(unexpectedProblems(phone.problems, EXPECTED)).toEqual([]);
    expect(unexpectedProblems(visitor.problems)).toEqual([]);
  }, 60_000);
});

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}
