/**
 * The documents of the seeded 2021 plan (Decision 3176/QĐ-UBND), read by the loader from
 * PostgreSQL: the plan's own wording of its windows and its decision in the guidance and the
 * council's decision, each dated in its step's year, and the reasons the later ones wait.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDataSource } from '../../src/db/data-source.js';
import { documentText, renderDocx } from '../../src/documents/index.js';
import { Campaign, CouncilMember } from '../../src/entities/index.js';
import { loadDocument } from '../../src/loaders/document-inputs.js';
import { seedCampaignPlan } from '../../src/seed/seed.js';
import { VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import '../support/provided.js';

let db: DataSource;
let campaign: Campaign;
const code = `vinhlong-2021-docs-${randomUUID().slice(0, 8)}`;
const publicUrl = 'https://cchc.vinhlong.example.vn';

beforeAll(async () => {
  db = createDataSource(inject('databaseUrl'));
  await db.initialize();
  const { campaignId } = await seedCampaignPlan(db, {
    ...VINH_LONG_2021,
    campaign: { ...VINH_LONG_2021.campaign, code },
  });
  campaign = await db.getRepository(Campaign).findOneByOrFail({ id: campaignId });
});

afterAll(async () => {
  await db?.getRepository(Campaign).delete({ code });
  await db?.destroy();
});

const load = (kind: Parameters<typeof loadDocument>[2], unitCode?: string) =>
  loadDocument(db.manager, campaign, kind, { publicUrl, ...(unitCode && { unitCode }) });

describe('the seeded 2021 plan', () => {
  it('guides units with the plan’s own windows, its decision and each index set’s link', async () => {
    const outcome = await load('guidance_notice');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const text = documentText(outcome.document);
    expect(text).toContain('Vĩnh Long, ngày …… tháng …… năm 2021');
    expect(text.join('\n')).toContain('Thực hiện Quyết định số 3176/QĐ-UBND ngày 18/11/2021');
    const step3 = text.find((line) => line.startsWith('3 | '))!;
    expect(step3).toMatch(/tự đánh giá/);
    expect(step3).toMatch(/\| Từ ngày 01-24\/12\/2021 \| Đơn vị, địa phương \| Sở Nội vụ$/);
    expect(text.find((line) => line.startsWith('9 | '))).toMatch(
      /\| 15-17\/02\/2022 \| Hội đồng thẩm định \|/,
    );
    expect(text.filter((line) => line.includes(`${publicUrl}/index-sets/`))).toHaveLength(2);
    expect((await renderDocx(outcome.document)).subarray(0, 2).toString()).toBe('PK');
  });

  it('establishes the council once its members are entered, dated in step 1’s year', async () => {
    const before = await load('council_decision');
    expect(before).toMatchObject({ ok: false });
    await db.getRepository(CouncilMember).save([
      {
        campaignId: campaign.id,
        fullName: 'Lê Quang Trung',
        position: 'Phó Chủ tịch UBND tỉnh',
        organisation: 'UBND tỉnh Vĩnh Long',
        role: 'chair' as const,
        email: null,
        sortOrder: 1,
      },
    ]);
    const outcome = await load('council_decision');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const text = documentText(outcome.document).join('\n');
    expect(text).toContain('Vĩnh Long, ngày …… tháng …… năm 2021');
    expect(text).toContain('bước 4: thẩm định lần thứ nhất, 27-31/12/2021');
    expect(text).toContain('1 | Lê Quang Trung | Phó Chủ tịch UBND tỉnh, UBND tỉnh Vĩnh Long');
  });

  it('says why the later documents wait, in Vietnamese', async () => {
    expect(await load('self_assessment_report', 'SNV')).toEqual({
      ok: false,
      reason: 'Sở Nội vụ chưa nộp bản tự đánh giá: báo cáo được lập từ bản đã nộp.',
    });
    expect(await load('round_1_summary')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Chưa có điểm thẩm định lần 1 nào/),
    });
    expect(await load('chairman_dossier')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Chưa tính kết quả của chiến dịch/),
    });
    expect(await load('commendation_proposal')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/chưa được công bố/),
    });
  });
});
