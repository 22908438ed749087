/**
 * A unit's focal point acting from real mails, in a real browser: the 2021 plan on its own dates,
 * on a time-skipping Temporal server (the API deciding at its time), with the real worker mailing
 * MailDev. Launched on 18/11/2021, nothing reminds SNV on 14/12; on 15/12/2021 08:00 (seven
 * working days before the 24/12 deadline) the self-assessment reminder arrives, its link going to
 * the unit's form. The browser opens that link, is sent to sign-in and brought back to the form,
 * fills every criterion (scores, one "không áp dụng", a note), uploads an evidence PDF and links
 * it where evidence is required, sees nothing missing, submits with the confirmation: the API
 * says submitted. On 10/01/2022 the secretariat asks for an explanation; its mail links the
 * explanation page, which the focal point opens on 17/01/2022 (the plan's explanation window)
 * and answers with a text and a file: the API shows the answer recorded. No console error, no
 * serious axe violation on any page visited.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignPages } from '../../src/domain/portal-pages.js';
import { Account, Unit } from '../../src/entities/index.js';
import { VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import { accountWithPassword, mailsTo } from '../support/portal-client.js';
import {
  local,
  type RulesCampaign,
  type RulesWorld,
  settled,
  startRulesWorld,
} from '../support/rules-world.js';
import { pdfBytes } from '../support/self-assessment-fixtures.js';
import { seriousA11yViolations } from './support/axe.js';
import {
  LAPTOP,
  launchChromium,
  openPage,
  unexpectedProblems,
  type WatchedPage,
} from './support/browser.js';
import { ensurePortalBuilt } from './support/portal-build.js';
import { screenshotOnFailure } from './support/screenshots.js';

const UNIT = 'SNV';
const password = 'mật-khẩu-đủ-dài-2026';
const focalAddress = VINH_LONG_2021.units.find((u) => u.code === UNIT)!.focalEmail;
const EVIDENCE = 'Báo cáo CCHC năm 2021.pdf';
const NOTE = 'Đã ban hành Kế hoạch số 12/KH-SNV';
const ANSWER = 'Kế hoạch ban hành ngày 15/01/2021, kèm Quyết định số 12/QĐ-SNV.';

let world: RulesWorld;
let campaign: RulesCampaign;
let browser: Browser;
let focal: WatchedPage;
let focalEmail: string;
let formPath: string;
let explanationPath: string;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const unitApi = (suffix: string) => `/campaigns/${campaign.code}/units/${UNIT}${suffix}`;

interface Item {
  criterionCode: string;
  kind: 'regular' | 'bonus' | 'penalty';
  maxPoints: number;
  evidenceRequired: boolean;
}

/** The unit's self-assessment as the API gives it (read with the unit's token). */
async function selfAssessment() {
  const answer = await world.as(`unit:${UNIT}`, 'GET', unitApi('/self-assessment'));
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as { items: Item[]; missing: string[]; missingEvidence: string[] };
}

/** The portal links of this campaign in the mails to the focal point whose subject matches. */
async function campaignMails(subject: RegExp, count: number) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mails = (await mailsTo(focalAddress, 0))
      .filter((m) => subject.test(m.subject))
      .map((m) => ({
        ...m,
        links: m.text.match(/https?:\/\/\S+\/portal\/\S+/g) ?? [],
      }))
      .filter((m) => m.links.some((l) => l.includes(`/chien-dich/${campaign.code}/`)));
    if (mails.length >= count || Date.now() > deadline) return mails;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The link's page on the API under test (mails carry the configured PUBLIC_URL). */
const onApi = (link: string) => link.replace(/^https?:\/\/[^/]+/, world.api.url);

const regionOf = (code: string) =>
  focal.page.getByRole('region', { name: new RegExp(`^${escape(code)}\\. `) });

const pointsText = (points: number) => String(points).replace('.', ',');

