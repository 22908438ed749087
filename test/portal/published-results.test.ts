/**
 * The portal's first real page, in a real browser against the real API: the published results
 * of a campaign, readable without signing in. Before the Chairman's decision the page says the
 * results are not announced (the public route answers 404); after it, a table per unit group
 * with the tie visible. Every page: no console error (a CSP violation is one), no serious or
 * critical axe violation. Screenshots of the main states go to docs/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './support/axe.js';
import { LAPTOP, PHONE, unexpectedProblems, type WatchedPage } from './support/browser.js';
import { type ResultsCampaign, seedResultsCampaign } from './support/published-campaign.js';
import { type PortalWorld, startPortalWorld } from './support/portal-world.js';
import { docsScreenshot, screenshotOnFailure } from './support/screenshots.js';

let world: PortalWorld;
let campaign: ResultsCampaign;
const opened: WatchedPage[] = [];

beforeAll(async () => {
  world = await startPortalWorld();
  campaign = await seedResultsCampaign(world.api.dataSource);
});

afterAll(async () => {
  for (const watched of opened) await watched.close();
  await campaign?.remove();
  await world?.close();
});

/** A page at `viewport`, screenshotted if the test fails. */
async function open(viewport: { width: number; height: number }, testName: string) {
  const watched = await world.open(viewport);
  opened.push(watched);
  screenshotOnFailure(watched.page, testName);
  return watched;
}

const resultsPage = () => world.portalUrl(`/ket-qua/${campaign.code}`);
const resultsApi = () => `${world.api.url}/public/campaigns/${campaign.code}/results`;

