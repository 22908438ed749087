import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLocalDateTime } from '../../src/domain/local-time.js';
import {
  AuditEntry,
  Participation,
  SelfAssessment,
  StepExtension,
} from '../../src/entities/index.js';
import { call, startTestApi, tokenFor, type TestApi } from '../support/api.js';
import {
  type CampaignFixture,
  createCampaignFixture,
  DAY,
  messageOf,
  SELF_SCORED,
  upload,
} from '../support/self-assessment-fixtures.js';

let api: TestApi;
let dataDir: string;
let secretariat: string;
let admin: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'par-sa-test-'));
  api = await startTestApi({ dataDir });
  secretariat = await tokenFor(api.dataSource, {
    role: 'secretariat',
    name: 'Tổ thư ký - kiểm thử',
  });
  admin = await tokenFor(api.dataSource, { role: 'admin', name: 'Quản trị - kiểm thử' });
});

afterAll(async () => {
  await api?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Setup {
  fx: CampaignFixture;
  tokenA: string;
  tokenB: string;
  base: string;
  /** evidence id uploaded by unit A (for 1.2.1) */
  evidenceA: string;
}

async function setup(options: Parameters<typeof createCampaignFixture>[1] = {}): Promise<Setup> {
  const fx = await createCampaignFixture(api.dataSource, options);
  const tokenA = await tokenFor(api.dataSource, {
    role: 'unit',
    unitCode: fx.unitA.code,
    name: `Đầu mối CCHC ${fx.unitA.code}`,
  });
  const tokenB = await tokenFor(api.dataSource, {
    role: 'unit',
    unitCode: fx.unitB.code,
    name: `Đầu mối CCHC ${fx.unitB.code}`,
  });
  const base = `/campaigns/${fx.campaign.id}/units/${fx.unitA.code}/self-assessment`;
  const uploaded = await upload(
    api,
    `/campaigns/${fx.campaign.id}/units/${fx.unitA.code}/evidence`,
    {
      token: tokenA,
      fileName: 'Báo cáo định kỳ.pdf',
      fields: { criterionCode: '1.2.1' },
    },
  );
  expect(uploaded.status).toBe(201);
  return { fx, tokenA, tokenB, base, evidenceA: uploaded.body.id };
}

function completeItems(evidenceId: string) {
  return [
    { criterionCode: '1.1', score: 2, note: 'Ban hành kế hoạch CCHC đúng hạn' },
    { criterionCode: '1.2.1', score: 1.25, evidenceIds: [evidenceId] },
    { criterionCode: '1.2.2', notApplicable: true },
    { criterionCode: '9.1', score: 0.5 },
    { criterionCode: '10.1', score: 0 },
  ];
}

/** What a refused request must leave as it was. */
async function snapshot(s: Setup) {
  const view = await call(api, 'GET', s.base, { token: secretariat });
  const versions = await call(api, 'GET', `${s.base}/versions`, { token: secretariat });
  const participation = await api.dataSource
    .getRepository(Participation)
    .findOneByOrFail({ id: s.fx.participationA.id });
  const audits = await api.dataSource.getRepository(AuditEntry).count();
  return { view: view.body, versions: versions.body, status: participation.status, audits };
}

describe('self-assessment: draft, submit, read back', () => {
  it('shows a blank form with every self-scored leaf before the first draft', async () => {
    const s = await setup();
    const res = await call(api, 'GET', s.base, { token: s.tokenA });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      campaignId: s.fx.campaign.id,
      unitCode: s.fx.unitA.code,
      version: null,
      status: 'not_started',
      late: false,
      participationStatus: 'registered',
      deadline: s.fx.step.deadline!.toISOString(),
    });
    expect(res.body.items.map((i: any) => i.criterionCode)).toEqual(SELF_SCORED);
    expect(res.body.missing).toEqual(SELF_SCORED);
    expect(res.body.items[1]).toMatchObject({
      criterionCode: '1.2.1',
      title: 'Báo cáo định kỳ đúng hạn',
      maxPoints: 1.5,
      evidenceRequired: true,
      score: null,
      notApplicable: false,
      evidence: [],
    });
  });

  it('merges partial drafts by criterion, submits, and reads the submission back', async () => {
    const s = await setup();
    const first = await call(api, 'PUT', `${s.base}/draft`, {
      token: s.tokenA,
      body: { items: [{ criterionCode: '1.1', score: 1.5, note: 'Kế hoạch số 12/KH-SNV' }] },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 1, status: 'draft' });
    expect(first.body.missing).toEqual(['1.2.1', '1.2.2', '9.1', '10.1']);

    const second = await call(api, 'PUT', `${s.base}/draft`, {
      token: s.tokenA,
      body: {
        items: [
          { criterionCode: '1.1', score: 2 }, // note kept
          { criterionCode: '1.2.1', score: 1.25, evidenceIds: [s.evidenceA] },
          { criterionCode: '1.2.2', notApplicable: true },
          { criterionCode: '9.1', score: 0.5 },
          { criterionCode: '10.1', score: 0 },
        ],
      },
    });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      version: 1,
      status: 'draft',
      missing: [],
      missingEvidence: [],
    });
    expect(second.body.items[0]).toMatchObject({ score: 2, note: 'Kế hoạch số 12/KH-SNV' });

    const submitted = await call(api, 'POST', `${s.base}/submit`, { token: s.tokenA });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      campaignId: s.fx.campaign.id,
      unitCode: s.fx.unitA.code,
      participationId: s.fx.participationA.id,
      version: 1,
      late: false,
      submittedBy: `Đầu mối CCHC ${s.fx.unitA.code}`,
      participationStatus: 'submitted',
      deadline: s.fx.step.deadline!.toISOString(),
      deadlineExtended: false,
    });

    const read = await call(api, 'GET', s.base, { token: s.tokenA });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      version: 1,
      status: 'submitted',
      late: false,
      submittedAt: submitted.body.submittedAt,
      submittedBy: `Đầu mối CCHC ${s.fx.unitA.code}`,
      participationStatus: 'submitted',
    });
    const byCode = Object.fromEntries(read.body.items.map((i: any) => [i.criterionCode, i]));
    expect(byCode['1.1']).toMatchObject({
      score: 2,
      notApplicable: false,
      note: 'Kế hoạch số 12/KH-SNV',
    });
    expect(byCode['1.2.1']).toMatchObject({ score: 1.25 });
    expect(byCode['1.2.1'].evidence).toEqual([
      expect.objectContaining({
        id: s.evidenceA,
        fileName: 'Báo cáo định kỳ.pdf',
        downloadUrl: `/evidence/${s.evidenceA}/download`,
      }),
    ]);
    expect(byCode['1.2.2']).toMatchObject({ score: null, notApplicable: true });
    expect(byCode['10.1']).toMatchObject({ score: 0 });

    const participation = await api.dataSource
      .getRepository(Participation)
      .findOneByOrFail({ id: s.fx.participationA.id });
    expect(participation.status).toBe('submitted');

    // The campaign code works in place of its id.
    const byCodeUrl = await call(
      api,
      'GET',
      `/campaigns/${s.fx.campaign.code}/units/${s.fx.unitA.code}/self-assessment`,
      { token: s.tokenA },
    );
    expect(byCodeUrl.body).toMatchObject({ version: 1, status: 'submitted' });
  });

  it('starts a new version from the submitted items after a submit, and keeps the old one', async () => {
    const s = await setup();
    await call(api, 'PUT', `${s.base}/draft`, {
      token: s.tokenA,
      body: { items: completeItems(s.evidenceA) },
    });
    expect((await call(api, 'POST', `${s.base}/submit`, { token: s.tokenA })).status).toBe(200);

    const again = await call(api, 'POST', `${s.base}/submit`, { token: s.tokenA });
    expect(again.status).toBe(409);
    expect(messageOf(again.body)).toMatch(
      /Version 1 .* already submitted.*save a draft to start version 2/,
    );

    const draft2 = await call(api, 'PUT', `${s.base}/draft`, {
      token: s.tokenA,
      body: { items: [{ criterionCode: '1.1', score: 1.75 }] },
    });
    expect(draft2.status).toBe(200);
    expect(draft2.body).toMatchObject({
      version: 2,
      status: 'draft',
      submittedAt: null,
      missing: [],
    });
    const v2 = Object.fromEntries(draft2.body.items.map((i: any) => [i.criterionCode, i]));
    expect(v2['1.1']).toMatchObject({ score: 1.75, note: 'Ban hành kế hoạch CCHC đúng hạn' });
    expect(v2['1.2.1']).toMatchObject({ score: 1.25 });
    expect(v2['1.2.1'].evidence.map((e: any) => e.id)).toEqual([s.evidenceA]);
    expect(v2['1.2.2']).toMatchObject({ notApplicable: true });

    const v1 = await call(api, 'GET', `${s.base}?version=1`, { token: s.tokenA });
    expect(v1.body).toMatchObject({ version: 1, status: 'submitted' });
    expect(v1.body.items[0]).toMatchObject({ criterionCode: '1.1', score: 2 });

    const resubmitted = await call(api, 'POST', `${s.base}/submit`, { token: s.tokenA });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({ version: 2, late: false });

    const versions = await call(api, 'GET', `${s.base}/versions`, { token: s.tokenA });
    expect(versions.status).toBe(200);
    expect(versions.body).toEqual([
      expect.objectContaining({ version: 1, status: 'submitted', itemCount: 5, late: false }),
      expect.objectContaining({ version: 2, status: 'submitted', itemCount: 5, late: false }),
    ]);
    const latest = await call(api, 'GET', s.base, { token: s.tokenA });
    expect(latest.body).toMatchObject({ version: 2, status: 'submitted' });
    expect(latest.body.items[0]).toMatchObject({ score: 1.75 });
  });
});

