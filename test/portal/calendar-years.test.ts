/**
 * «Lịch ngày làm việc» in a real browser against the real API: the secretariat sees the built-in
 * years (2027 provisional), imports a workbook with mistakes and reads each one located by sheet,
 * row and column (nothing stored), imports a year from JSON, then removes it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/api/accounts/password-hash.js';
import { calendarYearWorkbook } from '../../src/api/calendar-years/calendar-year-sheet.js';
import { Account } from '../../src/entities/index.js';
import { seriousA11yViolations } from './support/axe.js';
import { LAPTOP, unexpectedProblems, type WatchedPage } from './support/browser.js';
import { type PortalWorld, startPortalWorld } from './support/portal-world.js';
import { docsScreenshot, screenshotOnFailure } from './support/screenshots.js';

let world: PortalWorld;
const opened: WatchedPage[] = [];
const tag = randomUUID().slice(0, 6);
const password = 'mật-khẩu-đủ-dài-2026';
const secretariat = { email: `thuky-lich-${tag}@snv.example.gov.vn`, fullName: 'Lê Thị Lịch' };

beforeAll(async () => {
  world = await startPortalWorld();
  await world.api.dataSource.getRepository(Account).save({
    ...secretariat,
    role: 'secretariat',
    unitId: null,
    agencyId: null,
    passwordHash: await hashPassword(password),
    disabledAt: null,
    lastSignInAt: null,
  });
});

afterAll(async () => {
  for (const watched of opened) await watched.close();
  await world?.api.dataSource.query('DELETE FROM calendar_years WHERE year = 2031');
  await world?.api.dataSource.getRepository(Account).delete({ email: secretariat.email });
  await world?.close();
});

describe('Lịch ngày làm việc', () => {
  it('lists the years, reports a bad workbook cell by cell, imports and removes a year', async () => {
    const watched = await world.open(LAPTOP);
    opened.push(watched);
    const { page, problems } = watched;
    screenshotOnFailure(page, 'lich-ngay-lam-viec');
    await page.goto(world.portalUrl('/lich-ngay-lam-viec'));
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Địa chỉ thư điện tử').fill(secretariat.email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lịch ngày làm việc' }).waitFor();

    const row2027 = page.getByRole('row').filter({ hasText: /^2027/ });
    await row2027.getByText('Tạm tính').waitFor();
    expect(await row2027.textContent()).toContain('Có sẵn');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'lich-ngay-lam-viec');
    await page.setViewportSize({ width: 390, height: 844 });
    await docsScreenshot(page, 'lich-ngay-lam-viec-dien-thoai');
    await page.setViewportSize({ width: 1366, height: 768 });

    // A workbook with a day that does not exist and a day off without a name.
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await calendarYearWorkbook(2031, null)) as unknown as ArrayBuffer);
    workbook.getWorksheet('Ngày nghỉ')!.addRow(['30/02/2031', null, 'Sai ngày', 'Lễ, Tết']);
    workbook.getWorksheet('Ngày nghỉ')!.addRow(['02/01/2031', null, null, 'Khác']);
    const input = page.locator('input[type=file]');
    await input.setInputFiles({
      name: 'lich-2031.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    await page.getByText('Tệp có 2 lỗi; chưa có gì được lưu').waitFor();
    await page
      .getByText(/trang «Ngày nghỉ», dòng 2, cột «Ngày»: «2031-02-30» không phải là một ngày/)
      .waitFor();
    await page.getByText('trang «Ngày nghỉ», dòng 3, cột «Tên»: là bắt buộc').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await input.setInputFiles({
      name: 'lich-2031.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          year: 2031,
          scope: 'Tỉnh Vĩnh Long',
          daysOff: [{ date: '2031-01-01', name: 'Tết Dương lịch', kind: 'holiday' }],
          sourceDecision: 'Thông báo (kiểm thử)',
          provisional: true,
        }),
      ),
    });
    await page.getByText('Đã nạp lịch năm 2031: 1 ngày nghỉ, 0 ngày làm bù.').waitFor();
    const row2031 = page.getByRole('row').filter({ hasText: /^2031/ });
    await row2031.getByText('Đã nạp').waitFor();
    expect(await row2031.textContent()).toContain(secretariat.fullName);

    await row2031.getByRole('button', { name: 'Xoá' }).click();
    await page.getByRole('button', { name: 'Xoá', exact: true }).last().click();
    await row2031.waitFor({ state: 'detached' });
    // The refused workbook's 422 is expected: the page shows it.
    expect(unexpectedProblems(problems, [/\/calendar-years\/import$/])).toEqual([]);
  });
});
