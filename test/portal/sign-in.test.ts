/**
 * The first admin's way in, in a real browser against the real API: the one-time link that
 * `npm run account:admin` prints opens the set-password page, the password is set, the sign-in
 * page signs the person in (session cookie), the header names them, sign-out ends it. Wrong
 * credentials get the API's Vietnamese message on the page. No console error, no serious or
 * critical axe violation; screenshots of both pages go to docs/screenshots/.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdminAccount } from '../../src/api/accounts/first-admin.js';
import { Account } from '../../src/entities/index.js';
import { seriousA11yViolations } from './support/axe.js';
import { LAPTOP, unexpectedProblems, type WatchedPage } from './support/browser.js';
import { type PortalWorld, startPortalWorld } from './support/portal-world.js';
import { docsScreenshot, screenshotOnFailure } from './support/screenshots.js';

let world: PortalWorld;
let watched: WatchedPage;
const email = `quantri-${randomUUID().slice(0, 8)}@snv.example.gov.vn`;
const password = 'mật-khẩu-đủ-dài-2026';

beforeAll(async () => {
  world = await startPortalWorld();
  watched = await world.open(LAPTOP);
});

afterAll(async () => {
  await watched?.close();
  await world?.api.dataSource.getRepository(Account).delete({ email });
  await world?.close();
});

describe('signing in to the portal', () => {
  it('sets the first admin’s password from the printed link, then signs in and out', async () => {
    const { page, problems } = watched;
    screenshotOnFailure(page, 'sign-in');
    const admin = await ensureAdminAccount(
      world.api.dataSource,
      world.api.url,
      email,
      'Trần Thị Quản Trị',
    );
    expect(admin.link).toMatch(/\/portal\/dat-mat-khau\?token=/);

    await page.goto(admin.link);
    await page.getByRole('heading', { level: 1, name: 'Đặt mật khẩu' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'dat-mat-khau');
    await page.getByLabel('Mật khẩu mới').fill(password);
    await page.getByLabel('Nhập lại mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đặt mật khẩu' }).click();

    await page.getByText('Đã đặt mật khẩu. Vui lòng đăng nhập').waitFor();
    expect(new URL(page.url()).pathname).toBe('/portal/dang-nhap');
    await page.getByLabel('Địa chỉ thư điện tử').fill(email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('sai-mật-khẩu-rồi');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // The API's one message for a wrong e-mail or password, shown as it says it.
    await page
      .getByRole('alert')
      .filter({ hasText: /mật khẩu/i })
      .first()
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'dang-nhap-sai');

    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Trần Thị Quản Trị · Quản trị hệ thống').waitFor();
    expect(new URL(page.url()).pathname).toBe('/portal/viec-cua-toi');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'par_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
    await docsScreenshot(page, 'da-dang-nhap');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.getByRole('link', { name: /Đăng nhập/ }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/auth/me')).status);
    expect(me).toBe(401);

    // Expected: the 401 of the wrong password (the 401s of /auth/me: see unexpectedProblems).
    expect(unexpectedProblems(problems, [/\/auth\/sign-in$/])).toEqual([]);
  });
});
