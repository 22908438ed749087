/**
 * A small launched campaign for the appraisal and results tests: its own units (random codes) in
 * two groups, one index set per group with two appraising agencies (SNV, STP), a survey field,
 * a capped bonus and a penalty. Status "launched" without a workflow: the routes under test read
 * and write PostgreSQL only (those that signal a workflow are tested with one, elsewhere).
 *
 *   1   regular  10  SNV   Công tác chỉ đạo, điều hành
 *   1.1 regular   4  SNV   evidence required
 *   1.2 regular   6  SNV
 *   2   regular  10  STP   Xây dựng và thực thi thể chế
 *   2.1 regular   5  STP
 *   2.2 regular   5  STP
 *   3   survey    5  —     Tác động của CCHC (survey)
 *   3.1 survey    5
 *   4   bonus     3  SNV   cap 3 over 4.1 (2) + 4.2 (2)
 *   5   penalty   2  SNV
 * The fields add up to 25 points.
 */
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  Agency,
  Campaign,
  CampaignStep,
  Criterion,
  IndexSet,
  Participation,
  Unit,
} from '../../src/entities/index.js';
import { ensureAgencies } from './api-fixtures.js';
import type { CriterionKind, CriterionLevel, StepKind } from '../../src/domain/words.js';

const DAY = 24 * 60 * 60 * 1000;

interface NodeSpec {
  code: string;
  parent: string | null;
  level: CriterionLevel;
  kind: CriterionKind;
  max: number;
  title: string;
  agency?: 'SNV' | 'STP';
  evidence?: boolean;
}

export const TREE: NodeSpec[] = [
  {
    code: '1',
    parent: null,
    level: 'field',
    kind: 'regular',
    max: 10,
    title: 'Công tác chỉ đạo, điều hành CCHC',
    agency: 'SNV',
  },
  {
    code: '1.1',
    parent: '1',
    level: 'criterion',
    kind: 'regular',
    max: 4,
    title: 'Kế hoạch CCHC năm',
    evidence: true,
  },
  {
    code: '1.2',
    parent: '1',
    level: 'criterion',
    kind: 'regular',
    max: 6,
    title: 'Báo cáo CCHC định kỳ',
  },
  {
    code: '2',
    parent: null,
    level: 'field',
    kind: 'regular',
    max: 10,
    title: 'Xây dựng và tổ chức thực hiện văn bản QPPL',
    agency: 'STP',
  },
  {
    code: '2.1',
    parent: '2',
    level: 'criterion',
    kind: 'regular',
    max: 5,
    title: 'Rà soát văn bản QPPL',
  },
  {
    code: '2.2',
    parent: '2',
    level: 'criterion',
    kind: 'regular',
    max: 5,
    title: 'Kiểm tra, xử lý văn bản',
  },
  { code: '3', parent: null, level: 'field', kind: 'survey', max: 5, title: 'Tác động của CCHC' },
  {
    code: '3.1',
    parent: '3',
    level: 'criterion',
    kind: 'survey',
    max: 5,
    title: 'Mức độ hài lòng của người dân (SIPAS)',
  },
  {
    code: '4',
    parent: null,
    level: 'field',
    kind: 'bonus',
    max: 3,
    title: 'Điểm thưởng',
    agency: 'SNV',
  },
  {
    code: '4.1',
    parent: '4',
    level: 'criterion',
    kind: 'bonus',
    max: 2,
    title: 'Sáng kiến CCHC được công nhận',
  },
  {
    code: '4.2',
    parent: '4',
    level: 'criterion',
    kind: 'bonus',
    max: 2,
    title: 'Mô hình CCHC được nhân rộng',
  },
  {
    code: '5',
    parent: null,
    level: 'field',
    kind: 'penalty',
    max: 2,
    title: 'Điểm trừ',
    agency: 'SNV',
  },
];

/** Leaves appraisers score, by agency. */
export const SNV_LEAVES = ['1.1', '1.2', '4.1', '4.2', '5'];
export const STP_LEAVES = ['2.1', '2.2'];

export const PLAN: { number: number; kind: StepKind }[] = [
  { number: 3, kind: 'self_assessment' },
  { number: 4, kind: 'appraisal_round_1' },
  { number: 5, kind: 'aggregation_round_1' },
  { number: 6, kind: 'explanation' },
  { number: 7, kind: 'appraisal_round_2' },
  { number: 8, kind: 'aggregation_round_2' },
  { number: 9, kind: 'council_approval' },
  { number: 10, kind: 'announcement' },
  { number: 11, kind: 'commendation' },
];

