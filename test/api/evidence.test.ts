import 'reflect-metadata';
import { createHash, randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { AuditEntry, EvidenceFile } from '../../src/entities/index.js';
import { call, startTestApi, tokenFor, type TestApi } from '../support/api.js';
import {
  type CampaignFixture,
  createCampaignFixture,
  messageOf,
  pdfBytes,
  upload,
} from '../support/self-assessment-fixtures.js';
import { docxBytes } from '../support/zip-bytes.js';

const MAX_BYTES = 64 * 1024;

let api: TestApi;
let dataDir: string;
let fx: CampaignFixture;
let tokenA: string;
let tokenB: string;
let secretariat: string;
let appraiser: string;
let uploadPath: string;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every file under the unit's evidence folder (including temporary ones). */
function filesOnDisk(unitCode = fx.unitA.code): string[] {
  const dir = path.join(dataDir, 'evidence', fx.campaign.id, unitCode);
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

async function stored(unitCode = fx.unitA.code) {
  const participationId = unitCode === fx.unitB.code ? fx.participationB.id : fx.participationA.id;
  return {
    files: filesOnDisk(unitCode),
    rows: await api.dataSource.getRepository(EvidenceFile).countBy({ participationId }),
    audits: await api.dataSource.getRepository(AuditEntry).countBy({ action: 'evidence.upload' }),
  };
}

async function download(id: string, token: string) {
  const res = await fetch(`${api.url}/evidence/${id}/download`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'par-evidence-test-'));
  api = await startTestApi({ dataDir, evidenceMaxBytes: MAX_BYTES });
  fx = await createCampaignFixture(api.dataSource);
  tokenA = await tokenFor(api.dataSource, {
    role: 'unit',
    unitCode: fx.unitA.code,
    name: 'Sở Nội vụ - đầu mối CCHC',
  });
  tokenB = await tokenFor(api.dataSource, {
    role: 'unit',
    unitCode: fx.unitB.code,
    name: 'Sở Tư pháp - đầu mối',
  });
  secretariat = await tokenFor(api.dataSource, {
    role: 'secretariat',
    name: 'Tổ thư ký - kiểm thử',
  });
  appraiser = await tokenFor(api.dataSource, {
    role: 'appraiser',
    agencyCode: fx.agency.code,
    name: 'Thẩm định viên',
  });
  uploadPath = `/campaigns/${fx.campaign.id}/units/${fx.unitA.code}/evidence`;
});

