/**
 * Issue 15: the appraising agencies and the secretariat's contacts as data, on the real API with a
 * database of its own (both tables are shared by every campaign): created, corrected, imported
 * (JSON, CSV; all or nothing, every bad row named), an agency merged or marked inactive (its
 * criteria re-pointed in draft campaigns, a launch naming it refused), each change audited, and
 * the roles that may do it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../src/entities/index.js';
import { DEFAULTS } from '../../src/config.js';
import { secretariatRecipients } from '../../src/loaders/recipients.js';
import {
  local,
  type RulesCampaign,
  type RulesWorld,
  startRulesWorld,
} from '../support/rules-world.js';
import '../support/provided.js';

let world: RulesWorld;
/** A draft campaign of the 2021 plan: its seed brings the agencies its index sets name. */
let draft: RulesCampaign;

beforeAll(async () => {
  world = await startRulesWorld({ clockStart: local('2021-11-17T08:00:00'), ownDatabase: true });
  draft = await world.campaign({ units: ['SNV'] });
}, 120_000);

afterAll(() => world?.close());

/** Uploads `text` as a file named `name` to an import route. */
async function upload(path: string, name: string, text: string, type = 'text/csv') {
  const form = new FormData();
  form.append('file', new Blob([text], { type }), name);
  const res = await fetch(`${world.api.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await world.token('secretariat')}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function auditActions(entityType: string): Promise<string[]> {
  const rows = await world.api.dataSource
    .getRepository(AuditEntry)
    .find({ where: { entityType }, order: { at: 'ASC' } });
  return rows.map((row) => row.action);
}

describe('agencies as data', () => {
  it('creates an agency, refuses a duplicate or a bad address, and only staff may', async () => {
    const created = await world.as('secretariat', 'POST', '/agencies', {
      code: 'SNNMT',
      name: 'Sở Nông nghiệp và Môi trường',
      email: 'ThamDinh@snnmt.example.vn',
      headTitle: 'Giám đốc',
      headEmail: 'giamdoc@snnmt.example.vn',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      code: 'SNNMT',
      email: 'thamdinh@snnmt.example.vn',
      headEmail: 'giamdoc@snnmt.example.vn',
      active: true,
      mergedInto: null,
    });
    const again = await world.as('admin', 'POST', '/agencies', { code: 'SNNMT', name: 'Khác' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/Đã có cơ quan thẩm định mã SNNMT/);
    const bad = await world.as('secretariat', 'POST', '/agencies', {
      code: 'X1',
      name: 'Sở X',
      email: 'không-phải-thư',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/email/);
    expect(
      (await world.as('agency:SNV', 'POST', '/agencies', { code: 'Y', name: 'Y' })).status,
    ).toBe(403);
    expect((await world.as('unit:SNV', 'PATCH', '/agencies/SNV', { name: 'Y' })).status).toBe(403);
    const list = await world.as('unit:SNV', 'GET', '/agencies');
    expect(list.body.map((a: { code: string }) => a.code)).toContain('SNNMT');
  });

  it('corrects an agency’s addresses, audited with what they were', async () => {
    const res = await world.as('secretariat', 'PATCH', '/agencies/SNNMT', {
      email: 'dau-moi@snnmt.example.vn',
      ccEmails: ['chuyenvien@snnmt.example.vn'],
      headName: 'Lê Văn Nông',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      email: 'dau-moi@snnmt.example.vn',
      ccEmails: ['chuyenvien@snnmt.example.vn'],
      headName: 'Lê Văn Nông',
      headTitle: 'Giám đốc',
    });
    expect((await world.as('secretariat', 'PATCH', '/agencies/NOPE', { name: 'A' })).status).toBe(
      404,
    );
    const empty = await world.as('secretariat', 'PATCH', '/agencies/SNNMT', {});
    expect(empty.status).toBe(400);
    expect(empty.body.message).toMatch(/không nêu thông tin nào cần thay đổi/);
    const audit = await world.api.dataSource
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: 'agency.update', entityId: res.body.id });
    expect(audit.details).toMatchObject({
      code: 'SNNMT',
      before: { email: 'thamdinh@snnmt.example.vn' },
    });
  });

  it('imports agencies all or nothing, naming every bad row; then a CSV upserts by code', async () => {
    const refused = await world.as('secretariat', 'POST', '/agencies/import', {
      agencies: [
        { code: 'SXD', name: 'Sở Xây dựng', email: 'thamdinh@sxd.example.vn' },
        { code: 'SXD', name: 'Sở Xây dựng (trùng)' },
        { code: 'SCT', name: '', head_email: 'sai địa chỉ' },
        { code: 'SYT', name: 'Sở Y tế', cc_emails: 'a@syt.example.vn; khong-hop-le' },
      ],
    });
    expect(refused.status).toBe(422);
    expect(
      refused.body.errors.map((e: { row: number; field: string }) => `${e.row} ${e.field}`),
    ).toEqual(['2 code', '3 name', '3 head_email', '4 cc_emails']);
    const list = await world.as('secretariat', 'GET', '/agencies');
    expect(list.body.map((a: { code: string }) => a.code)).not.toContain('SXD');

    const csv = [
      'code,name,email,cc_emails,head_name,head_title,head_email,active',
      'SXD,Sở Xây dựng,thamdinh@sxd.example.vn,,Phạm Văn Xây,Giám đốc,giamdoc@sxd.example.vn,có',
      'SNNMT,Sở Nông nghiệp và Môi trường,dau-moi@snnmt.example.vn,chuyenvien@snnmt.example.vn,,,,',
      'SNV,Sở Nội vụ (đầu mối mới),thamdinh.moi@snv.example.vn,,,,,',
    ].join('\n');
    const imported = await upload('/agencies/import', 'co-quan-tham-dinh.csv', csv);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({
      format: 'csv',
      created: ['SXD'],
      updated: ['SNV'],
      unchanged: ['SNNMT'],
    });
    const snv = (await world.as('secretariat', 'GET', '/agencies')).body.find(
      (a: { code: string }) => a.code === 'SNV',
    );
    expect(snv).toMatchObject({
      name: 'Sở Nội vụ (đầu mối mới)',
      email: 'thamdinh.moi@snv.example.vn',
    });
    expect(await auditActions('agency')).toEqual([
      'agency.create',
      'agency.update',
      'agencies.import',
    ]);
  });

  it('merges an agency: draft criteria re-pointed, no longer listed as active; a plan naming an inactive one is not launched', async () => {
    const merged = draft;
    const itself = await world.as('secretariat', 'PATCH', '/agencies/STP', { mergedInto: 'STP' });
    expect(itself.status).toBe(422);
    const unknown = await world.as('secretariat', 'PATCH', '/agencies/STP', {
      mergedInto: 'KHONGCO',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.message).toMatch(/không có cơ quan thẩm định mã «KHONGCO»/);

    const res = await world.as('secretariat', 'PATCH', '/agencies/STP', { mergedInto: 'SNV' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      active: false,
      mergedInto: 'SNV',
      launchedCampaignsNamingIt: [],
    });
    expect(res.body.repointed.length).toBeGreaterThan(0);
    expect(res.body.repointed.every((c: string) => c.startsWith(`${merged.code}/`))).toBe(true);
    const [{ left }] = await world.api.dataSource.query(
      `SELECT COUNT(*)::int AS left FROM criteria c JOIN index_sets s ON s.id = c.index_set_id
       JOIN agencies a ON a.id = c.agency_id WHERE s.campaign_id = $1 AND a.code = 'STP'`,
      [merged.id],
    );
    expect(left).toBe(0);

    // Nobody is invited to appraise for it any more.
    const invited = await world.as('secretariat', 'POST', '/accounts', {
      email: 'thamdinh.cu@stp.example.vn',
      fullName: 'Chuyên viên Sở Tư pháp',
      role: 'appraiser',
      agencyCode: 'STP',
    });
    expect(invited.status).toBe(409);
    expect(invited.body.message).toMatch(/STP không còn hoạt động \(đã hợp nhất vào SNV/);

    // An index set cannot give criteria to the merged agency any more.
    const named = await world.as(
      'secretariat',
      'POST',
      `/campaigns/${merged.code}/index-sets/import`,
      {
        criteria: [
          {
            group: 'department',
            code: '1',
            level: 'field',
            title: 'Thể chế',
            max_points: 2,
            agency_code: 'STP',
          },
          {
            group: 'department',
            code: '1.1',
            parent_code: '1',
            level: 'criterion',
            title: 'Văn bản QPPL',
            max_points: 2,
          },
        ],
      },
    );
    expect(named.status).toBe(422);
    expect(named.body.errors.map((e: { message: string }) => e.message)).toEqual([
      'mục 1, agency_code: cơ quan thẩm định STP không còn hoạt động; các tiêu chí của cơ quan này nay do SNV thẩm định',
    ]);

    // Dissolved without a successor: the draft keeps naming it, so its launch is refused.
    const dissolved = await world.as('secretariat', 'PATCH', '/agencies/STC', { active: false });
    expect(dissolved.status).toBe(200);
    const launch = await world.as('secretariat', 'POST', `/campaigns/${merged.code}/launch`);
    expect(launch.status).toBe(422);
    expect(launch.body.errors.map((e: { message: string }) => e.message)).toEqual([
      expect.stringMatching(
        /^Cơ quan thẩm định STC không còn hoạt động nhưng bộ chỉ số vẫn giao cho cơ quan này các tiêu chí department\//,
      ),
    ]);
    // No mail is planned for an inactive agency (nor for the merged one).
    const forecast = await world.as(
      'secretariat',
      'GET',
      `/campaigns/${merged.code}/notifications/forecast?kind=appraisal_reminder`,
    );
    expect(forecast.status, JSON.stringify(forecast.body)).toBe(200);
    const planned = new Set(forecast.body.items.map((i: { agencyCode: string }) => i.agencyCode));
    expect(planned.has('SNV')).toBe(true);
    expect(planned.has('STC')).toBe(false);
    expect(planned.has('STP')).toBe(false);
    const back = await world.as('secretariat', 'PATCH', '/agencies/STC', { active: true });
    expect(back.body).toMatchObject({ active: true, mergedInto: null });
    expect(await auditActions('agency')).toEqual([
      'agency.create',
      'agency.update',
      'agencies.import',
      'agency.merge',
      'agency.update',
      'agency.update',
    ]);
  });
});

describe("the secretariat's contacts as data", () => {
  it('starts from the configured address as head; only staff read or change it', async () => {
    const res = await world.as('secretariat', 'GET', '/secretariat-contacts');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({ email: DEFAULTS.secretariatEmails[0], isHead: true, active: true }),
    ]);
    expect((await world.as('agency:SNV', 'GET', '/secretariat-contacts')).status).toBe(403);
    expect((await world.as('council', 'POST', '/secretariat-contacts', {})).status).toBe(403);
  });

  it('imports contacts all or nothing; the mails’ recipients follow; the last active one stays', async () => {
    const refused = await world.as('admin', 'POST', '/secretariat-contacts/import', {
      contacts: [
        { name: 'Lê Thị Thư', email: 'le.thi.thu@snv.example.gov.vn', is_head: 'có' },
        { name: 'Trùng', email: 'LE.THI.THU@snv.example.gov.vn' },
        { name: 'Không địa chỉ' },
        { name: 'Sai điện thoại', email: 'a@snv.example.gov.vn', phone: 'gọi tôi' },
      ],
    });
    expect(refused.status).toBe(422);
    expect(
      refused.body.errors.map((e: { row: number; field: string }) => `${e.row} ${e.field}`),
    ).toEqual(['2 email', '3 email', '4 phone']);
    const csv = [
      'name,title,email,phone,is_head,active',
      'Lê Thị Thư,Tổ trưởng Tổ thư ký,le.thi.thu@snv.example.gov.vn,0270 3822 123,có,có',
      'Trần Văn Ký,Chuyên viên,tran.van.ky@snv.example.gov.vn,,không,',
      `Hộp thư chung,,${DEFAULTS.secretariatEmails[0]},,không,không`,
    ].join('\n');
    const imported = await upload('/secretariat-contacts/import', 'to-thu-ky.csv', csv);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({
      created: ['le.thi.thu@snv.example.gov.vn', 'tran.van.ky@snv.example.gov.vn'],
      updated: [DEFAULTS.secretariatEmails[0]],
    });
    const recipients = await secretariatRecipients(world.api.dataSource.manager);
    expect(recipients.emails.sort()).toEqual([
      'le.thi.thu@snv.example.gov.vn',
      'tran.van.ky@snv.example.gov.vn',
    ]);
    expect(recipients.head.emails).toEqual(['le.thi.thu@snv.example.gov.vn']);

    const list = (await world.as('secretariat', 'GET', '/secretariat-contacts')).body as {
      id: string;
      email: string;
    }[];
    const id = (email: string) => list.find((c) => c.email === email)!.id;
    expect(
      (
        await world.as(
          'secretariat',
          'PATCH',
          `/secretariat-contacts/${id('tran.van.ky@snv.example.gov.vn')}`,
          {
            active: false,
          },
        )
      ).status,
    ).toBe(200);
    const last = await world.as(
      'secretariat',
      'PATCH',
      `/secretariat-contacts/${id('le.thi.thu@snv.example.gov.vn')}`,
      { active: false },
    );
    expect(last.status).toBe(409);
    expect(last.body.message).toMatch(/ít nhất một người nhận thư đang hoạt động/);
    const taken = await world.as(
      'secretariat',
      'PATCH',
      `/secretariat-contacts/${id('tran.van.ky@snv.example.gov.vn')}`,
      { email: 'Le.Thi.Thu@snv.example.gov.vn' },
    );
    expect(taken.status).toBe(409);
    expect(
      (
        await world.as('secretariat', 'PATCH', '/secretariat-contacts/khong-phai-uuid', {
          active: true,
        })
      ).status,
    ).toBe(400);
    expect(await auditActions('secretariat_contact')).toEqual([
      'secretariat_contacts.import',
      'secretariat_contact.update',
    ]);
  });
});
