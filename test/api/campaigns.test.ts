import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copiedCampaignCode,
  copiedCampaignName,
  shiftInstantByYears,
  shiftYearsInText,
} from '../../src/api/campaigns/campaign-copy.js';
import { buildCampaignWorkflowInput } from '../../src/api/campaigns/campaign-workflow-input.js';
import { launchProblems, type LaunchPlan } from '../../src/api/campaigns/launch-rules.js';
import { TEMPORAL_CLIENT } from '../../src/api/tokens.js';
import { Campaign, CampaignStep } from '../../src/entities/index.js';
import { CAMPAIGN_YEAR } from '../../src/contracts/search-attributes.js';
import { campaignWorkflowId } from '../../src/contracts/workflow-ids.js';
import { call, startTestApi, type TestApi } from '../support/api.js';
import {
  addParticipation,
  auditFor,
  createDraftCampaign,
  createUnit,
  deleteCampaigns,
  privateTimeSkippingServer,
  seedPlanCopy,
  staffTokens,
  suffix,
  type Tokens,
  unitToken,
  ZONE,
} from '../support/api-fixtures.js';

describe('campaign rules (pure)', () => {
  it('derives the workflow id from the code without its year', () => {
    expect(campaignWorkflowId('vinhlong-2021', 2021)).toBe('par-2021-vinhlong');
    expect(campaignWorkflowId('2021-vinhlong', 2021)).toBe('par-2021-vinhlong');
    expect(campaignWorkflowId('vinhlong', 2021)).toBe('par-2021-vinhlong');
    expect(campaignWorkflowId('vinh-long-2025-moi', 2025)).toBe('par-2025-vinh-long-moi');
  });

  it('moves dates by whole years on the local calendar of the zone', () => {
    // 24/12/2021 23:59:59 local (UTC+7) → 24/12/2022 23:59:59 local.
    const deadline = new Date('2021-12-24T16:59:59.000Z');
    expect(shiftInstantByYears(deadline, 1, ZONE).toISOString()).toBe('2022-12-24T16:59:59.000Z');
    // 00:00 local on 01/12/2021 is still 30/11 in UTC: the local date is what moves.
    expect(shiftInstantByYears(new Date('2021-11-30T17:00:00Z'), 1, ZONE).toISOString()).toBe(
      '2022-11-30T17:00:00.000Z',
    );
    // 29/02 becomes 28/02 in a year without it.
    expect(shiftInstantByYears(new Date('2024-02-29T05:00:00Z'), 1, ZONE).toISOString()).toBe(
      '2025-02-28T05:00:00.000Z',
    );
    // A zone with summer time: 12:00 local stays 12:00 local across the change of offset.
    expect(
      shiftInstantByYears(new Date('2021-03-27T11:00:00Z'), 1, 'Europe/Paris').toISOString(),
    ).toBe('2022-03-27T10:00:00.000Z');
  });

  it('moves years in codes, names and the plan wording', () => {
    expect(copiedCampaignCode('vinhlong-2021', 2021, 2022)).toBe('vinhlong-2022');
    expect(copiedCampaignCode('vinhlong', 2021, 2022)).toBe('vinhlong-2022');
    expect(copiedCampaignName('Chấm điểm Chỉ số CCHC năm 2021', 2021, 2022)).toBe(
      'Chấm điểm Chỉ số CCHC năm 2022',
    );
    expect(copiedCampaignName('Chấm điểm Chỉ số CCHC', 2021, 2022)).toBe(
      'Chấm điểm Chỉ số CCHC năm 2022',
    );
    expect(shiftYearsInText('Từ ngày 03-14/01/2022', 1)).toBe('Từ ngày 03-14/01/2023');
    expect(shiftYearsInText('Tháng 11/2021', 1)).toBe('Tháng 11/2022');
  });

  it('lists every reason a plan cannot be launched', () => {
    const d = (iso: string) => new Date(iso);
    const plan: LaunchPlan = {
      timeZone: ZONE,
      steps: [
        {
          number: 1,
          kind: 'setup',
          actor: 'secretariat',
          opensAt: null,
          deadline: null,
          startsAfterStep: null,
        },
        {
          number: 3,
          kind: 'self_assessment',
          actor: 'units',
          opensAt: d('2021-12-25T00:00:00Z'),
          deadline: d('2021-12-24T16:59:59Z'),
          startsAfterStep: null,
        },
        {
          number: 11,
          kind: 'commendation',
          actor: 'secretariat',
          opensAt: null,
          deadline: null,
          startsAfterStep: 12,
        },
      ],
      units: [
        { code: 'SNV', group: 'department' },
        { code: 'TPVL', group: 'district' },
      ],
      indexSets: [{ group: 'department', criteria: 40 }],
    };
    const problems = launchProblems(plan);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Bước 1 không có hạn và cũng không bắt đầu sau bước nào/),
      expect.stringMatching(/^Bước 3 mở \(25\/12\/2021 07:00\) sau hạn của chính bước đó/),
      expect.stringMatching(
        /^Bước 11 bắt đầu sau bước 12, nhưng đó không phải là một bước trước nó/,
      ),
      expect.stringMatching(/Các đơn vị nhóm «district» \(TPVL\).*chưa có bộ chỉ số/),
    ]);
    expect(problems[0]).toMatchObject({ step: 1 });
    expect(launchProblems({ ...plan, steps: [], units: [] }).map((p) => p.message)).toEqual([
      'Kế hoạch chưa có bước nào.',
      'Chưa có đơn vị nào tham gia: hãy thêm đơn vị tham gia trước khi triển khai.',
    ]);
  });

  it('builds the workflow input from rows, steps in order, instants in ISO', () => {
    const input = buildCampaignWorkflowInput(
      {
        id: 'c1',
        code: 'vinhlong-2021',
        year: 2021,
        name: 'Chấm điểm 2021',
        timeZone: ZONE,
        latePolicy: 'accept',
        launchedAt: null,
      },
      [
        {
          number: 11,
          kind: 'commendation',
          actor: 'secretariat',
          titleVi: 'Tham mưu khen thưởng',
          opensAt: null,
          deadline: null,
          startsAfterStep: 10,
        },
        {
          number: 3,
          kind: 'self_assessment',
          actor: 'units',
          titleVi: 'Tự đánh giá',
          opensAt: new Date('2021-11-30T17:00:00Z'),
          deadline: new Date('2021-12-24T16:59:59Z'),
          startsAfterStep: null,
        },
      ],
    );
    expect(input).toEqual({
      campaignId: 'c1',
      code: 'vinhlong-2021',
      year: 2021,
      name: 'Chấm điểm 2021',
      timeZone: ZONE,
      latePolicy: 'accept',
      steps: [
        {
          number: 3,
          kind: 'self_assessment',
          actor: 'units',
          titleVi: 'Tự đánh giá',
          opensAt: '2021-11-30T17:00:00.000Z',
          deadline: '2021-12-24T16:59:59.000Z',
          startsAfterStep: null,
        },
        {
          number: 11,
          kind: 'commendation',
          actor: 'secretariat',
          titleVi: 'Tham mưu khen thưởng',
          opensAt: null,
          deadline: null,
          startsAfterStep: 10,
        },
      ],
    });
  });
});