beforeAll(async () => {
  ensurePortalBuilt();
  world = await startRulesWorld({ clockStart: local('2021-11-17T08:00:00') });
  browser = await launchChromium();
  campaign = await world.campaign({
    units: [UNIT],
    // Two of the eight fields, and the bonus and penalty: a form the browser fills fast.
    plan: {
      indexSets: VINH_LONG_2021.indexSets.map((set) => ({
        ...set,
        fields: set.fields.slice(0, 2),
      })),
    },
  });
  formPath = campaignPages.selfAssessment(campaign.code, UNIT);
  explanationPath = campaignPages.explanation(campaign.code, UNIT);
  await world.at(local('2021-11-18T09:00:00'));
  const launch = await world.as('secretariat', 'POST', `/campaigns/${campaign.code}/launch`);
  expect(launch.status, JSON.stringify(launch.body)).toBe(200);
  expect(launch.body.workflowStarted).toBe(true);
  const db = world.api.dataSource;
  const unit = await db.getRepository(Unit).findOneByOrFail({ code: UNIT });
  focalEmail = (await accountWithPassword(db, 'unit', password, { unitId: unit.id })).email;
  focal = await openPage(browser, LAPTOP);
}, 120_000);

afterAll(async () => {
  await focal?.close();
  await browser?.close();
  if (focalEmail) await world?.api.dataSource.getRepository(Account).delete({ email: focalEmail });
  await world?.close();
});

/** The sign-in page, reached from `pagePath` without a session; signs in and is sent back. */
async function signInAndComeBack(pagePath: string) {
  const { page } = focal;
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  const at = new URL(page.url());
  expect(at.pathname).toBe('/portal/dang-nhap');
  expect(at.searchParams.get('next')).toBe(pagePath);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByLabel('Địa chỉ thư điện tử').fill(focalEmail);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname === `/portal${pagePath}`);
}