afterAll(async () => {
  await api?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('evidence upload and download', () => {
  it('round-trips a file with a Vietnamese name, stored under its sha256 and checked on download', async () => {
    const name = 'Báo cáo tự đánh giá CCHC năm 2021 – Sở Nội vụ (bản ký số).pdf';
    const bytes = pdfBytes('Tài liệu kiểm chứng tiêu chí 1.2.1');
    const before = Date.now();
    const res = await upload(api, uploadPath, {
      token: tokenA,
      fileName: name,
      bytes,
      fields: { criterionCode: '1.2.1' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      campaignId: fx.campaign.id,
      unitCode: fx.unitA.code,
      fileName: name,
      mimeType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256: sha256(bytes),
      criterionCode: '1.2.1',
      uploadedBy: 'Sở Nội vụ - đầu mối CCHC',
      downloadUrl: `/evidence/${res.body.id}/download`,
    });
    expect(Date.parse(res.body.uploadedAt)).toBeGreaterThanOrEqual(before - 1000);

    // On disk: <dataDir>/evidence/<campaignId>/<unitCode>/<sha256>, nothing else (no temp file).
    expect(filesOnDisk()).toEqual([sha256(bytes)]);
    expect(
      readFileSync(path.join(dataDir, 'evidence', fx.campaign.id, fx.unitA.code, sha256(bytes))),
    ).toEqual(Buffer.from(bytes));
    const row = await api.dataSource
      .getRepository(EvidenceFile)
      .findOneByOrFail({ id: res.body.id });
    expect(row).toMatchObject({
      participationId: fx.participationA.id,
      fileName: name,
      sha256: sha256(bytes),
      storagePath: `${fx.campaign.id}/${fx.unitA.code}/${sha256(bytes)}`,
    });
    const audit = await api.dataSource
      .getRepository(AuditEntry)
      .findOneByOrFail({ entityId: res.body.id });
    expect(audit).toMatchObject({
      action: 'evidence.upload',
      entityType: 'evidence_file',
      actorName: 'Sở Nội vụ - đầu mối CCHC',
      actorRole: 'unit',
    });
    expect(audit.details).toMatchObject({
      fileName: name,
      sha256: sha256(bytes),
      unitCode: fx.unitA.code,
    });

    const { res: dl, bytes: got } = await download(res.body.id, tokenA);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('application/pdf');
    expect(dl.headers.get('content-length')).toBe(String(bytes.length));
    const disposition = dl.headers.get('content-disposition')!;
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent(name).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    expect(disposition).toContain(
      'filename="Bao cao tu danh gia CCHC nam 2021 _ So Noi vu (ban ky so).pdf"',
    );
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)![1]!;
    expect(decodeURIComponent(encoded)).toBe(name);
    expect(sha256(got)).toBe(sha256(bytes));

    const meta = await call(api, 'GET', `/evidence/${res.body.id}`, { token: tokenA });
    expect(meta.body).toEqual(res.body);
  });

  it('keeps decomposed (macOS) accents as composed text, and accepts a generic type by extension', async () => {
    const name = 'Quyết định kiện toàn.docx'.normalize('NFD');
    const docx = docxBytes();
    const res = await upload(api, uploadPath, {
      token: tokenA,
      fileName: name,
      bytes: docx,
      type: 'application/octet-stream',
    });
    expect(res.status).toBe(201);
    expect(res.body.fileName).toBe('Quyết định kiện toàn.docx'.normalize('NFC'));
    expect(res.body.mimeType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.body.criterionCode).toBeNull();
  });

  it("lists the unit's files, and lets staff upload on its behalf", async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('IHDR'),
    ]);
    const res = await upload(api, uploadPath, {
      token: secretariat,
      fileName: 'Ảnh chụp bảng niêm yết.png',
      bytes: png,
      type: 'image/png',
    });
    expect(res.status).toBe(201);
    expect(res.body.uploadedBy).toBe('Tổ thư ký - kiểm thử');
    const audit = await api.dataSource
      .getRepository(AuditEntry)
      .findOneByOrFail({ entityId: res.body.id });
    expect(audit.details).toMatchObject({ onBehalfOfUnit: true });

    const list = await call(api, 'GET', uploadPath, { token: tokenA });
    expect(list.status).toBe(200);
    expect(list.body.map((f: any) => f.fileName)).toEqual([
      'Báo cáo tự đánh giá CCHC năm 2021 – Sở Nội vụ (bản ký số).pdf',
      'Quyết định kiện toàn.docx',
      'Ảnh chụp bảng niêm yết.png',
    ]);
    expect(list.body[2]).toEqual(res.body);
  });

  it('stores the same content once and serves it for both records', async () => {
    const bytes = pdfBytes('trùng nội dung');
    const first = await upload(api, uploadPath, { token: tokenA, fileName: 'Bản 1.pdf', bytes });
    const second = await upload(api, uploadPath, { token: tokenA, fileName: 'Bản 2.pdf', bytes });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(filesOnDisk().filter((f) => f === sha256(bytes))).toHaveLength(1);
    const { res } = await download(second.body.id, tokenA);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''B%E1%BA%A3n%202.pdf",
    );
  });
});

