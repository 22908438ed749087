/**
 * A unit's focal point in a real browser, against the real API on a launched campaign (its own
 * time-skipping Temporal server and worker, the 2021 plan's steps around today) and MailDev: from
 * the campaigns page to the self-assessment form, scores and notes saved as a draft while typing
 * (a reload keeps them), an evidence file uploaded and listed, what is missing as the API lists
 * it, the submit with its confirmation and the version it makes; then the explanation the
 * secretariat asks for through the API, answered with a file; the results page before the
 * announcement; and another unit's form, refused by the API's 403 message. No console error
 * beyond the refusals the test asks for, no serious axe violation, screenshots at laptop and
 * phone width.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignPages } from '../../src/domain/portal-pages.js';
import { Account, Campaign, Unit } from '../../src/entities/index.js';
import { seedCampaignPlan } from '../../src/seed/seed.js';
import { VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import { call, tokenFor } from '../support/api.js';
import {
  type ApiWorkflowWorld,
  startApiWorkflowWorld,
  stepsAroundToday,
} from '../support/api-workflow-world.js';
import { accountWithPassword, mailsTo, send, signIn } from '../support/portal-client.js';
import { pdfBytes } from '../support/self-assessment-fixtures.js';
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

const code = `unit-portal-${randomUUID().slice(0, 8)}-2031`;
const password = 'mật-khẩu-đủ-dài-2026';
const UNIT = 'SNV';
const OTHER = 'STP';

let world: ApiWorkflowWorld;
let browser: Browser;
let campaignId: string;
let secretariat: string;
let focalEmail: string;
let cookie: string;
let focal: WatchedPage;
const opened: WatchedPage[] = [];
const url = (pagePath: string) => `${world.api.url}/portal${pagePath}`;
const formPath = campaignPages.selfAssessment(code, UNIT);
const regionOf = (leaf: string) =>
  focal.page.getByRole('region', {
    name: new RegExp(`^${leaf.replace(/\./g, '\\.')}\\. `),
  });

/** The API's self-assessment of SNV, as the focal point's session reads it. */
async function apiView() {
  const answer = await send(world.api, 'GET', `/campaigns/${code}/units/${UNIT}/self-assessment`, {
    cookie,
  });
  expect(answer.status).toBe(200);
  return answer.body as {
    items: { criterionCode: string; evidenceRequired: boolean; maxPoints: number }[];
    missing: string[];
    missingEvidence: string[];
  };
}

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  ensurePortalBuilt();
  world = await startApiWorkflowWorld();
  browser = await launchChromium();
  const db = world.api.dataSource;
  ({ campaignId } = await seedCampaignPlan(db, {
    ...VINH_LONG_2021,
    campaign: { ...VINH_LONG_2021.campaign, code, year: 2031 },
    units: VINH_LONG_2021.units.filter((u) => [UNIT, OTHER].includes(u.code)),
    steps: stepsAroundToday(),
    // Two of the eight fields, and the bonus and penalty: a form the test and axe go through fast.
    indexSets: VINH_LONG_2021.indexSets.map((set) => ({ ...set, fields: set.fields.slice(0, 2) })),
  }));
  secretariat = await tokenFor(db, { role: 'secretariat', name: 'Tổ thư ký' });
  const launch = await call(world.api, 'POST', `/campaigns/${campaignId}/launch`, {
    token: secretariat,
  });
  expect(launch.status).toBeLessThan(300);
  const unit = await db.getRepository(Unit).findOneByOrFail({ code: UNIT });
  const account = await accountWithPassword(db, 'unit', password, { unitId: unit.id });
  focalEmail = account.email;
  cookie = await signIn(world.api, focalEmail, password);
  const state = await waitFor(
    () => send(world.api, 'GET', `/campaigns/${code}/units/${UNIT}/state`, { cookie }),
    (answer) => answer.status === 200,
  );
  expect(state.status).toBe(200);
  focal = await openPage(browser, LAPTOP);
  opened.push(focal);
});

afterAll(async () => {
  for (const watched of opened) await watched.close();
  await browser?.close();
  if (focalEmail) await world?.api.dataSource.getRepository(Account).delete({ email: focalEmail });
  await world?.close(campaignId ? { id: campaignId, code } : undefined);
});

