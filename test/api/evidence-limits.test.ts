/**
 * What a unit may upload beyond the type and size of one file: its quota per campaign (total size
 * and number of files), office documents that are what they claim, and a virus scan through clamd
 * (a fake clamd speaking INSTREAM: the test is about the API, not ClamAV), on the real Nest app,
 * PostgreSQL and disk, with small limits.
 */
import 'reflect-metadata';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceFile } from '../../src/entities/index.js';
import { call, startTestApi, tokenFor, type TestApi } from '../support/api.js';
import {
  type CampaignFixture,
  createCampaignFixture,
  messageOf,
  pdfBytes,
  upload,
} from '../support/self-assessment-fixtures.js';
import { docxBytes, odfBytes, xlsxBytesOf, zipBytes } from '../support/zip-bytes.js';
import { deadClamdUrl, EICAR, type FakeClamd, startFakeClamd } from '../support/fake-clamd.js';

/** A PDF of exactly `size` bytes. */
function pdfOf(size: number, text = 'Báo cáo'): Buffer {
  const head = pdfBytes(text);
  return Buffer.concat([head, Buffer.alloc(size - head.length, 0x20)]);
}

describe('evidence quota per unit and campaign', () => {
  let api: TestApi;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'par-evidence-quota-'));
    api = await startTestApi({
      dataDir,
      evidenceMaxBytes: 1500,
      evidenceQuotaBytes: 2048,
      evidenceMaxFiles: 3,
    });
  });

  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function unitOf(fx: CampaignFixture) {
    const token = await tokenFor(api.dataSource, {
      role: 'unit',
      unitCode: fx.unitA.code,
      name: `Đầu mối ${fx.unitA.code}`,
    });
    const route = `/campaigns/${fx.campaign.id}/units/${fx.unitA.code}/evidence`;
    const dir = path.join(dataDir, 'evidence', fx.campaign.id, fx.unitA.code);
    const stored = async () => ({
      files: existsSync(dir) ? readdirSync(dir).sort() : [],
      rows: await api.dataSource
        .getRepository(EvidenceFile)
        .countBy({ participationId: fx.participationA.id }),
    });
    return { token, route, stored };
  }

  it('refuses a file that does not fit in what is left (413), keeps what is stored, takes one that fits', async () => {
    const fx = await createCampaignFixture(api.dataSource);
    const { token, route, stored } = await unitOf(fx);
    const first = await upload(api, route, { token, fileName: 'Một.pdf', bytes: pdfOf(1200) });
    expect(first.status).toBe(201);
    const before = await stored();

    const tooBig = await upload(api, route, {
      token,
      fileName: 'Hai.pdf',
      bytes: pdfOf(1000, 'hai'),
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe('quota_exceeded');
    expect(tooBig.body.error).toBe('Vượt quá hạn mức lưu trữ');
    expect(messageOf(tooBig.body)).toBe(
      `Đơn vị ${fx.unitA.code} đã dùng 1.2 KiB/2 KiB dung lượng tài liệu kiểm chứng trong đợt ${fx.campaign.code} (EVIDENCE_QUOTA_MB): tệp «Hai.pdf» lớn hơn phần còn lại (848 byte). Các tệp đã lưu được giữ nguyên.`,
    );
    expect(await stored()).toEqual(before);

    const fits = await upload(api, route, { token, fileName: 'Ba.pdf', bytes: pdfOf(848, 'ba') });
    expect(fits.status).toBe(201);
    // 2048 of 2048 bytes used: refused before the body is read.
    const full = await upload(api, route, { token, fileName: 'Bốn.pdf', bytes: pdfOf(200) });
    expect(full.status).toBe(413);
    expect(messageOf(full.body)).toMatch(/đã dùng 2 KiB\/2 KiB .*không còn dung lượng cho tệp mới/);

    const list = await call(api, 'GET', route, { token });
    expect(list.body.map((f: any) => f.fileName)).toEqual(['Một.pdf', 'Ba.pdf']);
    const download = await fetch(`${api.url}/evidence/${first.body.id}/download`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdfOf(1200));
  });

  it('refuses a file past the largest number of files (409), whatever its size', async () => {
    const fx = await createCampaignFixture(api.dataSource);
    const { token, route, stored } = await unitOf(fx);
    for (const n of [1, 2]) {
      const res = await upload(api, route, {
        token,
        fileName: `Tệp ${n}.pdf`,
        bytes: pdfBytes(`tệp ${n}`),
      });
      expect(res.status).toBe(201);
    }
    // Two at once for the last place: both pass the check before the body, one is recorded.
    const racing = await Promise.all(
      ['3a', '3b'].map((n) =>
        upload(api, route, { token, fileName: `Tệp ${n}.pdf`, bytes: pdfBytes(`tệp ${n}`) }),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(racing.find((r) => r.status === 409)!.body.code).toBe('quota_exceeded');
    const before = await stored();
    expect(before.rows).toBe(3);
    expect(before.files.filter((f) => f.endsWith('.part'))).toEqual([]);
    const fourth = await upload(api, route, { token, fileName: 'Tệp 4.pdf', bytes: pdfBytes() });
    expect(fourth.status).toBe(409);
    expect(fourth.body.code).toBe('quota_exceeded');
    expect(messageOf(fourth.body)).toContain(
      `Đơn vị ${fx.unitA.code} đã có 3/3 tệp tài liệu kiểm chứng trong đợt ${fx.campaign.code}`,
    );
    expect(await stored()).toEqual(before);
  });

  it('counts each unit and campaign apart, and still names the per-file limit', async () => {
    const fx = await createCampaignFixture(api.dataSource);
    const { token, route } = await unitOf(fx);
    const big = await upload(api, route, { token, fileName: 'Lớn.pdf', bytes: pdfOf(1600) });
    expect(big.status).toBe(413);
    expect(messageOf(big.body)).toMatch(/Tệp lớn hơn giới hạn 1.5 KiB .*EVIDENCE_MAX_BYTES/);
    const ok = await upload(api, route, { token, fileName: 'Vừa.pdf', bytes: pdfOf(1500) });
    expect(ok.status).toBe(201);
  });
});

describe('office documents are what their extension claims', () => {
  let api: TestApi;
  let dataDir: string;
  let fx: CampaignFixture;
  let token: string;
  let route: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'par-evidence-containers-'));
    api = await startTestApi({ dataDir });
    fx = await createCampaignFixture(api.dataSource);
    token = await tokenFor(api.dataSource, {
      role: 'unit',
      unitCode: fx.unitA.code,
      name: `Đầu mối ${fx.unitA.code}`,
    });
    route = `/campaigns/${fx.campaign.id}/units/${fx.unitA.code}/evidence`;
  });

  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ODT = 'application/vnd.oasis.opendocument.text';
  const ODS = 'application/vnd.oasis.opendocument.spreadsheet';

  it.each([
    ['Quyết định.docx', docxBytes()],
    ['Bảng tổng hợp.xlsx', xlsxBytesOf()],
    ['Báo cáo.odt', odfBytes(ODT)],
    ['Số liệu.ods', odfBytes(ODS, { deflateMimetype: true })],
    ['Hồ sơ.zip', zipBytes([{ name: 'a.pdf', content: pdfBytes() }])],
  ])('accepts %s', async (fileName, bytes) => {
    const res = await upload(api, route, {
      token,
      fileName,
      bytes,
      type: 'application/octet-stream',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it.each([
    [
      'another ZIP renamed .docx',
      'Kế hoạch.docx',
      zipBytes([{ name: 'setup.exe', content: 'MZ' }]),
      /«Kế hoạch\.docx» không phải tài liệu \.docx hợp lệ: tệp nén không có \[Content_Types\]\.xml và thư mục word\//,
    ],
    [
      'a Word file renamed .xlsx',
      'Bảng.xlsx',
      docxBytes(),
      /«Bảng\.xlsx» không phải tài liệu \.xlsx hợp lệ: .*thư mục xl\//,
    ],
    [
      'a spreadsheet renamed .odt',
      'Văn bản.odt',
      odfBytes(ODS),
      /«Văn bản\.odt» không phải tài liệu \.odt hợp lệ: mục «mimetype»/,
    ],
    [
      'a ZIP without a directory',
      'Hỏng.docx',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml')]),
      /«Hỏng\.docx» .*không đọc được danh mục tệp nén ZIP/,
    ],
  ])(
    'refuses %s with 415 file_rejected naming it, storing nothing',
    async (_, fileName, bytes, message) => {
      const before = await api.dataSource
        .getRepository(EvidenceFile)
        .countBy({ participationId: fx.participationA.id });
      const res = await upload(api, route, {
        token,
        fileName,
        bytes,
        type: 'application/octet-stream',
      });
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('file_rejected');
      expect(messageOf(res.body)).toMatch(message);
      expect(
        await api.dataSource
          .getRepository(EvidenceFile)
          .countBy({ participationId: fx.participationA.id }),
      ).toBe(before);
      const dir = path.join(dataDir, 'evidence', fx.campaign.id, fx.unitA.code);
      expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    },
  );

  it('refuses a PDF with bytes before %PDF- (415)', async () => {
    const res = await upload(api, route, {
      token,
      fileName: 'Lai.pdf',
      bytes: Buffer.concat([Buffer.from('<html><script>x</script>'), pdfBytes()]),
    });
    expect(res.status).toBe(415);
    expect(messageOf(res.body)).toMatch(/Tệp «Lai\.pdf» không phải tệp \.pdf thật/);
  });
});

describe('virus scan through clamd (CLAMD_URL)', () => {
  let clamd: FakeClamd;
  let dataDir: string;
  const apis: TestApi[] = [];

  beforeAll(async () => {
    clamd = await startFakeClamd();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'par-evidence-clamd-'));
  });

  afterAll(async () => {
    for (const api of apis) await api.close();
    await clamd?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function world(clamdUrl: string) {
    const api = await startTestApi({ dataDir, clamdUrl, clamdTimeoutMs: 5000 });
    apis.push(api);
    const fx = await createCampaignFixture(api.dataSource);
    const token = await tokenFor(api.dataSource, {
      role: 'unit',
      unitCode: fx.unitA.code,
      name: `Đầu mối ${fx.unitA.code}`,
    });
    const route = `/campaigns/${fx.campaign.id}/units/${fx.unitA.code}/evidence`;
    const rows = () =>
      api.dataSource.getRepository(EvidenceFile).countBy({ participationId: fx.participationA.id });
    const dir = path.join(dataDir, 'evidence', fx.campaign.id, fx.unitA.code);
    const files = () => (existsSync(dir) ? readdirSync(dir) : []);
    return { api, token, route, rows, files };
  }

  it('stores a clean file after streaming it to clamd, and refuses an infected one (422) naming the signature', async () => {
    const { api, token, route, rows, files } = await world(clamd.url);
    // Larger than one 64 KiB chunk, so the stream is sent in several.
    const clean = Buffer.concat([pdfBytes('sạch'), Buffer.alloc(150 * 1024, 0x20)]);
    const ok = await upload(api, route, { token, fileName: 'Sạch.pdf', bytes: clean });
    expect(ok.status).toBe(201);
    expect(clamd.scanned.at(-1)).toEqual(clean);

    const before = { rows: await rows(), files: files() };
    const infected = await upload(api, route, {
      token,
      fileName: 'Báo cáo nhiễm.pdf',
      bytes: pdfBytes(EICAR),
    });
    expect(infected.status).toBe(422);
    expect(infected.body.code).toBe('file_rejected');
    expect(messageOf(infected.body)).toBe(
      'Tệp «Báo cáo nhiễm.pdf» bị từ chối: máy quét virus phát hiện mã độc «Eicar-Signature». Tệp không được lưu.',
    );
    expect({ rows: await rows(), files: files() }).toEqual(before);
  });

  it('answers 503 and stores nothing when clamd cannot be reached', async () => {
    const { api, token, route, rows, files } = await world(await deadClamdUrl());
    const res = await upload(api, route, { token, fileName: 'Chưa quét.pdf', bytes: pdfBytes() });
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('service_unavailable');
    expect(messageOf(res.body)).toMatch(
      /Chưa lưu tệp «Chưa quét\.pdf»: máy quét virus \(clamd, CLAMD_URL\) tạm thời không quét được tệp/,
    );
    expect(await rows()).toBe(0);
    expect(files()).toEqual([]);
  });
});
