/**
 * The running campaign through the API: launch, state queries, and the secretariat's, council's,
 * Chairman's and units' actions reaching the workflows as signals, each checked first so a bad
 * request gets a clear 4xx and changes nothing.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry, StepExtension } from '../../src/entities/index.js';
import { seedCampaignPlan } from '../../src/seed/seed.js';
import { VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import { call, type TestApi, tokenFor } from '../support/api.js';
import {
  type ApiWorkflowWorld,
  day,
  startApiWorkflowWorld,
  stepsAroundToday,
} from '../support/api-workflow-world.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const units = ['SNV', 'STP', 'STC'];

describe('campaign workflow through the API', () => {
  let api: TestApi;
  let world: ApiWorkflowWorld;
  let campaignId: string;
  let secretariat: string;
  let council: string;
  let snv: string;
  let stp: string;
  const code = `wf-api-${randomUUID().slice(0, 8)}-2030`;

  beforeAll(async () => {
    world = await startApiWorkflowWorld();
    ({ api } = world);
    // The 2021 plan's shape, with windows around today so the API's clock and the workflow's agree.
    ({ campaignId } = await seedCampaignPlan(api.dataSource, {
      ...VINH_LONG_2021,
      campaign: { ...VINH_LONG_2021.campaign, code, year: 2030 },
      units: VINH_LONG_2021.units.filter((u) => units.includes(u.code)),
      steps: stepsAroundToday(),
    }));
    secretariat = await tokenFor(api.dataSource, { role: 'secretariat', name: 'Tổ thư ký' });
    council = await tokenFor(api.dataSource, { role: 'council', name: 'Hội đồng thẩm định' });
    snv = await tokenFor(api.dataSource, { role: 'unit', unitCode: 'SNV', name: 'SNV đầu mối' });
    stp = await tokenFor(api.dataSource, { role: 'unit', unitCode: 'STP', name: 'STP đầu mối' });
  });

  afterAll(() => world?.close({ id: campaignId, code }));

  it('refuses workflow actions before launch', async () => {
    const res = await call(api, 'GET', `/campaigns/${campaignId}/state`, { token: secretariat });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/chưa được triển khai/);
  });

  it('launches, then reports the campaign and unit state from the workflows', async () => {
    const launch = await call(api, 'POST', `/campaigns/${campaignId}/launch`, {
      token: secretariat,
    });
    expect(launch.status).toBeLessThan(300);

    const state = await waitFor(
      () => call(api, 'GET', `/campaigns/${campaignId}/state`, { token: snv }),
      (res) =>
        res.status === 200 &&
        res.body.units === 3 &&
        res.body.steps.find((s: any) => s.number === 3)?.status === 'open',
    );
    expect(state.body.steps.find((s: any) => s.number === 3)).toMatchObject({ status: 'open' });
    expect(state.body.currentStep).toBe(3);
    expect(state.body.unitsByStatus).toEqual({ registered: 3 });

    const unit = await waitFor(
      () => call(api, 'GET', `/campaigns/${campaignId}/units/SNV/state`, { token: snv }),
      (res) => res.status === 200,
    );
    expect(unit.body).toMatchObject({ unitCode: 'SNV', status: 'registered' });
    // A unit sees only its own state.
    const other = await call(api, 'GET', `/campaigns/${campaignId}/units/STP/state`, {
      token: snv,
    });
    expect(other.status).toBe(403);
  });

  it('amends a deadline and grants an extension; the workflows re-arm', async () => {
    const newDeadline = DateTime.fromISO(`${day(11)}T23:59:59`, { zone: ZONE })
      .toUTC()
      .toISO()!;
    const amended = await call(api, 'POST', `/campaigns/${campaignId}/steps/3/deadline`, {
      token: secretariat,
      body: { deadline: newDeadline, reason: 'Điều chỉnh kế hoạch' },
    });
    expect(amended.status).toBe(202);
    // Today's years have working-day data: nothing to warn about.
    expect(amended.body.warnings).toEqual([]);
    const extension = DateTime.fromISO(`${day(12)}T23:59:59`, { zone: ZONE })
      .toUTC()
      .toISO()!;
    const granted = await call(api, 'POST', `/campaigns/${campaignId}/units/STP/extensions`, {
      token: secretariat,
      body: { stepNumber: 3, deadline: extension, reason: 'Đơn vị báo cáo khó khăn' },
    });
    expect(granted.status).toBe(201);
    expect(granted.body.warnings).toEqual([]);

    const step = await waitFor(
      () => call(api, 'GET', `/campaigns/${campaignId}/state`, { token: secretariat }),
      (res) =>
        res.body.steps?.find((s: any) => s.number === 3)?.deadline ===
        new Date(newDeadline).toISOString(),
    );
    expect(step.body.steps.find((s: any) => s.number === 3).deadline).toBe(
      new Date(newDeadline).toISOString(),
    );
    const stpState = await waitFor(
      () => call(api, 'GET', `/campaigns/${campaignId}/units/STP/state`, { token: stp }),
      (res) => res.body.selfAssessment?.deadline === new Date(extension).toISOString(),
    );
    expect(stpState.body.selfAssessment.deadline).toBe(new Date(extension).toISOString());
    const rows = await api.dataSource.getRepository(StepExtension).find({
      where: { stepNumber: 3, grantedBy: 'Tổ thư ký' },
    });
    expect(rows.some((r) => r.deadline.toISOString() === new Date(extension).toISOString())).toBe(
      true,
    );
    const audit = await api.dataSource.getRepository(AuditEntry).findBy({
      entityId: campaignId,
      action: 'campaign.step.amend_deadline',
    });
    expect(audit).toHaveLength(1);
  });

  it('routes explanation requests and answers to the unit workflow', async () => {
    const requested = await call(
      api,
      'POST',
      `/campaigns/${campaignId}/units/STP/explanation-requests`,
      { token: secretariat, body: { criteria: ['1.1.1'], reason: 'Thiếu tài liệu kiểm chứng' } },
    );
    expect(requested.status).toBe(202);
    await waitFor(
      () => call(api, 'GET', `/campaigns/${campaignId}/units/STP/state`, { token: stp }),
      (res) => res.body.explanation?.request !== null,
    );
    // SNV was not asked.
    const notAsked = await call(api, 'POST', `/campaigns/${campaignId}/units/SNV/explanation`, {
      token: snv,
      body: { text: 'Giải trình' },
    });
    expect(notAsked.status).toBe(409);
    expect(notAsked.body.message).toMatch(/Đơn vị «SNV» không được yêu cầu giải trình/);
    // Another unit's token cannot answer for STP.
    const wrongUnit = await call(api, 'POST', `/campaigns/${campaignId}/units/STP/explanation`, {
      token: snv,
      body: { text: 'Giải trình' },
    });
    expect(wrongUnit.status).toBe(403);
    const answered = await call(api, 'POST', `/campaigns/${campaignId}/units/STP/explanation`, {
      token: stp,
      body: { text: 'Đơn vị bổ sung Quyết định số 12/QĐ-STP.' },
    });
    expect(answered.status).toBe(202);
    const after = await waitFor(
      () => call(api, 'GET', `/campaigns/${campaignId}/units/STP/state`, { token: stp }),
      (res) => res.body.explanation?.submittedAt !== null,
    );
    expect(after.body.explanation.request.criteria).toEqual(['1.1.1']);
  });

  it('closes a step the secretariat owns, and records the council only in its step', async () => {
    const early = await call(api, 'POST', `/campaigns/${campaignId}/council-approval`, {
      token: council,
      body: { note: 'Thông qua' },
    });
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/chưa mở: chỉ thực hiện được khi bước đang mở/);

    const closed = await call(api, 'POST', `/campaigns/${campaignId}/steps/1/close`, {
      token: secretariat,
    });
    expect(closed.status).toBe(202);
    const state = await waitFor(
      () => call(api, 'GET', `/campaigns/${campaignId}/state`, { token: secretariat }),
      (res) => res.body.steps?.find((s: any) => s.number === 1)?.status === 'closed',
    );
    expect(state.body.steps.find((s: any) => s.number === 1)).toMatchObject({
      closedBy: 'secretariat',
    });
  });

  it.each([
    [
      'a unit token on a secretariat action',
      'POST',
      'steps/2/close',
      'unit',
      undefined,
      403,
      /không được thực hiện thao tác này/,
    ],
    [
      'an unknown step',
      'POST',
      'steps/42/close',
      'secretariat',
      undefined,
      404,
      /không có bước 42/,
    ],
    [
      'a step number that is not a number',
      'POST',
      'steps/abc/close',
      'secretariat',
      undefined,
      400,
      /step number must be a positive integer/,
    ],
    [
      'closing a closed step',
      'POST',
      'steps/1/close',
      'secretariat',
      undefined,
      409,
      /bước đã đóng \(chỉ đóng được bước đang mở\)/,
    ],
    [
      'opening an open step',
      'POST',
      'steps/3/open',
      'secretariat',
      undefined,
      409,
      /: bước đang mở\./,
    ],
    [
      'a deadline that is not a date',
      'POST',
      'steps/3/deadline',
      'secretariat',
      { deadline: 'ngày mai' },
      400,
      /deadline must be an ISO 8601 instant/,
    ],
    [
      'an extension before the deadline',
      'POST',
      'units/SNV/extensions',
      'secretariat',
      { stepNumber: 3, deadline: `${new Date().getUTCFullYear() - 1}-01-01T00:00:00Z` },
      422,
      /Hạn gia hạn phải sau hạn của bước/,
    ],
    [
      'an extension of a secretariat step',
      'POST',
      'units/SNV/extensions',
      'secretariat',
      { stepNumber: 5, deadline: `${new Date().getUTCFullYear() + 1}-01-01T00:00:00Z` },
      422,
      /Chỉ gia hạn được các bước do đơn vị thực hiện/,
    ],
    [
      'an unknown unit',
      'POST',
      'units/NOPE/explanation-requests',
      'secretariat',
      { criteria: ['1.1'], reason: 'x' },
      404,
      /Không có đơn vị mã «NOPE»/,
    ],
    [
      'an explanation request without criteria',
      'POST',
      'units/SNV/explanation-requests',
      'secretariat',
      { criteria: [], reason: 'x' },
      400,
      /criteria must name at least one criterion code/,
    ],
    [
      'a Chairman decision with a bad date',
      'POST',
      'chairman-decision',
      'secretariat',
      { number: '1/QĐ-UBND', date: '28/02/2022' },
      400,
      /date must be a local date YYYY-MM-DD/,
    ],
  ] as const)('rejects %s', async (_what, method, path, who, body, status, message) => {
    const before = await api.dataSource.getRepository(AuditEntry).countBy({ entityId: campaignId });
    const token = who === 'unit' ? snv : secretariat;
    const res = await call(api, method, `/campaigns/${campaignId}/${path}`, { token, body });
    expect(res.status).toBe(status);
    expect([res.body.message].flat().join(' ')).toMatch(message);
    expect(await api.dataSource.getRepository(AuditEntry).countBy({ entityId: campaignId })).toBe(
      before,
    );
  });
});

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}
