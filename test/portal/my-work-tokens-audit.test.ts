/**
 * Việc của tôi, the machine tokens and the audit log in a real browser against the real API: a
 * unit's focal point sees its self-assessment due in a launched campaign, with its deadline and
 * the link to its form (another unit, which has submitted, has nothing due); the secretariat
 * issues a token (shown once), finds it in the list by its first characters, revokes it (the API
 * then refuses it) and reads both in the audit log under its own name.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/api/accounts/password-hash.js';
import { campaignPages } from '../../src/domain/portal-pages.js';
import { formatLocalDate, formatLocalDateTime } from '../../src/domain/local-time.js';
import { Account, type Role } from '../../src/entities/index.js';
import {
  createMyWorkCampaign,
  deleteMyWorkCampaign,
  type MyWorkFixture,
} from '../support/my-work-fixtures.js';
import { seriousA11yViolations } from './support/axe.js';
import { LAPTOP, PHONE, unexpectedProblems, type WatchedPage } from './support/browser.js';
import { type PortalWorld, startPortalWorld } from './support/portal-world.js';
import { docsScreenshot, screenshotOnFailure } from './support/screenshots.js';

let world: PortalWorld;
let f: MyWorkFixture;
const opened: WatchedPage[] = [];
const tag = randomUUID().slice(0, 6);
const password = 'mật-khẩu-đủ-dài-2026';
const people = {
  focalA: { email: `daumoi-a-${tag}@example.gov.vn`, fullName: 'Nguyễn Thị Đầu Mối' },
  focalB: { email: `daumoi-b-${tag}@example.gov.vn`, fullName: 'Trần Văn Đã Nộp' },
  secretariat: { email: `thuky-${tag}@snv.example.gov.vn`, fullName: 'Lê Thị Thư Ký' },
};

async function account(person: { email: string; fullName: string }, role: Role, unitId?: string) {
  await world.api.dataSource.getRepository(Account).save({
    ...person,
    role,
    unitId: unitId ?? null,
    agencyId: null,
    passwordHash: await hashPassword(password),
    disabledAt: null,
    lastSignInAt: null,
  });
}

beforeAll(async () => {
  world = await startPortalWorld();
  f = await createMyWorkCampaign(world.api.dataSource, new Date());
  await account(people.focalA, 'unit', f.unitA.id);
  await account(people.focalB, 'unit', f.unitB.id);
  await account(people.secretariat, 'secretariat');
});

afterAll(async () => {
  for (const watched of opened) await watched.close();
  await world?.api.dataSource.getRepository(Account).delete({ email: people.secretariat.email });
  await deleteMyWorkCampaign(world?.api.dataSource, f);
  await world?.close();
});

async function openSignedIn(
  testName: string,
  email: string,
  pagePath: string,
  viewport: { width: number; height: number } = LAPTOP,
) {
  const watched = await world.open(viewport);
  opened.push(watched);
  screenshotOnFailure(watched.page, testName);
  const { page } = watched;
  await page.goto(world.portalUrl(pagePath));
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  await page.getByLabel('Địa chỉ thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  return watched;
}

const bearer = (token: string) =>
  fetch(`${world.api.url}/campaigns`, { headers: { authorization: `Bearer ${token}` } });

describe('Việc của tôi', () => {
  it("shows a unit's focal point its self-assessment due, its deadline and a working link", async () => {
    const { page, problems } = await openSignedIn(
      'viec-cua-toi',
      people.focalA.email,
      '/viec-cua-toi',
    );
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor();
    const item = page.getByRole('listitem').filter({ hasText: f.campaign.name });
    await item.waitFor();
    const deadline = formatLocalDateTime(f.deadline(4), 'Asia/Ho_Chi_Minh');
    const text = await item.textContent();
    expect(text).toContain('Nộp báo cáo tự đánh giá, chấm điểm');
    expect(text).toContain(f.unitA.name);
    expect(text).toContain(`Hạn: ${deadline}`);
    // Four days ahead: a few working days left, when the calendar has the year.
    const answer = (await (await page.request.get(`${world.api.url}/me/work`)).json()) as {
      items: { campaignCode: string; workingDays: number | null }[];
    };
    const days = answer.items.find((i) => i.campaignCode === f.campaign.code)!.workingDays;
    if (days !== null) expect(text).toContain(`còn ${days} ngày làm việc`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'my-work');

    const link = item.getByRole('link', { name: /Nộp báo cáo tự đánh giá/ });
    const target = `/portal${campaignPages.selfAssessment(f.campaign.code, f.unitA.code)}`;
    expect(await link.getAttribute('href')).toBe(target);
    await link.click();
    await page.waitForURL((url) => url.pathname === target);
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('tells a unit with nothing due so, on a phone', async () => {
    const { page, problems } = await openSignedIn(
      'viec-cua-toi-trong',
      people.focalB.email,
      '/viec-cua-toi',
      PHONE,
    );
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor();
    await page.getByText('Không có việc nào đến hạn').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});

describe('machine tokens and the audit log', () => {
  it('issues a token shown once, lists it, revokes it (then refused), and finds both in the log', async () => {
    const { page, problems } = await openSignedIn(
      'ma-truy-cap',
      people.secretariat.email,
      '/ma-truy-cap',
    );
    await page.getByRole('heading', { level: 1, name: 'Mã truy cập' }).waitFor();
    const name = `Phần mềm một cửa ${tag}`;
    await page.getByRole('button', { name: 'Cấp mã truy cập' }).click();
    const form = page.getByRole('dialog', { name: 'Cấp mã truy cập' });
    await form.getByLabel('Tên (phần mềm hoặc người giữ mã)').fill(name);
    await form.getByText(/Mã dùng được đến hết ngày \d{2}\/\d{2}\/\d{4}/).waitFor();
    await form.getByRole('button', { name: 'Cấp mã' }).click();

    const shown = page.getByRole('dialog', { name: 'Mã truy cập mới' });
    await shown.getByText('Mã chỉ hiện một lần').waitFor();
    const token = ((await shown.locator('.issued-token code').textContent()) ?? '').trim();
    expect(token).toMatch(/^par_[A-Za-z0-9_-]{43}$/);
    await expect(shown.getByRole('button', { name: /Sao chép/ }).count()).resolves.toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'machine-token-issued');
    expect((await bearer(token)).status).toBe(200);
    await shown.getByRole('button', { name: 'Tôi đã lưu mã' }).click();
    await shown.waitFor({ state: 'hidden' });

    // Listed by its first characters only; never shown again.
    const row = page.getByRole('row').filter({ hasText: name });
    await row.getByText('Đang dùng được').waitFor();
    expect(await row.textContent()).toContain(`${token.slice(0, 10)}…`);
    expect((await page.content()).includes(token), 'the token is still in the page').toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'machine-tokens');

    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await page.getByRole('button', { name: 'Thu hồi', exact: true }).last().click();
    await row.getByText('Đã thu hồi').waitFor();
    expect((await bearer(token)).status).toBe(401);

    // The audit log, through the menu: both acts under the secretariat's name.
    await page
      .getByRole('navigation', { name: 'Menu chính' })
      .getByRole('link', { name: 'Nhật ký' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Nhật ký thao tác' }).waitFor();
    await page.getByLabel('Người thực hiện').fill(people.secretariat.fullName);
    await page.getByLabel('Từ ngày').fill(formatLocalDate(new Date(), 'Asia/Ho_Chi_Minh'));
    await page.getByRole('button', { name: 'Lọc' }).click();
    const revoked = page.getByRole('row').filter({ hasText: 'Thu hồi mã truy cập' });
    await revoked.waitFor();
    const issued = page.getByRole('row').filter({ hasText: 'Cấp mã truy cập' });
    for (const entry of [revoked, issued]) {
      const text = await entry.textContent();
      expect(text).toContain(people.secretariat.fullName);
      expect(text).toContain(`Mã «${name}»`);
    }
    await issued.getByRole('button', { name: /Mở rộng|expand/i }).click();
    await page.getByText('api_token.issue').waitFor();
    expect((await page.content()).includes(token), 'the token is still in the page').toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'audit-log');

    // On a phone: both pages keep their filters, buttons and tables within reach.
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'Lọc' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/portal/audit-log-phone.png' });
    await page.goto(world.portalUrl('/ma-truy-cap'));
    await page.getByRole('row').filter({ hasText: name }).getByText('Đã thu hồi').waitFor();
    expect(await page.getByRole('button', { name: 'Cấp mã truy cập' }).isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/portal/machine-tokens-phone.png' });
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});