describe("a unit's focal point acting from the campaign's mails", () => {
  it('is reminded on 15/12/2021 08:00, seven working days before the 24/12 deadline', async () => {
    const reminder = /Nhắc hạn tự đánh giá, chấm điểm: Sở Nội vụ — hạn chót 24\/12\/2021 23:59$/;
    await world.at(local('2021-12-14T09:00:00'));
    expect(await campaignMails(reminder, 0)).toEqual([]);

    await world.at(local('2021-12-15T09:00:00'));
    const mails = await campaignMails(reminder, 1);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.subject).toMatch(/^\[Chỉ số CCHC năm 2021\] /);
    expect(mail!.text).toContain('trân trọng nhắc Quý cơ quan, đơn vị thời hạn tự đánh giá');
    expect(mail!.text).toContain('Thời gian còn lại: 7 ngày làm việc');
    expect(mail!.links).toHaveLength(1);
    expect(new URL(mail!.links[0]!).pathname).toBe(`/portal${formPath}`);
  });

  it('opens the reminder’s link, signs in, fills the form, uploads evidence and submits', async () => {
    const { page } = focal;
    screenshotOnFailure(page, 'reminder-journey-form');
    const [mail] = await campaignMails(/Nhắc hạn tự đánh giá/, 1);
    await page.goto(onApi(mail!.links[0]!));
    // No session in this browser yet: sign-in first, then straight back to the form.
    await signInAndComeBack(formPath);
    await page.getByRole('heading', { level: 1, name: 'Tự đánh giá — Sở Nội vụ' }).waitFor();
    await page.getByText('Đang trong thời gian tự đánh giá').waitFor();

    const { items, missing } = await selfAssessment();
    expect(missing).toEqual(items.map((i) => i.criterionCode));
    const notApplicable = items.find((i) => !i.evidenceRequired && i.kind === 'regular')!;
    const withEvidence = items.filter((i) => i.evidenceRequired);
    expect(notApplicable).toBeDefined();
    expect(withEvidence.length).toBeGreaterThan(0);
    for (const item of items) {
      const code = item.criterionCode;
      const region = regionOf(code);
      if (item === notApplicable) {
        await region.getByRole('checkbox', { name: 'Không áp dụng' }).check();
        continue;
      }
      // Full marks where the unit earns points; nothing deducted.
      const points = item.kind === 'penalty' ? 0 : item.maxPoints;
      await page.getByLabel(`Điểm tự chấm ${code}`).fill(pointsText(points));
      if (item === withEvidence[0]) {
        await page.getByLabel(`Ghi chú ${code}`).fill(NOTE);
        await region.locator('input[type=file]').setInputFiles({
          name: EVIDENCE,
          mimeType: 'application/pdf',
          buffer: pdfBytes('Báo cáo CCHC'),
        });
        await region.getByRole('link', { name: EVIDENCE }).waitFor();
      } else if (item.evidenceRequired) {
        // The same report, already uploaded, linked to this criterion too.
        await region
          .getByLabel(`Gắn tệp đã tải lên cho ${code}`)
          .selectOption({ label: `${EVIDENCE} (${withEvidence[0]!.criterionCode})` });
        await region.getByRole('link', { name: EVIDENCE }).waitFor();
      }
    }
    await page.getByRole('heading', { name: 'Đã đủ để nộp' }).waitFor();
    await page.getByText(/^Đã lưu lúc \d{2}:\d{2}$/).waitFor();
    const saved = await settled(selfAssessment, (s) => s.missing.length === 0);
    expect(saved.missing).toEqual([]);
    expect(saved.missingEvidence).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Nộp bản tự đánh giá' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Nộp bản tự đánh giá?' });
    await dialog.getByRole('button', { name: 'Nộp', exact: true }).click();
    await page.getByText(/^Phiên bản 1: đã nộp lúc 15\/12\/2021 \d{2}:\d{2}/).waitFor();
    const state = await settled(
      () => world.as(`unit:${UNIT}`, 'GET', unitApi('/state')),
      (answer) => answer.body?.status === 'submitted',
    );
    expect(state.body).toMatchObject({
      status: 'submitted',
      selfAssessment: { version: 1, late: false },
    });
    expect(unexpectedProblems(focal.problems)).toEqual([]);
  });

  it('answers, from its mail, the explanation the secretariat asks for', async () => {
    const { page } = focal;
    screenshotOnFailure(page, 'reminder-journey-explanation');
    // Round 1 aggregated (step 5, 03–14/01/2022): the secretariat asks SNV to explain a criterion.
    await world.at(local('2022-01-10T09:00:00'));
    const asked = (await selfAssessment()).items[0]!.criterionCode;
    const reason = 'Thiếu văn bản chứng minh việc ban hành đúng hạn';
    const request = await world.as('secretariat', 'POST', unitApi('/explanation-requests'), {
      criteria: [asked],
      reason,
    });
    expect(request.status, JSON.stringify(request.body)).toBe(202);
    const mails = await campaignMails(/Đề nghị giải trình 1 tiêu chí: Sở Nội vụ/, 1);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.subject).toContain('hạn 21/01/2022 23:59 (giờ Việt Nam)');
    expect(mail!.text).toContain(reason);
    expect(mail!.links).toHaveLength(1);
    expect(new URL(mail!.links[0]!).pathname).toBe(`/portal${explanationPath}`);

    // She acts on it in the plan's explanation window (step 6, 17–21/01/2022). The session she
    // opened on 15/12 has ended by the API's clock (12 hours idle, 7 days at most): the link asks
    // her to sign in again, then brings her straight to the explanation page.
    await world.at(local('2022-01-17T09:00:00'));
    await page.goto(onApi(mail!.links[0]!));
    await signInAndComeBack(explanationPath);
    await page.getByRole('heading', { level: 1, name: 'Giải trình — Sở Nội vụ' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/portal${explanationPath}`);
    const block = page.getByRole('region', { name: new RegExp(`^${escape(asked)}\\. `) });
    await block.getByText(reason).first().waitFor();
    await page.getByText('21/01/2022 23:59 (giờ Việt Nam)').waitFor();
    await block.getByLabel(`Nội dung giải trình ${asked}`).fill(ANSWER);
    await block.getByLabel(`Tệp bổ sung cho ${asked}`).setInputFiles({
      name: 'Quyết định 12.pdf',
      mimeType: 'application/pdf',
      buffer: pdfBytes('Quyết định'),
    });
    await block.getByRole('link', { name: 'Quyết định 12.pdf' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Gửi giải trình' }).click();
    await block.getByText(/^Đã giải trình 17\/01\/2022/).waitFor();

    const requests = await world.as(`unit:${UNIT}`, 'GET', unitApi('/explanation-requests'));
    expect(requests.status).toBe(200);
    expect(requests.body.requests).toHaveLength(1);
    expect(requests.body.requests[0]).toMatchObject({ criterionCode: asked, answerText: ANSWER });
    expect(requests.body.requests[0].answerEvidenceIds).toHaveLength(1);
    const state = await settled(
      () => world.as(`unit:${UNIT}`, 'GET', unitApi('/state')),
      (answer) => answer.body?.status === 'explained',
    );
    expect(state.body.status).toBe('explained');
    expect(unexpectedProblems(focal.problems)).toEqual([]);
  });
});
