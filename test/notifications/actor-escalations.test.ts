/**
 * Issue 15's mails, on the real API, worker and workflows of a time-skipping server whose clock
 * starts on 17/11/2021 (the 2021 plan, units SNV and STP, two of the eight fields), with a database
 * of its own (the secretariat's contacts and the agencies are shared data) and the run's MailDev:
 *
 * - the secretariat's mails go to its contacts as stored, escalations to (or copying) its head;
 * - each unit's focal point gets one mail when its self-assessment window opens (01/12/2021);
 * - an agency's address corrected through the API after the launch receives the next reminder;
 * - at round 1's end (Fri 31/12/2021; 01–03/01/2022 days off) the agency that has not entered all
 *   its scores is escalated once, on Tue 04/01/2022 at 08:00, to its head with its contact and the
 *   head of the secretariat in copy, naming what is left as the progress page counts it; the agency
 *   that finished is not;
 * - the secretariat's own steps past their deadline (2, 5, 8, 10; not 1, completed in time) and
 *   the council without approval at 17/02/2022 are escalated once each, the next working day.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatLocalDateTime } from '../../src/domain/local-time.js';
import { campaignPages } from '../../src/domain/portal-pages.js';
import { CouncilMember, Notification } from '../../src/entities/index.js';
import { DEFAULTS } from '../../src/config.js';
import { VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import {
  local,
  type RulesCampaign,
  type RulesWorld,
  settled,
  startRulesWorld,
} from '../support/rules-world.js';
import '../support/provided.js';

interface MailDevMessage {
  headers: Record<string, string>;
  to: { address: string }[];
  cc?: { address: string }[];
  subject: string;
  text: string;
}

const ZONE = 'Asia/Ho_Chi_Minh';
const UNITS = ['SNV', 'STP'];
const tag = Math.random().toString(36).slice(2, 8);
const HEAD = `totruong-${tag}@snv.example.gov.vn`;
const STP_CONTACT = `thamdinh-moi-${tag}@stp.example.vn`;
const STP_HEAD = `giamdoc-${tag}@stp.example.vn`;
const focal = (code: string) => VINH_LONG_2021.units.find((u) => u.code === code)!.focalEmail;

let world: RulesWorld;
let campaign: RulesCampaign;

/** This campaign's messages MailDev received, by business key. */
async function received(): Promise<MailDevMessage[]> {
  const all = (await (await fetch(`${inject('mailApiUrl')}/email`)).json()) as MailDevMessage[];
  return all.filter((m) => m.headers['x-par-business-key']?.startsWith(`${campaign.id}/`));
}

/** Waits until MailDev holds a message of this campaign whose key contains `part`. */
async function mailWith(part: string): Promise<MailDevMessage> {
  const mails = await settled(received, (list) =>
    list.some((m) => m.headers['x-par-business-key']!.includes(part)),
  );
  const mail = mails.find((m) => m.headers['x-par-business-key']!.includes(part));
  expect(mail, `a mail whose key contains ${part}`).toBeDefined();
  return mail!;
}

/** The log's rows of this campaign: "dd/MM/yyyy HH:mm kind recipient step-N". */
async function logLines(kinds: readonly string[]): Promise<string[]> {
  const rows = await world.api.dataSource
    .getRepository(Notification)
    .find({ where: { campaignId: campaign.id } });
  return rows
    .filter((row) => kinds.includes(row.kind))
    .sort(
      (a, b) =>
        a.scheduledFor.getTime() - b.scheduledFor.getTime() ||
        (a.businessKey < b.businessKey ? -1 : 1),
    )
    .map((row) => {
      const [, recipient, step] = row.businessKey.split('/');
      return `${formatLocalDateTime(row.scheduledFor, ZONE)} ${row.kind} ${recipient} ${step} ${row.status}`;
    });
}

const addresses = (list: { address: string }[] | undefined) =>
  (list ?? []).map((a) => a.address).sort();

beforeAll(async () => {
  world = await startRulesWorld({ clockStart: local('2021-11-17T08:00:00'), ownDatabase: true });
  campaign = await world.campaign({
    units: UNITS,
    // Two of the eight fields (appraised by SNV and STP) and the adjustments: a small campaign.
    plan: {
      indexSets: VINH_LONG_2021.indexSets.map((set) => ({
        ...set,
        fields: set.fields.slice(0, 2),
      })),
    },
  });
}, 120_000);

afterAll(() => world?.close());

