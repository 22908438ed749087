/**
 * GET /me/work per role, on a launched campaign of its own read at a fixed instant (Monday
 * 07/12/2026 10:00 in Hà Nội): the working days come from the Vietnamese calendar, the windows
 * from the campaign rules, the links from the portal's pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignPages } from '../../src/domain/portal-pages.js';
import { call, startTestApi, type TestApi, tokenFor } from '../support/api.js';
import { staffTokens, type Tokens, unitToken } from '../support/api-fixtures.js';
import { accountWithPassword, send, signIn } from '../support/portal-client.js';
import {
  createMyWorkCampaign,
  deleteMyWorkCampaign,
  type MyWorkFixture,
} from '../support/my-work-fixtures.js';

const NOW = new Date('2026-12-07T03:00:00.000Z');

describe('GET /me/work', () => {
  let api: TestApi;
  let f: MyWorkFixture;
  let tokens: Tokens;
  const own: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi({}, { clock: { now: () => NOW } });
    f = await createMyWorkCampaign(api.dataSource, NOW);
    tokens = await staffTokens(api.dataSource);
    own.unitA = await unitToken(api.dataSource, f.unitA.code);
    own.unitB = await unitToken(api.dataSource, f.unitB.code);
    own.unitC = await unitToken(api.dataSource, f.unitC.code);
    own.outsider = await unitToken(api.dataSource, f.outsider.code);
    own.appraiser = await tokenFor(api.dataSource, {
      name: `Thẩm định ${f.agency.code}`,
      role: 'appraiser',
      agencyCode: f.agency.code,
    });
    own.otherAppraiser = await tokenFor(api.dataSource, {
      name: `Thẩm định ${f.otherAgency.code}`,
      role: 'appraiser',
      agencyCode: f.otherAgency.code,
    });
  });

  afterAll(async () => {
    await deleteMyWorkCampaign(api?.dataSource, f);
    await api?.close();
  });

  /** The caller's items in this file's campaign (other files' campaigns may run beside it). */
  async function work(token: string) {
    const res = await call(api, 'GET', '/me/work', { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.at).toBe(NOW.toISOString());
    return (res.body.items as Array<Record<string, unknown>>).filter(
      (item) => item.campaignCode === f.campaign.code,
    );
  }

  it("gives a unit its own open self-assessment, its deadline in working days and the form's page", async () => {
    const code = f.campaign.code;
    expect(await work(own.unitA!)).toEqual([
      {
        kind: 'self_assessment',
        title: 'Nộp báo cáo tự đánh giá, chấm điểm',
        campaignId: f.campaign.id,
        campaignCode: code,
        campaignName: f.campaign.name,
        unitCode: f.unitA.code,
        unitName: f.unitA.name,
        stepNumber: 3,
        stepTitle: 'Tự đánh giá, chấm điểm',
        deadline: '2026-12-11T16:59:59.999Z',
        deadlineLocal: '11/12/2026 23:59',
        overdue: false,
        // Tuesday to Friday after Monday the 7th.
        workingDays: 4,
        link: campaignPages.selfAssessment(code, f.unitA.code),
      },
    ]);
    // Unit B has submitted: nothing due. A unit outside the campaign sees nothing of it.
    expect(await work(own.unitB!)).toEqual([]);
    const outsider = await call(api, 'GET', '/me/work', { token: own.outsider });
    expect(
      outsider.body.items.filter((i: { unitCode: string }) => i.unitCode !== f.outsider.code),
    ).toEqual([]);
  });

  it('gives a unit asked to explain its explanation, until the explanation deadline', async () => {
    expect(await work(own.unitC!)).toEqual([
      expect.objectContaining({
        kind: 'explanation',
        title: 'Giải trình các tiêu chí được yêu cầu',
        unitCode: f.unitC.code,
        stepNumber: 8,
        deadlineLocal: '09/12/2026 23:59',
        overdue: false,
        workingDays: 2,
        link: campaignPages.explanation(f.campaign.code, f.unitC.code),
      }),
    ]);
  });

  it('never shows a unit another unit’s work, in any campaign', async () => {
    for (const [token, unit] of [
      [own.unitA!, f.unitA],
      [own.unitB!, f.unitB],
      [own.unitC!, f.unitC],
    ] as const) {
      const res = await call(api, 'GET', '/me/work', { token });
      for (const item of res.body.items) expect(item.unitCode).toBe(unit.code);
    }
  });

  it('gives an appraiser of an agency appraising here the open round, overdue by working days', async () => {
    expect(await work(own.appraiser!)).toEqual([
      expect.objectContaining({
        kind: 'appraisal',
        title: 'Thẩm định, chấm điểm lần thứ nhất',
        unitCode: null,
        stepNumber: 4,
        deadlineLocal: '04/12/2026 23:59',
        overdue: true,
        // Friday the 4th passed; Monday the 7th is the first working day after it.
        workingDays: 1,
        link: campaignPages.appraisal(f.campaign.code),
      }),
    ]);
    expect(await work(own.otherAppraiser!)).toEqual([]);
  });

  it('gives the council its approval, and the secretariat and admins their steps, by deadline', async () => {
    expect(await work(tokens.council)).toEqual([
      expect.objectContaining({
        kind: 'council_approval',
        stepNumber: 9,
        deadlineLocal: '31/12/2026 23:59',
        overdue: false,
        link: campaignPages.council(f.campaign.code),
      }),
    ]);
    for (const token of [tokens.secretariat, tokens.admin]) {
      const items = await work(token);
      expect(items.map((i) => [i.kind, i.stepNumber, i.deadlineLocal, i.link])).toEqual([
        ['aggregation', 5, '18/12/2026 23:59', campaignPages.resultsWork(f.campaign.code)],
        // No deadline: last.
        ['step', 6, null, campaignPages.overview(f.campaign.code)],
      ]);
      expect(items[0]!.workingDays).toBe(9);
    }
  });

  it("answers a person's session as a token, and 401 without either", async () => {
    const person = await accountWithPassword(api.dataSource, 'unit', 'mật-khẩu-việc-của-tôi', {
      unitId: f.unitA.id,
    });
    const cookie = await signIn(api, person.email, 'mật-khẩu-việc-của-tôi');
    const res = await send(api, 'GET', '/me/work', { cookie });
    expect(res.status).toBe(200);
    expect(
      res.body.items.filter((i: { campaignCode: string }) => i.campaignCode === f.campaign.code),
    ).toHaveLength(1);
    expect((await call(api, 'GET', '/me/work')).status).toBe(401);
  });
});