describe("a unit's focal point in the portal", () => {
  it('finds the campaign, fills the form and sees the draft saved; a reload keeps it', async () => {
    const { page } = focal;
    screenshotOnFailure(page, 'unit-form-draft');
    // The self-assessment page needs a session: sign-in first, then straight back.
    await page.goto(url(formPath));
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Địa chỉ thư điện tử').fill(focalEmail);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tự đánh giá — Sở Nội vụ' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/portal${formPath}`);

    // The campaigns page lists the unit's campaigns with links to its pages.
    await page.goto(url('/chien-dich'));
    const link = page.locator(`a[href="/portal${formPath}"]`);
    await link.waitFor();
    await expect(
      page.locator(`a[href="/portal${campaignPages.explanation(code, UNIT)}"]`).count(),
    ).resolves.toBe(1);
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Tự đánh giá — Sở Nội vụ' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/portal${formPath}`);
    await page.getByText('Đang trong thời gian tự đánh giá').waitFor();

    // Every mail's link to this campaign opens a portal page (reminder-journey.test.ts follows a
    // reminder's link to this form, on the plan's dates).
    const focalAddress = VINH_LONG_2021.units.find((u) => u.code === UNIT)!.focalEmail;
    const links = (await mailsTo(focalAddress, 0))
      .flatMap((m) => m.text.match(/https?:\/\/\S+\/portal\/\S+/g) ?? [])
      .filter((l) => l.includes(`/${code}/`) || l.includes(`/${campaignId}/`));
    for (const link of links) expect(link).toMatch(/\/portal\/chien-dich\//);
    await page.getByText('Đang trong thời gian tự đánh giá').waitFor();
    await page.getByText(/Hạn nộp: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(giờ Việt Nam\)/).waitFor();

    const view = await apiView();
    const [scored, notApplicable] = view.items.filter((i) => !i.evidenceRequired);
    await page.getByLabel(`Điểm tự chấm ${scored!.criterionCode}`).fill('0,5');
    await page.getByLabel(`Ghi chú ${scored!.criterionCode}`).fill('Đã ban hành Kế hoạch số 12/KH');
    await regionOf(notApplicable!.criterionCode)
      .getByRole('checkbox', { name: 'Không áp dụng' })
      .check();
    await page.getByText(/^Đã lưu lúc \d{2}:\d{2}$/).waitFor();
    const saved = await apiView();
    expect(saved.missing).not.toContain(scored!.criterionCode);
    expect(saved.missing).not.toContain(notApplicable!.criterionCode);

    await page.reload();
    await expect(
      page.getByLabel(`Điểm tự chấm ${scored!.criterionCode}`).inputValue(),
    ).resolves.toBe('0,5');
    await expect(page.getByLabel(`Ghi chú ${scored!.criterionCode}`).inputValue()).resolves.toBe(
      'Đã ban hành Kế hoạch số 12/KH',
    );
    await expect(
      regionOf(notApplicable!.criterionCode)
        .getByRole('checkbox', { name: 'Không áp dụng' })
        .isChecked(),
    ).resolves.toBe(true);
    expect(unexpectedProblems(focal.problems)).toEqual([]);
  });

  it('uploads evidence, opens it, and sees what is still missing', async () => {
    const { page } = focal;
    screenshotOnFailure(page, 'unit-form-submit');
    const view = await apiView();
    const needsEvidence = view.items.find((i) => i.evidenceRequired)!;
    const region = regionOf(needsEvidence.criterionCode);
    await page.getByLabel(`Điểm tự chấm ${needsEvidence.criterionCode}`).fill('1');
    await region.locator('input[type=file]').setInputFiles({
      name: 'Báo cáo CCHC năm 2031.pdf',
      mimeType: 'application/pdf',
      buffer: pdfBytes('Báo cáo CCHC'),
    });
    const fileLink = region.getByRole('link', { name: 'Báo cáo CCHC năm 2031.pdf' });
    await fileLink.waitFor();
    await page.getByText(/^Đã lưu lúc \d{2}:\d{2}$/).waitFor();
    await page
      .getByRole('region', { name: /^Tài liệu kiểm chứng đã tải lên \(1\)$/ })
      .getByRole('link', { name: 'Báo cáo CCHC năm 2031.pdf' })
      .waitFor();
    // Opened in the browser through the API's download route, with the session.
    const href = await fileLink.getAttribute('href');
    expect(href).toMatch(/^\/evidence\/[0-9a-f-]+\/download$/);
    const download = await page.request.get(`${world.api.url}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('application/pdf');

    // What is missing, as the API lists it.
    const before = await apiView();
    expect(before.missing.length).toBeGreaterThan(0);
    expect(before.missingEvidence).not.toContain(needsEvidence.criterionCode);
    await page
      .getByRole('heading', {
        name: `Còn thiếu trước khi nộp (${before.missing.length + before.missingEvidence.length})`,
      })
      .waitFor();
    await page.getByRole('link', { name: before.missing[0]!, exact: true }).first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
    await docsScreenshot(page, 'unit-self-assessment');
    await region.evaluate((section) =>
      (section as unknown as { scrollIntoView(o: object): void }).scrollIntoView({
        block: 'center',
      }),
    );
    await docsScreenshot(page, 'unit-self-assessment-form');

    expect(unexpectedProblems(focal.problems)).toEqual([]);
  });

  it('shows the form at phone width', async () => {
    const needsEvidence = (await apiView()).items.find((i) => i.evidenceRequired)!;
    // The same session at 390 px.
    const phone = await openPage(browser, PHONE);
    opened.push(phone);
    await phone.page.context().addCookies(await focal.page.context().cookies());
    await phone.page.goto(url(formPath));
    await phone.page.getByRole('heading', { level: 1, name: 'Tự đánh giá — Sở Nội vụ' }).waitFor();
    await phone.page
      .getByLabel(`Điểm tự chấm ${needsEvidence.criterionCode}`)
      .scrollIntoViewIfNeeded();
    expect(await seriousA11yViolations(phone.page)).toEqual([]);
    await docsScreenshot(phone.page, 'unit-self-assessment-phone');
    expect(unexpectedProblems(phone.problems)).toEqual([]);

    await phone.close();
  });

  it('submits with confirmation and sees the version', async () => {
    const { page } = focal;
    screenshotOnFailure(page, 'unit-form-submit');
    const before = await apiView();
    const evidence = await send(world.api, 'GET', `/campaigns/${code}/units/${UNIT}/evidence`, {
      cookie,
    });
    const evidenceId = evidence.body[0].id as string;
    // The rest of the leaves through the API (0 points, the same file where evidence is needed).
    const rest = await send(
      world.api,
      'PUT',
      `/campaigns/${code}/units/${UNIT}/self-assessment/draft`,
      {
        cookie,
        body: {
          items: before.missing.map((criterionCode) => ({
            criterionCode,
            score: 0,
            ...(before.items.find((i) => i.criterionCode === criterionCode)?.evidenceRequired && {
              evidenceIds: [evidenceId],
            }),
          })),
        },
      },
    );
    expect(rest.status).toBe(200);
    expect(rest.body.missing).toEqual([]);
    expect(rest.body.missingEvidence).toEqual([]);
    await page.reload();
    await page.getByRole('heading', { name: 'Đã đủ để nộp' }).waitFor();

    await page.getByRole('button', { name: 'Nộp bản tự đánh giá' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Nộp bản tự đánh giá?' });
    await dialog.waitFor();
    await docsScreenshot(page, 'unit-self-assessment-confirm');
    await dialog.getByRole('button', { name: 'Nộp', exact: true }).click();
    await page.getByText(/^Phiên bản 1: đã nộp lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/).waitFor();
    const versions = page.getByRole('region', { name: 'Các phiên bản' });
    await versions.getByRole('row').filter({ hasText: 'Đã nộp' }).waitFor();
    await versions.getByRole('button', { name: 'Xem phiên bản 1' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: 'Phiên bản 1 (chỉ xem)' });
    await drawer.getByRole('cell', { name: 'Đã ban hành Kế hoạch số 12/KH' }).waitFor();
    await drawer.getByRole('link', { name: 'Báo cáo CCHC năm 2031.pdf' }).first().waitFor();
    const state = await waitFor(
      () => send(world.api, 'GET', `/campaigns/${code}/units/${UNIT}/state`, { cookie }),
      (answer) => answer.body?.status === 'submitted',
    );
    expect(state.body.selfAssessment.version).toBe(1);
    expect(unexpectedProblems(focal.problems)).toEqual([]);
  });

  it('answers the explanation the secretariat asks for, with a file', async () => {
    const { page } = focal;
    screenshotOnFailure(page, 'unit-explanation');
    const view = await apiView();
    const asked = view.items[0]!.criterionCode;
    const request = await call(
      world.api,
      'POST',
      `/campaigns/${campaignId}/units/${UNIT}/explanation-requests`,
      {
        token: secretariat,
        body: { criteria: [asked], reason: 'Thiếu văn bản chứng minh việc ban hành đúng hạn' },
      },
    );
    expect(request.status).toBe(202);
    await page.goto(url(campaignPages.explanation(code, UNIT)));
    await page.getByRole('heading', { level: 1, name: 'Giải trình — Sở Nội vụ' }).waitFor();
    const block = page.getByRole('region', {
      name: new RegExp(`^${asked.replace(/\./g, '\\.')}\\. `),
    });
    await block.getByText('Thiếu văn bản chứng minh việc ban hành đúng hạn').first().waitFor();
    await page.getByText(/Hạn giải trình/).waitFor();
    await block
      .getByLabel(`Nội dung giải trình ${asked}`)
      .fill('Kế hoạch ban hành ngày 15/01, kèm Quyết định số 12/QĐ-SNV.');
    await block.locator('input[type=file]').setInputFiles({
      name: 'Quyết định 12.pdf',
      mimeType: 'application/pdf',
      buffer: pdfBytes('Quyết định'),
    });
    await block.getByRole('link', { name: 'Quyết định 12.pdf' }).waitFor();
    await expect(block.getByLabel(`Nội dung giải trình ${asked}`).inputValue()).resolves.toBe(
      'Kế hoạch ban hành ngày 15/01, kèm Quyết định số 12/QĐ-SNV.',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'unit-explanation');
    await page.getByRole('button', { name: 'Gửi giải trình' }).click();
    await block.getByText(/^Đã giải trình \d{2}\/\d{2}\/\d{4}/).waitFor();
    const requests = await send(
      world.api,
      'GET',
      `/campaigns/${code}/units/${UNIT}/explanation-requests`,
      { cookie },
    );
    expect(requests.body.requests[0]).toMatchObject({
      criterionCode: asked,
      answerText: 'Kế hoạch ban hành ngày 15/01, kèm Quyết định số 12/QĐ-SNV.',
    });
    expect(requests.body.requests[0].answerEvidenceIds).toHaveLength(1);
    expect(unexpectedProblems(focal.problems)).toEqual([]);
  });

  it('is told the results are not announced, and is refused another unit’s form', async () => {
    const { page } = focal;
    screenshotOnFailure(page, 'unit-refused');
    await page.goto(url(campaignPages.unitResults(code, UNIT)));
    await page.getByText('Kết quả chưa công bố').waitFor();
    // Once announced (the Chairman's decision recorded; here written straight to the campaign),
    // the score sheet the API gives shows, with the Excel file to download.
    await world.api.dataSource
      .getRepository(Campaign)
      .update({ id: campaignId }, { resultsPublishedAt: new Date() });
    await page.reload();
    await page.getByRole('link', { name: 'Tải bảng điểm (Excel)' }).waitFor();
    await page.getByRole('columnheader', { name: 'Điểm tự chấm' }).waitFor();
    const first = (await apiView()).items[0]!.criterionCode;
    await page.getByRole('cell', { name: first, exact: true }).first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await docsScreenshot(page, 'unit-results');

    const refused = await send(
      world.api,
      'GET',
      `/campaigns/${code}/units/${OTHER}/self-assessment`,
      { cookie },
    );
    expect(refused.status).toBe(403);
    await page.goto(url(campaignPages.selfAssessment(code, OTHER)));
    await page.getByText(refused.body.message as string).waitFor();
    await page.getByText(refused.body.error as string).waitFor();
    expect(await page.getByRole('heading', { name: 'Biểu mẫu tự chấm điểm' }).count()).toBe(0);
    expect(await page.getByText('Sở Tư pháp').count()).toBe(0);
    expect(
      unexpectedProblems(focal.problems, [
        /\/score-sheet\?format=csv$/,
        /\/units\/STP\/(self-assessment|self-assessment\/versions|evidence|state)$/,
      ]),
    ).toEqual([]);
  });
});
