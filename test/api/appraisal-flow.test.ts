/**
 * The second half of a campaign through the API against running workflows: self-assessments,
 * round 1 by two appraising agencies, proposals confirmed (stored, then signalled to the unit
 * workflow, whose request carries the criteria and the step-6 deadline), the units' answers per
 * criterion with evidence (signalled too), round 2, survey points, fixing the scores, results
 * with a tie, the council's approval, the Chairman's decision publishing the results, and the
 * commendation proposals.
 *
 * Scores (fields 25 points): every unit gets every maximum (1.1 = 4, 1.2 = 6, 2.1 = 5, 2.2 = 5,
 * survey 3.1 = 5, bonus and penalty 0 = 25 / 25 = 100.00) except
 * - U2: 1.1 = 2 in round 1 (self-score 4) → explanation → 4 in round 2: 100.00 again;
 * - U3: 1.2 = 3 → 22 / 25 = 88.00.
 * Ranking: U1 and U2 share rank 1, U3 is 3rd.
 */
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AuditEntry, ExplanationRequest } from '../../src/entities/index.js';
import { seedCampaignPlan } from '../../src/seed/seed.js';
import { AGENCIES, type SeedCriterion, VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import { call, type TestApi, tokenFor } from '../support/api.js';
import {
  type ApiWorkflowWorld,
  day,
  startApiWorkflowWorld,
  stepsAroundToday,
} from '../support/api-workflow-world.js';
import { suffix } from '../support/api-fixtures.js';
import { TREE } from '../support/results-fixtures.js';
import { messageOf, pdfBytes, upload } from '../support/self-assessment-fixtures.js';
import { parseCsv } from '../../src/api/common/csv.js';

const tag = suffix().toUpperCase();
const code = `flow-${tag.toLowerCase()}-2030`;
const UNITS = ['U1', 'U2', 'U3'].map((u) => `${u}-${tag}`);
const [U1, U2, U3] = UNITS as [string, string, string];

/** The fixture tree in the seed's nested form (children inherit their field's agency). */
function seedTree(parent: string | null, agency: string): SeedCriterion[] {
  return TREE.filter((n) => n.parent === parent).map((n) => ({
    code: n.code,
    level: n.level,
    kind: n.kind,
    title: n.title,
    maxPoints: n.max,
    agencyCode: n.agency ?? agency,
    evidenceRequired: n.evidence ?? false,
    guidance: null,
    children: seedTree(n.code, n.agency ?? agency),
  }));
}

/** U2's round-1 score of 1.1, as a reason or a figure would give it away. */
const ROUND_1_SCORE = /\(2 điểm\)|"round1Score":2\b|lần 1 \(2/;

const FORMULA_ANSWER = '=HYPERLINK("http://attacker.example/x","Báo cáo quý IV đã bổ sung")';

const FULL = { '1.1': 4, '1.2': 6, '4.1': 0, '4.2': 0, '5': 0 } as Record<string, number>;
const snvItems = (overrides: Record<string, number> = {}) =>
  Object.entries({ ...FULL, ...overrides }).map(([criterionCode, score]) => ({
    criterionCode,
    score,
  }));

/** The run's MailDev messages of a campaign whose business key contains `part`. */
async function mailsOf(campaignId: string, part: string) {
  const res = await fetch(`${inject('mailApiUrl')}/email`);
  const all = (await res.json()) as {
    headers: Record<string, string>;
    subject: string;
    text: string;
  }[];
  return all.filter((m) => {
    const key = m.headers['x-par-business-key'] ?? '';
    return key.startsWith(`${campaignId}/`) && key.includes(part);
  });
}

describe('appraisal to announcement through the API, with the workflows', () => {
  let api: TestApi;
  let world: ApiWorkflowWorld;
  let campaignId: string;
  let base: string;
  const t: Record<string, string> = {};
  const token = (who: string) => t[who]!;

  beforeAll(async () => {
    // A server of its own on today's clock, as in campaign-workflow.test.ts: the API decides
    // with the real time, and other files move the shared server's clock.
    world = await startApiWorkflowWorld('par-flow-test-');
    ({ api } = world);
    ({ campaignId } = await seedCampaignPlan(api.dataSource, {
      campaign: { ...VINH_LONG_2021.campaign, code, year: 2030 },
      steps: stepsAroundToday(),
      agencies: AGENCIES,
      units: UNITS.map((unitCode, i) => ({
        code: unitCode,
        name: ['Sở Nội vụ', 'Sở Tư pháp', 'Sở Tài chính'][i]! + ' (kiểm thử)',
        group: 'department' as const,
        focalEmail: `cchc.${unitCode.toLowerCase()}@example.vn`,
        headEmail: `giamdoc.${unitCode.toLowerCase()}@example.vn`,
      })),
      indexSets: [
        {
          group: 'department',
          name: 'Bộ chỉ số kiểm thử',
          illustrative: true,
          source: 'kiểm thử',
          fields: seedTree(null, 'SNV').filter((n) => n.kind === 'regular' || n.kind === 'survey'),
          adjustments: seedTree(null, 'SNV').filter(
            (n) => n.kind === 'bonus' || n.kind === 'penalty',
          ),
        },
      ],
    }));
    base = `/campaigns/${campaignId}`;
    const db = api.dataSource;
    t.secretariat = await tokenFor(db, { role: 'secretariat', name: `Tổ thư ký ${tag}` });
    t.council = await tokenFor(db, { role: 'council', name: `Hội đồng ${tag}` });
    t.snv = await tokenFor(db, {
      role: 'appraiser',
      agencyCode: 'SNV',
      name: `SNV thẩm định ${tag}`,
    });
    t.stp = await tokenFor(db, {
      role: 'appraiser',
      agencyCode: 'STP',
      name: `STP thẩm định ${tag}`,
    });
    for (const unitCode of UNITS) {
      t[unitCode] = await tokenFor(db, { role: 'unit', unitCode, name: `Đầu mối ${unitCode}` });
    }
  });

  afterAll(() => world?.close({ id: campaignId, code }));

  it('launches; the units submit their self-assessments', async () => {
    const launch = await call(api, 'POST', `${base}/launch`, { token: token('secretariat') });
    expect(launch.status, JSON.stringify(launch.body)).toBeLessThan(300);
    await waitFor(
      () => call(api, 'GET', `${base}/units/${U2}/state`, { token: token(U2) }),
      (res) => res.status === 200,
    );
    for (const unitCode of UNITS) {
      const evidence = await upload(api, `${base}/units/${unitCode}/evidence`, {
        token: token(unitCode),
        fileName: 'Kế hoạch CCHC.pdf',
        bytes: pdfBytes(unitCode),
        fields: { criterionCode: '1.1' },
      });
      expect(evidence.status).toBe(201);
      const sa = `${base}/units/${unitCode}/self-assessment`;
      const draft = await call(api, 'PUT', `${sa}/draft`, {
        token: token(unitCode),
        body: {
          items: [
            ...snvItems().map((i) =>
              i.criterionCode === '1.1' ? { ...i, evidenceIds: [evidence.body.id] } : i,
            ),
            { criterionCode: '2.1', score: 5 },
            { criterionCode: '2.2', score: 5 },
          ],
        },
      });
      expect(draft.body.missing).toEqual([]);
      expect((await call(api, 'POST', `${sa}/submit`, { token: token(unitCode) })).status).toBe(
        200,
      );
    }
  });

  it('takes round 1 from both agencies', async () => {
    for (const unitCode of UNITS) {
      const snv = await call(api, 'PUT', `${base}/units/${unitCode}/appraisals/rounds/1`, {
        token: token('snv'),
        body: {
          items: snvItems(unitCode === U2 ? { '1.1': 2 } : unitCode === U3 ? { '1.2': 3 } : {}),
        },
      });
      expect(snv.status, JSON.stringify(snv.body)).toBe(200);
      const stp = await call(api, 'PUT', `${base}/units/${unitCode}/appraisals/rounds/1`, {
        token: token('stp'),
        body: {
          items: [
            { criterionCode: '2.1', score: 5 },
            { criterionCode: '2.2', score: 5 },
          ],
        },
      });
      expect(stp.status).toBe(200);
    }
    const progress = await call(api, 'GET', `${base}/appraisals/progress`, {
      token: token('council'),
    });
    expect(progress.body.total).toEqual({ required: 21, entered: 21 });
  });

  it('confirms the proposals: stored with the step-6 deadline, then signalled to the unit', async () => {
    const generated = await call(api, 'POST', `${base}/explanation-proposals/generate`, {
      token: token('secretariat'),
      body: {},
    });
    expect(generated.status).toBe(200);
    // U1 and U3 scored what they claimed; U3's 1.2 (3 < 6) and U2's 1.1 (2 < 4) are proposed.
    expect(
      generated.body.flatMap((u: any) => u.requests.map((r: any) => [u.unitCode, r.criterionCode])),
    ).toEqual([
      [U2, '1.1'],
      [U3, '1.2'],
    ]);
    const dismissed = await call(api, 'PUT', `${base}/units/${U3}/explanation-proposals`, {
      token: token('secretariat'),
      body: { items: [{ criterionCode: '1.2', include: false }] },
    });
    expect(dismissed.status).toBe(200);

    const confirmed = await call(api, 'POST', `${base}/units/${U2}/explanation-proposals/confirm`, {
      token: token('secretariat'),
      body: {},
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const explanationStep = await call(api, 'GET', `${base}/steps`, {
      token: token('secretariat'),
    });
    const deadline = explanationStep.body.find((s: any) => s.kind === 'explanation').deadline;
    expect(confirmed.body.requests).toEqual([
      expect.objectContaining({
        criterionCode: '1.1',
        status: 'confirmed',
        reason: 'Kết quả thẩm định lần 1 chưa công nhận đủ điểm đơn vị tự chấm.',
        finding: 'Điểm thẩm định lần 1 (2 điểm) thấp hơn điểm đơn vị tự chấm (4 điểm).',
        deadline,
        confirmedBy: `Tổ thư ký ${tag}`,
      }),
    ]);
    const state = await waitFor(
      () => call(api, 'GET', `${base}/units/${U2}/state`, { token: token(U2) }),
      (res) => res.body.explanation?.request !== null,
    );
    expect(state.body.explanation.request).toMatchObject({
      criteria: ['1.1'],
      reason: 'Đề nghị đơn vị giải trình, bổ sung tài liệu kiểm chứng đối với các tiêu chí: 1.1.',
    });
    // The unit is mailed its list of criteria and the deadline, once.
    const requestMails = await waitFor(
      () => mailsOf(campaignId, `/unit:${U2}/explanation-request/`),
      (mails) => mails.length > 0,
    );
    expect(requestMails).toHaveLength(1);
    expect(requestMails[0]!.subject).toMatch(/Đề nghị giải trình 1 tiêu chí/);
    expect(requestMails[0]!.text).toContain(
      '1.1 ' /* the criterion's code, then its title and reason */,
    );
    expect(requestMails[0]!.text).toContain('chưa công nhận đủ điểm đơn vị tự chấm');
    expect(requestMails[0]!.text).not.toMatch(ROUND_1_SCORE);
    // Round 1 of U2 is closed now.
    const late = await call(api, 'PUT', `${base}/units/${U2}/appraisals/rounds/1`, {
      token: token('snv'),
      body: { items: [{ criterionCode: '1.1', score: 3 }] },
    });
    expect(late.status).toBe(409);
  });

  it('gives U2 no round-1 score before the results are announced, on any of its own routes', async () => {
    const unitRoutes = [
      `${base}/units/${U2}/explanation-requests`,
      `${base}/units/${U2}/state`,
      `${base}/units/${U2}/self-assessment`,
      `${base}/units/${U2}/evidence`,
      `${base}/participations`,
      `${base}/notifications?unitCode=${U2}`,
    ];
    for (const route of unitRoutes) {
      const res = await call(api, 'GET', route, { token: token(U2) });
      expect(res.status, route).toBe(200);
      expect(JSON.stringify(res.body), route).not.toMatch(ROUND_1_SCORE);
    }
    const mine = await call(api, 'GET', unitRoutes[0]!, { token: token(U2) });
    expect(mine.body.requests).toEqual([
      expect.objectContaining({
        criterionCode: '1.1',
        reason: 'Kết quả thẩm định lần 1 chưa công nhận đủ điểm đơn vị tự chấm.',
        finding: null,
        round1Score: null,
        round1Comment: null,
      }),
    ]);
    // Staff read the same request with the scores compared.
    const staff = await call(api, 'GET', unitRoutes[0]!, { token: token('secretariat') });
    expect(staff.body.requests[0]).toMatchObject({
      reason: 'Kết quả thẩm định lần 1 chưa công nhận đủ điểm đơn vị tự chấm.',
      finding: 'Điểm thẩm định lần 1 (2 điểm) thấp hơn điểm đơn vị tự chấm (4 điểm).',
      round1Score: 2,
    });
  });

  it('stores a request made directly (existing endpoint), and refuses one for a survey criterion', async () => {
    const survey = await call(api, 'POST', `${base}/units/${U3}/explanation-requests`, {
      token: token('secretariat'),
      body: { criteria: ['3.1'], reason: 'Kiểm tra' },
    });
    expect(survey.status).toBe(422);
    expect(messageOf(survey.body)).toMatch(/Tiêu chí 3\.1 lấy điểm từ điều tra xã hội học/);
    const stateU3 = await call(api, 'GET', `${base}/units/${U3}/state`, { token: token(U3) });
    expect(stateU3.body.explanation.request).toBeNull();

    const direct = await call(api, 'POST', `${base}/units/${U1}/explanation-requests`, {
      token: token('secretariat'),
      body: { criteria: ['1.2'], reason: 'Đề nghị bổ sung báo cáo quý IV.' },
    });
    expect(direct.status).toBe(202);
    expect(direct.body.explanation.request.criteria).toEqual(['1.2']);
    const rows = await api.dataSource.getRepository(ExplanationRequest).find({
      where: { status: 'confirmed' },
      relations: { criterion: true, participation: { unit: true } },
    });
    const mine = rows.filter((r) => UNITS.includes(r.participation!.unit!.code));
    expect(mine.map((r) => [r.participation!.unit!.code, r.criterion!.code, r.origin])).toEqual(
      expect.arrayContaining([
        [U2, '1.1', 'aggregation'],
        [U1, '1.2', 'secretariat'],
      ]),
    );
  });

  it('takes the units’ answers per criterion with evidence, then signals them', async () => {
    const extra = await upload(api, `${base}/units/${U2}/evidence`, {
      token: token(U2),
      fileName: 'Quyết định ban hành kế hoạch.pdf',
      bytes: pdfBytes('Quyết định'),
    });
    const foreign = await upload(api, `${base}/units/${U1}/evidence`, {
      token: token(U1),
      fileName: 'Báo cáo quý IV.pdf',
      bytes: pdfBytes('Quý IV'),
    });
    const notAsked = await call(api, 'POST', `${base}/units/${U2}/explanation`, {
      token: token(U2),
      body: { answers: [{ criterionCode: '1.2', text: 'Giải trình' }] },
    });
    expect(notAsked.status).toBe(422);
    expect(messageOf(notAsked.body)).toMatch(
      /Tiêu chí 1\.2 không thuộc các tiêu chí đơn vị được yêu cầu giải trình \(1\.1\)/,
    );
    const wrongFile = await call(api, 'POST', `${base}/units/${U2}/explanation`, {
      token: token(U2),
      body: { answers: [{ criterionCode: '1.1', text: 'x', evidenceIds: [foreign.body.id] }] },
    });
    expect(wrongFile.status).toBe(422);
    expect(messageOf(wrongFile.body)).toMatch(/không phải tệp được tải lên cho đơn vị này/);
    const empty = await call(api, 'POST', `${base}/units/${U2}/explanation`, {
      token: token(U2),
      body: {},
    });
    expect(empty.status).toBe(400);

    const answered = await call(api, 'POST', `${base}/units/${U2}/explanation`, {
      token: token(U2),
      body: {
        answers: [
          {
            criterionCode: '1.1',
            text: 'Kế hoạch ban hành ngày 15/01/2021 (Quyết định số 12/QĐ-STP), kèm theo.',
            evidenceIds: [extra.body.id],
          },
        ],
      },
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(202);
    await waitFor(
      () => call(api, 'GET', `${base}/units/${U2}/state`, { token: token(U2) }),
      (res) => res.body.explanation?.submittedAt !== null,
    );
    const general = await call(api, 'POST', `${base}/units/${U1}/explanation`, {
      token: token(U1),
      // Text a unit types goes into the score sheet staff open in Excel: a formula here must
      // come out as text (checked in the CSV export below).
      body: { text: FORMULA_ANSWER },
    });
    expect(general.status).toBe(202);

    const mine = await call(api, 'GET', `${base}/units/${U2}/explanation-requests`, {
      token: token(U2),
    });
    expect(mine.body.requests).toEqual([
      expect.objectContaining({
        criterionCode: '1.1',
        answerText: 'Kế hoạch ban hành ngày 15/01/2021 (Quyết định số 12/QĐ-STP), kèm theo.',
        answerEvidenceIds: [extra.body.id],
        answeredBy: `Đầu mối ${U2}`,
      }),
    ]);
    const other = await call(api, 'GET', `${base}/units/${U1}/explanation-requests`, {
      token: token(U2),
    });
    expect(other.status).toBe(403);
  });

  it('re-scores in round 2, imports survey points, fixes the scores and computes a tie', async () => {
    const r2 = await call(api, 'PUT', `${base}/units/${U2}/appraisals/rounds/2`, {
      token: token('snv'),
      body: { items: [{ criterionCode: '1.1', score: 4, comment: 'Đã bổ sung Quyết định' }] },
    });
    expect(r2.status).toBe(200);
    const survey = await call(api, 'POST', `${base}/survey-scores/import`, {
      token: token('secretariat'),
      body: { scores: UNITS.map((unit_code) => ({ unit_code, criterion_code: '3.1', points: 5 })) },
    });
    expect(survey.status).toBe(200);
    const fixed = await call(api, 'POST', `${base}/appraisals/fix`, {
      token: token('secretariat'),
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    // U1's 1.2 was asked about and not re-scored: its round-1 score stands.
    expect(fixed.body.keptRoundOne).toEqual([{ unitCode: U1, criteria: ['1.2'] }]);
    const computed = await call(api, 'POST', `${base}/results/compute`, {
      token: token('secretariat'),
    });
    expect(computed.status).toBe(200);
    expect(
      computed.body.groups[0].units.map((u: any) => [
        u.unitCode,
        u.rank,
        u.tied,
        u.indexText,
        u.band,
      ]),
    ).toEqual([
      [U1, 1, true, '100.00', 'Xuất sắc'],
      [U2, 1, true, '100.00', 'Xuất sắc'],
      [U3, 3, false, '88.00', 'Tốt'],
    ]);
  });

  it('writes a unit’s explanation that looks like a formula as text in the score-sheet CSV', async () => {
    const res = await fetch(`${api.url}${base}/units/${U1}/score-sheet?format=csv`, {
      headers: { authorization: `Bearer ${token('secretariat')}` },
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    const [headers, ...rows] = parseCsv(text);
    const column = headers!.indexOf('Giải trình của đơn vị');
    const row = rows.find((r) => r[1] === '1.2')!;
    expect(row[column]).toBe(`'${FORMULA_ANSWER}`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('records the council’s approval and the Chairman’s decision, which publishes the results', async () => {
    expect(
      (await call(api, 'POST', `${base}/steps/9/open`, { token: token('secretariat') })).status,
    ).toBe(202);
    await waitForStep(9, 'open');
    const approval = await call(api, 'POST', `${base}/council-approval`, {
      token: token('council'),
      body: { note: 'Hội đồng thông qua kết quả.' },
    });
    expect(approval.status).toBe(202);

    const early = await call(api, 'POST', `${base}/chairman-decision`, {
      token: token('secretariat'),
      body: { number: '456/QĐ-UBND', date: day(22) },
    });
    expect(early.status).toBe(409);
    expect(messageOf(early.body)).toMatch(/chưa mở: chỉ thực hiện được khi bước đang mở/);
    expect(
      (await call(api, 'POST', `${base}/steps/10/open`, { token: token('secretariat') })).status,
    ).toBe(202);
    await waitForStep(10, 'open');
    const before = await call(api, 'GET', `${base}/results`, { token: token(U3) });
    expect(before.status).toBe(403);

    const decided = await call(api, 'POST', `${base}/chairman-decision`, {
      token: token('secretariat'),
      body: { number: '456/QĐ-UBND', date: day(22) },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(202);
    expect(Date.parse(decided.body.resultsPublishedAt)).not.toBeNaN();
    await waitForStep(10, 'closed');
    const published = await call(api, 'GET', `${base}/results`, { token: token(U3) });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      status: 'published',
      decision: { number: '456/QĐ-UBND' },
    });
    expect(published.body.groups[0].units.map((u: any) => u.rank)).toEqual([1, 1, 3]);
    const audit = await api.dataSource.getRepository(AuditEntry).findBy({
      entityId: campaignId,
      action: 'campaign.chairman.decision',
    });
    expect(audit).toHaveLength(1);
    // Each unit is mailed its result, once.
    const resultMails = await waitFor(
      () => mailsOf(campaignId, '/results/'),
      (mails) => mails.length >= 3,
    );
    expect(resultMails.map((m) => /xếp hạng (\d+\/\d+)$/.exec(m.subject)?.[1]).sort()).toEqual([
      '1/3',
      '1/3',
      '3/3',
    ]);
    expect(resultMails.find((m) => m.subject.endsWith('3/3'))!.text).toContain('456/QĐ-UBND');

    const commendations = await call(api, 'GET', `${base}/commendations`, {
      token: token('secretariat'),
    });
    expect(commendations.status).toBe(200);
    // Default policy: the top 3 of each group.
    expect(commendations.body.proposals.map((p: any) => [p.unitCode, p.rank, p.tied])).toEqual([
      [U1, 1, true],
      [U2, 1, true],
      [U3, 3, false],
    ]);
    expect(commendations.body.proposals[0].reason).toMatch(
      /^Xếp hạng 1\/3 \(đồng hạng\) trong nhóm sở, ban, ngành tỉnh/,
    );
  });

  async function waitForStep(number: number, status: string) {
    const res = await waitFor(
      () => call(api, 'GET', `${base}/state`, { token: token('secretariat') }),
      (r) => r.body.steps?.find((s: any) => s.number === number)?.status === status,
    );
    expect(res.body.steps.find((s: any) => s.number === number).status).toBe(status);
  }
});

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}
