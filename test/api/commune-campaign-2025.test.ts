/**
 * Issue 15, "the 2025 two-tier structure from data alone": a commune-level campaign of 140 units
 * (16 provincial departments, 124 communes and wards, no district) created from three imported
 * files (units, index sets, plan) and run through all its eleven steps on their 2025–2026 dates:
 * a time-skipping server whose clock starts on 31/10/2025, the API deciding at the server's time,
 * the real outbox, worker activities, PostgreSQL (a database of its own) and MailDev.
 *
 * Every unit submits through the API as its focal point would: 120 early, 10 after the first
 * reminder, 6 after the second, 2 after the escalation and 2 after the overdue reminder. Both
 * agencies score round 1; three communes lose 1.2's points, are asked to explain, answer (one
 * before any reminder, one after the first, one after the last) and are re-scored in round 2.
 * Survey points vary by position in the group, so each group ranks with ties. The council
 * approves, the Chairman's decision publishes the results, and every workflow ends.
 */
import 'reflect-metadata';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { vietnamBusinessCalendar } from '../../src/domain/calendar/vietnam.js';
import { formatLocalDateTime } from '../../src/domain/local-time.js';
import {
  batchWorkflowId,
  notificationsWorkflowId,
  unitWorkflowId,
} from '../../src/contracts/workflow-ids.js';
import { documentText } from '../../src/documents/index.js';
import { Campaign, Notification, Participation } from '../../src/entities/index.js';
import { loadDocument } from '../../src/loaders/document-inputs.js';
import { upload, xlsxBuffer } from '../support/api-fixtures.js';
import {
  COMMUNE_PLAN_2025,
  communeIndexSetRows,
  communeUnits2025,
  INDEX_SET_HEADER,
  MAX_POINTS,
  PLAN_STEPS_HEADER,
  SCORED_LEAVES,
  SURVEY_LEAF,
} from '../support/commune-2025.js';
import { local, type RulesWorld, settled, startRulesWorld } from '../support/rules-world.js';
import { pdfBytes, upload as uploadFile } from '../support/self-assessment-fixtures.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const CODE = 'vinhlong-xa-2025';
const UNITS = communeUnits2025('');
const codesOf = (group: string) => UNITS.filter((u) => u.group === group).map((u) => u.code);
const DEPARTMENTS = codesOf('department');
const COMMUNES = codesOf('commune');

// Who submits when (see the header): the last ones of the communes act late.
const LATE_AFTER_OVERDUE = COMMUNES.slice(-2);
const LATE_AFTER_ESCALATION = COMMUNES.slice(-4, -2);
const AFTER_SECOND = COMMUNES.slice(-10, -4);
const AFTER_FIRST = COMMUNES.slice(-20, -10);
const EARLY = [...DEPARTMENTS, ...COMMUNES.slice(0, -20)];
/** Asked to explain 1.2 (SNV gave 0 in round 1): answers 19/01, 21/01 and 23/01. */
const EXPLAINING = [COMMUNES[3]!, COMMUNES[40]!, COMMUNES[77]!] as const;
/** Round 2 points for 1.2: the first two explanations convince, the third in part. */
const ROUND_2 = [6, 6, 3] as const;

/** Survey points: the k-th unit of its group loses 0.25 × (k mod 8), so groups rank with ties. */
const surveyPoints = (code: string) => {
  const unit = UNITS.find((u) => u.code === code)!;
  const k = codesOf(unit.group).indexOf(code);
  return SURVEY_LEAF.max - 0.25 * (k % 8);
};
/** The index each unit should end with, in hundredths, from what the test enters. */
const expectedHundredths = (code: string) => {
  const explained = EXPLAINING.indexOf(code);
  const lost = explained >= 0 ? 6 - ROUND_2[explained]! : 0;
  const points = 20 - lost + surveyPoints(code);
  return Math.round((points * 10000) / MAX_POINTS);
};