export interface ResultsFixture {
  campaign: Campaign;
  suffix: string;
  /** Unit codes by their short names: U1..U4 (department), D1, D2 (district), OUT (not taking part). */
  units: Record<'U1' | 'U2' | 'U3' | 'U4' | 'D1' | 'D2' | 'OUT', Unit>;
}

export async function createResultsCampaign(
  db: DataSource,
  options: { status?: 'draft' | 'launched' } = {},
): Promise<ResultsFixture> {
  await ensureAgencies(db);
  const suffix = randomBytes(3).toString('hex').toUpperCase();
  const now = Date.now();
  return db.transaction(async (m) => {
    const agencies = new Map((await m.find(Agency)).map((a) => [a.code, a.id] as const));
    const campaign = await m.save(
      m.create(Campaign, {
        code: `test-kq-${suffix.toLowerCase()}-2021`,
        province: 'Vĩnh Long',
        year: 2021,
        name: `Chấm điểm Chỉ số CCHC năm 2021 (kiểm thử ${suffix})`,
        timeZone: 'Asia/Ho_Chi_Minh',
        status: options.status ?? 'launched',
        launchedAt: options.status === 'draft' ? null : new Date(now - DAY),
      }),
    );
    await m.save(
      PLAN.map((step, i) =>
        m.create(CampaignStep, {
          campaignId: campaign.id,
          number: step.number,
          kind: step.kind,
          titleVi: `Bước ${step.number}`,
          titleEn: `Step ${step.number}`,
          actor:
            step.kind === 'self_assessment' || step.kind === 'explanation'
              ? 'units'
              : 'secretariat',
          lead: 'Sở Nội vụ',
          coordinating: 'Tổ thư ký',
          opensAt: new Date(now - DAY + i * DAY),
          deadline: new Date(now + 7 * DAY + i * DAY),
        }),
      ),
    );
    const unit = (code: string, name: string, group: string) =>
      m.save(m.create(Unit, { code: `${code}-${suffix}`, name, group }));
    const units = {
      U1: await unit('U1', 'Sở Nội vụ (kiểm thử)', 'department'),
      U2: await unit('U2', 'Sở Tư pháp (kiểm thử)', 'department'),
      U3: await unit('U3', 'Sở Tài chính (kiểm thử)', 'department'),
      U4: await unit('U4', 'Sở Y tế (kiểm thử)', 'department'),
      D1: await unit('D1', 'UBND huyện Long Hồ (kiểm thử)', 'district'),
      D2: await unit('D2', 'UBND huyện Trà Ôn (kiểm thử)', 'district'),
      OUT: await unit('OUT', 'Thanh tra tỉnh (không tham gia)', 'department'),
    };
    for (const key of ['U1', 'U2', 'U3', 'U4', 'D1', 'D2'] as const) {
      await m.save(m.create(Participation, { campaignId: campaign.id, unitId: units[key].id }));
    }
    for (const group of ['department', 'district']) {
      const set = await m.save(
        m.create(IndexSet, {
          campaignId: campaign.id,
          group,
          name: `Bộ chỉ số kiểm thử (${group})`,
          illustrative: true,
        }),
      );
      const ids = new Map<string, string>();
      for (const [i, node] of TREE.entries()) {
        const saved = await m.save(
          m.create(Criterion, {
            indexSetId: set.id,
            parentId: node.parent ? ids.get(node.parent)! : null,
            code: node.code,
            level: node.level,
            kind: node.kind,
            title: node.title,
            maxPoints: node.max,
            // Children inherit their field's agency, as the import and the seed store it.
            agencyId: node.agency ? agencies.get(node.agency)! : null,
            evidenceRequired: node.evidence ?? false,
            sortOrder: i,
          }),
        );
        ids.set(node.code, saved.id);
      }
    }
    return { campaign, suffix, units };
  });
}

/** A scores table row as the tests write them: leaf code → score, or 'NA'. */
export type Scores = Record<string, number | 'NA'>;

/** Items for PUT …/appraisals/rounds/:round from a scores table, for some leaves. */
export function items(scores: Scores, leaves: string[], comment?: string) {
  return leaves
    .filter((code) => scores[code] !== undefined)
    .map((code) => {
      const value = scores[code]!;
      return {
        criterionCode: code,
        ...(value === 'NA' ? { notApplicable: true } : { score: value }),
        ...(comment ? { comment } : {}),
      };
    });
}