describe('self-assessment: the window', () => {
  it("accepts a late submit and flags it when the campaign's policy is 'accept'", async () => {
    const s = await setup({
      latePolicy: 'accept',
      opensAt: new Date(Date.now() - 10 * DAY),
      deadline: new Date(Date.now() - DAY),
    });
    await call(api, 'PUT', `${s.base}/draft`, {
      token: s.tokenA,
      body: { items: completeItems(s.evidenceA) },
    });
    const res = await call(api, 'POST', `${s.base}/submit`, { token: s.tokenA });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ late: true, participationStatus: 'late', version: 1 });
    const read = await call(api, 'GET', s.base, { token: s.tokenA });
    expect(read.body).toMatchObject({
      status: 'submitted',
      late: true,
      participationStatus: 'late',
    });
  });

  it("refuses a late draft and submit with 409 naming the local deadline when the policy is 'refuse'", async () => {
    const deadline = new Date(Date.now() - DAY);
    const s = await setup({
      latePolicy: 'refuse',
      opensAt: new Date(Date.now() - 10 * DAY),
      deadline,
    });
    const before = await snapshot(s);
    const local = formatLocalDateTime(deadline, 'Asia/Ho_Chi_Minh');
    expect(local).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    const draft = await call(api, 'PUT', `${s.base}/draft`, {
      token: s.tokenA,
      body: { items: completeItems(s.evidenceA) },
    });
    const res = await call(api, 'POST', `${s.base}/submit`, { token: s.tokenA });
    for (const refused of [draft, res]) {
      expect(refused.status).toBe(409);
      expect(messageOf(refused.body)).toContain(`deadline passed on ${local} (Asia/Ho_Chi_Minh)`);
      expect(messageOf(refused.body)).toMatch(/refuses late submissions/);
    }
    expect(messageOf(draft.body)).toMatch(/can no longer be saved/);
    expect(messageOf(res.body)).toMatch(/can no longer be submitted/);
    expect(await snapshot(s)).toEqual(before);
    expect(before.view).toMatchObject({
      status: 'not_started',
      window: { phase: 'closed', closedBecause: 'refuses_late' },
    });
    expect(before.status).toBe('registered');
  });

  it("lets a unit's extension move its deadline", async () => {
    const s = await setup({
      latePolicy: 'refuse',
      opensAt: new Date(Date.now() - 10 * DAY),
      deadline: new Date(Date.now() - DAY),
    });
    const extendedTo = new Date(Date.now() + 2 * DAY);
    await api.dataSource.getRepository(StepExtension).save({
      participationId: s.fx.participationA.id,
      stepNumber: s.fx.step.number,
      deadline: extendedTo,
      reason: 'Đơn vị xin gia hạn do sáp nhập',
      grantedBy: 'Tổ thư ký',
    });
    await call(api, 'PUT', `${s.base}/draft`, {
      token: s.tokenA,
      body: { items: completeItems(s.evidenceA) },
    });
    const view = await call(api, 'GET', s.base, { token: s.tokenA });
    expect(view.body).toMatchObject({ deadline: extendedTo.toISOString(), deadlineExtended: true });

    const res = await call(api, 'POST', `${s.base}/submit`, { token: s.tokenA });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      late: false,
      deadline: extendedTo.toISOString(),
      deadlineExtended: true,
      participationStatus: 'submitted',
    });

    // Unit B has no extension: the step's own deadline refuses it.
    const baseB = `/campaigns/${s.fx.campaign.id}/units/${s.fx.unitB.code}/self-assessment`;
    await call(api, 'PUT', `${baseB}/draft`, {
      token: s.tokenB,
      body: { items: completeItems(s.evidenceA).map((i) => ({ ...i, evidenceIds: undefined })) },
    });
    const refused = await call(api, 'POST', `${baseB}/submit`, { token: s.tokenB });
    expect(refused.status).toBe(409);
    expect(messageOf(refused.body)).toMatch(/deadline passed/);
  });

  it('refuses a submit before the step opens, whatever the late policy', async () => {
    const opensAt = new Date(Date.now() + 2 * DAY);
    const s = await setup({
      latePolicy: 'accept',
      opensAt,
      deadline: new Date(Date.now() + 9 * DAY),
    });
    await call(api, 'PUT', `${s.base}/draft`, {
      token: s.tokenA,
      body: { items: completeItems(s.evidenceA) },
    });
    const before = await snapshot(s);
    const res = await call(api, 'POST', `${s.base}/submit`, { token: s.tokenA });
    expect(res.status).toBe(409);
    expect(messageOf(res.body)).toContain(
      `opens on ${formatLocalDateTime(opensAt, 'Asia/Ho_Chi_Minh')} (Asia/Ho_Chi_Minh)`,
    );
    expect(await snapshot(s)).toEqual(before);
  });
});