/** The appraising agencies of the commune-level index (after the 2025 merger of departments). */
const AGENCIES = [
  {
    code: 'SNV',
    name: 'Sở Nội vụ',
    email: 'thamdinh.snv@example.vn',
    head_name: 'Nguyễn Văn Minh',
    head_title: 'Giám đốc Sở Nội vụ',
    head_email: 'giamdoc.snv@example.vn',
  },
  {
    code: 'STP',
    name: 'Sở Tư pháp',
    email: 'thamdinh.stp@example.vn',
    head_name: 'Trần Thị Hồng',
    head_title: 'Giám đốc Sở Tư pháp',
    head_email: 'giamdoc.stp@example.vn',
  },
];
const SECRETARIAT = [
  {
    name: 'Lê Văn Phúc',
    title: 'Trưởng phòng Cải cách hành chính',
    email: 'truongphong.cchc@example.vn',
    is_head: 'có',
  },
  { name: 'Phạm Thị Lan', title: 'Chuyên viên', email: 'thuky.cchc@example.vn' },
];
const COUNCIL = [
  {
    full_name: 'Võ Văn Hùng',
    position: 'Phó Chủ tịch UBND tỉnh',
    organisation: 'UBND tỉnh Vĩnh Long',
    role: 'chủ tịch',
    email: 'hoidong.chutich@example.vn',
  },
  {
    full_name: 'Nguyễn Văn Minh',
    position: 'Giám đốc',
    organisation: 'Sở Nội vụ',
    role: 'phó chủ tịch',
    email: 'giamdoc.snv@example.vn',
  },
];

/** Runs `task` for every item, `width` at a time (the API in bulk, through its routes). */
async function inParallel<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

interface MailDevMessage {
  headers: Record<string, string>;
  to: { address: string }[];
  cc?: { address: string }[];
  subject: string;
  text: string;
}

