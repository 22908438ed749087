import 'reflect-metadata';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDataSource, migrate } from '../../src/db/data-source.js';
import {
  Agency,
  Campaign,
  CampaignStep,
  Criterion,
  IndexSet,
  Participation,
  Unit,
} from '../../src/entities/index.js';
import { seedIfEmpty, seedVinhLong2021 } from '../../src/seed/seed.js';
import {
  AGENCIES,
  CAMPAIGN,
  flattenCriteria,
  INDEX_SETS,
  STEPS,
  UNITS,
  type SeedCriterion,
} from '../../src/seed/vinh-long-2021.js';
import '../support/provided.js';

/** Points in hundredths, so that sums are exact. */
const cents = (points: number): number => Math.round(points * 100);
const sumCents = (nodes: { maxPoints: number }[]): number =>
  nodes.reduce((total, node) => total + cents(node.maxPoints), 0);
const isoWeekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

describe('Vĩnh Long 2021 seed data', () => {
  it('describes the campaign of Decision 3176/QĐ-UBND', () => {
    expect(CAMPAIGN).toMatchObject({
      code: 'vinhlong-2021',
      province: 'Vĩnh Long',
      year: 2021,
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    expect(CAMPAIGN.decisionRefs.map((d) => [d.number, d.date])).toEqual([
      ['3176/QĐ-UBND', '2021-11-18'],
      ['2528/QĐ-UBND', '2020-09-23'],
      ['771/QĐ-UBND', '2021-04-05'],
      ['3520/QĐ-UBND', '2020-12-29'],
    ]);
  });

  it('has the 11 steps of the plan, numbered 1..11, with their kinds and actors', () => {
    expect(STEPS.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(STEPS.map((s) => s.kind)).toEqual([
      'setup',
      'guidance',
      'self_assessment',
      'appraisal_round_1',
      'aggregation_round_1',
      'explanation',
      'appraisal_round_2',
      'aggregation_round_2',
      'council_approval',
      'announcement',
      'commendation',
    ]);
    expect(STEPS.map((s) => s.actor)).toEqual([
      'secretariat',
      'secretariat',
      'units',
      'secretariat',
      'secretariat',
      'units',
      'secretariat',
      'secretariat',
      'council',
      'secretariat',
      'secretariat',
    ]);
    expect(STEPS.map((s) => [s.lead, s.coordinating])).toEqual([
      ['Sở Nội vụ', 'Các cơ quan có liên quan'],
      ['Sở Nội vụ', 'Đơn vị, địa phương'],
      ['Đơn vị, địa phương', 'Sở Nội vụ'],
      ['Sở Nội vụ', 'Tổ thư ký'],
      ['Sở Nội vụ', 'Tổ thư ký'],
      ['Đơn vị, địa phương', 'Tổ thư ký'],
      ['Sở Nội vụ', 'Tổ thư ký'],
      ['Sở Nội vụ', 'Tổ thư ký'],
      ['Hội đồng thẩm định', 'Tổ thư ký'],
      ['Sở Nội vụ', 'Tổ thư ký'],
      ['Sở Nội vụ', 'Văn phòng UBND tỉnh'],
    ]);
  });

  it('gives steps 1-10 dates that match the plan wording, in order, ending on working days', () => {
    const dated = STEPS.slice(0, 10);
    for (const step of dated) {
      expect(step.start, `step ${step.number}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(step.end, `step ${step.number}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(step.startsAfterStep).toBeNull();
      const start = step.start ?? '';
      const end = step.end ?? '';
      expect(start <= end, `step ${step.number}`).toBe(true);
      // Windows close on a working day (Mon-Fri).
      expect(isoWeekday(end), `step ${step.number} ends ${end}`).toBeLessThanOrEqual(5);

      const month = /^Tháng (\d{2})\/(\d{4})$/.exec(step.windowText);
      const days = /(\d{2})-(\d{2})\/(\d{2})\/(\d{4})$/.exec(step.windowText);
      if (month) {
        const last = new Date(Date.UTC(Number(month[2]), Number(month[1]), 0)).getUTCDate();
        expect([start, end]).toEqual([
          `${month[2]}-${month[1]}-01`,
          `${month[2]}-${month[1]}-${last}`,
        ]);
      } else {
        expect(days, step.windowText).not.toBeNull();
        const [, d1, d2, mm, yyyy] = days ?? [];
        expect([start, end]).toEqual([`${yyyy}-${mm}-${d1}`, `${yyyy}-${mm}-${d2}`]);
      }
    }
    // From step 3 on, each window opens after the previous one closed.
    for (let i = 3; i < dated.length; i++) {
      expect((dated[i]?.start ?? '') > (dated[i - 1]?.end ?? ''), `step ${i + 1}`).toBe(true);
    }
    expect(STEPS.map((s) => s.windowText)).toEqual([
      'Tháng 11/2021',
      'Tháng 11/2021',
      'Từ ngày 01-24/12/2021',
      '27-31/12/2021',
      '03-14/01/2022',
      '17-21/01/2022',
      '24-28/01/2022',
      '07-11/02/2022',
      '15-17/02/2022',
      '18-28/02/2022',
      'Sau khi có kết quả công bố của Chủ tịch UBND tỉnh',
    ]);
  });

  it('has step 11 without dates, starting after step 10', () => {
    expect(STEPS[10]).toMatchObject({
      number: 11,
      start: null,
      end: null,
      startsAfterStep: 10,
    });
  });

  it('lists the 17 departments and 8 district-level units of 2021, with unique ASCII codes', () => {
    expect(UNITS.filter((u) => u.group === 'department')).toHaveLength(17);
    expect(UNITS.filter((u) => u.group === 'district')).toHaveLength(8);
    expect(UNITS).toHaveLength(25);
    const codes = UNITS.map((u) => u.code);
    expect(new Set(codes).size).toBe(25);
    for (const u of UNITS) {
      expect(u.code).toMatch(/^[A-Z]{2,32}$/);
      expect(u.focalEmail).toMatch(/^[a-z.]+@example\.vn$/);
      expect(u.headEmail).toMatch(/^[a-z.]+@example\.vn$/);
    }
    expect(new Set(UNITS.flatMap((u) => [u.focalEmail, u.headEmail])).size).toBe(50);
    expect(UNITS.find((u) => u.code === 'TPVL')?.name).toBe('Ủy ban nhân dân thành phố Vĩnh Long');
    expect(UNITS.find((u) => u.code === 'LONGHO')?.name).toBe('Ủy ban nhân dân huyện Long Hồ');
    expect(UNITS.find((u) => u.code === 'SNV')).toMatchObject({
      name: 'Sở Nội vụ',
      focalEmail: 'cchc.snv@example.vn',
      headEmail: 'giamdoc.snv@example.vn',
    });
  });

  it('lists the 6 appraising bodies with unique codes', () => {
    expect(AGENCIES.map((a) => [a.code, a.name])).toEqual([
      ['SNV', 'Sở Nội vụ'],
      ['VPUBND', 'Văn phòng UBND tỉnh'],
      ['STC', 'Sở Tài chính'],
      ['STP', 'Sở Tư pháp'],
      ['STTTT', 'Sở Thông tin và Truyền thông'],
      ['SKHCN', 'Sở Khoa học và Công nghệ'],
    ]);
    for (const a of AGENCIES) expect(a.email).toMatch(/^[a-z.]+@example\.vn$/);
  });

  describe.each(INDEX_SETS.map((set) => [set.group, set] as const))('%s index set', (_, set) => {
    const all = flattenCriteria([...set.fields, ...set.adjustments]);
    const leaves = all.filter((node) => node.children.length === 0);

    it('is marked illustrative', () => {
      expect(set.illustrative).toBe(true);
      expect(set.name).toMatch(/minh họa.*không phải Bộ chỉ số 771\/QĐ-UBND/);
      expect(set.source).toBe('Minh họa — dữ liệu mẫu');
    });

    it('has 8 regular fields worth 100 points and every parent worth the sum of its children', () => {
      expect(set.fields).toHaveLength(8);
      expect(set.fields.every((f) => f.kind === 'regular' && f.level === 'field')).toBe(true);
      expect(sumCents(set.fields)).toBe(10_000);
      for (const node of all) {
        expect(cents(node.maxPoints), node.code).toBeGreaterThan(0);
        if (node.children.length) {
          expect(sumCents(node.children), `children of ${node.code}`).toBe(cents(node.maxPoints));
        }
      }
    });

    it('numbers the tree "1", "1.1", "1.1.1" with unique codes and the right levels', () => {
      expect(new Set(all.map((n) => n.code)).size).toBe(all.length);
      const check = (nodes: SeedCriterion[], prefix: string, level: number): void => {
        nodes.forEach((node, i) => {
          if (prefix) expect(node.code).toBe(`${prefix}${i + 1}`);
          expect(node.level).toBe(['field', 'criterion', 'sub_criterion'][level]);
          check(node.children, `${node.code}.`, level + 1);
        });
      };
      check(set.fields, '', 0);
      expect(set.fields.map((f) => f.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
      expect(leaves.every((leaf) => leaf.level === 'sub_criterion' || leaf.level === 'field')).toBe(
        true,
      );
      expect(leaves.filter((l) => l.level === 'sub_criterion').length).toBeGreaterThanOrEqual(50);
      expect(leaves.filter((l) => l.level === 'sub_criterion').length).toBeLessThanOrEqual(70);
    });

    it('assigns each field to its usual appraising agency', () => {
      expect(set.fields.map((f) => f.agencyCode)).toEqual([
        'SNV',
        'STP',
        'VPUBND',
        'SNV',
        'SNV',
        'STC',
        'STTTT',
        'SNV',
      ]);
      const agencyCodes = new Set(AGENCIES.map((a) => a.code));
      for (const node of all) expect(agencyCodes.has(node.agencyCode), node.code).toBe(true);
      // The ISO 9001 criterion goes to Sở Khoa học và Công nghệ.
      expect(all.filter((n) => n.agencyCode === 'SKHCN').map((n) => n.title)).not.toHaveLength(0);
    });

    it('takes survey points only in the impact field, appraised by SNV', () => {
      const surveys = leaves.filter((l) => l.kind === 'survey');
      expect(surveys.length).toBeGreaterThan(0);
      for (const s of surveys) {
        expect(s.code.startsWith('8.'), s.code).toBe(true);
        expect(s.agencyCode).toBe('SNV');
      }
      expect(leaves.some((l) => l.evidenceRequired)).toBe(true);
      expect(leaves.every((l) => l.guidance)).toBe(true);
    });

    it('keeps one bonus and one penalty node of 3 points outside the 100', () => {
      expect(set.adjustments.map((a) => [a.code, a.kind, a.maxPoints, a.children.length])).toEqual([
        ['9', 'bonus', 3, 0],
        ['10', 'penalty', 3, 0],
      ]);
    });
  });

  it('has one index set per unit group', () => {
    expect(INDEX_SETS.map((s) => s.group).sort()).toEqual(['department', 'district']);
  });
});

describe('seeding Vĩnh Long 2021 into the shared test database', () => {
  let db: DataSource;
  let unitCodesBefore: Set<string>;
  let agencyCodesBefore: Set<string>;

  beforeAll(async () => {
    db = createDataSource(inject('databaseUrl'));
    await db.initialize();
    if (await db.getRepository(Campaign).existsBy({ code: CAMPAIGN.code })) {
      throw new Error(
        `campaign ${CAMPAIGN.code} is already in the test database (not cleaned up?)`,
      );
    }
    const codesIn = async (table: string, codes: string[]) => {
      const rows = await db.query<{ code: string }[]>(
        `SELECT code FROM "${table}" WHERE code = ANY($1)`,
        [codes],
      );
      return new Set(rows.map((r) => r.code));
    };
    unitCodesBefore = await codesIn(
      'units',
      UNITS.map((u) => u.code),
    );
    agencyCodesBefore = await codesIn(
      'agencies',
      AGENCIES.map((a) => a.code),
    );
  });

  afterAll(async () => {
    if (!db?.isInitialized) return;
    // Steps, index sets, criteria and participations go with the campaign (ON DELETE CASCADE).
    await db.getRepository(Campaign).delete({ code: CAMPAIGN.code });
    // Then only the units and agencies this test created, and only when nothing refers to them.
    const newUnits = UNITS.map((u) => u.code).filter((c) => !unitCodesBefore.has(c));
    await db.query(
      `DELETE FROM units u WHERE u.code = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM participations p WHERE p.unit_id = u.id)
         AND NOT EXISTS (SELECT 1 FROM api_tokens t WHERE t.unit_id = u.id)`,
      [newUnits],
    );
    const newAgencies = AGENCIES.map((a) => a.code).filter((c) => !agencyCodesBefore.has(c));
    await db.query(
      `DELETE FROM agencies a WHERE a.code = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM criteria c WHERE c.agency_id = a.id)
         AND NOT EXISTS (SELECT 1 FROM api_tokens t WHERE t.agency_id = a.id)`,
      [newAgencies],
    );
    await db.destroy();
  });

  let campaignId: string;

  it('creates the campaign once; seeding again changes nothing', async () => {
    const first = await seedVinhLong2021(db);
    expect(first.created).toBe(true);
    campaignId = first.campaignId;
    const snapshot = async () => ({
      campaign: await db.getRepository(Campaign).findOneByOrFail({ id: campaignId }),
      steps: await db.getRepository(CampaignStep).countBy({ campaignId }),
      sets: await db.getRepository(IndexSet).countBy({ campaignId }),
      participations: await db.getRepository(Participation).countBy({ campaignId }),
    });
    const before = await snapshot();

    const second = await seedVinhLong2021(db);
    expect(second).toEqual({ created: false, campaignId });
    // And on a database with a campaign, the first-start seed does nothing.
    expect(await seedIfEmpty(db)).toBeNull();

    expect(await snapshot()).toEqual(before);
    expect(await db.getRepository(Campaign).countBy({ code: CAMPAIGN.code })).toBe(1);
  });

  it('stores the campaign as a draft with its decisions', async () => {
    const campaign = await db.getRepository(Campaign).findOneByOrFail({ id: campaignId });
    expect(campaign).toMatchObject({
      code: 'vinhlong-2021',
      province: 'Vĩnh Long',
      year: 2021,
      name: CAMPAIGN.name,
      timeZone: 'Asia/Ho_Chi_Minh',
      status: 'draft',
      workflowId: null,
    });
    expect(campaign.decisionRefs).toEqual(CAMPAIGN.decisionRefs);
  });

  it('stores the step plan as instants computed in Asia/Ho_Chi_Minh', async () => {
    const steps = await db
      .getRepository(CampaignStep)
      .find({ where: { campaignId }, order: { number: 'ASC' } });
    expect(steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const byNumber = (n: number) => steps.find((s) => s.number === n);

    expect(byNumber(1)?.opensAt?.toISOString()).toBe('2021-10-31T17:00:00.000Z');
    expect(byNumber(1)?.deadline?.toISOString()).toBe('2021-11-30T16:59:59.000Z');
    expect(byNumber(3)).toMatchObject({
      kind: 'self_assessment',
      actor: 'units',
      lead: 'Đơn vị, địa phương',
      coordinating: 'Sở Nội vụ',
      windowText: 'Từ ngày 01-24/12/2021',
      startsAfterStep: null,
    });
    expect(byNumber(3)?.opensAt?.toISOString()).toBe('2021-11-30T17:00:00.000Z');
    expect(byNumber(3)?.deadline?.toISOString()).toBe('2021-12-24T16:59:59.000Z');
    expect(byNumber(10)?.deadline?.toISOString()).toBe('2022-02-28T16:59:59.000Z');
    expect(byNumber(11)).toMatchObject({
      kind: 'commendation',
      opensAt: null,
      deadline: null,
      startsAfterStep: 10,
      coordinating: 'Văn phòng UBND tỉnh',
    });
  });

  it('registers the 25 units, with their Vietnamese names intact', async () => {
    const participations = await db
      .getRepository(Participation)
      .find({ where: { campaignId }, relations: { unit: true } });
    expect(participations).toHaveLength(25);
    expect(participations.every((p) => p.status === 'registered')).toBe(true);
    const units = participations.map((p) => p.unit);
    expect(units.filter((u) => u?.group === 'department')).toHaveLength(17);
    expect(units.filter((u) => u?.group === 'district')).toHaveLength(8);
    expect(units.find((u) => u?.code === 'TRAON')?.name).toBe('Ủy ban nhân dân huyện Trà Ôn');
    const agencies = await db.getRepository(Agency).find();
    for (const a of AGENCIES) expect(agencies.some((row) => row.code === a.code)).toBe(true);
  });

  it('stores both index sets with their criteria trees', async () => {
    const sets = await db
      .getRepository(IndexSet)
      .find({ where: { campaignId }, order: { group: 'ASC' } });
    expect(sets.map((s) => [s.group, s.illustrative])).toEqual([
      ['department', true],
      ['district', true],
    ]);
    const agencyCodeById = new Map(
      (await db.getRepository(Agency).find()).map((a) => [a.id, a.code]),
    );
    for (const set of sets) {
      const seed = INDEX_SETS.find((s) => s.group === set.group);
      const expected = flattenCriteria([...(seed?.fields ?? []), ...(seed?.adjustments ?? [])]);
      const rows = await db
        .getRepository(Criterion)
        .find({ where: { indexSetId: set.id }, order: { sortOrder: 'ASC' } });
      // ORDER BY sort_order lists the tree as written.
      expect(rows.map((r) => r.code)).toEqual(expected.map((n) => n.code));
      expect(
        rows.map((r) => [r.level, r.kind, r.maxPoints, agencyCodeById.get(r.agencyId ?? '')]),
      ).toEqual(expected.map((n) => [n.level, n.kind, n.maxPoints, n.agencyCode]));

      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const row of rows) {
        const parent = row.parentId === null ? undefined : byId.get(row.parentId);
        if (row.level === 'field') expect(row.parentId).toBeNull();
        else expect(row.code.startsWith(`${parent?.code}.`), row.code).toBe(true);
        const children = rows.filter((r) => r.parentId === row.id);
        if (children.length) expect(sumCents(children)).toBe(cents(row.maxPoints));
      }
      const fields = rows.filter((r) => r.level === 'field' && r.kind === 'regular');
      expect(fields).toHaveLength(8);
      expect(sumCents(fields)).toBe(10_000);
    }
  });
});

describe('first start on an empty database', () => {
  const name = `par_seed_test_${process.pid}_${Date.now()}`;
  let admin: pg.Client;
  let db: DataSource | undefined;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: inject('databaseUrl') });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(inject('databaseUrl'));
    url.pathname = `/${name}`;
    db = createDataSource(url.toString());
    await db.initialize();
    await migrate(db);
  });

  afterAll(async () => {
    if (db?.isInitialized) await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.end();
  });

  it('seeds when there is no campaign, keeping e-mail addresses already entered', async () => {
    if (!db) throw new Error('no database');
    // An administrator entered SNV before the first start, with its real address.
    await db.getRepository(Unit).insert({
      code: 'SNV',
      name: 'SNV (nhập tay)',
      group: 'department',
      focalEmail: 'dau-moi@snv.example.org',
      headEmail: null,
    });

    // An API and a worker starting together: exactly one of them seeds.
    const results = await Promise.all([seedIfEmpty(db), seedIfEmpty(db)]);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    const first = results.find((r) => r !== null);
    expect(first?.created).toBe(true);
    expect(await seedIfEmpty(db)).toBeNull();
    expect(await seedVinhLong2021(db)).toEqual({ created: false, campaignId: first?.campaignId });

    expect(await db.getRepository(Campaign).count()).toBe(1);
    expect(await db.getRepository(Unit).count()).toBe(25);
    expect(await db.getRepository(Agency).count()).toBe(6);
    expect(await db.getRepository(Unit).findOneByOrFail({ code: 'SNV' })).toMatchObject({
      name: 'Sở Nội vụ',
      focalEmail: 'dau-moi@snv.example.org',
      headEmail: 'giamdoc.snv@example.vn',
    });
  });
});