describe('evidence: refused uploads store nothing', () => {
  it('refuses a file over the limit with 413 naming it', async () => {
    const before = await stored();
    const bytes = Buffer.concat([pdfBytes(), Buffer.alloc(MAX_BYTES)]);
    const res = await upload(api, uploadPath, { token: tokenA, fileName: 'Quá lớn.pdf', bytes });
    expect(res.status).toBe(413);
    expect(messageOf(res.body)).toBe(
      `Tệp lớn hơn giới hạn 64 KiB (${MAX_BYTES} byte, theo EVIDENCE_MAX_BYTES).`,
    );
    expect(await stored()).toEqual(before);
  });

  it('accepts a file of exactly the limit', async () => {
    const head = pdfBytes();
    const bytes = Buffer.concat([head, Buffer.alloc(MAX_BYTES - head.length, 0x20)]);
    const res = await upload(api, uploadPath, { token: tokenA, fileName: 'Vừa đủ.pdf', bytes });
    expect(res.status).toBe(201);
    expect(res.body.sizeBytes).toBe(MAX_BYTES);
  });

  it.each([
    [
      'an executable',
      'setup.exe',
      'application/octet-stream',
      Buffer.from('MZ\x90\x00'),
      /Tệp «setup\.exe» không thuộc loại tệp tài liệu kiểm chứng được chấp nhận \(\.exe\)/,
    ],
    [
      'a file without extension',
      'README',
      'text/plain',
      Buffer.from('hello'),
      /Tệp «README» không thuộc loại tệp tài liệu kiểm chứng được chấp nhận \(không có phần mở rộng\)/,
    ],
    [
      'a type that contradicts the extension',
      'Báo cáo.pdf',
      'text/html',
      pdfBytes(),
      /Tệp «Báo cáo\.pdf» được gửi với kiểu text\/html, không khớp với tệp \.pdf/,
    ],
    [
      'content that is not what the extension says',
      'Báo cáo.pdf',
      'application/pdf',
      Buffer.from('<html>not a pdf</html>'),
      /Tệp «Báo cáo\.pdf» không phải tệp \.pdf thật/,
    ],
    [
      'a renamed executable',
      'Ảnh.jpg',
      'image/jpeg',
      Buffer.from('MZ\x90\x00 this program'),
      /Tệp «Ảnh\.jpg» không phải tệp \.jpg thật/,
    ],
  ])('refuses %s with 415 naming the allowed types', async (_, fileName, type, bytes, message) => {
    const before = await stored();
    const res = await upload(api, uploadPath, { token: tokenA, fileName, type, bytes });
    expect(res.status).toBe(415);
    expect(messageOf(res.body)).toMatch(message);
    expect(messageOf(res.body)).toContain(
      'các loại được chấp nhận: pdf, doc, docx, xls, xlsx, odt, ods, jpg, jpeg, png, zip',
    );
    expect(await stored()).toEqual(before);
  });

  it.each([
    [
      'no file',
      {},
      400,
      /Chưa có tệp: hãy gửi tệp dưới dạng multipart\/form-data trong trường "file"/,
    ],
    [
      'the file in another field',
      { fileField: 'document', fileName: 'a.pdf' },
      400,
      /Trường tệp không hợp lệ "document": hãy gửi tệp trong trường "file"/,
    ],
    [
      'an unexpected field',
      { fileName: 'a.pdf', fields: { score: '2' } },
      400,
      /Biểu mẫu có trường không hợp lệ "score"/,
    ],
    [
      'an empty file',
      { fileName: 'Trống.pdf', bytes: new Uint8Array(0) },
      400,
      /Tệp «Trống\.pdf» rỗng/,
    ],
    [
      'an unknown criterion',
      { fileName: 'a.pdf', fields: { criterionCode: '7.7' } },
      422,
      /Tiêu chí 7\.7 không có trong bộ chỉ số/,
    ],
    [
      'a survey criterion',
      { fileName: 'a.pdf', fields: { criterionCode: '8.1' } },
      422,
      /Tiêu chí 8\.1 lấy điểm từ điều tra xã hội học, không do đơn vị tự đánh giá/,
    ],
  ] as const)('refuses %s', async (_, options, status, message) => {
    const before = await stored();
    const res = await upload(api, uploadPath, { token: tokenA, ...options });
    expect(res.status).toBe(status);
    expect(messageOf(res.body)).toMatch(message);
    expect(await stored()).toEqual(before);
  });

  it('refuses a body that is not multipart', async () => {
    const before = await stored();
    const res = await call(api, 'POST', uploadPath, { token: tokenA, body: { file: 'x' } });
    expect(res.status).toBe(415);
    expect(messageOf(res.body)).toMatch(/multipart\/form-data/);
    expect(await stored()).toEqual(before);
  });

  it('names an unknown campaign, unit, or a unit that does not take part', async () => {
    const before = await stored();
    const c = await upload(api, `/campaigns/${randomUUID()}/units/${fx.unitA.code}/evidence`, {
      token: secretariat,
      fileName: 'a.pdf',
    });
    expect(c.status).toBe(404);
    expect(messageOf(c.body)).toMatch(/Không có chiến dịch «/);
    const u = await upload(api, `/campaigns/${fx.campaign.id}/units/KHONG${fx.suffix}/evidence`, {
      token: secretariat,
      fileName: 'a.pdf',
    });
    expect(u.status).toBe(404);
    expect(messageOf(u.body)).toContain(`Không có đơn vị mã «KHONG${fx.suffix}»`);
    const o = await upload(api, `/campaigns/${fx.campaign.id}/units/${fx.outsider.code}/evidence`, {
      token: secretariat,
      fileName: 'a.pdf',
    });
    expect(o.status).toBe(404);
    expect(messageOf(o.body)).toContain(
      `Đơn vị ${fx.outsider.code} không tham gia chiến dịch ${fx.campaign.code}`,
    );
    expect(await stored()).toEqual(before);
    expect(existsSync(path.join(dataDir, 'evidence', fx.campaign.id, fx.outsider.code))).toBe(
      false,
    );
  });
});