describe('the 2025 commune-level campaign, from imported data to the commendations', () => {
  let world: RulesWorld;
  let campaignId: string;
  /** The results as published (GET …/results after the Chairman's decision). */
  let published: any;
  const base = `/campaigns/${CODE}`;
  const started = Date.now();
  const as = (...args: Parameters<RulesWorld['as']>) => world.as(...args);

  beforeAll(async () => {
    world = await startRulesWorld({ clockStart: local('2025-10-31T08:00:00'), ownDatabase: true });
  }, 120_000);

  afterAll(async () => {
    await world?.close();
    console.info(`commune-campaign-2025: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  async function step(n: number) {
    const res = await as('secretariat', 'GET', `${base}/state`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.steps.find((s: any) => s.number === n);
  }

  async function closeStep(n: number) {
    const res = await as('secretariat', 'POST', `${base}/steps/${n}/close`, {});
    expect(res.status, `${n}: ${JSON.stringify(res.body)}`).toBe(202);
  }

  async function submit(codes: readonly string[], status: 'submitted' | 'late') {
    await inParallel(codes, 6, async (code) => {
      const res = await as(`unit:${code}`, 'POST', `${base}/units/${code}/self-assessment/submit`);
      expect(res.status, `${code}: ${JSON.stringify(res.body)}`).toBe(200);
    });
    const rows = await world.api.dataSource.query<{ code: string; status: string }[]>(
      `SELECT u.code, p.status FROM participations p JOIN units u ON u.id = p.unit_id
        WHERE p.campaign_id = $1 AND u.code = ANY($2)`,
      [campaignId, codes],
    );
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set([status]));
  }

  it('creates the campaign from files: agencies, contacts, 140 units, two index sets, the plan', async () => {
    await world.at(local('2025-10-31T09:00:00'));
    // Who appraises and who is mailed, as data: the agencies, the secretariat, the council.
    const agencies = await as('secretariat', 'POST', '/agencies/import', { agencies: AGENCIES });
    expect(agencies.status, JSON.stringify(agencies.body)).toBe(200);
    const contacts = await as('secretariat', 'POST', '/secretariat-contacts/import', {
      contacts: SECRETARIAT,
    });
    expect(contacts.status, JSON.stringify(contacts.body)).toBe(200);
    const units = await upload(world.api, '/units/import', {
      token: await world.token('secretariat'),
      file: {
        name: 'don-vi-2025.xlsx',
        content: await xlsxBuffer(
          ['code', 'name', 'group', 'focal_email', 'head_email'],
          UNITS.map((u) => [u.code, u.name, u.group, u.focal_email, u.head_email]),
        ),
      },
    });
    expect(units.status, JSON.stringify(units.body)).toBe(200);
    expect(DEPARTMENTS).toHaveLength(16);
    expect(COMMUNES).toHaveLength(124);

    const plan = await upload(world.api, '/campaigns/import', {
      token: await world.token('secretariat'),
      file: {
        name: 'ke-hoach-cham-diem-2025.xlsx',
        content: await xlsxBuffer(PLAN_STEPS_HEADER, COMMUNE_PLAN_2025),
      },
      fields: {
        code: CODE,
        province: 'Vĩnh Long',
        year: '2025',
        name: 'Chấm điểm Chỉ số CCHC năm 2025 của các sở, ban, ngành tỉnh và UBND cấp xã',
        decision_number: '2150/QĐ-UBND',
        decision_date: '2025-10-30',
        decision_title: 'Kế hoạch chấm điểm Chỉ số CCHC năm 2025',
      },
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    campaignId = plan.body.id;
    expect(plan.body.steps.map((s: any) => s.kind)).toEqual(COMMUNE_PLAN_2025.map((r) => r[2]));

    for (const [group, name] of [
      ['department', 'Bộ Chỉ số CCHC các sở, ban, ngành tỉnh năm 2025'],
      ['commune', 'Bộ Chỉ số CCHC UBND cấp xã năm 2025'],
    ] as const) {
      const set = await upload(world.api, `/campaigns/${campaignId}/index-sets/import`, {
        token: await world.token('secretariat'),
        file: {
          name: `bo-chi-so-${group}.xlsx`,
          content: await xlsxBuffer(INDEX_SET_HEADER, communeIndexSetRows(group)),
        },
        fields: { name, source: 'Quyết định số 2149/QĐ-UBND ngày 30/10/2025' },
      });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
    }
    const council = await as('secretariat', 'POST', `${base}/council-members/import`, {
      members: COUNCIL,
    });
    expect(council.status, JSON.stringify(council.body)).toBe(200);
    const joined = await as('secretariat', 'POST', `${base}/participations`, {
      groups: ['department', 'commune'],
    });
    expect(joined.status, JSON.stringify(joined.body)).toBe(201);
    expect(joined.body.added).toBe(140);

    const launched = await as('secretariat', 'POST', `${base}/launch`);
    expect(launched.status, JSON.stringify(launched.body)).toBe(200);
    const state = await settled(
      () => as('secretariat', 'GET', `${base}/state`),
      (res) => res.body?.units === 140,
    );
    expect(state.body.units).toBe(140);
  }, 120_000);

  it('the secretariat completes setup and guidance; units fill their drafts with evidence', async () => {
    await world.at(local('2025-11-20T10:00:00'));
    expect((await step(1)).status).toBe('open');
    await closeStep(1);
    await closeStep(2);
    await world.at(local('2025-12-01T09:00:00'));
    expect((await step(3)).status).toBe('open');
    await inParallel(UNITS, 6, async (unit) => {
      const token = await world.token(`unit:${unit.code}`);
      const evidence = await uploadFile(world.api, `${base}/units/${unit.code}/evidence`, {
        token,
        fileName: `Báo cáo tự đánh giá ${unit.name}.pdf`,
        bytes: pdfBytes(unit.code),
      });
      expect(evidence.status, JSON.stringify(evidence.body)).toBe(201);
      const draft = await as(
        `unit:${unit.code}`,
        'PUT',
        `${base}/units/${unit.code}/self-assessment/draft`,
        {
          items: SCORED_LEAVES.map((leaf) => ({
            criterionCode: leaf.code,
            score: leaf.max,
            ...(leaf.evidence ? { evidenceIds: [evidence.body.id] } : {}),
          })),
        },
      );
      expect(draft.status, JSON.stringify(draft.body)).toBe(200);
      expect(draft.body.missing).toEqual([]);
    });
  }, 120_000);

  it('every unit submits: on time before and between reminders, late after the escalation', async () => {
    await world.at(local('2025-12-10T10:00:00'));
    await submit(EARLY, 'submitted');
    await world.at(local('2025-12-16T10:00:00'));
    await submit(AFTER_FIRST, 'submitted');
    await world.at(local('2025-12-22T10:00:00'));
    await submit(AFTER_SECOND, 'submitted');
    await world.at(local('2025-12-26T10:00:00'));
    expect(await step(3)).toMatchObject({ status: 'closed', closedBy: 'deadline' });
    await submit(LATE_AFTER_ESCALATION, 'late');
    await world.at(local('2025-12-30T10:00:00'));
    await submit(LATE_AFTER_OVERDUE, 'late');
  }, 120_000);

  it('round 1: both agencies score all 140 units; three communes are asked to explain', async () => {
    await world.at(local('2026-01-05T10:00:00'));
    await inParallel(UNITS, 6, async (unit) => {
      for (const agency of ['SNV', 'STP']) {
        const items = SCORED_LEAVES.filter((leaf) => leaf.agency === agency).map((leaf) => ({
          criterionCode: leaf.code,
          score: leaf.code === '1.2' && EXPLAINING.includes(unit.code) ? 0 : leaf.max,
        }));
        const res = await as(
          `agency:${agency}`,
          'PUT',
          `${base}/units/${unit.code}/appraisals/rounds/1`,
          { items },
        );
        expect(res.status, `${unit.code}/${agency}: ${JSON.stringify(res.body)}`).toBe(200);
      }
    });
    const progress = await as('secretariat', 'GET', `${base}/appraisals/progress?round=1`);
    expect(progress.body.total).toEqual({ required: 140 * 4, entered: 140 * 4 });
    await world.at(local('2026-01-09T16:00:00'));
    await closeStep(4);

    await world.at(local('2026-01-12T10:00:00'));
    const generated = await as('secretariat', 'POST', `${base}/explanation-proposals/generate`, {});
    expect(generated.status, JSON.stringify(generated.body)).toBe(200);
    expect(
      generated.body.flatMap((u: any) => u.requests.map((r: any) => [u.unitCode, r.criterionCode])),
    ).toEqual(EXPLAINING.map((code) => [code, '1.2']));
    for (const code of EXPLAINING) {
      const confirmed = await as(
        'secretariat',
        'POST',
        `${base}/units/${code}/explanation-proposals/confirm`,
        {},
      );
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    }
    await world.at(local('2026-01-16T16:00:00'));
    await closeStep(5);
  }, 120_000);

  it('the three answer at different times; round 2 re-scores them', async () => {
    const answer = async (code: string) => {
      const res = await as(`unit:${code}`, 'POST', `${base}/units/${code}/explanation`, {
        answers: [{ criterionCode: '1.2', text: 'Đơn vị đã gửi đủ báo cáo định kỳ, kèm văn bản.' }],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
    };
    await world.at(local('2026-01-19T10:00:00'));
    await answer(EXPLAINING[0]);
    await world.at(local('2026-01-21T10:00:00'));
    await answer(EXPLAINING[1]);
    await world.at(local('2026-01-23T10:00:00'));
    await answer(EXPLAINING[2]);
    await world.at(local('2026-01-26T09:00:00'));
    expect(await step(6)).toMatchObject({ status: 'closed', closedBy: 'deadline' });
    await world.at(local('2026-01-27T10:00:00'));
    for (const [i, code] of EXPLAINING.entries()) {
      const res = await as('agency:SNV', 'PUT', `${base}/units/${code}/appraisals/rounds/2`, {
        items: [{ criterionCode: '1.2', score: ROUND_2[i] }],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    await world.at(local('2026-01-30T16:00:00'));
    await closeStep(7);
  }, 120_000);

  it('survey points, fixed scores and results ranked within each group', async () => {
    await world.at(local('2026-02-03T10:00:00'));
    const imported = await as('secretariat', 'POST', `${base}/survey-scores/import`, {
      scores: UNITS.map((u) => ({
        unit_code: u.code,
        criterion_code: SURVEY_LEAF.code,
        points: surveyPoints(u.code),
      })),
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body.imported).toBe(140);
    expect((await as('secretariat', 'POST', `${base}/appraisals/fix`)).status).toBe(200);
    const computed = await as('secretariat', 'POST', `${base}/results/compute`);
    expect(computed.status, JSON.stringify(computed.body)).toBe(200);
    for (const [group, codes] of [
      ['department', DEPARTMENTS],
      ['commune', COMMUNES],
    ] as const) {
      const ranked = computed.body.groups.find((g: any) => g.group === group);
      expect(ranked.units).toHaveLength(codes.length);
      // By index descending, ties by code; a tie shares the rank, the next rank skips.
      const expected = codes
        .map((code) => ({ code, hundredths: expectedHundredths(code) }))
        .sort((a, b) => b.hundredths - a.hundredths || (a.code < b.code ? -1 : 1));
      const ranks = expected.map(
        (u) => expected.findIndex((v) => v.hundredths === u.hundredths) + 1,
      );
      expect(ranked.units.map((u: any) => [u.unitCode, Math.round(u.index * 100), u.rank])).toEqual(
        expected.map((u, i) => [u.code, u.hundredths, ranks[i]]),
      );
    }
    await world.at(local('2026-02-06T16:00:00'));
    await closeStep(8);
  }, 120_000);

  it('the council approves, the Chairman decides, the results are published', async () => {
    await world.at(local('2026-02-10T10:00:00'));
    const approved = await as('council', 'POST', `${base}/council-approval`, {
      note: 'Hội đồng thẩm định thông qua kết quả chấm điểm năm 2025.',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(202);
    await world.at(local('2026-03-04T15:00:00'));
    const decided = await as('secretariat', 'POST', `${base}/chairman-decision`, {
      number: '512/QĐ-UBND',
      date: '2026-03-04',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(202);
    const results = await as(`unit:${COMMUNES[0]}`, 'GET', `${base}/results`);
    expect(results.status).toBe(200);
    expect(results.body.status).toBe('published');
    published = results.body;
    const groups = results.body.groups.map((g: any) => [g.group, g.groupName, g.units.length]);
    // Departments first, as the tiers go (code order would list the communes first).
    expect(groups).toEqual([
      ['department', 'sở, ban, ngành tỉnh', 16],
      ['commune', 'UBND cấp xã', 124],
    ]);
    const commendations = await as('secretariat', 'GET', `${base}/commendations`);
    expect(commendations.status).toBe(200);
    // The default policy proposes each group's top 3 ranks (ties included), departments first.
    const proposed = commendations.body.proposals.map((p: any) => [p.group, p.unitCode, p.rank]);
    expect(proposed).toEqual(
      results.body.groups.flatMap((g: any) =>
        g.units.filter((u: any) => u.rank <= 3).map((u: any) => [g.group, u.unitCode, u.rank]),
      ),
    );
    expect(proposed[0][0]).toBe('department');
    // The published table, one sheet per group, departments first, names with their diacritics.
    const file = await fetch(`${world.api.url}${base}/results/export`, {
      headers: { authorization: `Bearer ${await world.token('secretariat')}` },
    });
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'sở, ban, ngành tỉnh',
      'UBND cấp xã',
    ]);
    const communeSheet = workbook.worksheets[1]!;
    const names: string[] = [];
    communeSheet.eachRow((row) => names.push(row.getCell(3).text));
    expect(names).toContain(UNITS.find((u) => u.code === COMMUNES[0])!.name);
    expect(names.filter((n) => /^(Xã|Phường) /.test(n))).toHaveLength(124);

    await world.at(local('2026-03-10T09:00:00'));
    await closeStep(11);
  }, 120_000);

  it("every step's document is produced from the campaign's data, the ranking per group", async () => {
    const list = await as('secretariat', 'GET', `${base}/documents`);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const documents = list.body.documents;
    expect(documents.filter((d: any) => !d.available)).toEqual([]);
    const reports = documents.find((d: any) => d.kind === 'self_assessment_report');
    expect(reports.units.filter((u: any) => u.available)).toHaveLength(140);
    for (const d of documents) {
      const query = d.units ? `?unitCode=${COMMUNES[0]}` : '';
      const file = await fetch(`${world.api.url}${base}/documents/${d.kind}${query}`, {
        headers: { authorization: `Bearer ${await world.token('secretariat')}` },
      });
      expect(file.status, d.kind).toBe(200);
      expect(
        Buffer.from(await file.arrayBuffer())
          .subarray(0, 2)
          .toString(),
        d.kind,
      ).toBe('PK');
    }
    // The dossier to the Chairman: the departments' table, then the 124 communes and wards'.
    const campaign = await world.api.dataSource
      .getRepository(Campaign)
      .findOneByOrFail({ id: campaignId });
    const dossier = await loadDocument(world.api.dataSource.manager, campaign, 'chairman_dossier', {
      publicUrl: 'http://127.0.0.1',
    });
    expect(dossier.ok).toBe(true);
    if (!dossier.ok) return;
    const text = documentText(dossier.document).join('\n');
    const firstDepartment = text.indexOf(UNITS[0]!.name);
    const firstCommune = text.search(/\| (Xã|Phường) /);
    expect(firstDepartment).toBeGreaterThan(0);
    expect(firstCommune).toBeGreaterThan(firstDepartment);
    expect(text.match(/\| (Xã|Phường) [^|]+ \|/g)).toHaveLength(124);
  }, 120_000);

  it('every workflow completed and every step closed, each as its deadline or actor says', async () => {
    const { workflowId } = await world.api.dataSource
      .getRepository(Campaign)
      .findOneByOrFail({ id: campaignId });
    const campaign = workflowId!;
    const units = UNITS.map((u) => unitWorkflowId(campaign, u.code));
    // 140 units fit one batch (500 a batch).
    const batches = [batchWorkflowId(campaign, 0), notificationsWorkflowId(campaign)];
    const final = await world.env.client.workflow.getHandle(campaign).result();
    expect(final.units).toBe(140);
    expect(final.steps.map((s: any) => [s.number, s.status, s.closedBy])).toEqual([
      [1, 'closed', 'secretariat'],
      [2, 'closed', 'secretariat'],
      [3, 'closed', 'deadline'],
      [4, 'closed', 'secretariat'],
      [5, 'closed', 'secretariat'],
      [6, 'closed', 'deadline'],
      [7, 'closed', 'secretariat'],
      [8, 'closed', 'secretariat'],
      [9, 'closed', 'council'],
      [10, 'closed', 'chairman'],
      [11, 'closed', 'secretariat'],
    ]);
    expect(units).toHaveLength(140);
    for (const id of [...batches, ...units]) {
      const described = await world.env.client.workflow.getHandle(id).describe();
      expect(described.status.name, id).toBe('COMPLETED');
    }
    const participations = await world.api.dataSource
      .getRepository(Participation)
      .findBy({ campaignId });
    expect(participations.map((p) => p.status)).toEqual(Array(140).fill('completed'));
  }, 120_000);

  it('mailed reminders and escalations only to those that had not acted, on working days', async () => {
    const rows = await world.api.dataSource.getRepository(Notification).find({
      where: { campaignId },
    });
    const lineOf = (n: Notification) =>
      `${formatLocalDateTime(n.scheduledFor, ZONE)} ${n.kind} ${n.businessKey.split('/')[1]}`;
    const lines = (stamp: string, kind: string, recipients: readonly string[]) =>
      recipients.map((r) => `${stamp} ${kind} ${r}`);
    const units = (codes: readonly string[]) => codes.map((c) => `unit:${c}`);
    const LATE = [...LATE_AFTER_ESCALATION, ...LATE_AFTER_OVERDUE];
    const expected = [
      // Self-assessment, 01–24/12/2025 (Wed): 7, 3 and 1 working days before, to those still due.
      '01/12/2025 08:00 digest_window_opened secretariat',
      // Every unit hears that its window opened, with its form's link and the deadline.
      ...lines('01/12/2025 08:00', 'window_opened', units([...DEPARTMENTS, ...COMMUNES])),
      ...lines('15/12/2025 08:00', 'reminder', units([...AFTER_FIRST, ...AFTER_SECOND, ...LATE])),
      ...lines('19/12/2025 08:00', 'reminder', units([...AFTER_SECOND, ...LATE])),
      ...lines('23/12/2025 08:00', 'reminder', units(LATE)),
      // Round 1 opens on 25/12: its agencies a working day before.
      ...lines('24/12/2025 08:00', 'appraisal_reminder', ['agency:SNV', 'agency:STP']),
      // The missed deadline, acted on the next working day: the heads of the four, and a digest.
      '25/12/2025 08:00 digest_window_closed secretariat',
      ...LATE.map((c) => `25/12/2025 08:00 escalation unit-head:${c}`),
      // Late intake runs until round 1 ends: every 2 working days to those still missing.
      ...lines('29/12/2025 08:00', 'overdue_reminder', units(LATE_AFTER_OVERDUE)),
      // Round 1's reminders of 06/01 and 08/01: both agencies had entered every score on 05/01.
      ...lines('12/01/2026 10:00', 'explanation_request', units(EXPLAINING)),
      // Explanations, 19–23/01/2026 (Fri): 3 and 1 working days before (7 falls before it opens).
      '19/01/2026 08:00 digest_window_opened secretariat',
      ...lines('19/01/2026 08:00', 'window_opened', units(EXPLAINING)),
      ...lines('20/01/2026 08:00', 'reminder', units(EXPLAINING.slice(1))),
      ...lines('22/01/2026 08:00', 'reminder', units(EXPLAINING.slice(2))),
      '26/01/2026 08:00 digest_window_closed secretariat',
      // Round 2 re-scores SNV's criterion only: STP has nothing to do, SNV is done on 27/01 10:00.
      '23/01/2026 08:00 appraisal_reminder agency:SNV',
      '27/01/2026 08:00 appraisal_reminder agency:SNV',
      // The council meets from 09/02: 3 and 1 working days before.
      '04/02/2026 08:00 council_reminder council',
      '06/02/2026 08:00 council_reminder council',
      // The Chairman's decision: every unit hears its result.
      ...lines('04/03/2026 15:00', 'results', units([...DEPARTMENTS, ...COMMUNES])),
    ];
    expect(rows.map(lineOf).sort()).toEqual(expected.sort());
    expect(rows.every((n) => n.status === 'sent')).toBe(true);
    const calendar = vietnamBusinessCalendar();
    const days = rows.map((n) => formatLocalDateTime(n.scheduledFor, ZONE).slice(0, 10));
    const iso = (day: string) => day.split('/').reverse().join('-');
    expect(days.filter((day) => !calendar.isWorkingDay(iso(day)))).toEqual([]);

    // MailDev received each of them once, addressed from the imported data; counted by kind.
    const res = await fetch(`${inject('mailApiUrl')}/email`);
    const received = ((await res.json()) as MailDevMessage[]).filter((m) =>
      m.headers['x-par-business-key']?.startsWith(`${campaignId}/`),
    );
    const kindOf = new Map(rows.map((n) => [n.businessKey, n.kind]));
    const byKind: Record<string, number> = {};
    for (const m of received) {
      const kind = kindOf.get(m.headers['x-par-business-key']!) ?? 'unknown';
      byKind[kind] = (byKind[kind] ?? 0) + 1;
    }
    expect(byKind).toEqual({
      window_opened: 140 + 3,
      digest_window_opened: 2,
      digest_window_closed: 2,
      reminder: 20 + 10 + 4 + 2 + 1,
      escalation: 4,
      overdue_reminder: 2,
      appraisal_reminder: 4,
      explanation_request: 3,
      council_reminder: 2,
      results: 140,
    });
    expect(new Set(received.map((m) => m.headers['x-par-business-key'])).size).toBe(rows.length);
    const late = UNITS.find((u) => u.code === LATE[0])!;
    const escalation = received.find((m) =>
      m.headers['x-par-business-key']!.includes(`/unit-head:${late.code}/`),
    )!;
    expect(escalation.to.map((t) => t.address)).toEqual([late.head_email]);
    expect(escalation.cc?.map((c) => c.address)).toEqual([SECRETARIAT[0]!.email]);
    expect(escalation.subject).toContain(late.name);
    // Each unit's result mail names its rank in its own group.
    const last = published.groups.find((g: any) => g.group === 'commune').units.at(-1);
    const mail = received.find((m) =>
      m.headers['x-par-business-key']!.startsWith(`${campaignId}/unit:${last.unitCode}/results`),
    )!;
    expect(mail.text).toContain(
      `${last.rank}/124${last.tied ? ' (đồng hạng)' : ''} trong nhóm UBND cấp xã`,
    );
  });
});
