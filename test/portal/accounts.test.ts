/**
 * The secretariat's accounts page, in a real browser against the real API and MailDev: the admin
 * opens the page (sign-in first, then straight back), invites a unit's focal point, who gets the
 * e-mail, sets a password from its link and signs in — seeing neither the page nor its menu
 * item; the admin locks the account and the focal point is signed out on the next page.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/api/accounts/password-hash.js';
import { Account, Unit } from '../../src/entities/index.js';
import { mailsTo } from '../support/portal-client.js';
import { seriousA11yViolations } from './support/axe.js';
import { LAPTOP, unexpectedProblems, type WatchedPage } from './support/browser.js';
import { type PortalWorld, startPortalWorld } from './support/portal-world.js';
import { docsScreenshot, screenshotOnFailure } from './support/screenshots.js';

let world: PortalWorld;
const opened: WatchedPage[] = [];
const tag = randomUUID().slice(0, 6);
const adminEmail = `quantri-${tag}@snv.example.gov.vn`;
const focalEmail = `daumoi-${tag}@snv.example.gov.vn`;
const unitCode = `TK${tag.toUpperCase()}`;
const password = 'mật-khẩu-đủ-dài-2026';

beforeAll(async () => {
  world = await startPortalWorld();
  const db = world.api.dataSource;
  await db
    .getRepository(Unit)
    .save({ code: unitCode, name: 'UBND xã Thử Nghiệm', group: 'commune' });
  await db.getRepository(Account).save({
    email: adminEmail,
    fullName: 'Lê Văn Quản Trị',
    role: 'admin',
    unitId: null,
    agencyId: null,
    passwordHash: await hashPassword(password),
    disabledAt: null,
    lastSignInAt: null,
  });
});

afterAll(async () => {
  for (const watched of opened) await watched.close();
  const db = world?.api.dataSource;
  await db?.getRepository(Account).delete([{ email: adminEmail }, { email: focalEmail }]);
  await db?.getRepository(Unit).delete({ code: unitCode });
  await world?.close();
});

async function open(testName: string) {
  const watched = await world.open(LAPTOP);
  opened.push(watched);
  screenshotOnFailure(watched.page, testName);
  return watched;
}

async function signInOnPage(watched: WatchedPage, email: string) {
  const { page } = watched;
  await page.getByLabel('Địa chỉ thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('the accounts page', () => {
  it('invites a focal point, who signs in from the mail, is kept out, and is signed out when locked', async () => {
    const admin = await open('accounts-admin');
    await admin.page.goto(world.portalUrl('/tai-khoan'));
    // Sign-in first, then straight back to the page asked for.
    await admin.page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(new URL(admin.page.url()).searchParams.get('next')).toBe('/tai-khoan');
    await signInOnPage(admin, adminEmail);
    await admin.page.getByRole('heading', { level: 1, name: 'Tài khoản' }).waitFor();
    expect(new URL(admin.page.url()).pathname).toBe('/portal/tai-khoan');

    await admin.page.getByRole('button', { name: 'Mời tài khoản' }).click();
    const dialog = admin.page.getByRole('dialog', { name: 'Mời tài khoản' });
    await dialog.getByLabel('Họ và tên').fill('Phạm Thị Đầu Mối');
    await dialog.getByLabel('Địa chỉ thư điện tử').fill(focalEmail);
    // The unit is picked by its name, typed without diacritics as people often do.
    await dialog.getByRole('combobox', { name: 'Đơn vị' }).fill('xa thu nghiem');
    await admin.page.locator('.ant-select-item-option', { hasText: unitCode }).click();
    expect(await seriousA11yViolations(admin.page)).toEqual([]);
    await docsScreenshot(admin.page, 'tai-khoan-moi');
    await dialog.getByRole('button', { name: 'Gửi thư mời' }).click();
    const row = admin.page.getByRole('row').filter({ hasText: focalEmail });
    await row.getByText('Chờ đặt mật khẩu').waitFor();
    await expect(row.textContent()).resolves.toContain(`Đầu mối CCHC của đơn vị — ${unitCode}`);
    expect(await seriousA11yViolations(admin.page)).toEqual([]);
    await docsScreenshot(admin.page, 'tai-khoan');

    // The invitation mail's link sets the password.
    const [mail] = await mailsTo(focalEmail);
    expect(mail).toBeDefined();
    const token = /\/portal\/dat-mat-khau\?token=([A-Za-z0-9_-]+)/.exec(mail!.text)?.[1];
    expect(token).toBeDefined();
    const focal = await open('accounts-focal');
    await focal.page.goto(world.portalUrl(`/dat-mat-khau?token=${token}`));
    await focal.page.getByLabel('Mật khẩu mới').fill(password);
    await focal.page.getByLabel('Nhập lại mật khẩu').fill(password);
    await focal.page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await focal.page.getByText('Đã đặt mật khẩu').waitFor();
    await signInOnPage(focal, focalEmail);
    await focal.page.getByText(`Phạm Thị Đầu Mối · Đầu mối CCHC của đơn vị ${unitCode}`).waitFor();
    expect(await focal.page.getByRole('link', { name: 'Tài khoản' }).count()).toBe(0);
    await focal.page.goto(world.portalUrl('/tai-khoan'));
    await focal.page.getByText('Không có quyền truy cập').waitFor();

    // The admin makes the person a council member: the next page shows the new role.
    await admin.page.reload();
    await row.getByText('Đang hoạt động').waitFor();
    await row.getByRole('button', { name: 'Đổi vai trò' }).click();
    const change = admin.page.getByRole('dialog', { name: /Đổi vai trò/ });
    await change.getByRole('combobox', { name: 'Vai trò' }).click();
    await admin.page.locator('.ant-select-item-option', { hasText: 'Hội đồng thẩm định' }).click();
    await change.getByRole('button', { name: 'Lưu' }).click();
    await row.getByText('Hội đồng thẩm định').waitFor();
    await focal.page.reload();
    await focal.page.getByText('Phạm Thị Đầu Mối · Hội đồng thẩm định').waitFor();

    // Locked by the admin: the focal point's next page finds nobody signed in.
    await row.getByRole('button', { name: 'Khóa' }).click();
    await admin.page.getByRole('button', { name: 'Khóa', exact: true }).last().click();
    await row.getByText('Đã khóa').waitFor();
    await focal.page.goto(world.portalUrl('/viec-cua-toi'));
    await focal.page.getByRole('link', { name: /Đăng nhập/ }).waitFor();
    expect(await focal.page.getByText('Phạm Thị Đầu Mối').count()).toBe(0);

    expect(unexpectedProblems(admin.problems)).toEqual([]);
    // The focal point's: the 403 of /accounts on the refused page and the 401 once locked.
    expect(unexpectedProblems(focal.problems, [/\/accounts$/, /\/auth\/me$/])).toEqual([]);
  });
});