describe('evidence: access by role', () => {
  let fileA: string;

  beforeAll(async () => {
    const res = await upload(api, uploadPath, {
      token: tokenA,
      fileName: 'Kế hoạch.pdf',
      bytes: pdfBytes('kế hoạch'),
    });
    fileA = res.body.id;
  });

  it("gives a unit token 403 on another unit's evidence", async () => {
    const before = await stored();
    const up = await upload(api, uploadPath, { token: tokenB, fileName: 'x.pdf' });
    expect(up.status).toBe(403);
    expect(messageOf(up.body)).toContain(`không được thay đổi dữ liệu của đơn vị ${fx.unitA.code}`);
    const list = await call(api, 'GET', uploadPath, { token: tokenB });
    expect(list.status).toBe(403);
    expect(messageOf(list.body)).toContain('Mã truy cập này thuộc một đơn vị khác');
    expect((await call(api, 'GET', `/evidence/${fileA}`, { token: tokenB })).status).toBe(403);
    const { res } = await download(fileA, tokenB);
    expect(res.status).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it('lets an appraiser list and download, but not upload', async () => {
    const before = await stored();
    expect((await call(api, 'GET', uploadPath, { token: appraiser })).status).toBe(200);
    expect((await download(fileA, appraiser)).res.status).toBe(200);
    const up = await upload(api, uploadPath, { token: appraiser, fileName: 'x.pdf' });
    expect(up.status).toBe(403);
    expect(messageOf(up.body)).toMatch(
      /Vai trò «Cơ quan thẩm định» không được thực hiện thao tác này/,
    );
    expect(await stored()).toEqual(before);
  });

  it('answers 404 for an unknown or malformed evidence id', async () => {
    for (const id of [randomUUID(), 'abc']) {
      const res = await call(api, 'GET', `/evidence/${id}/download`, { token: secretariat });
      expect(res.status).toBe(404);
      expect(messageOf(res.body)).toBe(
        `Không tìm thấy tệp tài liệu kiểm chứng có mã định danh «${id}».`,
      );
    }
  });
});

describe('evidence: integrity on download', () => {
  it('answers 500 saying so when the stored file was altered', async () => {
    const bytes = pdfBytes('sẽ bị sửa');
    const res = await upload(api, uploadPath, { token: tokenA, fileName: 'Bị sửa.pdf', bytes });
    const file = path.join(dataDir, 'evidence', fx.campaign.id, fx.unitA.code, res.body.sha256);
    writeFileSync(file, Buffer.concat([bytes, Buffer.from('tampered')]));
    const dl = await call(api, 'GET', `/evidence/${res.body.id}/download`, { token: tokenA });
    expect(dl.status).toBe(500);
    expect(messageOf(dl.body)).toMatch(
      /«Bị sửa\.pdf»\) đã bị thay đổi trên đĩa: SHA-256 hiện là [0-9a-f]{64}, không phải [0-9a-f]{64} như khi tải lên/,
    );
  });

  it('answers 500 saying so when the stored file is missing', async () => {
    const res = await upload(api, uploadPath, {
      token: tokenA,
      fileName: 'Bị xoá.pdf',
      bytes: pdfBytes('sẽ bị xoá'),
    });
    unlinkSync(path.join(dataDir, 'evidence', fx.campaign.id, fx.unitA.code, res.body.sha256));
    const dl = await call(api, 'GET', `/evidence/${res.body.id}/download`, { token: tokenA });
    expect(dl.status).toBe(500);
    expect(messageOf(dl.body)).toMatch(/«Bị xoá\.pdf»\) không còn trong kho lưu trữ/);
  });
});

describe('EVIDENCE_MAX_BYTES', () => {
  it('defaults to 20 MiB and reads a number of bytes', () => {
    expect(loadConfig({}).evidenceMaxBytes).toBe(20 * 1024 * 1024);
    expect(loadConfig({ EVIDENCE_MAX_BYTES: '1048576' }).evidenceMaxBytes).toBe(1048576);
  });

  it.each(['20MB', '0', '-1', '1.5', '3000000000'])('refuses %s naming the variable', (value) => {
    expect(() => loadConfig({ EVIDENCE_MAX_BYTES: value })).toThrow(ConfigError);
    expect(() => loadConfig({ EVIDENCE_MAX_BYTES: value })).toThrow(
      /EVIDENCE_MAX_BYTES must be a number of bytes/,
    );
  });
});