describe("every actor's deadline, from the contacts as data", () => {
  it('takes the secretariat’s head from its contacts, then launches', async () => {
    const before = await world.as('secretariat', 'GET', '/secretariat-contacts');
    expect(before.status).toBe(200);
    // The seed's first start filled the table from the default SECRETARIAT_EMAILS.
    expect(before.body).toEqual([
      expect.objectContaining({ email: DEFAULTS.secretariatEmails[0], isHead: true, active: true }),
    ]);
    const head = await world.as('secretariat', 'POST', '/secretariat-contacts', {
      name: 'Nguyễn Thị Tổ Trưởng',
      title: 'Tổ trưởng Tổ thư ký',
      email: HEAD,
      isHead: true,
    });
    expect(head.status, JSON.stringify(head.body)).toBe(201);
    const demoted = await world.as(
      'secretariat',
      'PATCH',
      `/secretariat-contacts/${before.body[0].id}`,
      { isHead: false },
    );
    expect(demoted.status, JSON.stringify(demoted.body)).toBe(200);

    await world.at(local('2021-11-18T09:00:00'));
    const launch = await world.as('secretariat', 'POST', `/campaigns/${campaign.code}/launch`);
    expect(launch.status, JSON.stringify(launch.body)).toBe(200);
    // The secretariat completes step 1 in time: no escalation for it.
    const closed = await world.as(
      'secretariat',
      'POST',
      `/campaigns/${campaign.code}/steps/1/close`,
      {},
    );
    expect(closed.status, JSON.stringify(closed.body)).toBe(202);
  }, 60_000);

  it('mails each focal point when the window opens, the digest to every contact, step 2’s escalation to the head', async () => {
    await world.at(local('2021-12-01T09:00:00'));
    for (const code of UNITS) {
      const mail = await mailWith(`/unit:${code}/step-3/window_opened/`);
      expect(addresses(mail.to)).toEqual([focal(code)]);
      expect(mail.subject).toMatch(
        /Bắt đầu tự đánh giá, chấm điểm Chỉ số CCHC: .* — hạn chót 24\/12\/2021 23:59/,
      );
      expect(mail.text).toContain(campaignPages.selfAssessment(campaign.code, code));
      expect(mail.text).toContain('Hạn chót: 24/12/2021 23:59 (giờ Việt Nam)');
    }
    const digest = await mailWith('/secretariat/step-3/digest_window_opened/');
    expect(addresses(digest.to)).toEqual([HEAD, DEFAULTS.secretariatEmails[0]!].sort());
    const step2 = await mailWith('/secretariat-head/step-2/secretariat_escalation/');
    expect(addresses(step2.to)).toEqual([HEAD]);
    expect(addresses(step2.cc)).toEqual([DEFAULTS.secretariatEmails[0]]);
    expect(step2.subject).toMatch(/Quá hạn: Tổ thư ký chưa hoàn thành Bước 2/);
    expect(step2.text).toContain(campaignPages.overview(campaign.code));
  }, 60_000);

  it('sends the next appraisal reminder to the address corrected after the launch', async () => {
    await world.at(local('2021-12-20T09:00:00'));
    const corrected = await world.as('secretariat', 'PATCH', '/agencies/STP', {
      email: STP_CONTACT,
      headName: 'Trần Văn Pháp',
      headTitle: 'Giám đốc',
      headEmail: STP_HEAD,
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    await world.at(local('2021-12-24T09:00:00'));
    const reminder = await mailWith('/agency:STP/step-4/appraisal_reminder/');
    expect(addresses(reminder.to)).toEqual([STP_CONTACT]);
  }, 60_000);

  it('escalates the agency still scoring at round 1’s end once, on 04/01/2022 08:00; not the one that finished', async () => {
    await world.at(local('2021-12-28T09:00:00'));
    // SNV enters every round-1 score it owns (as its progress page lists them).
    const progress = await world.as(
      'agency:SNV',
      'GET',
      `/campaigns/${campaign.code}/appraisals/progress?round=1`,
    );
    expect(progress.status, JSON.stringify(progress.body)).toBe(200);
    for (const unit of progress.body.units as { unitCode: string; missing: string[] }[]) {
      const saved = await world.as(
        'agency:SNV',
        'PUT',
        `/campaigns/${campaign.code}/units/${unit.unitCode}/appraisals/rounds/1`,
        { items: unit.missing.map((criterionCode) => ({ criterionCode, score: 0 })) },
      );
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    }
    const stp = await world.as(
      'secretariat',
      'GET',
      `/campaigns/${campaign.code}/appraisals/progress?round=1`,
    );
    const left = stp.body.agencies.find((a: { agencyCode: string }) => a.agencyCode === 'STP');
    const snv = stp.body.agencies.find((a: { agencyCode: string }) => a.agencyCode === 'SNV');
    expect(snv.entered).toBe(snv.required);
    expect(left.entered).toBe(0);

    await world.at(local('2022-01-04T09:00:00'));
    const escalation = await mailWith('/agency:STP/step-4/appraisal_escalation/');
    expect(addresses(escalation.to)).toEqual([STP_HEAD]);
    expect(addresses(escalation.cc)).toEqual([HEAD, STP_CONTACT].sort());
    expect(escalation.subject).toContain(
      `Quá hạn thẩm định: Sở Tư pháp chưa hoàn thành Bước 4 (còn 2 đơn vị, ${left.required} lượt tiêu chí chưa có điểm thẩm định)`,
    );
    expect(escalation.text).toContain('Giám đốc Sở Tư pháp (Trần Văn Pháp)');
    expect(escalation.text).toContain(campaignPages.appraisal(campaign.code));
    expect(await logLines(['appraisal_escalation'])).toEqual([
      '04/01/2022 08:00 appraisal_escalation agency:STP step-4 sent',
    ]);
  }, 90_000);

  it('escalates the secretariat’s late steps and the council once each, on the next working day', async () => {
    // The council's members as the establishment decision lists them: its mails go to them.
    const members = world.api.dataSource.getRepository(CouncilMember);
    const CHAIR = `chutich-${tag}@ubnd.example.gov.vn`;
    const MEMBER = `uyvien-${tag}@stc.example.gov.vn`;
    const member = (
      fullName: string,
      role: CouncilMember['role'],
      email: string | null,
      i: number,
    ) =>
      members.create({
        campaignId: campaign.id,
        fullName,
        position: 'Thành viên',
        organisation: 'UBND tỉnh Vĩnh Long',
        role,
        email,
        sortOrder: i,
      });
    await members.save([
      member('Nguyễn Văn Chủ', 'chair', CHAIR, 0),
      member('Lê Thị Không Thư', 'member', null, 1),
      member('Trần Văn Ủy', 'member', MEMBER, 2),
    ]);
    // The forecast shows the staff the same addresses the waves send to.
    const forecast = await world.as(
      'secretariat',
      'GET',
      `/campaigns/${campaign.code}/notifications/forecast?limit=500`,
    );
    expect(forecast.status).toBe(200);
    const councilSends = forecast.body.items.filter((i: any) => i.audience === 'council');
    expect(councilSends.length).toBeGreaterThan(0);
    for (const send of councilSends) expect([...send.to].sort()).toEqual([CHAIR, MEMBER].sort());
    for (const stamp of ['2022-01-17', '2022-02-07', '2022-02-14', '2022-02-18', '2022-03-01']) {
      await world.at(local(`${stamp}T09:00:00`));
    }
    const council = await mailWith('/council/step-9/council_escalation/');
    expect(addresses(council.to)).toEqual([CHAIR, MEMBER].sort());
    expect(addresses(council.cc)).toEqual([HEAD]);
    expect(council.text).toContain(campaignPages.council(campaign.code));
    await mailWith('/secretariat-head/step-10/secretariat_escalation/');
    const kinds = ['appraisal_escalation', 'council_escalation', 'secretariat_escalation'];
    expect(await logLines(kinds)).toEqual([
      // Step 1 was completed in time; round 2 had nothing to re-score (nobody asked to explain).
      '01/12/2021 08:00 secretariat_escalation secretariat-head step-2 sent',
      '04/01/2022 08:00 appraisal_escalation agency:STP step-4 sent',
      '17/01/2022 08:00 secretariat_escalation secretariat-head step-5 sent',
      '14/02/2022 08:00 secretariat_escalation secretariat-head step-8 sent',
      '18/02/2022 08:00 council_escalation council step-9 sent',
      '01/03/2022 08:00 secretariat_escalation secretariat-head step-10 sent',
    ]);
    // Exactly once: MailDev received one message per key of the log.
    const keys = (await received()).map((m) => m.headers['x-par-business-key']!);
    expect(keys.length).toBe(new Set(keys).size);
    const window = await logLines(['window_opened']);
    expect(window).toEqual([
      '01/12/2021 08:00 window_opened unit:SNV step-3 sent',
      '01/12/2021 08:00 window_opened unit:STP step-3 sent',
    ]);
  }, 180_000);
});
