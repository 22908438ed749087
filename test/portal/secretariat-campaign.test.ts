/**
 * The secretariat's campaign pages, in a real browser against the real API and the real
 * workflows (a time-skipping Temporal server of their own, on today's clock): a secretariat
 * account signs in, launches a draft from the campaigns list (and makes next year's copy), opens
 * the campaign, reads the step timeline, finds the workflow in the Temporal Web UI, amends a
 * deadline and sees the notification forecast move with it, extends one unit's deadline and
 * filters the units.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hashPassword } from '../../src/api/accounts/password-hash.js';
import { Account } from '../../src/entities/index.js';
import { seedCampaignPlan } from '../../src/seed/seed.js';
import { VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import { deleteCampaigns, xlsxBuffer } from '../support/api-fixtures.js';
import {
  type ApiWorkflowWorld,
  day,
  startApiWorkflowWorld,
  stepsAroundToday,
} from '../support/api-workflow-world.js';
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

const tag = randomUUID().slice(0, 6);
const code = `thuky-${tag}-2030`;
const copyCode = `thuky-${tag}-2031`;
const newCode = `xa-${tag}-2031`;
const email = `thuky-${tag}@snv.example.gov.vn`;
const password = 'mật-khẩu-đủ-dài-2026';
const UNITS = ['SNV', 'STP', 'STC', 'TPVL'];

let world: ApiWorkflowWorld;
let browser: Browser;
let campaignId: string;
const opened: WatchedPage[] = [];

/** 'YYYY-MM-DD' → 'dd/MM/yyyy'. */
const vn = (isoDate: string) => isoDate.split('-').reverse().join('/');

beforeAll(async () => {
  ensurePortalBuilt();
  world = await startApiWorkflowWorld();
  const db = world.api.dataSource;
  ({ campaignId } = await seedCampaignPlan(db, {
    ...VINH_LONG_2021,
    campaign: {
      ...VINH_LONG_2021.campaign,
      code,
      year: 2030,
      name: `Chấm điểm Chỉ số CCHC năm 2030 (kiểm thử ${tag})`,
    },
    units: VINH_LONG_2021.units.filter((u) => UNITS.includes(u.code)),
    steps: stepsAroundToday(),
  }));
  await db.getRepository(Account).save({
    email,
    fullName: 'Trần Thị Thư Ký',
    role: 'secretariat',
    unitId: null,
    agencyId: null,
    passwordHash: await hashPassword(password),
    disabledAt: null,
    lastSignInAt: null,
  });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const watched of opened) await watched.close();
  await browser?.close();
  const db = world?.api.dataSource;
  await db?.getRepository(Account).delete({ email });
  if (db) await deleteCampaigns(db, [copyCode, newCode]);
  await world?.close({ id: campaignId, code });
});

async function open(testName: string, viewport: { width: number; height: number } = LAPTOP) {
  const watched = await openPage(browser, viewport);
  opened.push(watched);
  screenshotOnFailure(watched.page, testName);
  return watched;
}

const portalUrl = (pagePath: string) => `${world.api.url}/portal${pagePath}`;

