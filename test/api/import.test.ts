import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Campaign, IndexSet, Unit } from '../../src/entities/index.js';
import { JSON_BODY_LIMIT_BYTES } from '../../src/api/common/body-limit.js';
import { call, startTestApi, type TestApi } from '../support/api.js';
import {
  auditFor,
  auditSince,
  createDraftCampaign,
  deleteCampaigns,
  lastAuditId,
  staffTokens,
  suffix,
  type Tokens,
  upload,
  xlsxBuffer,
} from '../support/api-fixtures.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/import');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const fixtureJson = (name: string) => JSON.parse(fixture(name).toString('utf8'));
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The tree without ids, to compare imports. */
const strip = (nodes: any[]): any[] =>
  nodes.map(({ id: _id, children, ...rest }) => ({ ...rest, children: strip(children) }));

describe('importing index sets and units', () => {
  let api: TestApi;
  let tokens: Tokens;
  const campaignCodes: string[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    tokens = await staffTokens(api.dataSource);
  });

  afterAll(async () => {
    await deleteCampaigns(api.dataSource, campaignCodes);
    await api?.close();
  });

  async function draft() {
    const campaign = await createDraftCampaign(api.dataSource);
    campaignCodes.push(campaign.code);
    return campaign;
  }

  const importPath = (id: string) => `/campaigns/${id}/index-sets/import`;

  async function tree(campaignId: string, group = 'department') {
    const sets = (
      await call(api, 'GET', `/campaigns/${campaignId}/index-sets`, { token: tokens.admin })
    ).body;
    const set = sets.find((s: { group: string }) => s.group === group);
    return (await call(api, 'GET', `/index-sets/${set.id}`, { token: tokens.admin })).body;
  }

  describe('an index set', () => {
    it('imports a JSON body: tree, inherited agencies and kinds, audit row', async () => {
      const campaign = await draft();
      const res = await call(api, 'POST', importPath(campaign.id), {
        token: tokens.secretariat,
        body: fixtureJson('index-set-department.json'),
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        campaignId: campaign.id,
        format: 'json',
        fileName: null,
        indexSets: [
          {
            id: expect.any(String),
            group: 'department',
            name: 'Bộ Chỉ số CCHC sở, ban, ngành (mẫu nhập)',
            criteria: 16,
            leaves: 10,
            maxPoints: 15,
            replacedId: null,
          },
        ],
      });
      const set = await tree(campaign.id);
      expect(set).toMatchObject({
        name: 'Bộ Chỉ số CCHC sở, ban, ngành (mẫu nhập)',
        source: 'Mẫu tệp nhập — không phải Bộ chỉ số của tỉnh nào',
        illustrative: false,
        maxPoints: 15,
        bonusMax: 2,
        penaltyMax: 2,
      });
      const [f1, f2, f3, f4, f5] = set.fields;
      expect(f1).toMatchObject({
        code: '1',
        level: 'field',
        kind: 'regular',
        maxPoints: 6,
        agencyCode: 'SNV',
      });
      expect(f1.children[0].children[0]).toEqual({
        id: expect.any(String),
        code: '1.1.1',
        level: 'sub_criterion',
        kind: 'regular',
        title: 'Ban hành kế hoạch kịp thời',
        maxPoints: 1.5,
        agencyCode: 'SNV',
        evidenceRequired: true,
        guidance: 'Ban hành trước ngày 31/12 năm trước: 1,5 điểm; chậm: 0 điểm.',
        children: [],
      });
      expect(f2.children.map((c: any) => [c.code, c.agencyCode])).toEqual([
        ['2.1', 'VPUBND'],
        ['2.2', 'VPUBND'],
      ]);
      // Survey points come from surveys: no appraising agency needed; the child inherits the kind.
      expect(f3).toMatchObject({ kind: 'survey', agencyCode: null });
      expect(f3.children[0]).toMatchObject({ code: '3.1', kind: 'survey', level: 'criterion' });
      expect(f4).toMatchObject({ kind: 'bonus', level: 'field', children: [] });
      expect(f5.children.map((c: any) => c.kind)).toEqual(['penalty', 'penalty']);

      expect(await auditFor(api, res.body.indexSets[0].id)).toMatchObject([
        {
          action: 'index_set.import',
          entityType: 'index_set',
          actorRole: 'secretariat',
          details: { campaignId: campaign.id, group: 'department', criteria: 16, format: 'json' },
        },
      ]);
    });

    it('replaces the set of the same group on a second import', async () => {
      const campaign = await draft();
      const first = await call(api, 'POST', importPath(campaign.id), {
        token: tokens.admin,
        body: fixtureJson('index-set-department.json'),
      });
      const second = await upload(api, importPath(campaign.id), {
        token: tokens.admin,
        file: { name: 'bo-chi-so.json', content: fixture('index-set-department.json') },
        fields: { name: 'Bộ chỉ số sửa đổi' },
      });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({
        format: 'json',
        fileName: 'bo-chi-so.json',
        indexSets: [{ name: 'Bộ chỉ số sửa đổi', replacedId: first.body.indexSets[0].id }],
      });
      const sets = await call(api, 'GET', `/campaigns/${campaign.id}/index-sets`, {
        token: tokens.admin,
      });
      expect(sets.body.map((s: any) => s.id)).toEqual([second.body.indexSets[0].id]);
      const old = await call(api, 'GET', `/index-sets/${first.body.indexSets[0].id}`, {
        token: tokens.admin,
      });
      expect(old.status).toBe(404);
    });

    it('imports the committed XLSX sample to the same tree as its JSON', async () => {
      const [fromJson, fromXlsx] = [await draft(), await draft()];
      await call(api, 'POST', importPath(fromJson.id), {
        token: tokens.admin,
        body: fixtureJson('index-set-department.json'),
      });
      const res = await upload(api, importPath(fromXlsx.id), {
        token: tokens.admin,
        file: {
          name: 'index-set-department.xlsx',
          content: fixture('index-set-department.xlsx'),
          type: XLSX_TYPE,
        },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        format: 'xlsx',
        fileName: 'index-set-department.xlsx',
        indexSets: [
          {
            group: 'department',
            criteria: 16,
            maxPoints: 15,
            name: 'Bộ Chỉ số CCHC — nhóm department (index-set-department.xlsx)',
          },
        ],
      });
      const [a, b] = [await tree(fromJson.id), await tree(fromXlsx.id)];
      expect(strip(b.fields)).toEqual(strip(a.fields));
      expect(b.source).toBe('Nhập từ tệp index-set-department.xlsx');
    });

    it('reads spreadsheet cells as people type them, and several groups in one sheet', async () => {
      const campaign = await draft();
      const buffer = await xlsxBuffer(
        ['Group', 'Code', 'Title', 'Max points', 'Agency code', 'Evidence required', 'Kind'],
        [
          [
            'department',
            1,
            { richText: [{ text: 'Chỉ đạo, ' }, { text: 'điều hành', font: { bold: true } }] },
            { formula: '1.5+1.5', result: 3 },
            'SNV',
            null,
            null,
          ],
          ['department', 1.1, 'Kế hoạch CCHC', '1,5', null, true, null],
          ['department', 1.2, 'Báo cáo CCHC', 1.5, null, 'có', null],
          ['district', 'A', 'Tác động', 2.5, null, 'không', 'SURVEY'],
          [null, null, null, null, null, null, null],
          ['district', 'A.1', 'Hài lòng (SIPAS)', 2.5, null, 'x', null],
        ],
      );
      const res = await upload(api, importPath(campaign.id), {
        token: tokens.admin,
        file: { name: 'Bộ chỉ số 2022.XLSX', content: buffer },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.indexSets.map((s: any) => [s.group, s.criteria, s.maxPoints])).toEqual([
        ['department', 3, 3],
        ['district', 2, 2.5],
      ]);
      const department = await tree(campaign.id, 'department');
      expect(department.fields[0]).toMatchObject({
        code: '1',
        title: 'Chỉ đạo, điều hành',
        maxPoints: 3,
      });
      expect(
        department.fields[0].children.map((c: any) => [
          c.code,
          c.maxPoints,
          c.evidenceRequired,
          c.agencyCode,
        ]),
      ).toEqual([
        ['1.1', 1.5, true, 'SNV'],
        ['1.2', 1.5, true, 'SNV'],
      ]);
      const district = await tree(campaign.id, 'district');
      expect(district.fields[0].children[0]).toMatchObject({
        code: 'A.1',
        kind: 'survey',
        evidenceRequired: true,
      });
    });

    it('lists every error of the invalid JSON sample by item and field, writing nothing', async () => {
      const campaign = await draft();
      const since = await lastAuditId(api);
      const res = await call(api, 'POST', importPath(campaign.id), {
        token: tokens.admin,
        body: fixtureJson('index-set-invalid.json'),
      });
      expect(res.status).toBe(422);
      expect(res.body.message).toBe('Bộ chỉ số nhập vào có 8 lỗi; chưa có dữ liệu nào được nhập.');
      expect(res.body.errors).toEqual([
        {
          row: 3,
          field: 'max_points',
          message:
            'mục 3, max_points: phải là một số ≥ 0, tối đa 2 chữ số thập phân, nhận được "mười"',
        },
        {
          row: 5,
          field: 'max_points',
          message:
            'mục 5, max_points: «1.2» có điểm tối đa (max_points) 2 nhưng tổng điểm tối đa của các tiêu chí con (1.2.1, 1.2.2) là 3',
        },
        {
          row: 8,
          field: 'agency_code',
          message: expect.stringMatching(
            /^mục 8, agency_code: không có cơ quan thẩm định mã «SXYZ» \(các mã hiện có: .*SNV.*\)$/,
          ),
        },
        {
          row: 9,
          field: 'level',
          message: 'mục 9, level: ghi «field» nhưng «2.1» nằm dưới «2» nên là tiêu chí (criterion)',
        },
        {
          row: 10,
          field: 'code',
          message:
            'mục 10, code: mã «2.1» bị trùng trong nhóm department (xuất hiện lần đầu ở mục 9)',
        },
        { row: 11, field: 'title', message: 'mục 11, title: là bắt buộc' },
        {
          row: 12,
          field: 'code',
          message:
            'mục 12, code: mã «4.1» ngầm chỉ tiêu chí cha «4», nhưng nhóm department không có tiêu chí này (hãy thêm tiêu chí đó, hoặc ghi parent_code)',
        },
        {
          row: 13,
          field: 'points',
          message: expect.stringMatching(
            /^mục 13, points: trường không hợp lệ \(các trường hợp lệ: group, code, parent_code/,
          ),
        },
      ]);
      expect(
        await api.dataSource.getRepository(IndexSet).countBy({ campaignId: campaign.id }),
      ).toBe(0);
      expect(await auditSince(api, since)).toEqual([]);
    });

    it('names spreadsheet rows as the spreadsheet does (header = row 1)', async () => {
      const campaign = await draft();
      await call(api, 'POST', importPath(campaign.id), {
        token: tokens.admin,
        body: fixtureJson('index-set-department.json'),
      });
      const before = await tree(campaign.id);
      const res = await upload(api, importPath(campaign.id), {
        token: tokens.admin,
        file: { name: 'index-set-invalid.xlsx', content: fixture('index-set-invalid.xlsx') },
      });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: any) => e.message)).toEqual([
        'dòng 2, max_points: «1» có điểm tối đa (max_points) 6 nhưng tổng điểm tối đa của các tiêu chí con (1.1, 1.2) là 7',
        'dòng 3, max_points: «1.1» có điểm tối đa (max_points) 4 nhưng tổng điểm tối đa của các tiêu chí con (1.1.1, 1.1.2) là 3',
        'dòng 7, max_points: phải là một số ≥ 0, tối đa 2 chữ số thập phân, nhận được "mười"',
        expect.stringMatching(/^dòng 9, agency_code: không có cơ quan thẩm định mã «SXYZ»/),
      ]);
      // The set imported before is still there, untouched.
      expect(await tree(campaign.id)).toEqual(before);
    });

    it('checks the header row of a spreadsheet', async () => {
      const campaign = await draft();
      const buffer = await xlsxBuffer(
        ['group', 'code', 'title', 'Points', 'agency_code', 'Code'],
        [['department', '1', 'Chỉ đạo', 3, 'SNV', '1']],
      );
      const res = await upload(api, importPath(campaign.id), {
        token: tokens.admin,
        file: { name: 'sai-tieu-de.xlsx', content: buffer },
      });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        {
          row: 1,
          field: 'Points',
          message: expect.stringMatching(
            /^dòng 1, Points: cột không hợp lệ \(các cột hợp lệ: group, code/,
          ),
        },
        { row: 1, field: 'code', message: 'dòng 1, code: cột bị lặp lại' },
        {
          row: 1,
          field: 'max_points',
          message: 'dòng 1, max_points: thiếu cột bắt buộc ở dòng tiêu đề',
        },
      ]);
    });

    it.each([
      [
        'a cycle of parents',
        [
          { code: 'A', parent_code: 'B', title: 'a', max_points: 1 },
          { code: 'B', parent_code: 'A', title: 'b', max_points: 1 },
        ],
        [
          /^mục 1, parent_code: «A» nằm trong một vòng lặp tiêu chí cha \(A → B → A\)/,
          /^mục 2, parent_code: «B» nằm trong một vòng lặp/,
        ],
      ],
      [
        'a fourth level',
        [
          { code: '1', title: 'f', max_points: 1 },
          { code: '1.1', title: 'c', max_points: 1 },
          { code: '1.1.1', title: 's', max_points: 1 },
          { code: '1.1.1.1', title: 'x', max_points: 1 },
        ],
        [/^mục 4, parent_code: «1.1.1.1» sẽ ở cấp 4; bộ chỉ số có tối đa 3 cấp/],
      ],
      [
        'a parent code not in the file',
        [{ code: '1', parent_code: '9', title: 'f', max_points: 1 }],
        [/^mục 1, parent_code: nhóm department không có tiêu chí «9»$/],
      ],
      [
        'a bonus cap above what its children give',
        [
          { code: '9', kind: 'bonus', title: 'thưởng', max_points: 5 },
          { code: '9.1', title: 'sáng kiến', max_points: 2 },
        ],
        [
          /^mục 1, max_points: «9» là mục bonus với mức trần 5 nhưng tổng điểm tối đa của các tiêu chí con \(9.1\) chỉ là 2$/,
        ],
      ],
      [
        'a regular child of a survey node',
        [
          { code: '8', kind: 'survey', title: 'khảo sát', max_points: 2 },
          { code: '8.1', kind: 'regular', title: 'x', max_points: 2 },
        ],
        [/^mục 2, kind: ghi «regular» nhưng tiêu chí cha «8» thuộc loại survey/],
      ],
      [
        'a negative or over-precise maximum, a bad flag',
        [
          { code: '1', title: 'a', max_points: -1 },
          { code: '2', title: 'b', max_points: 1.255 },
          { code: '3', title: 'c', max_points: 1, evidence_required: 'maybe' },
        ],
        [
          /^mục 1, max_points: phải là một số ≥ 0, tối đa 2 chữ số thập phân, nhận được -1$/,
          /^mục 2, max_points: phải là một số ≥ 0, tối đa 2 chữ số thập phân, nhận được 1.255$/,
          /^mục 3, evidence_required: phải là có hoặc không/,
        ],
      ],
    ])('refuses %s', async (_what, rows, messages) => {
      const campaign = await draft();
      const criteria = (rows as Record<string, unknown>[]).map((r) => ({
        group: 'department',
        agency_code: 'SNV',
        ...r,
      }));
      const res = await call(api, 'POST', importPath(campaign.id), {
        token: tokens.admin,
        body: { criteria },
      });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: any) => e.message)).toEqual(
        messages.map((m) => expect.stringMatching(m)),
      );
    });

    it('wants an appraising agency on every leaf scored by appraisers', async () => {
      const campaign = await draft();
      const res = await call(api, 'POST', importPath(campaign.id), {
        token: tokens.admin,
        body: { criteria: [{ group: 'department', code: '1', title: 'a', max_points: 1 }] },
      });
      expect(res.status).toBe(422);
      expect(res.body.errors[0].message).toBe(
        'mục 1, agency_code: «1» do cơ quan thẩm định chấm điểm nhưng chưa có cơ quan thẩm định, cả ở tiêu chí này lẫn các tiêu chí cha',
      );
    });

    it.each([
      [
        'an empty body',
        { body: {} },
        400,
        /^Hãy gửi dữ liệu «criteria» dưới dạng nội dung JSON \{"criteria": \[\.\.\.\]\}/,
      ],
      [
        'criteria that are not a list',
        { body: { criteria: 'all' } },
        400,
        /phải có mảng «criteria»/,
      ],
      [
        'an unknown property',
        { body: { criteria: [], year: 2022 } },
        400,
        /thuộc tính «year» không được phép \(chỉ được có: criteria, name, source\)/,
      ],
      ['malformed JSON', { rawBody: '{"criteria": [' }, 400, /Malformed JSON in the request body/],
      ['no rows', { body: { criteria: [] } }, 422, /criteria: không có tiêu chí nào$/],
      [
        'a JSON body over the body limit (upload large files instead)',
        { body: { criteria: [{ title: 'x'.repeat(JSON_BODY_LIMIT_BYTES) }] } },
        413,
        /vượt quá giới hạn 10 MB/,
      ],
    ])('refuses %s', async (_what, options, status, message) => {
      const campaign = await draft();
      const res = await call(api, 'POST', importPath(campaign.id), {
        token: tokens.admin,
        ...options,
      });
      expect(res.status).toBe(status);
      const said =
        status === 422
          ? res.body.errors.map((e: { message: string }) => e.message).join('\n')
          : res.body.message;
      expect(said).toMatch(message);
    });

    it.each([
      [
        'a file neither .json nor .xlsx',
        { file: { name: 'bo-chi-so.csv', content: 'group,code\n' } },
        415,
        /phải có định dạng \.json hoặc \.xlsx; tệp nhận được là «bo-chi-so\.csv»/,
      ],
      [
        'a spreadsheet that is not one',
        { file: { name: 'gia.xlsx', content: 'not a zip' } },
        400,
        /Không đọc được tệp gia\.xlsx dưới dạng bảng tính XLSX/,
      ],
      [
        'a malformed JSON file',
        { file: { name: 'hong.json', content: '{"criteria": [' } },
        400,
        /Nội dung JSON của tệp hong\.json không đúng cú pháp/,
      ],
      ['a form without a file', { fields: { name: 'x' } }, 400, /Biểu mẫu không có tệp/],
      [
        'a form field it does not know',
        { file: { name: 'a.json', content: '{"criteria": []}' }, fields: { year: '2022' } },
        400,
        /Biểu mẫu có trường không được phép «year»/,
      ],
      [
        'a file in another field',
        { file: { name: 'a.json', content: '{}' }, fieldName: 'upload' },
        400,
        /^Trường tệp không hợp lệ "upload": hãy gửi tệp trong trường "file"\.$/,
      ],
      [
        'a file over 5 MB',
        { file: { name: 'big.json', content: Buffer.alloc(5 * 1024 * 1024 + 1, 32) } },
        413,
        /^Tệp nhập lớn hơn giới hạn 5 MB \(5\.242\.880 byte\)\.$/,
      ],
    ])('refuses %s', async (_what, options, status, message) => {
      const campaign = await draft();
      const res = await upload(api, importPath(campaign.id), { token: tokens.admin, ...options });
      expect(res.status).toBe(status);
      expect(res.body.message).toMatch(message);
    });

    it('refuses with 409 once the campaign is launched, and 404 for an unknown campaign', async () => {
      const campaign = await draft();
      await api.dataSource
        .getRepository(Campaign)
        .update(
          { id: campaign.id },
          { status: 'launched', workflowId: 'par-test-x', launchedAt: new Date() },
        );
      const res = await call(api, 'POST', importPath(campaign.id), {
        token: tokens.admin,
        body: fixtureJson('index-set-department.json'),
      });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(
        /đang triển khai .*bộ chỉ số chỉ thay đổi được trước khi triển khai/,
      );
      expect(
        await api.dataSource.getRepository(IndexSet).countBy({ campaignId: campaign.id }),
      ).toBe(0);
      const id = randomUUID();
      const missing = await call(api, 'POST', importPath(id), {
        token: tokens.admin,
        body: fixtureJson('index-set-department.json'),
      });
      expect(missing.status).toBe(404);
      expect(missing.body.message).toBe(
        `Không có chiến dịch «${id}» (hãy gửi id hoặc mã của chiến dịch).`,
      );
    });
  });

  describe('a unit list', () => {
    it('imports the JSON sample and the same list as XLSX, upserting by code', async () => {
      const sample = fixtureJson('units.json');
      const codes = sample.units.map((u: { code: string }) => u.code);
      const first = await call(api, 'POST', '/units/import', {
        token: tokens.secretariat,
        body: sample,
      });
      expect(first.status).toBe(200);
      expect(
        [...first.body.created, ...first.body.updated, ...first.body.unchanged].sort(),
      ).toEqual([...codes].sort());
      const unit = await call(api, 'GET', '/units/P-THANHDUC', { token: tokens.admin });
      expect(unit.body).toMatchObject({
        name: 'Ủy ban nhân dân phường Thanh Đức',
        group: 'commune',
        focalEmail: 'cchc.thanhduc@example.vn',
        headEmail: 'chutich.thanhduc@example.vn',
      });
      const again = await upload(api, '/units/import', {
        token: tokens.secretariat,
        file: { name: 'units.xlsx', content: fixture('units.xlsx'), type: XLSX_TYPE },
      });
      expect(again.status).toBe(200);
      expect(again.body).toEqual({
        format: 'xlsx',
        fileName: 'units.xlsx',
        created: [],
        updated: [],
        unchanged: codes,
      });
    });

    it('creates, updates and keeps stored e-mails that the file leaves empty, with an audit row', async () => {
      const tag = suffix().toUpperCase();
      const [a, b] = [`XA-${tag}`, `PH-${tag}`];
      const header = ['Code', 'Name', 'Group', 'Focal email', 'Head email'];
      const first = await upload(api, '/units/import', {
        token: tokens.admin,
        file: {
          name: 'don-vi.xlsx',
          content: await xlsxBuffer(header, [
            [a, 'Xã A', 'commune', `cchc.${tag}@example.vn`, null],
            [b, 'Phường B', 'commune', null, null],
          ]),
        },
      });
      expect(first.body).toMatchObject({ created: [a, b], updated: [], unchanged: [] });
      const since = await lastAuditId(api);
      const second = await upload(api, '/units/import', {
        token: tokens.admin,
        file: {
          name: 'don-vi.xlsx',
          content: await xlsxBuffer(header, [
            [a, 'Xã A (đổi tên)', 'commune', null, null],
            [b, 'Phường B', 'commune', null, null],
          ]),
        },
      });
      expect(second.body).toMatchObject({ created: [], updated: [a], unchanged: [b] });
      const unit = await api.dataSource.getRepository(Unit).findOneByOrFail({ code: a });
      expect(unit).toMatchObject({ name: 'Xã A (đổi tên)', focalEmail: `cchc.${tag}@example.vn` });
      expect(await auditSince(api, since)).toMatchObject([
        {
          action: 'units.import',
          entityType: 'unit',
          actorRole: 'admin',
          details: {
            format: 'xlsx',
            fileName: 'don-vi.xlsx',
            created: [],
            updated: [a],
            unchanged: 1,
          },
        },
      ]);
    });

    it('lists every error of the invalid sample, writing nothing', async () => {
      const before = await api.dataSource.getRepository(Unit).findOneBy({ code: 'P-THANHDUC' });
      const since = await lastAuditId(api);
      const res = await call(api, 'POST', '/units/import', {
        token: tokens.admin,
        body: fixtureJson('units-invalid.json'),
      });
      expect(res.status).toBe(422);
      expect(res.body.message).toBe('Danh sách đơn vị có 4 lỗi; chưa có dữ liệu nào được nhập.');
      expect(res.body.errors).toEqual([
        {
          row: 1,
          field: 'focal_email',
          message:
            'mục 1, focal_email: phải là một địa chỉ thư điện tử, nhận được "cchc.thanhduc(at)example.vn"',
        },
        { row: 2, field: 'name', message: 'mục 2, name: là bắt buộc' },
        {
          row: 3,
          field: 'code',
          message: 'mục 3, code: mã «P-THANHDUC» bị trùng (đã có ở mục 1)',
        },
        {
          row: 4,
          field: 'code',
          message:
            'mục 4, code: chỉ được gồm chữ cái, chữ số, ".", "_" và "-", nhận được "XA LONG HO"',
        },
      ]);
      expect(await api.dataSource.getRepository(Unit).findOneBy({ code: 'P-THANHDUC' })).toEqual(
        before,
      );
      expect(await api.dataSource.getRepository(Unit).existsBy({ code: 'XA LONG HO' })).toBe(false);
      expect(await auditSince(api, since)).toEqual([]);
    });

    it('names spreadsheet rows and missing columns', async () => {
      const res = await upload(api, '/units/import', {
        token: tokens.admin,
        file: {
          name: 'thieu-cot.xlsx',
          content: await xlsxBuffer(['Code', 'Name'], [['X1', 'Xã 1']]),
        },
      });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        {
          row: 1,
          field: 'group',
          message: 'dòng 1, group: thiếu cột bắt buộc ở dòng tiêu đề',
        },
      ]);
      const rows = await upload(api, '/units/import', {
        token: tokens.admin,
        file: {
          name: 'sai.xlsx',
          content: await xlsxBuffer(
            ['code', 'name', 'group', 'head_email'],
            [
              [`OK-${suffix()}`, 'Xã 1', 'commune', null],
              [null, 'Xã 2', 'commune', 'chutich@example'],
            ],
          ),
        },
      });
      expect(rows.status).toBe(422);
      expect(rows.body.errors.map((e: any) => e.message)).toEqual([
        'dòng 3, code: là bắt buộc',
        'dòng 3, head_email: phải là một địa chỉ thư điện tử, nhận được "chutich@example"',
      ]);
    });
  });
});
