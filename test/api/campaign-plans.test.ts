/**
 * Issue 15, preparing next year's campaign: a copy keeps working days (and says what moved and
 * why), a campaign is created from scratch or from a plan file, a draft's steps are added and
 * removed, and many units join in one request. Real PostgreSQL through the API; launches go to a
 * private time-skipping server, on a task queue no worker polls.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamBusinessCalendar } from '../../src/domain/calendar/vietnam.js';
import { Participation } from '../../src/entities/index.js';
import { call, startTestApi, type TestApi } from '../support/api.js';
import { PLAN_STEPS_HEADER } from '../support/commune-2025.js';
import {
  auditFor,
  deleteCampaigns,
  privateTimeSkippingServer,
  seedPlanCopy,
  staffTokens,
  suffix,
  type Tokens,
  upload,
  xlsxBuffer,
  ZONE,
} from '../support/api-fixtures.js';

interface StepBody {
  number: number;
  kind: string;
  opensOn: string | null;
  closesOn: string | null;
  opensAt: string | null;
  deadline: string | null;
  startsAfterStep: number | null;
  windowText: string | null;
  titleVi: string;
}

/** '24/12/2022' → '2022-12-24' */
const iso = (dmy: string) => dmy.split('/').reverse().join('-');

describe('campaign plans (issue 15)', () => {
  let api: TestApi;
  let launchApi: TestApi;
  let temporalEnv: TestWorkflowEnvironment;
  let tokens: Tokens;
  const campaignCodes: string[] = [];
  const calendar = vietnamBusinessCalendar();

  beforeAll(async () => {
    temporalEnv = await privateTimeSkippingServer();
    launchApi = await startTestApi({
      temporalAddress: temporalEnv.address,
      temporalTaskQueue: `par-plans-test-${suffix()}`,
    });
    api = launchApi;
    tokens = await staffTokens(api.dataSource);
  });

  afterAll(async () => {
    await deleteCampaigns(api.dataSource, campaignCodes);
    await launchApi?.close();
    await temporalEnv?.teardown();
  });

  const code = (prefix: string) => {
    const c = `${prefix}-${suffix()}`;
    campaignCodes.push(c);
    return c;
  };

  async function plan2021() {
    const seeded = await seedPlanCopy(api.dataSource);
    campaignCodes.push(seeded.code);
    return seeded;
  }

  /** Units of a group of their own, in one insert (a province's communes after the merger). */
  async function units(count: number, group = `xa-${suffix()}`) {
    const tag = suffix();
    const codes = Array.from({ length: count }, (_, i) => `XA-${tag}-${i + 1}`);
    await api.dataSource.query(
      `INSERT INTO units (code, name, group_code, focal_email, head_email)
       SELECT c, 'Ủy ban nhân dân xã ' || c, $2, lower(c) || '@example.vn', NULL FROM unnest($1::text[]) c`,
      [codes, group],
    );
    return { codes, group };
  }

  const staff = () => ({ token: tokens.secretariat });

  describe('copying keeps working days', () => {
    it('moves deadlines to the previous and openings to the next working day, naming why', async () => {
      const source = await plan2021();
      const res = await call(api, 'POST', `/campaigns/${source.campaignId}/copy`, {
        ...staff(),
        body: { year: 2022, code: code('vinhlong-2022') },
      });
      expect(res.status).toBe(201);
      const steps: StepBody[] = res.body.steps;
      const step = (n: number) => steps.find((s) => s.number === n)!;

      // No opening or deadline on a weekend or a day off of the calendar.
      for (const s of steps) {
        for (const day of [s.opensOn, s.closesOn]) {
          if (day) expect(calendar.isWorkingDay(iso(day)), `${s.number}: ${day}`).toBe(true);
        }
      }
      // The six Saturday deadlines, each on the working day before; step 6's Friday is Tết.
      expect([3, 4, 5, 6, 7, 8].map((n) => step(n).closesOn)).toEqual([
        '23/12/2022',
        '30/12/2022',
        '13/01/2023',
        '19/01/2023',
        '27/01/2023',
        '10/02/2023',
      ]);
      // The time of day is kept: 23:59:59 local.
      expect(step(3).deadline).toBe('2022-12-23T16:59:59.000Z');
      // Steps 6–7 out of Tết Quý Mão (20–26/01/2023).
      for (const n of [6, 7]) {
        for (const day of [step(n).opensOn!, step(n).closesOn!]) {
          expect(iso(day) < '2023-01-20' || iso(day) > '2023-01-26', `${n}: ${day}`).toBe(true);
        }
      }
      expect(step(7)).toMatchObject({ opensOn: '27/01/2023', opensAt: '2023-01-26T17:00:00.000Z' });
      expect(step(11)).toMatchObject({ opensAt: null, deadline: null, startsAfterStep: 10 });
      expect(step(3).windowText).toBe('Từ ngày 01-23/12/2022');

      // What moved and why, every move named.
      expect(res.body.workingDays).toEqual({
        rules: { deadlines: 'previous', openings: 'next' },
        kept: [],
        warnings: [],
        moves: [
          move(3, 'deadline', 'previous', '24/12/2022', '23/12/2022', 'Thứ Bảy'),
          move(4, 'deadline', 'previous', '31/12/2022', '30/12/2022', 'Thứ Bảy'),
          move(5, 'deadline', 'previous', '14/01/2023', '13/01/2023', 'Thứ Bảy'),
          move(6, 'deadline', 'previous', '21/01/2023', '19/01/2023', 'Tết Nguyên đán Quý Mão'),
          move(7, 'opensAt', 'next', '24/01/2023', '27/01/2023', 'Tết Nguyên đán Quý Mão'),
          move(7, 'deadline', 'previous', '28/01/2023', '27/01/2023', 'Thứ Bảy'),
          move(8, 'deadline', 'previous', '11/02/2023', '10/02/2023', 'Thứ Bảy'),
          move(10, 'opensAt', 'next', '18/02/2023', '20/02/2023', 'Thứ Bảy'),
        ],
      });
      const audit = await auditFor(api, res.body.id);
      expect(audit[0]!.details).toMatchObject({
        workingDays: { deadlines: 'previous', openings: 'next' },
        moved: expect.arrayContaining([
          {
            step: 6,
            date: 'deadline',
            from: '2023-01-21',
            to: '2023-01-19',
            reason: 'Tết Nguyên đán Quý Mão',
          },
        ]),
      });
    });

    it("keeps a Saturday deadline with 'keep', and says so", async () => {
      const source = await plan2021();
      const res = await call(api, 'POST', `/campaigns/${source.campaignId}/copy`, {
        ...staff(),
        body: { year: 2022, code: code('vinhlong-2022-keep'), workingDays: { deadlines: 'keep' } },
      });
      expect(res.status).toBe(201);
      const step3 = res.body.steps.find((s: StepBody) => s.number === 3);
      expect(step3).toMatchObject({ closesOn: '24/12/2022', windowText: 'Từ ngày 01-24/12/2022' });
      expect(res.body.workingDays.rules).toEqual({ deadlines: 'keep', openings: 'next' });
      expect(res.body.workingDays.kept).toContainEqual(
        move(3, 'deadline', 'keep', '24/12/2022', '24/12/2022', 'Thứ Bảy'),
      );
      // Openings still follow their own rule.
      expect(
        res.body.workingDays.moves.map((m: { step: number; date: string }) => [m.step, m.date]),
      ).toEqual([
        [7, 'opensAt'],
        [10, 'opensAt'],
      ]);
    });

    it('refuses an unknown rule with a 400 naming it', async () => {
      const source = await plan2021();
      const res = await call(api, 'POST', `/campaigns/${source.campaignId}/copy`, {
        ...staff(),
        body: { year: 2022, code: code('x'), workingDays: { deadlines: 'friday' } },
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch(/workingDays\.deadlines/);
    });
  });

  function move(
    step: number,
    date: string,
    rule: string,
    yearShiftOn: string,
    chosenOn: string,
    reason: string,
  ) {
    return {
      step,
      date,
      rule,
      yearShiftOn,
      chosenOn,
      reason,
      yearShiftAt: expect.any(String),
      chosenAt: expect.any(String),
    };
  }

  const plan = [
    {
      titleVi: 'Ban hành kế hoạch',
      kind: 'setup',
      actor: 'secretariat',
      lead: 'Sở Nội vụ',
      opensOn: '2025-11-03',
      closesOn: '2025-11-28',
    },
    {
      titleVi: 'Tự đánh giá',
      kind: 'self_assessment',
      actor: 'units',
      lead: 'Ủy ban nhân dân cấp xã',
      opensOn: '2025-12-01',
      closesOn: '2025-12-24',
    },
    {
      titleVi: 'Đề nghị khen thưởng',
      kind: 'commendation',
      actor: 'secretariat',
      lead: 'Sở Nội vụ',
      startsAfterStep: 2,
    },
  ];

  async function indexSet(campaignId: string, group: string) {
    const res = await call(api, 'POST', `/campaigns/${campaignId}/index-sets/import`, {
      ...staff(),
      body: {
        name: `Bộ chỉ số ${group}`,
        criteria: [
          {
            group,
            code: '1',
            title: 'Công tác chỉ đạo, điều hành CCHC',
            max_points: 3,
            agency_code: 'SNV',
          },
          { group, code: '1.1', title: 'Kế hoạch CCHC năm', max_points: 3 },
        ],
      },
    });
    expect(res.status).toBe(200);
  }

  describe('a campaign from scratch', () => {
    it('creates a draft with its plan that launch-rules accept, and then no step changes', async () => {
      const c = code('xa-2025');
      const res = await call(api, 'POST', '/campaigns', {
        ...staff(),
        body: {
          code: c,
          province: 'Vĩnh Long',
          year: 2025,
          name: 'Chấm điểm Chỉ số CCHC cấp xã năm 2025',
          decisionRefs: [{ number: '1/QĐ-UBND', date: '2025-10-20', title: 'Kế hoạch' }],
          steps: plan,
        },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        code: c,
        year: 2025,
        status: 'draft',
        timeZone: ZONE,
        latePolicy: 'accept',
      });
      expect(
        res.body.steps.map((s: StepBody) => [s.number, s.kind, s.closesOn, s.startsAfterStep]),
      ).toEqual([
        [1, 'setup', '28/11/2025', null],
        [2, 'self_assessment', '24/12/2025', null],
        [3, 'commendation', null, 2],
      ]);
      expect(await auditFor(api, res.body.id)).toMatchObject([
        { action: 'campaign.create', actorRole: 'secretariat', details: { steps: 3 } },
      ]);
      const { codes, group } = await units(3);
      const joined = await call(api, 'POST', `/campaigns/${c}/participations`, {
        ...staff(),
        body: { unitCodes: codes },
      });
      expect(joined.status).toBe(201);
      await indexSet(res.body.id, group);
      const launched = await call(launchApi, 'POST', `/campaigns/${res.body.id}/launch`, staff());
      expect(launched.status).toBe(200);
      expect(launched.body.status).toBe('launched');

      const add = await call(api, 'POST', `/campaigns/${c}/steps`, {
        ...staff(),
        body: {
          titleVi: 'Thêm',
          kind: 'other',
          actor: 'secretariat',
          lead: 'Sở Nội vụ',
          closesOn: '2025-12-30',
        },
      });
      expect(add.status).toBe(409);
      const remove = await call(api, 'DELETE', `/campaigns/${c}/steps/1`, staff());
      expect(remove.status).toBe(409);
      const more = await call(api, 'POST', `/campaigns/${c}/participations`, {
        ...staff(),
        body: { unitCodes: (await units(1)).codes },
      });
      expect(more.status).toBe(409);
    });

    it('creates an empty plan, to be filled step by step; launch names what is missing', async () => {
      const c = code('trong');
      const res = await call(api, 'POST', '/campaigns', {
        token: tokens.admin,
        body: { code: c, province: 'Vĩnh Long', year: 2026, name: 'Kế hoạch trống' },
      });
      expect(res.status).toBe(201);
      expect(res.body.steps).toEqual([]);
      const launch = await call(launchApi, 'POST', `/campaigns/${c}/launch`, {
        token: tokens.admin,
      });
      expect(launch.status).toBe(422);
      expect(launch.body.errors).toContainEqual({ message: 'Kế hoạch chưa có bước nào.' });
      const again = await call(api, 'POST', '/campaigns', {
        token: tokens.admin,
        body: { code: c, province: 'Vĩnh Long', year: 2026, name: 'Trùng mã' },
      });
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(new RegExp(`Đã có chiến dịch mã ${c}`));
    });

    it('names every problem of the plan at once and stores nothing', async () => {
      const c = `sai-${suffix()}`;
      const res = await call(api, 'POST', '/campaigns', {
        ...staff(),
        body: {
          code: c,
          province: 'Vĩnh Long',
          year: 2025,
          name: 'Sai',
          steps: [
            { titleVi: 'A', actor: 'units', lead: 'X', closesOn: '2025-12-01' },
            {
              titleVi: 'B',
              kind: 'other',
              actor: 'units',
              lead: 'X',
              opensOn: '2025-12-10',
              closesOn: '2025-12-01',
            },
            { titleVi: 'C', kind: 'other', actor: 'units', lead: 'X', startsAfterStep: 5 },
          ],
        },
      });
      expect(res.status).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([
        'steps[0].kind',
        'steps[1].opensOn',
        'steps[2].startsAfterStep',
      ]);
      expect(res.body.message[0]).toBe('Kế hoạch có 3 lỗi; chưa có gì được lưu.');
      const list = await call(api, 'GET', '/campaigns', staff());
      expect(list.body.some((x: { code: string }) => x.code === c)).toBe(false);
      const forbidden = await call(api, 'POST', '/campaigns', {
        token: tokens.council,
        body: { code: c, province: 'Vĩnh Long', year: 2025, name: 'Sai' },
      });
      expect(forbidden.status).toBe(403);
    });
  });

  describe('malformed requests', () => {
    const base = { province: 'Vĩnh Long', year: 2025, name: 'X' };
    it.each([
      ['/campaigns', { ...base }, /code must start with a letter or digit/],
      ['/campaigns', { ...base, code: 'a', steps: [null] }, /steps/],
      ['/campaigns', { ...base, code: 'a', steps: 'không' }, /steps must be an array/],
      ['/campaigns', { ...base, code: 'a', year: 1999 }, /year must not be less than 2000/],
      ['/campaigns', { ...base, code: 'a', steps: [{ number: 0 }] }, /number/],
      ['/campaigns', { ...base, code: 'a', timeZone: 'Mars/Base' }, /IANA time zone/],
      [
        '/campaigns',
        {
          ...base,
          code: 'a',
          steps: [
            { titleVi: 'A', kind: 'other', actor: 'units', lead: 'X', closesOn: '2099-01-01' },
          ],
        },
        /steps\[0\]\.closesOn/,
      ],
      ['/campaigns/import', [], /phải là một đối tượng JSON có mảng «steps»/],
      ['/campaigns/import', { steps: 'x', code: 'a' }, /phải có mảng «steps»/],
      ['/campaigns/import', { steps: [], year: { y: 1 } }, /«year» phải là một chuỗi ký tự/],
    ])('POST %s %j answers 4xx naming the problem', async (path, body, message) => {
      const res = await call(api, 'POST', path, { ...staff(), body });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(JSON.stringify(res.body.message)).toMatch(message);
    });

    it('answers 4xx to malformed steps and participations of a draft', async () => {
      const c = code('hong');
      await call(api, 'POST', '/campaigns', { ...staff(), body: { ...base, code: c } });
      for (const [method, path, body, status] of [
        ['POST', `/campaigns/${c}/steps`, { number: 'một' }, 400],
        ['POST', `/campaigns/${c}/steps`, {}, 400],
        ['DELETE', `/campaigns/${c}/steps/0`, undefined, 400],
        ['DELETE', `/campaigns/${c}/steps/1`, undefined, 404],
        ['POST', `/campaigns/${c}/participations`, { unitCodes: [] }, 400],
        ['POST', `/campaigns/${c}/participations`, { unitCodes: 'SNV' }, 400],
        ['POST', `/campaigns/${c}/participations`, { unitCode: 'SNV', unitCodes: ['SNV'] }, 400],
        ['POST', `/campaigns/${c}/participations`, { groups: [`khong-${suffix()}`] }, 400],
      ] as const) {
        const res = await call(api, method, path, { ...staff(), ...(body && { body }) });
        expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
        expect(typeof res.body.message === 'string' || Array.isArray(res.body.message)).toBe(true);
      }
    });
  });

  describe("a draft's steps", () => {
    it('inserts and removes steps, renumbering later steps and their startsAfterStep', async () => {
      const c = code('buoc');
      const created = await call(api, 'POST', '/campaigns', {
        ...staff(),
        body: { code: c, province: 'Vĩnh Long', year: 2025, name: 'Các bước', steps: plan },
      });
      expect(created.status).toBe(201);
      const numbers = (body: { steps: StepBody[] }) =>
        body.steps.map((s) => [s.number, s.titleVi, s.startsAfterStep]);

      const inserted = await call(api, 'POST', `/campaigns/${c}/steps`, {
        ...staff(),
        body: {
          number: 2,
          titleVi: 'Hướng dẫn chấm điểm',
          kind: 'guidance',
          actor: 'secretariat',
          lead: 'Sở Nội vụ',
          opensOn: '2025-11-03',
          closesOn: '2025-11-28',
        },
      });
      expect(inserted.status).toBe(201);
      expect(numbers(inserted.body)).toEqual([
        [1, 'Ban hành kế hoạch', null],
        [2, 'Hướng dẫn chấm điểm', null],
        [3, 'Tự đánh giá', null],
        [4, 'Đề nghị khen thưởng', 3],
      ]);
      const [stepAudit] = await api.dataSource.query<{ details: unknown }[]>(
        `SELECT details FROM audit_log WHERE action = 'campaign_step.create' AND details->>'campaignId' = $1`,
        [created.body.id],
      );
      expect(stepAudit!.details).toMatchObject({ step: 2, renumbered: { '2': 3, '3': 4 } });
      const blocked = await call(api, 'DELETE', `/campaigns/${c}/steps/3`, staff());
      expect(blocked.status).toBe(409);
      expect(blocked.body.message).toMatch(/bước 4 bắt đầu sau bước này/);

      const removed = await call(api, 'DELETE', `/campaigns/${c}/steps/1`, staff());
      expect(removed.status).toBe(200);
      expect(numbers(removed.body)).toEqual([
        [1, 'Hướng dẫn chấm điểm', null],
        [2, 'Tự đánh giá', null],
        [3, 'Đề nghị khen thưởng', 2],
      ]);
      const appended = await call(api, 'POST', `/campaigns/${c}/steps`, {
        ...staff(),
        body: {
          titleVi: 'Tổng kết',
          kind: 'other',
          actor: 'secretariat',
          lead: 'Sở Nội vụ',
          startsAfterStep: 3,
        },
      });
      expect(appended.status).toBe(201);
      expect(numbers(appended.body).at(-1)).toEqual([4, 'Tổng kết', 3]);

      const missing = await call(api, 'POST', `/campaigns/${c}/steps`, {
        ...staff(),
        body: { kind: 'other', startsAfterStep: 9 },
      });
      expect(missing.status).toBe(400);
      expect(missing.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(
        ['startsAfterStep', 'step.actor', 'step.lead', 'step.titleVi'].sort(),
      );
      const none = await call(api, 'DELETE', `/campaigns/${c}/steps/9`, staff());
      expect(none.status).toBe(404);
    });
  });

  describe('a plan imported', () => {
    const stepsHeader = PLAN_STEPS_HEADER;

    it('creates a commune campaign from imports of units, index sets and a plan (XLSX), launchable', async () => {
      const c = code('xa-moi-2025');
      const file = await xlsxBuffer(stepsHeader, [
        [
          1,
          'Ban hành kế hoạch',
          'setup',
          'secretariat',
          'Sở Nội vụ',
          '03/11/2025',
          '28/11/2025',
          null,
        ],
        [
          2,
          'Tự đánh giá',
          'self_assessment',
          'units',
          'UBND cấp xã',
          new Date(Date.UTC(2025, 11, 1)),
          '2025-12-24',
          null,
        ],
        [3, 'Đề nghị khen thưởng', 'commendation', 'secretariat', 'Sở Nội vụ', null, null, 2],
      ]);
      const res = await upload(api, '/campaigns/import', {
        ...staff(),
        file: { name: 'ke-hoach.xlsx', content: file },
        fields: { code: c, province: 'Vĩnh Long', year: '2025', name: 'Chỉ số CCHC cấp xã 2025' },
      });
      expect(res.status).toBe(201);
      expect(
        res.body.steps.map((s: StepBody) => [s.number, s.opensOn, s.closesOn, s.startsAfterStep]),
      ).toEqual([
        [1, '03/11/2025', '28/11/2025', null],
        [2, '01/12/2025', '24/12/2025', null],
        [3, null, null, 2],
      ]);
      expect(await auditFor(api, res.body.id)).toMatchObject([
        { action: 'campaign.import', details: { source: 'ke-hoach.xlsx', steps: 3 } },
      ]);
      // 140 communes imported as units, all registered by their group in one request (the whole
      // campaign run through its steps: commune-campaign-2025.test.ts).
      const group = `xa-${suffix()}`;
      const tag = suffix();
      const communes = Array.from({ length: 140 }, (_, i) => ({
        code: `XA-${tag}-${i + 1}`,
        name: `Ủy ban nhân dân xã số ${i + 1}`,
        group,
      }));
      const imported = await call(api, 'POST', '/units/import', {
        ...staff(),
        body: { units: communes },
      });
      expect(imported.status).toBe(200);
      const joined = await call(api, 'POST', `/campaigns/${c}/participations`, {
        ...staff(),
        body: { groups: [group] },
      });
      expect(joined.status).toBe(201);
      expect(joined.body.added).toBe(140);
      await indexSet(res.body.id, group);
      const launched = await call(launchApi, 'POST', `/campaigns/${c}/launch`, staff());
      expect(launched.status).toBe(200);
    });

    it('imports a JSON plan whose year is a number', async () => {
      const c = code('json-2025');
      const res = await call(api, 'POST', '/campaigns/import', {
        ...staff(),
        body: {
          code: c,
          province: 'Vĩnh Long',
          year: 2025,
          name: 'Kế hoạch JSON',
          decision_number: '12/QĐ-UBND',
          decision_date: '2025-10-20',
          decision_title: 'Kế hoạch chấm điểm',
          steps: plan.map((s) => ({
            title_vi: s.titleVi,
            kind: s.kind,
            actor: s.actor,
            lead: s.lead,
            opens_on: s.opensOn ?? null,
            closes_on: s.closesOn ?? null,
            starts_after_step: s.startsAfterStep ?? null,
          })),
        },
      });
      expect(res.status).toBe(201);
      expect(res.body.decisionRefs).toEqual([
        { number: '12/QĐ-UBND', date: '2025-10-20', title: 'Kế hoạch chấm điểm' },
      ]);
      expect(res.body.steps).toHaveLength(3);
    });

    it('names every bad row and field of a plan file, and creates nothing', async () => {
      const c = `sai-nhap-${suffix()}`;
      const file = await xlsxBuffer(stepsHeader, [
        [
          1,
          'Ban hành kế hoạch',
          'setup',
          'secretariat',
          'Sở Nội vụ',
          '03/11/2025',
          '28/11/2025',
          null,
        ],
        [2, null, 'tu_danh_gia', 'units', 'UBND cấp xã', '01/12/2025', '32/12/2025', null],
        [3, 'Khen thưởng', 'commendation', 'secretariat', 'Sở Nội vụ', null, null, 7],
      ]);
      const res = await upload(api, '/campaigns/import', {
        ...staff(),
        file: { name: 'ke-hoach.xlsx', content: file },
        fields: { code: c, year: '2025', name: 'Sai' },
      });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
        [0, 'province'],
        [3, 'title_vi'],
        [3, 'kind'],
        [3, 'closes_on'],
        [4, 'starts_after_step'],
      ]);
      expect(res.body.errors[1].message).toBe('dòng 3, title_vi: là bắt buộc');
      const json = await call(api, 'POST', '/campaigns/import', {
        ...staff(),
        body: {
          code: c,
          province: 'X',
          year: 'năm nay',
          name: 'Sai',
          steps: [{ title_vi: 'A', kind: 'setup', actor: 'ai', lead: 'X' }],
        },
      });
      expect(json.status).toBe(422);
      expect(json.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual(
        [
          [0, 'year'],
          [1, 'actor'],
        ],
      );
      const list = await call(api, 'GET', '/campaigns', staff());
      expect(list.body.some((x: { code: string }) => x.code === c)).toBe(false);
    });
  });

  describe('units in bulk', () => {
    it('registers 140 units in one request, with one audit row', async () => {
      const c = code('bulk');
      const created = await call(api, 'POST', '/campaigns', {
        ...staff(),
        body: { code: c, province: 'Vĩnh Long', year: 2025, name: 'Nhiều đơn vị' },
      });
      const { codes } = await units(140);
      const res = await call(api, 'POST', `/campaigns/${c}/participations`, {
        ...staff(),
        body: { unitCodes: codes },
      });
      expect(res.status).toBe(201);
      expect(res.body.added).toBe(140);
      expect(
        res.body.participations.map((p: { unit: { code: string } }) => p.unit.code).sort(),
      ).toEqual([...codes].sort());
      expect(
        await api.dataSource.getRepository(Participation).countBy({ campaignId: created.body.id }),
      ).toBe(140);
      expect(await auditFor(api, created.body.id)).toMatchObject([
        { action: 'campaign.create' },
        {
          action: 'participation.create_many',
          details: { unitCodes: expect.arrayContaining(codes) },
        },
      ]);
    });

    it('refuses all when one code is unknown or given twice, naming it', async () => {
      const c = code('bulk-sai');
      const created = await call(api, 'POST', '/campaigns', {
        ...staff(),
        body: { code: c, province: 'Vĩnh Long', year: 2025, name: 'Sai mã' },
      });
      const { codes } = await units(139);
      const unknown = `KHONG-CO-${suffix()}`;
      const bad = await call(api, 'POST', `/campaigns/${c}/participations`, {
        ...staff(),
        body: { unitCodes: [...codes, unknown] },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toBe(
        `Không có đơn vị mang các mã: ${unknown}; không đơn vị nào được thêm.`,
      );
      expect(bad.body.fields).toEqual([
        {
          field: 'unitCodes[139]',
          code: 'unknown_unit',
          message: `Không có đơn vị mã «${unknown}».`,
        },
      ]);
      const twice = await call(api, 'POST', `/campaigns/${c}/participations`, {
        ...staff(),
        body: { unitCodes: [...codes, codes[5]] },
      });
      expect(twice.status).toBe(400);
      expect(twice.body.message).toMatch(new RegExp(`được gửi hai lần: ${codes[5]}`));
      expect(
        await api.dataSource.getRepository(Participation).countBy({ campaignId: created.body.id }),
      ).toBe(0);
      await call(api, 'POST', `/campaigns/${c}/participations`, {
        ...staff(),
        body: { unitCode: codes[0] },
      });
      const already = await call(api, 'POST', `/campaigns/${c}/participations`, {
        ...staff(),
        body: { unitCodes: codes.slice(0, 3) },
      });
      expect(already.status).toBe(409);
      expect(already.body.message).toMatch(new RegExp(`đã tham gia chiến dịch ${c}: ${codes[0]};`));
      expect(
        await api.dataSource.getRepository(Participation).countBy({ campaignId: created.body.id }),
      ).toBe(1);
    });
  });
});