describe('the portal, served by the API', () => {
  it('leads / to /portal/, serves the page paths with index.html and 404s a missing file', async () => {
    const root = await fetch(`${world.api.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/portal/');

    const page = await fetch(resultsPage());
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<html lang="vi">');
    // Vite's build: scripts as files only, which the CSP's script-src 'self' allows.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/style-src [^;]*'unsafe-inline'/);

    const missing = await fetch(world.portalUrl('/assets/khong-co.js'));
    expect(missing.status).toBe(404);
  });
});

describe('the published results page', () => {
  it('before the announcement: the API answers 404 in Vietnamese and the page says "chưa công bố"', async () => {
    const res = await fetch(resultsApi());
    expect(res.status).toBe(404);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ statusCode: 404, code: 'not_found', error: 'Không tìm thấy' });
    expect(body.message).toContain('chưa được công bố');
    // Nor its file: the same 404, with no sign-in either.
    const file = await fetch(`${resultsApi()}/export?format=xlsx`);
    expect(file.status).toBe(404);
    expect(((await file.json()) as any).message).toContain('chưa được công bố');

    const { page, problems } = await open(LAPTOP, 'ket qua chua cong bo');
    await page.goto(resultsPage());
    await page.getByText('Kết quả chưa công bố').waitFor();
    await expect(page.getByText(/chưa được công bố/).count()).resolves.toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The browser logs the handled 404 of the results request, and nothing else.
    expect(unexpectedProblems(problems, [/\/public\/campaigns\/[^/]+\/results$/])).toEqual([]);
    await docsScreenshot(page, 'ket-qua-chua-cong-bo');
  });

  it('after the announcement: a table per group, ties sharing their rank, bands as tags', async () => {
    await campaign.announce({ number: '123/QĐ-UBND', date: '2022-03-15' });
    const res = await fetch(resultsApi());
    expect(res.status).toBe(200);
    const results = (await res.json()) as any;
    expect(results.groups.map((g: any) => g.groupName)).toEqual(
      campaign.view.groups.map((g) => g.groupName),
    );
    expect(results.groups.length).toBeGreaterThanOrEqual(2);

    const { page, problems } = await open(LAPTOP, 'ket qua da cong bo');
    await page.goto(resultsPage());
    await page.getByRole('heading', { level: 1, name: results.campaignName }).waitFor();
    await expect(page.getByText('Số 123/QĐ-UBND ngày 15/03/2022').count()).resolves.toBe(1);

    for (const group of results.groups) {
      const heading = group.groupName.charAt(0).toUpperCase() + group.groupName.slice(1);
      const section = page.getByRole('region', { name: heading });
      await expect(section.count()).resolves.toBe(1);
      const rows = section.locator('tbody tr.ant-table-row');
      await expect(rows.count()).resolves.toBe(group.units.length);
      // The tie of the illustrative scores: 1, 2, 2, 4 — two rows show rank 2, both tagged.
      const ranks = await rows.locator('td:first-child strong').allTextContents();
      expect(ranks.slice(0, 4)).toEqual(['1', '2', '2', '4']);
      await expect(section.locator('tr.tied-row .tie-tag').count()).resolves.toBe(2);
      const first = group.units[0];
      await expect(rows.first().locator('.ant-tag').last().textContent()).resolves.toBe(first.band);
      await expect(rows.first().textContent()).resolves.toContain(
        first.indexText.replace('.', ','),
      );
    }
    // The exports, downloaded from the page's links without signing in: the staff's files.
    for (const [name, format, type] of [
      ['Tải tệp Excel', 'xlsx', 'spreadsheetml'],
      ['Tải tệp CSV', 'csv', 'text/csv'],
    ] as const) {
      const href = await page.getByRole('link', { name }).getAttribute('href');
      expect(href).toBe(`/public/campaigns/${campaign.code}/results/export?format=${format}`);
      const download = await fetch(`${world.api.url}${href}`);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toContain(type);
      expect(decodeURIComponent(download.headers.get('content-disposition') ?? '')).toContain(
        `Kết quả Chỉ số CCHC ${campaign.code}.${format}`,
      );
      const bytes = Buffer.from(await download.arrayBuffer());
      if (format === 'xlsx') expect(bytes.subarray(0, 2).toString()).toBe('PK');
      else {
        const text = bytes.toString('utf8');
        expect(text).toContain('Xếp hạng');
        for (const group of results.groups) expect(text).toContain(group.units[0].unitName);
      }
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(unexpectedProblems(problems)).toEqual([]);
    await docsScreenshot(page, 'ket-qua-cong-bo');
    await docsScreenshot(page, 'ket-qua-cong-bo-toan-trang', { fullPage: true });
  });

  it('reads on a phone: no sideways scroll of the page, the menu behind a button', async () => {
    const { page, problems } = await open(PHONE, 'ket qua tren dien thoai');
    await page.goto(resultsPage());
    await page.locator('section.group-results').first().waitFor();
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await docsScreenshot(page, 'ket-qua-dien-thoai');
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('link', { name: 'Kết quả' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(unexpectedProblems(problems)).toEqual([]);
    await docsScreenshot(page, 'menu-dien-thoai');
  });

  it('says the same "chưa công bố" for a campaign that does not exist', async () => {
    const res = await fetch(`${world.api.url}/public/campaigns/khong-co-2099/results`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).message).toContain('chưa được công bố');
  });
});

describe('the shell', () => {
  it('has the header, the menu and a Vietnamese 404 page', async () => {
    const { page, problems } = await open(LAPTOP, 'trang 404');
    await page.goto(world.portalUrl('/trang-khong-co'));
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
    await expect(page.getByRole('link', { name: 'Chỉ số CCHC — Sở Nội vụ' }).count()).resolves.toBe(
      1,
    );
    const menu = page.getByRole('navigation', { name: 'Menu chính' });
    for (const item of ['Việc của tôi', 'Chiến dịch', 'Kết quả']) {
      await expect(menu.getByRole('link', { name: item }).count()).resolves.toBe(1);
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
    await menu.getByRole('link', { name: 'Kết quả' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kết quả Chỉ số CCHC' }).waitFor();
    await page.getByLabel('Mã chiến dịch').fill(campaign.code);
    await page.getByRole('button', { name: 'Xem kết quả' }).click();
    await page.waitForURL(resultsPage());
    await page.locator('section.group-results').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});