describe('self-assessment: bad input changes nothing', () => {
  let s: Setup;
  let evidenceB: string;

  beforeAll(async () => {
    s = await setup();
    const res = await call(api, 'PUT', `${s.base}/draft`, {
      token: s.tokenA,
      body: { items: [{ criterionCode: '1.1', score: 1, note: 'ghi chú' }] },
    });
    expect(res.status).toBe(200);
    const other = await upload(
      api,
      `/campaigns/${s.fx.campaign.id}/units/${s.fx.unitB.code}/evidence`,
      {
        token: s.tokenB,
        fileName: 'Tài liệu của đơn vị khác.pdf',
      },
    );
    expect(other.status).toBe(201);
    evidenceB = other.body.id;
  });

  const cases: [string, () => unknown, number, RegExp][] = [
    [
      'a score above the maximum',
      () => ({ items: [{ criterionCode: '1.2.1', score: 2 }] }),
      422,
      /Tiêu chí 1\.2\.1: điểm 2 nằm ngoài khoảng 0\.\.1\.5 \(điểm tối đa là 1\.5\)/,
    ],
    [
      'a negative score',
      () => ({ items: [{ criterionCode: '1.1', score: -0.5 }] }),
      422,
      /Tiêu chí 1\.1: điểm -0\.5 nằm ngoài khoảng 0\.\.2/,
    ],
    [
      'more than two decimals',
      () => ({ items: [{ criterionCode: '1.1', score: 1.255 }] }),
      422,
      /Tiêu chí 1\.1: điểm 1\.255 có quá hai chữ số thập phân/,
    ],
    [
      'an unknown criterion code',
      () => ({ items: [{ criterionCode: '7.7.7', score: 1 }] }),
      422,
      /Tiêu chí 7\.7\.7 không có trong bộ chỉ số/,
    ],
    [
      'a survey criterion',
      () => ({ items: [{ criterionCode: '8.1', score: 1 }] }),
      422,
      /Tiêu chí 8\.1 lấy điểm từ kết quả điều tra xã hội học, không do đơn vị tự đánh giá/,
    ],
    [
      'a criterion with sub-criteria',
      () => ({ items: [{ criterionCode: '1.2', score: 1 }] }),
      422,
      /Tiêu chí 1\.2 có tiêu chí thành phần \(1\.2\.1, 1\.2\.2\)/,
    ],
    [
      'several problems at once',
      () => ({
        items: [
          { criterionCode: '9.1', score: 5 },
          { criterionCode: 'X', score: 1 },
        ],
      }),
      422,
      /2 problems: Tiêu chí 9\.1: điểm 5 nằm ngoài khoảng 0\.\.2.*Tiêu chí X không có trong bộ chỉ số/,
    ],
    [
      'a score with notApplicable',
      () => ({ items: [{ criterionCode: '1.1', score: 1, notApplicable: true }] }),
      422,
      /criterion 1\.1: a score and notApplicable: true exclude each other/,
    ],
    [
      'a score given as text',
      () => ({ items: [{ criterionCode: '1.1', score: '2' }] }),
      400,
      /items\.0\.score must be a number/,
    ],
    [
      'notApplicable given as text',
      () => ({ items: [{ criterionCode: '1.1', notApplicable: 'yes' }] }),
      400,
      /items\.0\.notApplicable must be a boolean/,
    ],
    [
      'notApplicable null',
      () => ({ items: [{ criterionCode: '1.1', notApplicable: null }] }),
      400,
      /items\.0\.notApplicable must be a boolean/,
    ],
    ['a missing criterion code', () => ({ items: [{ score: 1 }] }), 400, /items\.0\.criterionCode/],
    [
      'items that are not a list',
      () => ({ items: { criterionCode: '1.1' } }),
      400,
      /items must be an array/,
    ],
    ['no items', () => ({}), 400, /items must be an array/],
    [
      'an unknown field',
      () => ({ items: [{ criterionCode: '1.1', points: 2 }] }),
      400,
      /property points should not exist/,
    ],
    [
      'a criterion twice',
      () => ({
        items: [
          { criterionCode: '1.1', score: 1 },
          { criterionCode: '1.1', score: 2 },
        ],
      }),
      400,
      /repeated: 1\.1/,
    ],
    [
      'an evidence id that is not a UUID',
      () => ({ items: [{ criterionCode: '1.1', evidenceIds: ['abc'] }] }),
      400,
      /evidenceIds must be a UUID/,
    ],
    [
      'an unknown evidence id',
      () => ({
        items: [{ criterionCode: '1.1', evidenceIds: ['7c9e6679-7425-40de-944b-e07fc1f90ae7'] }],
      }),
      422,
      /evidence 7c9e6679-7425-40de-944b-e07fc1f90ae7 is not a file uploaded for unit SA/,
    ],
    [
      "another unit's evidence",
      () => ({ items: [{ criterionCode: '1.2.1', evidenceIds: [evidenceB] }] }),
      422,
      new RegExp(`evidence ${'[0-9a-f-]{36}'} is not a file uploaded for unit SA`),
    ],
  ];

  it.each(cases)('refuses %s', async (_, body, status, message) => {
    const before = await snapshot(s);
    const res = await call(api, 'PUT', `${s.base}/draft`, { token: s.tokenA, body: body() });
    expect(res.status).toBe(status);
    expect(messageOf(res.body)).toMatch(message);
    expect(await snapshot(s)).toEqual(before);
    expect(before.view.items[0]).toMatchObject({ criterionCode: '1.1', score: 1, note: 'ghi chú' });
  });

  it('refuses malformed JSON with 400', async () => {
    const before = await snapshot(s);
    const res = await call(api, 'PUT', `${s.base}/draft`, {
      token: s.tokenA,
      rawBody: '{"items": [{"criterionCode": "1.1", "score": 2,}]}',
    });
    expect(res.status).toBe(400);
    expect(messageOf(res.body)).toMatch(/JSON at position 47/);
    expect(await snapshot(s)).toEqual(before);
  });

  it('names the unknown campaign, the unknown unit, and a unit that does not take part', async () => {
    const before = await snapshot(s);
    const body = { items: [{ criterionCode: '1.1', score: 2 }] };
    const unknownCampaign = await call(
      api,
      'PUT',
      `/campaigns/${randomUUID()}/units/${s.fx.unitA.code}/self-assessment/draft`,
      { token: admin, body },
    );
    expect(unknownCampaign.status).toBe(404);
    expect(messageOf(unknownCampaign.body)).toMatch(/No campaign "[0-9a-f-]{36}"/);
    const unknownCode = await call(
      api,
      'GET',
      `/campaigns/no-such-campaign/units/${s.fx.unitA.code}/self-assessment`,
      { token: admin },
    );
    expect(unknownCode.status).toBe(404);
    expect(messageOf(unknownCode.body)).toContain('No campaign "no-such-campaign"');
    const unknownUnit = await call(
      api,
      'PUT',
      `/campaigns/${s.fx.campaign.id}/units/NOPE${s.fx.suffix}/self-assessment/draft`,
      { token: admin, body },
    );
    expect(unknownUnit.status).toBe(404);
    expect(messageOf(unknownUnit.body)).toContain(`No unit with code "NOPE${s.fx.suffix}"`);
    const outsider = await call(
      api,
      'PUT',
      `/campaigns/${s.fx.campaign.id}/units/${s.fx.outsider.code}/self-assessment/draft`,
      { token: admin, body },
    );
    expect(outsider.status).toBe(404);
    expect(messageOf(outsider.body)).toContain(
      `Unit ${s.fx.outsider.code} does not take part in campaign ${s.fx.campaign.code}`,
    );
    expect(await snapshot(s)).toEqual(before);
  });

  it('checks ?version', async () => {
    const bad = await call(api, 'GET', `${s.base}?version=abc`, { token: s.tokenA });
    expect(bad.status).toBe(400);
    expect(messageOf(bad.body)).toMatch(/version must be an integer/);
    const missing = await call(api, 'GET', `${s.base}?version=9`, { token: s.tokenA });
    expect(missing.status).toBe(404);
    expect(messageOf(missing.body)).toContain(`has no self-assessment version 9`);
  });

  it('refuses a submit that leaves leaves unscored, naming them', async () => {
    const before = await snapshot(s);
    const res = await call(api, 'POST', `${s.base}/submit`, { token: s.tokenA });
    expect(res.status).toBe(422);
    expect(messageOf(res.body)).toContain(
      'not scored (give a score or notApplicable: true): 1.2.1, 1.2.2, 9.1, 10.1',
    );
    expect(await snapshot(s)).toEqual(before);
  });

  it('refuses a submit when a leaf that requires evidence has none, naming it', async () => {
    const other = await setup();
    const items = completeItems(other.evidenceA).map((i) => ({ ...i, evidenceIds: undefined }));
    await call(api, 'PUT', `${other.base}/draft`, { token: other.tokenA, body: { items } });
    const before = await snapshot(other);
    const res = await call(api, 'POST', `${other.base}/submit`, { token: other.tokenA });
    expect(res.status).toBe(422);
    expect(messageOf(res.body)).toContain('evidence required but none attached: 1.2.1');
    expect(await snapshot(other)).toEqual(before);

    // Not applicable needs no evidence.
    await call(api, 'PUT', `${other.base}/draft`, {
      token: other.tokenA,
      body: { items: [{ criterionCode: '1.2.1', notApplicable: true }] },
    });
    expect((await call(api, 'POST', `${other.base}/submit`, { token: other.tokenA })).status).toBe(
      200,
    );
  });

  it('refuses a submit with nothing to submit', async () => {
    const other = await setup();
    const res = await call(api, 'POST', `${other.base}/submit`, { token: other.tokenA });
    expect(res.status).toBe(409);
    expect(messageOf(res.body)).toMatch(/has no self-assessment draft .* save one first/);
  });
});