describe('campaigns API', () => {
  let api: TestApi;
  let tokens: Tokens;
  const campaignCodes: string[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    tokens = await staffTokens(api.dataSource);
  });

  afterAll(async () => {
    await deleteCampaigns(api.dataSource, campaignCodes);
    await api?.close();
  });

  async function plan2021() {
    const seeded = await seedPlanCopy(api.dataSource);
    campaignCodes.push(seeded.code);
    return seeded;
  }

  async function draft(options: Parameters<typeof createDraftCampaign>[1] = {}) {
    const campaign = await createDraftCampaign(api.dataSource, options);
    campaignCodes.push(campaign.code);
    return campaign;
  }

  describe('reading', () => {
    it('lists campaigns, filtered by year, to any valid token', async () => {
      const mine = await draft({ year: 2031 });
      const unit = await createUnit(api.dataSource);
      const asUnit = await unitToken(api.dataSource, unit.code);
      const all = await call(api, 'GET', '/campaigns', { token: asUnit });
      expect(all.status).toBe(200);
      expect(all.body.map((c: { code: string }) => c.code)).toContain(mine.code);
      const filtered = await call(api, 'GET', '/campaigns?year=2031', { token: tokens.council });
      expect(filtered.status).toBe(200);
      expect(filtered.body.every((c: { year: number }) => c.year === 2031)).toBe(true);
      expect(filtered.body.map((c: { code: string }) => c.code)).toContain(mine.code);
    });

    it('rejects a malformed or unknown query parameter', async () => {
      const bad = await call(api, 'GET', '/campaigns?year=twenty', { token: tokens.admin });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.message)).toMatch(/year must be an integer/);
      const unknown = await call(api, 'GET', '/campaigns?province=x', { token: tokens.admin });
      expect(unknown.status).toBe(400);
      expect(JSON.stringify(unknown.body.message)).toMatch(/property province should not exist/);
    });

    it('shows the 2021 plan: steps in order, instants and local dates', async () => {
      const { campaignId, code } = await plan2021();
      const unit = await createUnit(api.dataSource);
      const res = await call(api, 'GET', `/campaigns/${campaignId}`, {
        token: await unitToken(api.dataSource, unit.code),
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: campaignId,
        code,
        year: 2021,
        province: 'Vĩnh Long',
        timeZone: ZONE,
        status: 'draft',
        workflowId: null,
        currentStep: null,
      });
      expect(res.body.decisionRefs[0]).toMatchObject({
        number: '3176/QĐ-UBND',
        date: '2021-11-18',
      });
      expect(res.body.steps.map((s: { number: number }) => s.number)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
      ]);
      expect(res.body.steps[2]).toMatchObject({
        number: 3,
        kind: 'self_assessment',
        actor: 'units',
        opensAt: '2021-11-30T17:00:00.000Z',
        deadline: '2021-12-24T16:59:59.000Z',
        opensOn: '01/12/2021',
        closesOn: '24/12/2021',
        opensAtLocal: '01/12/2021 00:00',
        deadlineLocal: '24/12/2021 23:59',
        windowText: 'Từ ngày 01-24/12/2021',
        status: 'pending',
        openedAt: null,
        closedAt: null,
        closedBy: null,
        overdue: false,
      });
      expect(res.body.steps[10]).toMatchObject({
        number: 11,
        opensAt: null,
        deadline: null,
        opensOn: null,
        closesOn: null,
        startsAfterStep: 10,
      });
      const steps = await call(api, 'GET', `/campaigns/${campaignId}/steps`, {
        token: tokens.appraiser,
      });
      expect(steps.status).toBe(200);
      expect(steps.body).toEqual(res.body.steps);
    });

    it('answers 404 naming an unknown id and 400 for a malformed one', async () => {
      const id = randomUUID();
      for (const path of [`/campaigns/${id}`, `/campaigns/${id}/steps`]) {
        const res = await call(api, 'GET', path, { token: tokens.admin });
        expect(res.status).toBe(404);
        expect(res.body.message).toBe(
          `Không có chiến dịch «${id}» (hãy gửi id hoặc mã của chiến dịch).`,
        );
      }
      // A code is as good as the id; something that is neither is refused, naming both.
      const byCode = await call(api, 'GET', '/campaigns/not-a-uuid', { token: tokens.admin });
      expect(byCode.status).toBe(404);
      expect(byCode.body.message).toBe(
        'Không có chiến dịch «not-a-uuid» (hãy gửi id hoặc mã của chiến dịch).',
      );
      const bad = await call(api, 'GET', '/campaigns/not%20a%20code', { token: tokens.admin });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(
        /\(campaign id must be a campaign's id \(a UUID\) or its code such as vinhlong-2021, got "not a code"\)$/,
      );
    });
  });

  describe('editing a draft', () => {
    it('changes name, late policy and decisions, with an audit row', async () => {
      const campaign = await draft();
      const refs = [{ number: '3000/QĐ-UBND', date: '2021-11-10', title: 'Kế hoạch mới' }];
      const res = await call(api, 'PATCH', `/campaigns/${campaign.id}`, {
        token: tokens.secretariat,
        body: { name: 'Tên mới', latePolicy: 'refuse', decisionRefs: refs },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Tên mới', latePolicy: 'refuse', decisionRefs: refs });
      const audit = await auditFor(api, campaign.id);
      expect(audit.at(-1)).toMatchObject({
        action: 'campaign.update',
        entityType: 'campaign',
        actorRole: 'secretariat',
      });
      expect(audit.at(-1)!.details).toMatchObject({
        changed: ['name', 'decisionRefs', 'latePolicy'],
        before: { name: campaign.name, latePolicy: 'accept' },
      });
    });

    it('keeps local dates when the time zone changes', async () => {
      const campaign = await draft();
      const res = await call(api, 'PATCH', `/campaigns/${campaign.id}`, {
        token: tokens.admin,
        body: { timeZone: 'Asia/Tokyo' },
      });
      expect(res.status).toBe(200);
      expect(res.body.timeZone).toBe('Asia/Tokyo');
      const step3 = res.body.steps.find((s: { number: number }) => s.number === 3);
      expect(step3).toMatchObject({
        deadline: '2021-12-24T14:59:59.000Z',
        closesOn: '24/12/2021',
        deadlineLocal: '24/12/2021 23:59',
        opensAt: '2021-11-30T15:00:00.000Z',
      });
    });

    it.each([
      [{ latePolicy: 'maybe' }, /latePolicy must be one of the following values: accept, refuse/],
      [{ timeZone: 'Mars/Olympus' }, /timeZone must be an IANA time zone/],
      [{ name: 42 }, /name must be a string/],
      [{ name: null }, /name must be a string/],
      [{ nickname: 'x' }, /property nickname should not exist/],
      [
        { decisionRefs: [{ number: '1', date: '18/11/2021', title: 't' }] },
        /decisionRefs\.0\.date must be a local date YYYY-MM-DD/,
      ],
      [{ decisionRefs: 'none' }, /decisionRefs must be an array/],
      [{}, /Yêu cầu không nêu thông tin nào cần thay đổi/],
    ])('refuses %j with a 400 naming the problem, changing nothing', async (body, message) => {
      const campaign = await draft();
      const res = await call(api, 'PATCH', `/campaigns/${campaign.id}`, {
        token: tokens.admin,
        body,
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch(message);
      const after = await api.dataSource
        .getRepository(Campaign)
        .findOneByOrFail({ id: campaign.id });
      expect(after).toMatchObject({ name: campaign.name, latePolicy: 'accept', timeZone: ZONE });
      expect(await auditFor(api, campaign.id)).toEqual([]);
    });

    it('refuses malformed JSON with a 400', async () => {
      const campaign = await draft();
      const res = await call(api, 'PATCH', `/campaigns/${campaign.id}`, {
        token: tokens.admin,
        rawBody: '{"name": "x",',
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/Malformed JSON in the request body/);
    });

    it('moves a step by local dates or instants, and clears dates with null', async () => {
      const campaign = await draft();
      const path = `/campaigns/${campaign.id}/steps/3`;
      const byDates = await call(api, 'PATCH', path, {
        token: tokens.secretariat,
        body: { opensOn: '2021-12-02', closesOn: '2021-12-27', titleVi: 'Tự đánh giá, chấm điểm' },
      });
      expect(byDates.status).toBe(200);
      expect(byDates.body.steps.find((s: { number: number }) => s.number === 3)).toMatchObject({
        titleVi: 'Tự đánh giá, chấm điểm',
        opensAt: '2021-12-01T17:00:00.000Z',
        deadline: '2021-12-27T16:59:59.000Z',
        closesOn: '27/12/2021',
      });
      const byInstant = await call(api, 'PATCH', `/campaigns/${campaign.id}/steps/4`, {
        token: tokens.secretariat,
        body: { deadline: '2022-01-05T23:59:59+07:00', opensAt: null, lead: 'Tổ thư ký' },
      });
      expect(byInstant.status).toBe(200);
      expect(byInstant.body.steps.find((s: { number: number }) => s.number === 4)).toMatchObject({
        deadline: '2022-01-05T16:59:59.000Z',
        opensAt: null,
        lead: 'Tổ thư ký',
      });
      const audit = await auditFor(
        api,
        (
          await api.dataSource
            .getRepository(CampaignStep)
            .findOneByOrFail({ campaignId: campaign.id, number: 3 })
        ).id,
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'campaign_step.update',
        entityType: 'campaign_step',
      });
      expect(audit[0]!.details).toMatchObject({
        step: 3,
        before: { deadline: '2021-12-24T16:59:59.000Z' },
      });
    });

    it.each([
      [
        { opensOn: '2021-12-01', opensAt: '2021-11-30T17:00:00Z' },
        /Chỉ gửi một trong hai trường: opensOn .* hoặc opensAt/,
      ],
      [{ closesOn: '2021-11-01' }, /Bước 3 sẽ mở .* sau hạn của chính bước đó/],
      [{ closesOn: '2021-02-30' }, /closesOn must be a local date YYYY-MM-DD that exists/],
      [{ deadline: '2021-12-24 23:59' }, /deadline must be an ISO 8601 instant with a zone/],
      [
        { startsAfterStep: 11 },
        /startsAfterStep\) phải là một bước trước đó trong kế hoạch; bước 3 không thể bắt đầu sau bước 11/,
      ],
      [{ startsAfterStep: 'two' }, /startsAfterStep must be an integer/],
      [{ kind: 'party' }, /kind must be one of the following values/],
      [{ titleVi: '' }, /titleVi should not be empty/],
      [{ number: 5 }, /property number should not exist/],
    ])('refuses step change %j with a 400, changing nothing', async (body, message) => {
      const campaign = await draft();
      const res = await call(api, 'PATCH', `/campaigns/${campaign.id}/steps/3`, {
        token: tokens.admin,
        body,
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch(message);
      const step = await api.dataSource
        .getRepository(CampaignStep)
        .findOneByOrFail({ campaignId: campaign.id, number: 3 });
      expect(step.deadline?.toISOString()).toBe('2021-12-24T16:59:59.000Z');
      expect(step.titleVi).toBe('Bước 3');
    });

    it('answers 404 for a step the plan does not have, 400 for a malformed number', async () => {
      const campaign = await draft();
      const missing = await call(api, 'PATCH', `/campaigns/${campaign.id}/steps/7`, {
        token: tokens.admin,
        body: { lead: 'x' },
      });
      expect(missing.status).toBe(404);
      expect(missing.body.message).toMatch(/không có bước 7 \(các bước của chiến dịch: 3, 4, 11\)/);
      const malformed = await call(api, 'PATCH', `/campaigns/${campaign.id}/steps/three`, {
        token: tokens.admin,
        body: { lead: 'x' },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.message).toMatch(
        /step number must be a positive integer up to 99, got "three"/,
      );
      const unknown = randomUUID();
      const noCampaign = await call(api, 'PATCH', `/campaigns/${unknown}/steps/3`, {
        token: tokens.admin,
        body: { lead: 'x' },
      });
      expect(noCampaign.status).toBe(404);
      expect(noCampaign.body.message).toBe(
        `Không có chiến dịch «${unknown}» (hãy gửi id hoặc mã của chiến dịch).`,
      );
    });
  });

  describe('copying to another year', () => {
    it("creates next year's draft with every date moved on the local calendar", async () => {
      const source = await plan2021();
      const code = `vinhlong-2022-${suffix()}`;
      campaignCodes.push(code);
      // The plain year shift ('keep'); placing dates on working days is in campaign-plans.test.ts.
      const res = await call(api, 'POST', `/campaigns/${source.campaignId}/copy`, {
        token: tokens.secretariat,
        body: { year: 2022, code, workingDays: { deadlines: 'keep', openings: 'keep' } },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        code,
        year: 2022,
        status: 'draft',
        copiedFromId: source.campaignId,
        decisionRefs: [],
        timeZone: ZONE,
        workflowId: null,
        copied: { steps: 11, indexSets: 2, participations: 25 },
      });
      expect(res.body.name).toMatch(/năm 2022/);
      expect(res.body.name).not.toMatch(/2021/);
      const step = (n: number) => res.body.steps.find((s: { number: number }) => s.number === n);
      // 24/12/2021 23:59:59 local → 24/12/2022 23:59:59 local (UTC+7).
      expect(step(3)).toMatchObject({
        opensAt: '2022-11-30T17:00:00.000Z',
        deadline: '2022-12-24T16:59:59.000Z',
        closesOn: '24/12/2022',
        deadlineLocal: '24/12/2022 23:59',
        windowText: 'Từ ngày 01-24/12/2022',
      });
      // 03/01/2022 00:00 local → 03/01/2023 00:00 local.
      expect(step(5)).toMatchObject({ opensAt: '2023-01-02T17:00:00.000Z', opensOn: '03/01/2023' });
      expect(step(11)).toMatchObject({ opensAt: null, deadline: null, startsAfterStep: 10 });

      // Index sets with their whole trees, and the participations.
      const [sourceSets, copySets] = await Promise.all(
        [source.campaignId, res.body.id].map(
          async (id) =>
            (await call(api, 'GET', `/campaigns/${id}/index-sets`, { token: tokens.admin })).body,
        ),
      );
      expect(copySets.map((s: any) => [s.group, s.criteria, s.maxPoints])).toEqual(
        sourceSets.map((s: any) => [s.group, s.criteria, s.maxPoints]),
      );
      expect(copySets.map((s: any) => s.id)).not.toEqual(sourceSets.map((s: any) => s.id));
      expect(res.body.copied.criteria).toBe(
        sourceSets.reduce((t: number, s: any) => t + s.criteria, 0),
      );
      const [sourceTree, copyTree] = await Promise.all(
        [sourceSets[0].id, copySets[0].id].map(
          async (id: string) =>
            (await call(api, 'GET', `/index-sets/${id}`, { token: tokens.admin })).body,
        ),
      );
      const strip = (nodes: any[]): any[] =>
        nodes.map(({ id: _id, children, ...rest }) => ({ ...rest, children: strip(children) }));
      expect(strip(copyTree.fields)).toEqual(strip(sourceTree.fields));
      const participations = await call(api, 'GET', `/campaigns/${res.body.id}/participations`, {
        token: tokens.admin,
      });
      expect(participations.body).toHaveLength(25);
      expect(participations.body.every((p: any) => p.status === 'registered')).toBe(true);

      const audit = await auditFor(api, res.body.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'campaign.copy', actorRole: 'secretariat' });
      expect(audit[0]!.details).toMatchObject({ sourceId: source.campaignId, years: 1, steps: 11 });
    });

    it('derives the code from the source, and refuses a code taken or the same year', async () => {
      const source = await draft({ year: 2023 });
      const derived = source.code.replace('-2023', '-2024');
      campaignCodes.push(derived);
      const first = await call(api, 'POST', `/campaigns/${source.id}/copy`, {
        token: tokens.admin,
        body: { year: 2024 },
      });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        code: derived,
        year: 2024,
        name: expect.stringMatching(/2024/),
      });
      const again = await call(api, 'POST', `/campaigns/${source.id}/copy`, {
        token: tokens.admin,
        body: { year: 2024 },
      });
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(new RegExp(`Đã có chiến dịch mã ${derived}`));
      const sameYear = await call(api, 'POST', `/campaigns/${source.id}/copy`, {
        token: tokens.admin,
        body: { year: 2023, code: `x-${suffix()}` },
      });
      expect(sameYear.status).toBe(400);
      expect(sameYear.body.message).toMatch(
        /Năm \(year\) phải khác năm của chiến dịch nguồn \(2023\)/,
      );
    });

    it.each([
      [{ year: '2022' }, /year must be an integer number/],
      [{}, /year must be an integer number/],
      [{ year: 2022, code: 'có dấu' }, /code must start with a letter or digit/],
      [{ year: 2022, copySteps: false }, /property copySteps should not exist/],
      [{ year: 1999 }, /year must not be less than 2000/],
    ])('refuses copy %j with a 400', async (body, message) => {
      const source = await draft();
      const res = await call(api, 'POST', `/campaigns/${source.id}/copy`, {
        token: tokens.admin,
        body,
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch(message);
      expect(
        await api.dataSource.getRepository(Campaign).countBy({ copiedFromId: source.id }),
      ).toBe(0);
    });

    it('answers 404 for an unknown source', async () => {
      const id = randomUUID();
      const res = await call(api, 'POST', `/campaigns/${id}/copy`, {
        token: tokens.admin,
        body: { year: 2022 },
      });
      expect(res.status).toBe(404);
      expect(res.body.message).toBe(
        `Không có chiến dịch «${id}» (hãy gửi id hoặc mã của chiến dịch).`,
      );
    });
  });

  describe('launching', () => {
    // Launches go to a time-skipping server of their own (see privateTimeSkippingServer), on a
    // task queue no worker polls: the workflow exists and waits for one.
    let temporalEnv: TestWorkflowEnvironment;
    let launchApi: TestApi;
    let temporal: Client;
    const taskQueue = `par-api-test-${suffix()}`;

    beforeAll(async () => {
      temporalEnv = await privateTimeSkippingServer();
      launchApi = await startTestApi({
        temporalAddress: temporalEnv.address,
        temporalTaskQueue: taskQueue,
      });
      temporal = launchApi.app.get<Client>(TEMPORAL_CLIENT);
    });

    afterAll(async () => {
      await launchApi?.close();
      await temporalEnv?.teardown();
    });

    it('refuses a plan that is not launchable with 422 listing every problem', async () => {
      const campaign = await draft({
        steps: [
          { number: 1, kind: 'setup', start: '2021-11-01', end: null },
          { number: 3, kind: 'self_assessment', start: '2021-12-01', end: '2021-12-24' },
        ],
      });
      const res = await call(launchApi, 'POST', `/campaigns/${campaign.id}/launch`, {
        token: tokens.secretariat,
      });
      expect(res.status).toBe(422);
      expect(res.body.message).toMatch(/Không thể triển khai chiến dịch .*: kế hoạch có 2 lỗi/);
      expect(res.body.errors).toEqual([
        {
          step: 1,
          message: expect.stringMatching(/^Bước 1 không có hạn và cũng không bắt đầu sau bước nào/),
        },
        { message: 'Chưa có đơn vị nào tham gia: hãy thêm đơn vị tham gia trước khi triển khai.' },
      ]);
      const after = await api.dataSource
        .getRepository(Campaign)
        .findOneByOrFail({ id: campaign.id });
      expect(after).toMatchObject({ status: 'draft', workflowId: null, launchedAt: null });
      expect(await auditFor(api, campaign.id)).toEqual([]);
    });

    it('wants an index set for every participating group', async () => {
      const campaign = await draft();
      const unit = await createUnit(api.dataSource, { group: 'commune' });
      await addParticipation(api.dataSource, campaign.id, unit.id);
      const res = await call(launchApi, 'POST', `/campaigns/${campaign.id}/launch`, {
        token: tokens.admin,
      });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        {
          message: `Các đơn vị nhóm «commune» (${unit.code}) tham gia nhưng chiến dịch chưa có bộ chỉ số cho nhóm này: hãy nhập bộ chỉ số.`,
        },
      ]);
    });

    it('starts the campaign workflow through Temporal and records the launch', async () => {
      const { campaignId, code } = await plan2021();
      const workflowId = campaignWorkflowId(code, 2021);
      expect(workflowId).toBe(`par-2021-vinhlong-${code.split('-').at(-1)}`);
      const res = await call(launchApi, 'POST', `/campaigns/${campaignId}/launch`, {
        token: tokens.secretariat,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: campaignId, status: 'launched', workflowId });
      expect(Date.parse(res.body.launchedAt)).toBeGreaterThan(Date.now() - 60_000);
      // Replaying 2021 today: its deadlines are past, which is said but does not stop the launch.
      expect(res.body.warnings[0]).toMatch(/^Bước 1: hạn 30\/11\/2021 23:59 đã qua/);

      const description = await temporal.workflow.getHandle(workflowId).describe();
      expect(description).toMatchObject({
        workflowId,
        type: 'campaignWorkflow',
        taskQueue,
        status: { name: 'RUNNING' },
      });
      // Filterable in the Web UI: ParCampaignYear = 2021.
      expect(description.typedSearchAttributes.get(CAMPAIGN_YEAR)).toBe(2021);
      const stored = await api.dataSource
        .getRepository(Campaign)
        .findOneByOrFail({ id: campaignId });
      expect(stored).toMatchObject({ status: 'launched', workflowId });
      const audit = await auditFor(api, campaignId);
      expect(audit.at(-1)).toMatchObject({
        action: 'campaign.launch',
        actorRole: 'secretariat',
        details: { workflowId, taskQueue },
      });

      // The workflow in the Temporal Web UI (TEMPORAL_UI_URL), for staff only.
      const asStaff = await call(api, 'GET', `/campaigns/${code}`, { token: tokens.secretariat });
      expect(asStaff.body.workflowUrl).toBe(
        `http://127.0.0.1:8233/namespaces/default/workflows/${workflowId}`,
      );
      const asCouncil = await call(api, 'GET', `/campaigns/${code}`, { token: tokens.council });
      expect(asCouncil.status).toBe(200);
      expect(asCouncil.body.workflowUrl).toBeNull();

      // Launched: no second launch, and the plan is no longer edited here.
      const again = await call(launchApi, 'POST', `/campaigns/${campaignId}/launch`, {
        token: tokens.secretariat,
      });
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(
        new RegExp(`đã được triển khai \\(trạng thái: đang triển khai, quy trình ${workflowId}\\)`),
      );
      for (const [method, path, body] of [
        ['PATCH', `/campaigns/${campaignId}`, { name: 'x' }],
        ['PATCH', `/campaigns/${campaignId}/steps/3`, { closesOn: '2021-12-31' }],
        ['POST', `/campaigns/${campaignId}/participations`, { unitCode: 'SNV' }],
        ['DELETE', `/campaigns/${campaignId}/participations/SNV`, undefined],
      ] as const) {
        const res409 = await call(api, method, path, { token: tokens.admin, body });
        expect(res409.status, `${method} ${path}`).toBe(409);
        expect(res409.body.message).toMatch(
          /đang triển khai .*chỉ thay đổi được trước khi triển khai/,
        );
        expect(res409.body.message).toMatch(
          /Hạn của chiến dịch đang triển khai được điều chỉnh qua quy trình của chiến dịch/,
        );
      }
      const steps = await api.dataSource
        .getRepository(CampaignStep)
        .findOneByOrFail({ campaignId, number: 3 });
      expect(steps.deadline?.toISOString()).toBe('2021-12-24T16:59:59.000Z');
    });

    it('answers 404 for an unknown campaign and 400 for a malformed id', async () => {
      const id = randomUUID();
      const missing = await call(api, 'POST', `/campaigns/${id}/launch`, { token: tokens.admin });
      expect(missing.status).toBe(404);
      expect(missing.body.message).toBe(
        `Không có chiến dịch «${id}» (hãy gửi id hoặc mã của chiến dịch).`,
      );
      const bad = await call(api, 'POST', '/campaigns/$$/launch', { token: tokens.admin });
      expect(bad.status).toBe(400);
    });
  });

  describe('participations', () => {
    it('adds, lists and removes units before launch, with audit rows', async () => {
      const campaign = await draft();
      const [a, b] = [await createUnit(api.dataSource), await createUnit(api.dataSource)];
      for (const unit of [a, b]) {
        const res = await call(api, 'POST', `/campaigns/${campaign.id}/participations`, {
          token: tokens.secretariat,
          body: { unitCode: unit.code },
        });
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
          campaignId: campaign.id,
          unit: { code: unit.code, name: unit.name, group: 'department' },
          status: 'registered',
        });
        expect(await auditFor(api, res.body.id)).toMatchObject([
          { action: 'participation.create', details: { unitCode: unit.code } },
        ]);
      }
      const dup = await call(api, 'POST', `/campaigns/${campaign.id}/participations`, {
        token: tokens.secretariat,
        body: { unitCode: a.code },
      });
      expect(dup.status).toBe(409);
      expect(dup.body.message).toMatch(new RegExp(`Đơn vị ${a.code} đã tham gia chiến dịch`));

      const staff = await call(api, 'GET', `/campaigns/${campaign.id}/participations`, {
        token: tokens.council,
      });
      expect(staff.body.map((p: any) => p.unit.code).sort()).toEqual([a.code, b.code].sort());
      const own = await call(api, 'GET', `/campaigns/${campaign.id}/participations`, {
        token: await unitToken(api.dataSource, a.code),
      });
      expect(own.status).toBe(200);
      expect(own.body.map((p: any) => p.unit.code)).toEqual([a.code]);

      const removed = await call(
        api,
        'DELETE',
        `/campaigns/${campaign.id}/participations/${b.code}`,
        {
          token: tokens.admin,
        },
      );
      expect(removed.status).toBe(204);
      const gone = await call(api, 'DELETE', `/campaigns/${campaign.id}/participations/${b.code}`, {
        token: tokens.admin,
      });
      expect(gone.status).toBe(404);
      expect(gone.body.message).toMatch(new RegExp(`Đơn vị ${b.code} không tham gia chiến dịch`));
      const after = await call(api, 'GET', `/campaigns/${campaign.id}/participations`, {
        token: tokens.admin,
      });
      expect(after.body.map((p: any) => p.unit.code)).toEqual([a.code]);
    });

    it('refuses unknown units, missing or extra fields', async () => {
      const campaign = await draft();
      const path = `/campaigns/${campaign.id}/participations`;
      const unknown = await call(api, 'POST', path, {
        token: tokens.admin,
        body: { unitCode: `NOPE-${suffix()}` },
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.message).toMatch(/^Không có đơn vị mã «NOPE-/);
      const missing = await call(api, 'POST', path, { token: tokens.admin, body: {} });
      expect(missing.status).toBe(400);
      expect(missing.body.message).toBe(
        'Hãy gửi unitCode (mã một đơn vị), unitCodes (danh sách mã đơn vị) hoặc groups (các nhóm đơn vị).',
      );
      const extra = await call(api, 'POST', path, {
        token: tokens.admin,
        body: { unitCode: 'SNV', status: 'submitted' },
      });
      expect(extra.status).toBe(400);
      expect(JSON.stringify(extra.body.message)).toMatch(/property status should not exist/);
      const list = await call(api, 'GET', path, { token: tokens.admin });
      expect(list.body).toEqual([]);
      const noCampaign = await call(api, 'GET', `/campaigns/${randomUUID()}/participations`, {
        token: tokens.admin,
      });
      expect(noCampaign.status).toBe(404);
    });
  });
});
