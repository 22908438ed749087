import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Campaign,
  Criterion,
  IndexSet,
  Participation,
  SelfAssessment,
  SelfAssessmentItem,
} from '../../src/entities/index.js';
import { call, startTestApi, type TestApi } from '../support/api.js';
import {
  createDraftCampaign,
  createUnit,
  seedPlanCopy,
  staffTokens,
  type Tokens,
  unitToken,
} from '../support/api-fixtures.js';

interface Node {
  code: string;
  level: string;
  kind: string;
  maxPoints: number;
  agencyCode: string | null;
  evidenceRequired: boolean;
  guidance: string | null;
  children: Node[];
}

const cents = (n: number) => Math.round(n * 100);
const walk = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...walk(n.children)]);

describe('index sets API', () => {
  let api: TestApi;
  let tokens: Tokens;
  let campaignId: string;
  let code: string;

  beforeAll(async () => {
    api = await startTestApi();
    tokens = await staffTokens(api.dataSource);
    ({ campaignId, code } = await seedPlanCopy(api.dataSource));
  });

  afterAll(async () => {
    await api?.dataSource.getRepository(Campaign).delete({ code });
    await api?.close();
  });

  it("lists a campaign's index sets with their totals", async () => {
    const res = await call(api, 'GET', `/campaigns/${campaignId}/index-sets`, {
      token: tokens.appraiser,
    });
    expect(res.status).toBe(200);
    expect(res.body.map((s: { group: string }) => s.group)).toEqual(['department', 'district']);
    for (const set of res.body) {
      expect(set).toMatchObject({
        campaignId,
        illustrative: true,
        maxPoints: 100,
        bonusMax: 3,
        penaltyMax: 3,
      });
      expect(set.criteria).toBeGreaterThan(set.leaves);
    }
  });

  it('returns the tree: fields → criteria → sub-criteria with points, agency and guidance', async () => {
    const sets = (
      await call(api, 'GET', `/campaigns/${campaignId}/index-sets`, { token: tokens.admin })
    ).body;
    const unit = await createUnit(api.dataSource);
    const res = await call(api, 'GET', `/index-sets/${sets[0].id}`, {
      token: await unitToken(api.dataSource, unit.code),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: sets[0].id, group: 'department', maxPoints: 100 });
    const fields: Node[] = res.body.fields;
    expect(fields.map((f) => f.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(fields.every((f) => f.level === 'field')).toBe(true);
    expect(fields.slice(8).map((f) => f.kind)).toEqual(['bonus', 'penalty']);
    const all = walk(fields);
    expect(all).toHaveLength(sets[0].criteria);
    for (const node of all) {
      expect(node).toEqual({
        id: expect.any(String),
        code: expect.any(String),
        level: expect.stringMatching(/^(field|criterion|sub_criterion)$/),
        kind: expect.stringMatching(/^(regular|survey|bonus|penalty)$/),
        title: expect.any(String),
        maxPoints: expect.any(Number),
        agencyCode: expect.any(String),
        evidenceRequired: expect.any(Boolean),
        guidance: node.guidance === null ? null : expect.any(String),
        children: expect.any(Array),
      });
      for (const child of node.children) {
        expect(child.code.startsWith(`${node.code}.`)).toBe(true);
      }
      if (node.children.length > 0 && node.kind !== 'bonus' && node.kind !== 'penalty') {
        const sum = node.children.reduce((t, c) => t + cents(c.maxPoints), 0);
        expect(sum, `children of ${node.code}`).toBe(cents(node.maxPoints));
      }
    }
    expect(all.some((n) => n.level === 'sub_criterion')).toBe(true);
    expect(all.some((n) => n.evidenceRequired)).toBe(true);
    expect(all.some((n) => n.kind === 'survey')).toBe(true);
  });

  it('lists none for a campaign without index sets', async () => {
    const campaign = await createDraftCampaign(api.dataSource);
    const res = await call(api, 'GET', `/campaigns/${campaign.id}/index-sets`, {
      token: tokens.admin,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
    await api.dataSource.getRepository(Campaign).delete({ id: campaign.id });
  });

  it('answers 404 naming unknown ids and 400 for malformed ones', async () => {
    const id = randomUUID();
    const set = await call(api, 'GET', `/index-sets/${id}`, { token: tokens.admin });
    expect(set.status).toBe(404);
    expect(set.body.message).toBe(`Không tìm thấy bộ chỉ số có mã định danh ${id}.`);
    const campaign = await call(api, 'GET', `/campaigns/${id}/index-sets`, { token: tokens.admin });
    expect(campaign.status).toBe(404);
    expect(campaign.body.message).toBe(
      `Không có chiến dịch «${id}» (hãy gửi id hoặc mã của chiến dịch).`,
    );
    const bad = await call(api, 'GET', '/index-sets/1234', { token: tokens.admin });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(
      /^Tham số «id» phải là một UUID \(index set id must be a UUID .*, got "1234"\)$/,
    );
    expect(bad.body.fields).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  it('refuses with 409, keeping the set, to replace an index set that has self-assessment scores', async () => {
    const db = api.dataSource;
    const { campaignId: draftId, code: draftCode } = await seedPlanCopy(db);
    let selfAssessmentId: string | null = null;
    try {
      const set = await db.getRepository(IndexSet).findOneByOrFail({
        campaignId: draftId,
        group: 'department',
      });
      const leaf = await db.getRepository(Criterion).findOneByOrFail({
        indexSetId: set.id,
        level: 'sub_criterion',
      });
      const [participation] = await db.getRepository(Participation).findBy({ campaignId: draftId });
      const draft = await db
        .getRepository(SelfAssessment)
        .save({ participationId: participation!.id, version: 1 });
      selfAssessmentId = draft.id;
      await db.getRepository(SelfAssessmentItem).save({
        selfAssessmentId: draft.id,
        criterionId: leaf.id,
        score: 1,
      });

      const res = await call(api, 'POST', `/campaigns/${draftId}/index-sets/import`, {
        token: tokens.secretariat,
        body: {
          criteria: [
            { group: 'department', code: '1', title: 'Chỉ đạo, điều hành', max_points: 1 },
            {
              group: 'department',
              code: '1.1',
              title: 'Kế hoạch',
              max_points: 1,
              agency_code: 'SNV',
            },
          ],
        },
      });
      // PostgreSQL's restrict_violation (23001), not only foreign_key_violation: was a 500.
      expect(res.status, JSON.stringify(res.body)).toBe(409);
      expect(res.body.code).toBe('conflict');
      expect(res.body.message).toMatch(/đã có điểm tự chấm .* không thể thay thế/);
      expect(await db.getRepository(IndexSet).findOneBy({ id: set.id })).not.toBeNull();
    } finally {
      // Its items hold the criteria (ON DELETE RESTRICT): gone before the campaign.
      if (selfAssessmentId) await db.getRepository(SelfAssessment).delete({ id: selfAssessmentId });
      await db.getRepository(Campaign).delete({ code: draftCode });
    }
  });
});
