/**
 * GET /audit: the audit entries newest first, a page at a time, filtered by campaign, actor,
 * action and local days; people named by their account's name, machines by their token's name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { In } from 'typeorm';
import { AuditEntry, Campaign, SelfAssessment } from '../../src/entities/index.js';
import { call, startTestApi, type TestApi } from '../support/api.js';
import { staffTokens, suffix, type Tokens, unitToken } from '../support/api-fixtures.js';
import { accountWithPassword, send, signIn } from '../support/portal-client.js';
import {
  type CampaignFixture,
  createCampaignFixture,
} from '../support/self-assessment-fixtures.js';

describe('GET /audit', () => {
  let api: TestApi;
  let tokens: Tokens;
  let fixture: CampaignFixture;
  const tag = suffix();

  beforeAll(async () => {
    api = await startTestApi();
    tokens = await staffTokens(api.dataSource);
    fixture = await createCampaignFixture(api.dataSource);
  });

  afterAll(async () => {
    await api?.dataSource.getRepository(SelfAssessment).delete({
      participationId: In([fixture.participationA.id, fixture.participationB.id]),
    });
    await api?.dataSource.getRepository(Campaign).delete({ id: fixture.campaign.id });
    await api?.close();
  });

  const read = async (query: string, token = tokens.secretariat) => {
    const res = await call(api, 'GET', `/audit${query}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it('lists issues and revocations newest first, naming the person, with pages', async () => {
    const person = await accountWithPassword(api.dataSource, 'secretariat', 'mật-khẩu-nhật-ký');
    const cookie = await signIn(api, person.email, 'mật-khẩu-nhật-ký');
    const ids: string[] = [];
    for (const i of [1, 2, 3]) {
      const res = await send(api, 'POST', '/api-tokens', {
        cookie,
        body: { name: `Nhật ký ${tag} ${i}`, role: 'council' },
      });
      ids.push(res.body.record.id);
    }
    await send(api, 'POST', `/api-tokens/${ids[0]}/revoke`, { cookie });

    const page1 = await read(
      `?actor=${encodeURIComponent(person.email)}&action=api_token&pageSize=2`,
    );
    expect(page1).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(page1.items.map((e: AuditEntry) => [e.action, e.entityId])).toEqual([
      ['api_token.revoke', ids[0]],
      ['api_token.issue', ids[2]],
    ]);
    expect(page1.items[0]).toMatchObject({
      actor: { kind: 'account', id: person.id, name: person.fullName, role: 'secretariat' },
      entityType: 'api_token',
      details: { name: `Nhật ký ${tag} 1`, role: 'council' },
      atLocal: expect.stringMatching(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/),
    });
    const page2 = await read(
      `?actor=${encodeURIComponent(person.fullName)}&action=api_token&pageSize=2&page=2`,
    );
    expect(page2.items.map((e: AuditEntry) => e.entityId)).toEqual([ids[1], ids[0]]);
    // An action code matches itself only; past the last page, the total stays.
    expect((await read(`?actor=${person.id}&action=api_token.revoke`)).total).toBe(1);
    expect(await read(`?actor=${person.id}&action=api_token&page=9`)).toMatchObject({
      items: [],
      total: 4,
    });
  });

  it("filters by campaign (its records and its units'), naming a machine by its token's name", async () => {
    const unit = await unitToken(api.dataSource, fixture.unitA.code);
    const saved = await call(
      api,
      'PUT',
      `/campaigns/${fixture.campaign.code}/units/${fixture.unitA.code}/self-assessment/draft`,
      { token: unit, body: { items: [{ criterionCode: '1.1', score: 1 }] } },
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const log = await read(`?campaign=${fixture.campaign.code}`);
    expect(log.total).toBe(1);
    expect(log.items[0]).toMatchObject({
      action: 'self_assessment.save_draft',
      actor: { kind: 'token', name: `Đầu mối ${fixture.unitA.code}`, role: 'unit' },
    });
    expect((await read(`?campaign=${fixture.campaign.id}&action=self_assessment`)).total).toBe(1);
  });

  it('filters by local days, and answers bad filters in Vietnamese', async () => {
    expect((await read('?to=2000-01-01')).total).toBe(0);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(),
    );
    expect((await read(`?from=${today}&to=${today}&action=api_token`)).total).toBeGreaterThan(0);
    for (const [query, status, message] of [
      ['?from=2026-12-31&to=2026-01-01', 400, /phải trước hoặc bằng/],
      ['?from=31/12/2026', 400, /from/],
      ['?pageSize=500', 400, /pageSize/],
      ['?action=DROP TABLE', 400, /action/],
      ['?campaign=khong-co-dot-nay', 404, /khong-co-dot-nay/],
    ] as const) {
      const res = await call(api, 'GET', `/audit${query}`, { token: tokens.admin });
      expect(res.status, query).toBe(status);
      expect(JSON.stringify(res.body), query).toMatch(message);
    }
  });

  it('is for admins and the secretariat only', async () => {
    expect((await call(api, 'GET', '/audit', { token: tokens.admin })).status).toBe(200);
    for (const token of [
      tokens.appraiser,
      tokens.council,
      await unitToken(api.dataSource, fixture.unitB.code),
    ]) {
      expect((await call(api, 'GET', '/audit', { token })).status).toBe(403);
    }
    expect((await call(api, 'GET', '/audit')).status).toBe(401);
  });
});
