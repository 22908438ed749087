/**
 * A small campaign of its own per test (unique codes), so that tests control the self-assessment
 * window and do not depend on the seed or on other test files sharing the database.
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
import type { TestApi } from './api.js';
import type { LatePolicy, CriterionKind, CriterionLevel } from '../../src/domain/words.js';

export const DAY = 24 * 60 * 60 * 1000;

export interface CampaignFixture {
  campaign: Campaign;
  step: CampaignStep;
  /** Two participating units and one that exists but does not take part. */
  unitA: Unit;
  unitB: Unit;
  outsider: Unit;
  participationA: Participation;
  participationB: Participation;
  agency: Agency;
  suffix: string;
}

interface NodeSpec {
  code: string;
  parent: string | null;
  level: CriterionLevel;
  kind: CriterionKind;
  max: number;
  title: string;
  evidenceRequired?: boolean;
}

/** Self-scored leaves: 1.1, 1.2.1 (needs evidence), 1.2.2, 9.1 (bonus), 10.1 (penalty). */
export const SELF_SCORED = ['1.1', '1.2.1', '1.2.2', '9.1', '10.1'];

const TREE: NodeSpec[] = [
  {
    code: '1',
    parent: null,
    level: 'field',
    kind: 'regular',
    max: 5,
    title: 'Công tác chỉ đạo, điều hành CCHC',
  },
  {
    code: '1.1',
    parent: '1',
    level: 'criterion',
    kind: 'regular',
    max: 2,
    title: 'Kế hoạch CCHC năm',
  },
  { code: '1.2', parent: '1', level: 'criterion', kind: 'regular', max: 3, title: 'Báo cáo CCHC' },
  {
    code: '1.2.1',
    parent: '1.2',
    level: 'sub_criterion',
    kind: 'regular',
    max: 1.5,
    title: 'Báo cáo định kỳ đúng hạn',
    evidenceRequired: true,
  },
  {
    code: '1.2.2',
    parent: '1.2',
    level: 'sub_criterion',
    kind: 'regular',
    max: 1.5,
    title: 'Báo cáo đủ nội dung',
  },
  { code: '8', parent: null, level: 'field', kind: 'survey', max: 5, title: 'Tác động của CCHC' },
  {
    code: '8.1',
    parent: '8',
    level: 'criterion',
    kind: 'survey',
    max: 5,
    title: 'Mức độ hài lòng (SIPAS)',
  },
  { code: '9', parent: null, level: 'field', kind: 'bonus', max: 2, title: 'Điểm thưởng' },
  { code: '9.1', parent: '9', level: 'criterion', kind: 'bonus', max: 2, title: 'Sáng kiến CCHC' },
  { code: '10', parent: null, level: 'field', kind: 'penalty', max: 3, title: 'Điểm trừ' },
  {
    code: '10.1',
    parent: '10',
    level: 'criterion',
    kind: 'penalty',
    max: 3,
    title: 'Vi phạm kỷ luật hành chính',
  },
];

export async function createCampaignFixture(
  db: DataSource,
  options: {
    latePolicy?: LatePolicy;
    opensAt?: Date | null;
    deadline?: Date | null;
  } = {},
): Promise<CampaignFixture> {
  const suffix = randomBytes(4).toString('hex').toUpperCase();
  const now = Date.now();
  return db.transaction(async (m) => {
    const campaign = await m.save(
      m.create(Campaign, {
        code: `test-sa-${suffix.toLowerCase()}`,
        province: 'Vĩnh Long',
        year: 2099,
        name: `Chấm điểm Chỉ số CCHC (kiểm thử ${suffix})`,
        timeZone: 'Asia/Ho_Chi_Minh',
        latePolicy: options.latePolicy ?? 'accept',
      }),
    );
    const step = await m.save(
      m.create(CampaignStep, {
        campaignId: campaign.id,
        number: 3,
        kind: 'self_assessment',
        titleVi: 'Tự đánh giá, chấm điểm',
        titleEn: 'Units self-assess',
        actor: 'units',
        lead: 'Các đơn vị',
        coordinating: 'Sở Nội vụ',
        opensAt: options.opensAt === undefined ? new Date(now - DAY) : options.opensAt,
        deadline: options.deadline === undefined ? new Date(now + 7 * DAY) : options.deadline,
      }),
    );
    const agency = await m.save(
      m.create(Agency, { code: `AG${suffix}`, name: `Cơ quan thẩm định ${suffix}` }),
    );
    const unit = (code: string, name: string) =>
      m.save(m.create(Unit, { code: `${code}${suffix}`, name, group: 'department' }));
    const unitA = await unit('SA', 'Sở Nội vụ (kiểm thử)');
    const unitB = await unit('SB', 'Sở Tư pháp (kiểm thử)');
    const outsider = await unit('SX', 'Sở Y tế (không tham gia)');
    const participationA = await m.save(
      m.create(Participation, { campaignId: campaign.id, unitId: unitA.id }),
    );
    const participationB = await m.save(
      m.create(Participation, { campaignId: campaign.id, unitId: unitB.id }),
    );
    const indexSet = await m.save(
      m.create(IndexSet, {
        campaignId: campaign.id,
        group: 'department',
        name: 'Bộ chỉ số kiểm thử',
        illustrative: true,
      }),
    );
    const ids = new Map<string, string>();
    for (const [i, node] of TREE.entries()) {
      const saved = await m.save(
        m.create(Criterion, {
          indexSetId: indexSet.id,
          parentId: node.parent ? ids.get(node.parent)! : null,
          code: node.code,
          level: node.level,
          kind: node.kind,
          title: node.title,
          maxPoints: node.max,
          agencyId: agency.id,
          evidenceRequired: node.evidenceRequired ?? false,
          sortOrder: i,
        }),
      );
      ids.set(node.code, saved.id);
    }
    return {
      campaign,
      step,
      unitA,
      unitB,
      outsider,
      participationA,
      participationB,
      agency,
      suffix,
    };
  });
}

/** A small but real PDF (its content starts like one). */
export function pdfBytes(text = 'Báo cáo'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'utf8',
  );
}

/** Uploads a file as multipart/form-data, as a browser or curl -F would. */
export async function upload(
  api: TestApi,
  path: string,
  options: {
    token?: string;
    fileName?: string;
    bytes?: Uint8Array;
    type?: string;
    fields?: Record<string, string>;
    fileField?: string;
  } = {},
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
  if (options.bytes !== undefined || options.fileName !== undefined) {
    form.append(
      options.fileField ?? 'file',
      new Blob([options.bytes ?? pdfBytes()], { type: options.type ?? 'application/pdf' }),
      options.fileName ?? 'report.pdf',
    );
  }
  const res = await fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    body: form,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, body };
}

/** The error message of a Nest error body, as one string. */
export function messageOf(body: any): string {
  const message = body?.message;
  return Array.isArray(message) ? message.join('; ') : String(message);
}