describe("the secretariat's campaign pages", () => {
  it('launches, opens the campaign, amends a deadline (the forecast follows), extends a unit, filters', async () => {
    const { page, problems } = await open('secretariat-campaign');
    await page.goto(portalUrl('/dang-nhap?next=/chien-dich'));
    await page.getByLabel('Địa chỉ thư điện tử').fill(email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chiến dịch' }).waitFor();

    // The draft in the list (found by its code among the run's many; the copy matches too); launched from it, with
    // the API's answer (past deadlines warned).
    await page.getByRole('searchbox', { name: 'Tìm chiến dịch' }).fill(`thuky-${tag}`);
    const row = page.getByRole('row').filter({ hasText: code });
    await row.getByText('Bản nháp').waitFor();
    await row.getByRole('button', { name: 'Triển khai' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Triển khai' }).click();
    await page.getByText(/Đã triển khai .*quy trình par-2030-thuky-/).waitFor();
    await row.getByText('Đang triển khai').waitFor();
    await expect(row.textContent()).resolves.toContain('Bước 3');

    // Next year's draft, copied from it.
    await row.getByRole('button', { name: 'Sao chép sang năm sau' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Tạo' }).click();
    await page.getByText(new RegExp(`Đã tạo bản nháp .*\\(${copyCode}\\)`)).waitFor();
    // What the copy did with days off: moved onto working days, or none fell on one.
    await page
      .getByText(/^Các bước được dời sang năm mới; (\d+ mốc rơi vào ngày nghỉ|không mốc nào)/)
      .waitFor();
    await page.getByRole('row').filter({ hasText: copyCode }).getByText('Bản nháp').waitFor();

    // The campaign page: its steps, in Việt Nam's time, and the workflow in the Temporal UI.
    await row.getByRole('link', { name: /Chấm điểm Chỉ số CCHC năm 2030/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Các bước' }).waitFor();
    const step3 = page.getByRole('row').filter({ hasText: 'Tổ chức tự đánh giá' });
    await step3.getByText('Đang mở').waitFor();
    await step3.getByText(`${vn(day(10))} 23:59`).waitFor();
    const temporal = page.getByRole('link', { name: 'Quy trình trên Temporal' });
    expect(await temporal.getAttribute('href')).toBe(
      `http://127.0.0.1:8233/namespaces/default/workflows/par-2030-thuky-${tag}`,
    );
    await page.getByRole('link', { name: 'Kết quả & giải trình' }).waitFor();
    await page.getByRole('link', { name: 'Hội đồng' }).waitFor();
    await page.getByText('Đã đăng ký: 4').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'secretariat-campaign');

    // The forecast before: SNV's reminders are about the planned deadline.
    await page.getByRole('link', { name: 'Thư thông báo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thư thông báo' }).waitFor();
    await page.getByLabel('Người nhận: mã đơn vị').fill('SNV');
    await page.getByLabel('Người nhận: mã đơn vị').press('Enter');
    const forecast = page.getByRole('table').first();
    await forecast
      .getByText(`${vn(day(10))} 23:59`)
      .first()
      .waitFor();
    await page.goBack();

    // Amend step 3's deadline by a day, with the amending decision.
    await step3.getByRole('button', { name: 'Điều chỉnh hạn' }).click();
    const amend = page.getByRole('dialog', { name: 'Điều chỉnh hạn bước 3' });
    const picker = amend.getByLabel('Hạn mới (giờ Việt Nam)');
    await picker.click();
    await picker.fill(`${vn(day(11))} 23:59`);
    await picker.press('Enter');
    await amend.getByLabel('Căn cứ điều chỉnh (văn bản, lý do)').fill('Công văn số 12/SNV-CCHC');
    await amend.getByRole('button', { name: 'Điều chỉnh hạn' }).click();
    await page.getByText('Đã điều chỉnh hạn bước 3.').waitFor();
    await step3.getByText(`${vn(day(11))} 23:59`).waitFor();

    // The forecast after: the same reminders now name the new deadline, the old one is gone.
    await page.getByRole('link', { name: 'Thư thông báo' }).click();
    await page.getByLabel('Người nhận: mã đơn vị').fill('SNV');
    await page.getByLabel('Người nhận: mã đơn vị').press('Enter');
    await forecast
      .getByText(`${vn(day(11))} 23:59`)
      .first()
      .waitFor();
    expect(await forecast.getByText(`${vn(day(10))} 23:59`).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'secretariat-notifications');
    await page.goBack();

    // One unit's later deadline, from its drawer; its state reads it back.
    const stp = page.getByRole('row').filter({ hasText: 'Sở Tư pháp' });
    await stp.getByRole('button', { name: 'Chi tiết STP' }).click();
    const drawer = page.getByRole('dialog', { name: /Sở Tư pháp \(STP\)/ });
    await drawer.getByText('Báo cáo tự đánh giá (chỉ xem)').waitFor();
    await drawer.getByText('Đơn vị chưa bắt đầu tự đánh giá.').waitFor();
    const extension = drawer.getByLabel('Hạn mới của đơn vị (giờ Việt Nam)');
    await extension.click();
    await extension.fill(`${vn(day(13))} 23:59`);
    await extension.press('Enter');
    await drawer.getByLabel('Lý do gia hạn').fill('Đơn vị thay đổi đầu mối');
    await drawer.getByRole('button', { name: 'Gia hạn' }).click();
    await page.getByText('Đã gia hạn bước 3 cho STP.').waitFor();
    await drawer.getByText(`${vn(day(13))} 23:59`).waitFor();
    await drawer
      .getByRole('button', { name: /Close|Đóng/ })
      .first()
      .click();
    // Closed, it gives the focus back to "Chi tiết" (after its animation): not to be raced.
    await drawer.waitFor({ state: 'hidden' });

    // Filters: by name without diacritics, by group.
    await page.getByLabel('Tìm đơn vị theo tên hoặc mã').fill('tu phap');
    await page.getByText('1 / 4 đơn vị').waitFor();
    await page.getByLabel('Tìm đơn vị theo tên hoặc mã').fill('');
    await page.getByText('4 đơn vị').waitFor();
    // By keyboard, as the list's slide-in animation below the fold never settles for a click:
    // the first key opens the list on its first option, the next moves to the second.
    const groupFilter = page.getByRole('combobox', { name: 'Lọc theo nhóm đơn vị' });
    await groupFilter.focus();
    await groupFilter.press('ArrowDown');
    await page
      .locator('.ant-select-item-option-active', { hasText: 'Sở, ban, ngành' })
      .waitFor({ state: 'attached' });
    await groupFilter.press('ArrowDown');
    await page
      .locator('.ant-select-item-option-active', { hasText: 'Huyện, thị xã, thành phố' })
      .waitFor({ state: 'attached' });
    await groupFilter.press('Enter');
    await page.getByText('1 / 4 đơn vị').waitFor();
    await page.getByRole('row').filter({ hasText: 'TPVL' }).waitFor();

    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('creates a new campaign from a plan file, naming the bad rows of a wrong one', async () => {
    const { page, problems } = await open('secretariat-new-campaign');
    await page.goto(portalUrl('/dang-nhap?next=/chien-dich'));
    await page.getByLabel('Địa chỉ thư điện tử').fill(email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chiến dịch' }).waitFor();

    await page.getByRole('button', { name: 'Tạo đợt mới' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo đợt chấm điểm mới' });
    await dialog.getByLabel('Tên chiến dịch').fill(`Chỉ số CCHC cấp xã 2031 (kiểm thử ${tag})`);
    await dialog.getByLabel('Mã chiến dịch').fill(newCode);
    await dialog.getByLabel('Năm đánh giá').fill('2031');
    await dialog.getByLabel('Tỉnh').fill('Vĩnh Long');
    const header = ['number', 'title_vi', 'kind', 'actor', 'lead', 'opens_on', 'closes_on'];
    const choose = async (rows: Array<Array<string | number>>) =>
      dialog.locator('input[type=file]').setInputFiles({
        name: 'ke-hoach.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await xlsxBuffer(header, rows),
      });
    await choose([
      [1, 'Tự đánh giá', 'self_assessment', 'units', 'UBND cấp xã', '01/12/2031', '24/12/2031'],
      [2, 'Thẩm định', 'tham_dinh', 'appraisers', 'Sở Nội vụ', '05/01/2032', '16/01/2032'],
    ]);
    await dialog.getByText('ke-hoach.xlsx').waitFor();
    await dialog.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await dialog.getByText(/^dòng 3, kind: phải là một trong các giá trị/).waitFor();

    await choose([
      [1, 'Tự đánh giá', 'self_assessment', 'units', 'UBND cấp xã', '01/12/2031', '24/12/2031'],
      [2, 'Thẩm định', 'appraisal_round_1', 'appraisers', 'Sở Nội vụ', '05/01/2032', '16/01/2032'],
    ]);
    await dialog.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.getByRole('heading', { level: 2, name: 'Các bước' }).waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: 'Thẩm định' })
      .getByText('16/01/2032')
      .first()
      .waitFor();
    expect(unexpectedProblems(problems, [/\/campaigns\/import$/])).toEqual([]);
  });

  it('fits a phone', async () => {
    const { page, problems } = await open('secretariat-campaign-phone', PHONE);
    await page.goto(portalUrl(`/chien-dich/${code}`));
    await page.getByLabel('Địa chỉ thư điện tử').fill(email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 2, name: 'Các bước' }).waitFor();
    // Nothing of the page wider than the phone (wide tables scroll inside themselves; the
    // shell's header is not this page's).
    const wider = await page.evaluate((width) => {
      type El = {
        getBoundingClientRect(): { right: number };
        closest(selector: string): unknown;
        tagName: string;
        className: unknown;
      };
      const { document } = globalThis as unknown as {
        document: { querySelectorAll(selector: string): El[] };
      };
      return [...document.querySelectorAll('.app-content *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .filter((el) => !el.closest('.ant-table'))
        .slice(0, 5)
        .map((el) => `${el.tagName}.${String(el.className)}`);
    }, PHONE.width);
    expect(wider).toEqual([]);
    // The whole page, the signed-in header included, and the steps (one block each) fit the width.
    await expect(
      page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
    ).resolves.toBeLessThanOrEqual(0);
    await expect(
      page.evaluate(
        "(() => { const t = document.querySelector('.step-timeline table'); return t.getBoundingClientRect().width - document.querySelector('.step-timeline').getBoundingClientRect().width; })()",
      ),
    ).resolves.toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'secretariat-campaign-phone');
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});