describe('self-assessment: access by role', () => {
  let s: Setup;
  let appraiser: string;
  let council: string;

  beforeAll(async () => {
    s = await setup();
    appraiser = await tokenFor(api.dataSource, {
      role: 'appraiser',
      agencyCode: s.fx.agency.code,
      name: 'Thẩm định viên - kiểm thử',
    });
    council = await tokenFor(api.dataSource, { role: 'council', name: 'Hội đồng - kiểm thử' });
    await call(api, 'PUT', `${s.base}/draft`, {
      token: s.tokenA,
      body: { items: [{ criterionCode: '1.1', score: 1 }] },
    });
  });

  it("gives a unit token 403 on another unit's self-assessment, for reads and writes", async () => {
    const before = await snapshot(s);
    const read = await call(api, 'GET', s.base, { token: s.tokenB });
    expect(read.status).toBe(403);
    expect(messageOf(read.body)).toContain(`This token acts for another unit`);
    expect(messageOf(read.body)).toContain(`not those of unit ${s.fx.unitA.code}`);
    expect((await call(api, 'GET', `${s.base}/versions`, { token: s.tokenB })).status).toBe(403);
    const write = await call(api, 'PUT', `${s.base}/draft`, {
      token: s.tokenB,
      body: { items: [{ criterionCode: '1.1', score: 2 }] },
    });
    expect(write.status).toBe(403);
    expect(messageOf(write.body)).toMatch(/only change its own self-assessment/);
    expect((await call(api, 'POST', `${s.base}/submit`, { token: s.tokenB })).status).toBe(403);
    expect(await snapshot(s)).toEqual(before);
  });

  it('lets appraiser and council tokens read but not write', async () => {
    const before = await snapshot(s);
    for (const token of [appraiser, council]) {
      // Only a draft so far: nothing submitted for them to read.
      const read = await call(api, 'GET', s.base, { token });
      expect(read.status).toBe(404);
      expect(read.body.code).toBe('not_found');
      expect(messageOf(read.body)).toMatch(/chưa nộp bản tự đánh giá nào/);
      expect((await call(api, 'GET', `${s.base}/versions`, { token })).body).toEqual([]);
      const write = await call(api, 'PUT', `${s.base}/draft`, {
        token,
        body: { items: [{ criterionCode: '1.1', score: 2 }] },
      });
      expect(write.status).toBe(403);
      expect(messageOf(write.body)).toMatch(/may not do this; allowed: admin, secretariat, unit/);
      expect((await call(api, 'POST', `${s.base}/submit`, { token })).status).toBe(403);
    }
    expect(await snapshot(s)).toEqual(before);
  });

  it('gives appraisers and the council the submitted version, the unit its newer draft', async () => {
    const r = await setup();
    await call(api, 'PUT', `${r.base}/draft`, {
      token: r.tokenA,
      body: { items: completeItems(r.evidenceA) },
    });
    expect((await call(api, 'POST', `${r.base}/submit`, { token: r.tokenA })).status).toBe(200);
    const edited = await call(api, 'PUT', `${r.base}/draft`, {
      token: r.tokenA,
      body: { items: [{ criterionCode: '1.1', score: 0.5, note: 'Đang sửa, chưa nộp' }] },
    });
    expect(edited.body).toMatchObject({ version: 2, status: 'draft' });

    for (const token of [appraiser, council]) {
      const read = await call(api, 'GET', r.base, { token });
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ version: 1, status: 'submitted' });
      expect(read.body.items[0]).toMatchObject({
        criterionCode: '1.1',
        score: 2,
        note: 'Ban hành kế hoạch CCHC đúng hạn',
      });
      const draft = await call(api, 'GET', `${r.base}?version=2`, { token });
      expect(draft.status).toBe(404);
      expect(messageOf(draft.body)).toMatch(/không có bản tự đánh giá đã nộp số 2/);
      const versions = await call(api, 'GET', `${r.base}/versions`, { token });
      expect(versions.body.map((v: any) => [v.version, v.status])).toEqual([[1, 'submitted']]);
    }
    for (const token of [r.tokenA, secretariat]) {
      const read = await call(api, 'GET', r.base, { token });
      expect(read.body).toMatchObject({ version: 2, status: 'draft' });
      expect(read.body.items[0]).toMatchObject({ criterionCode: '1.1', score: 0.5 });
    }
  });

  it('asks for a token', async () => {
    expect((await call(api, 'GET', s.base)).status).toBe(401);
  });

  it('lets the secretariat write on behalf of a unit, audited as such', async () => {
    const res = await call(api, 'PUT', `${s.base}/draft`, {
      token: secretariat,
      body: { items: [{ criterionCode: '9.1', score: 1 }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.items[3]).toMatchObject({ criterionCode: '9.1', score: 1 });
    const entry = await api.dataSource.getRepository(AuditEntry).findOneOrFail({
      where: { action: 'self_assessment.save_draft', entityId: await draftId(s) },
      order: { id: 'DESC' },
    });
    expect(entry).toMatchObject({
      actorName: 'Tổ thư ký - kiểm thử',
      actorRole: 'secretariat',
      entityType: 'self_assessment',
    });
    expect(entry.details).toMatchObject({
      unitCode: s.fx.unitA.code,
      version: 1,
      criteria: ['9.1'],
      onBehalfOfUnit: true,
    });
  });
});

async function draftId(s: Setup): Promise<string> {
  const sa = await api.dataSource.getRepository(SelfAssessment).findOneOrFail({
    where: { participationId: s.fx.participationA.id },
    order: { version: 'DESC' },
  });
  return sa.id;
}

describe('self-assessment: audit log', () => {
  it('records every draft save and the submit, with who, what and when', async () => {
    const s = await setup();
    await call(api, 'PUT', `${s.base}/draft`, {
      token: s.tokenA,
      body: { items: completeItems(s.evidenceA) },
    });
    const submitted = await call(api, 'POST', `${s.base}/submit`, { token: s.tokenA });
    expect(submitted.status).toBe(200);
    const entries = await api.dataSource.getRepository(AuditEntry).find({
      where: { entityId: submitted.body.selfAssessmentId },
      order: { id: 'ASC' },
    });
    expect(entries.map((e) => e.action)).toEqual([
      'self_assessment.save_draft',
      'self_assessment.submit',
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        actorName: `Đầu mối CCHC ${s.fx.unitA.code}`,
        actorRole: 'unit',
        entityType: 'self_assessment',
      });
      expect(entry.at).toBeInstanceOf(Date);
    }
    expect(entries[0]!.details).toMatchObject({
      criteria: SELF_SCORED,
      newVersion: true,
      onBehalfOfUnit: false,
    });
    expect(entries[1]!.details).toMatchObject({
      version: 1,
      late: false,
      participationStatus: 'submitted',
    });
  });
});
