import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../src/api/auth/issue-token.js';
import { ApiToken, Campaign, CampaignStep, IndexSet, Unit } from '../../src/entities/index.js';
import { call, startTestApi, type TestApi } from '../support/api.js';
import {
  addParticipation,
  auditSince,
  createDraftCampaign,
  createUnit,
  lastAuditId,
  staffTokens,
  type Tokens,
  unitToken,
  upload,
} from '../support/api-fixtures.js';

describe('access by role on campaigns, units, agencies and index sets', () => {
  let api: TestApi;
  let tokens: Tokens;
  let campaign: Campaign;
  let unit: Unit;
  let other: Unit;
  let indexSetId: string;
  let asUnit: string;

  beforeAll(async () => {
    api = await startTestApi();
    tokens = await staffTokens(api.dataSource);
    campaign = await createDraftCampaign(api.dataSource);
    unit = await createUnit(api.dataSource);
    other = await createUnit(api.dataSource);
    await addParticipation(api.dataSource, campaign.id, unit.id);
    await addParticipation(api.dataSource, campaign.id, other.id);
    indexSetId = (
      await api.dataSource
        .getRepository(IndexSet)
        .save({ campaignId: campaign.id, group: 'department', name: 'Bộ chỉ số (kiểm thử quyền)' })
    ).id;
    asUnit = await unitToken(api.dataSource, unit.code);
  });

  afterAll(async () => {
    await api?.dataSource.getRepository(Campaign).delete({ id: campaign.id });
    await api?.close();
  });

  const reads = () => [
    '/campaigns',
    `/campaigns/${campaign.id}`,
    `/campaigns/${campaign.id}/steps`,
    `/campaigns/${campaign.id}/participations`,
    `/campaigns/${campaign.id}/index-sets`,
    `/index-sets/${indexSetId}`,
    '/units',
    `/units/${unit.code}`,
    '/agencies',
  ];

  const writes = (): Array<[string, string, unknown]> => [
    ['PATCH', `/campaigns/${campaign.id}`, { name: 'Tên khác' }],
    ['PATCH', `/campaigns/${campaign.id}/steps/3`, { closesOn: '2021-12-31' }],
    ['POST', `/campaigns/${campaign.id}/copy`, { year: 2022, code: `${campaign.code}-copy` }],
    ['POST', `/campaigns/${campaign.id}/launch`, undefined],
    ['POST', '/campaigns', { code: `${campaign.code}-new`, province: 'X', year: 2022, name: 'X' }],
    [
      'POST',
      '/campaigns/import',
      { code: `${campaign.code}-imp`, province: 'X', year: '2022', name: 'X', steps: [] },
    ],
    [
      'POST',
      `/campaigns/${campaign.id}/steps`,
      { titleVi: 'X', kind: 'other', actor: 'secretariat', lead: 'X', startsAfterStep: 3 },
    ],
    ['DELETE', `/campaigns/${campaign.id}/steps/3`, undefined],
    ['POST', `/campaigns/${campaign.id}/participations`, { unitCodes: ['SNV'] }],
    ['POST', `/campaigns/${campaign.id}/participations`, { unitCode: 'SNV' }],
    ['DELETE', `/campaigns/${campaign.id}/participations/${unit.code}`, undefined],
    [
      'POST',
      `/campaigns/${campaign.id}/index-sets/import`,
      {
        criteria: [
          { group: 'department', code: '1', title: 'x', max_points: 1, agency_code: 'SNV' },
        ],
      },
    ],
    ['POST', '/units', { code: `NEW-${unit.code}`, name: 'Mới', group: 'department' }],
    ['PATCH', `/units/${unit.code}`, { name: 'Đổi tên' }],
    [
      'POST',
      '/units/import',
      { units: [{ code: unit.code, name: 'Đổi tên', group: 'department' }] },
    ],
  ];

  it('answers 401 without a token, naming how to send one', async () => {
    for (const path of reads()) {
      const res = await call(api, 'GET', path);
      expect(res.status, path).toBe(401);
      expect(res.body.message).toBe(
        'Chưa đăng nhập và không có mã truy cập (hãy gửi "Authorization: Bearer <token>"; cấp mã bằng `npm run token`).',
      );
    }
    for (const [method, path, body] of writes()) {
      expect((await call(api, method, path, { body })).status, `${method} ${path}`).toBe(401);
    }
  });

  it('answers 401 for an unknown token and for a revoked one', async () => {
    const { token, record } = await issueToken(api.dataSource, {
      name: 'Sắp thu hồi',
      role: 'admin',
    });
    expect((await call(api, 'GET', '/campaigns', { token })).status).toBe(200);
    await api.dataSource
      .getRepository(ApiToken)
      .update({ id: record.id }, { revokedAt: new Date() });
    for (const bad of [token, 'par_not-a-real-token']) {
      for (const path of reads()) {
        const res = await call(api, 'GET', path, { token: bad });
        expect(res.status, path).toBe(401);
        expect(res.body.message).toMatch(
          bad === token
            ? /đã bị thu hồi \(this token was revoked\)/
            : /không đúng \(unknown token\)/,
        );
      }
    }
  });

  it('lets every valid token read the plan, units, agencies and index sets', async () => {
    for (const token of [
      asUnit,
      tokens.appraiser,
      tokens.council,
      tokens.secretariat,
      tokens.admin,
    ]) {
      for (const path of reads()) {
        expect((await call(api, 'GET', path, { token })).status, path).toBe(200);
      }
    }
  });

  it("answers 403 to a unit's token on another unit's details", async () => {
    const res = await call(api, 'GET', `/units/${other.code}`, { token: asUnit });
    expect(res.status).toBe(403);
    const participations = await call(api, 'GET', `/campaigns/${campaign.id}/participations`, {
      token: asUnit,
    });
    expect(participations.body.map((p: any) => p.unit.code)).toEqual([unit.code]);
  });

  it('answers 403 to unit, appraiser and council tokens on every write, changing nothing', async () => {
    const ROLE_NAMES = {
      unit: 'Đầu mối CCHC của đơn vị',
      appraiser: 'Cơ quan thẩm định',
      council: 'Hội đồng thẩm định',
    };
    const since = await lastAuditId(api);
    const steps = await api.dataSource
      .getRepository(CampaignStep)
      .findBy({ campaignId: campaign.id });
    for (const [role, token] of [
      ['unit', asUnit],
      ['appraiser', tokens.appraiser],
      ['council', tokens.council],
    ] as const) {
      for (const [method, path, body] of writes()) {
        const res = await call(api, method, path, { token, body });
        expect(res.status, `${role}: ${method} ${path}`).toBe(403);
        expect(res.body.message).toBe(
          `Vai trò «${ROLE_NAMES[role]}» không được thực hiện thao tác này; vai trò được phép: Quản trị hệ thống, Tổ thư ký (Sở Nội vụ).`,
        );
      }
      const uploadRes = await upload(api, '/units/import', {
        token,
        file: { name: 'units.json', content: '{"units": []}' },
      });
      expect(uploadRes.status).toBe(403);
    }
    expect(await auditSince(api, since)).toEqual([]);
    expect(
      await api.dataSource.getRepository(Campaign).findOneByOrFail({ id: campaign.id }),
    ).toEqual(campaign);
    expect(
      await api.dataSource.getRepository(CampaignStep).findBy({ campaignId: campaign.id }),
    ).toEqual(steps);
    expect(await api.dataSource.getRepository(Unit).findOneByOrFail({ id: unit.id })).toEqual(unit);
    expect(await api.dataSource.getRepository(Unit).existsBy({ code: `NEW-${unit.code}` })).toBe(
      false,
    );
  });

  it('documents every resource in OpenAPI with bearer auth', async () => {
    const res = await fetch(`${api.url}/docs-json`);
    const doc = (await res.json()) as {
      paths: Record<string, Record<string, { tags: string[]; security: unknown[] }>>;
      components: { schemas: Record<string, unknown> };
    };
    const expected: Array<[string, string, string]> = [
      ['/campaigns', 'get', 'campaigns'],
      ['/campaigns/{id}', 'get', 'campaigns'],
      ['/campaigns/{id}', 'patch', 'campaigns'],
      ['/campaigns/{id}/steps', 'get', 'campaigns'],
      ['/campaigns/{id}/steps/{number}', 'patch', 'campaigns'],
      ['/campaigns', 'post', 'campaigns'],
      ['/campaigns/import', 'post', 'campaigns'],
      ['/campaigns/{id}/steps', 'post', 'campaigns'],
      ['/campaigns/{id}/steps/{number}', 'delete', 'campaigns'],
      ['/campaigns/{id}/copy', 'post', 'campaigns'],
      ['/campaigns/{id}/launch', 'post', 'campaigns'],
      ['/campaigns/{id}/participations', 'get', 'participations'],
      ['/campaigns/{id}/participations', 'post', 'participations'],
      ['/campaigns/{id}/participations/{unitCode}', 'delete', 'participations'],
      ['/campaigns/{id}/index-sets', 'get', 'index sets'],
      ['/campaigns/{id}/index-sets/import', 'post', 'index sets'],
      ['/index-sets/{id}', 'get', 'index sets'],
      ['/units', 'get', 'units'],
      ['/units', 'post', 'units'],
      ['/units/import', 'post', 'units'],
      ['/units/{code}', 'get', 'units'],
      ['/units/{code}', 'patch', 'units'],
      ['/agencies', 'get', 'agencies'],
    ];
    for (const [path, method, tag] of expected) {
      const operation = doc.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation!.tags).toEqual([tag]);
      expect(operation!.security).toEqual([{ bearer: [] }]);
    }
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'CampaignDetailView',
        'UpdateStepDto',
        'CopyCampaignDto',
        'CreateCampaignDto',
        'NewStepDto',
        'WorkingDaysDto',
        'CopyWorkingDaysView',
        'IndexSetView',
        'UnitView',
      ]),
    );
  });
});
