/**
 * «Danh bạ» in a real browser against the real API: the secretariat sees the seeded appraising
 * agencies, corrects an agency's address (the API then answers it), adds a secretariat contact
 * marked head, and imports a file with a bad row, which the page names as the API words it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/api/accounts/password-hash.js';
import { Account, Agency } from '../../src/entities/index.js';
import { ensureAgencies } from '../support/api-fixtures.js';
import { seriousA11yViolations } from './support/axe.js';
import { LAPTOP, unexpectedProblems, type WatchedPage } from './support/browser.js';
import { type PortalWorld, startPortalWorld } from './support/portal-world.js';
import { docsScreenshot, screenshotOnFailure } from './support/screenshots.js';

let world: PortalWorld;
const opened: WatchedPage[] = [];
const tag = randomUUID().slice(0, 6);
const password = 'mật-khẩu-đủ-dài-2026';
const secretariat = { email: `thuky-danhba-${tag}@snv.example.gov.vn`, fullName: 'Lê Thị Danh' };
const newContact = `totruong-${tag}@snv.example.gov.vn`;
let snvBefore: Agency;

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
  await ensureAgencies(world.api.dataSource);
  snvBefore = await world.api.dataSource.getRepository(Agency).findOneByOrFail({ code: 'SNV' });
});

afterAll(async () => {
  for (const watched of opened) await watched.close();
  if (snvBefore) {
    await world?.api.dataSource
      .getRepository(Agency)
      .update({ code: 'SNV' }, { email: snvBefore.email });
  }
  await world?.api.dataSource.query('DELETE FROM secretariat_contacts WHERE email = $1', [
    newContact,
  ]);
  await world?.api.dataSource.getRepository(Account).delete({ email: secretariat.email });
  await world?.close();
});

describe('Danh bạ', () => {
  it('lists the agencies, corrects one, adds a head of the secretariat, names a bad imported row', async () => {
    const watched = await world.open(LAPTOP);
    opened.push(watched);
    const { page, problems } = watched;
    screenshotOnFailure(page, 'danh-ba');
    await page.goto(world.portalUrl('/danh-ba'));
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Địa chỉ thư điện tử').fill(secretariat.email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Danh bạ' }).waitFor();

    // The seeded agencies, as the API lists them.
    const agencies = await world.api.dataSource.getRepository(Agency).find();
    expect(agencies.length).toBeGreaterThan(1);
    const snvRow = page.getByRole('row').filter({ hasText: /^SNV/ });
    await snvRow.getByText(snvBefore.name).waitFor();
    for (const agency of agencies) {
      await page.getByRole('row').filter({ hasText: agency.name }).first().waitFor();
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'danh-ba');
    await page.setViewportSize({ width: 390, height: 844 });
    await docsScreenshot(page, 'danh-ba-dien-thoai');
    await page.setViewportSize({ width: 1366, height: 768 });

    // Correct SNV's address: the API refuses a malformed one as it words it, then saves.
    await snvRow.getByRole('button', { name: 'Sửa' }).click();
    const dialog = page.getByRole('dialog');
    const address = dialog.getByLabel('Địa chỉ thư thẩm định');
    await address.fill('không-phải-địa-chỉ');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toMatch(/email/);
    const corrected = `thamdinh-${tag}@snv.example.gov.vn`;
    await address.fill(corrected);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await snvRow.getByText(corrected).waitFor();
    // What the API answers now, read with the page's own session.
    const answered = await page.evaluate(async () => {
      const response = await fetch('/agencies', { headers: { accept: 'application/json' } });
      return (await response.json()) as { code: string; email: string | null }[];
    });
    expect(answered.find((a) => a.code === 'SNV')?.email).toBe(corrected);

    // Add a contact of the secretariat marked head.
    await page.getByRole('tab', { name: 'Tổ thư ký' }).click();
    await page.getByRole('button', { name: 'Thêm thành viên Tổ thư ký' }).click();
    const add = page.getByRole('dialog');
    await add.getByLabel('Họ tên').fill('Trần Văn Trưởng');
    await add.getByLabel('Chức vụ').fill('Tổ trưởng Tổ thư ký');
    await add.getByLabel('Thư', { exact: true }).fill(newContact);
    await add.getByLabel('Điện thoại').fill('0270 3822 123');
    await add.getByLabel(/Tổ trưởng \(nhận thư/).check();
    await add.getByRole('button', { name: 'Lưu' }).click();
    const headRow = page.getByRole('row').filter({ hasText: newContact });
    await headRow.getByText('Tổ trưởng', { exact: true }).waitFor();
    const stored = await world.api.dataSource.query(
      'SELECT is_head FROM secretariat_contacts WHERE email = $1',
      [newContact],
    );
    expect(stored).toEqual([{ is_head: true }]);

    // Import a file whose second row has no address: the API refuses it, the page names the row.
    await page
      .getByRole('tabpanel', { name: 'Tổ thư ký' })
      .locator('input[type=file]')
      .setInputFiles({
        name: 'to-thu-ky.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          `name,email,title\nNguyễn Thị Một,mot-${tag}@snv.example.gov.vn,Chuyên viên\nNguyễn Văn Hai,,Chuyên viên\n`,
        ),
      });
    const refused = page.getByRole('alert').filter({ hasText: 'chưa có dữ liệu nào được nhập' });
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/dòng 3, email/);
    expect(
      await world.api.dataSource.query('SELECT 1 FROM secretariat_contacts WHERE email = $1', [
        `mot-${tag}@snv.example.gov.vn`,
      ]),
    ).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The refusals (400 of the bad address, 422 of the file) are expected: the page shows them.
    expect(
      unexpectedProblems(problems, [/\/agencies\/SNV$/, /\/secretariat-contacts\/import$/]),
    ).toEqual([]);
  });
});
