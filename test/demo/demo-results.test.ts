/**
 * `npm run demo:results` on the test database: the demo campaign is created from the 2021 plan,
 * filled with illustrative scores, computed and exported; the workbook is read back with exceljs.
 * A second run reuses the campaign and gives the same results (here as CSV).
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../../src/api/common/csv.js';
import { createDataSource } from '../../src/db/data-source.js';
import {
  DEMO_RESULTS_CODE,
  demoResults,
  type DemoResultsOutcome,
} from '../../src/demo/demo-results.js';
import { VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import '../support/provided.js';
import { deleteCampaigns } from '../support/api-fixtures.js';

const HEADER_ROW = 5;
const FIRST_HEADERS = ['STT', 'Mã đơn vị', 'Đơn vị', '1. Công tác chỉ đạo, điều hành CCHC'];
const TAIL_HEADERS = [
  'Điểm thưởng',
  'Điểm trừ',
  'Điều chỉnh của Hội đồng',
  'Tổng điểm đạt',
  'Tổng điểm tối đa áp dụng',
  'Chỉ số CCHC',
  'Xếp hạng',
  'Xếp loại',
];

interface Row {
  unitCode: string;
  bonus: number;
  penalty: number;
  applicableMax: number;
  index: number;
  rank: number;
}

/** Competition ranks of indexes in descending order: 1 + how many are strictly higher. */
const competitionRanks = (indexes: number[]) =>
  indexes.map((index) => 1 + indexes.filter((other) => other > index).length);

describe('npm run demo:results', () => {
  let db: DataSource;
  let dir: string;
  let first: DemoResultsOutcome;
  const sheets = new Map<string, { title: string[]; headers: string[]; rows: Row[] }>();

  beforeAll(async () => {
    db = createDataSource(inject('databaseUrl'));
    await db.initialize();
    dir = mkdtempSync(path.join(os.tmpdir(), 'demo-results-'));
    first = await demoResults(db, path.join(dir, 'ket-qua-minh-hoa.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(first.file);
    for (const sheet of workbook.worksheets) {
      const headers = (sheet.getRow(HEADER_ROW).values as unknown[]).slice(1).map(String);
      const column = (name: string) => headers.indexOf(name) + 1;
      const rows: Row[] = [];
      for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        const number = (name: string) => Number(row.getCell(column(name)).value);
        rows.push({
          unitCode: row.getCell(column('Mã đơn vị')).text,
          bonus: number('Điểm thưởng'),
          penalty: number('Điểm trừ'),
          applicableMax: number('Tổng điểm tối đa áp dụng'),
          index: number('Chỉ số CCHC'),
          rank: number('Xếp hạng'),
        });
      }
      sheets.set(sheet.name, {
        title: [1, 2, 3].map((r) => sheet.getCell(`A${r}`).text),
        headers,
        rows,
      });
    }
  }, 120_000);

  afterAll(async () => {
    if (db?.isInitialized) {
      await deleteCampaigns(db, [DEMO_RESULTS_CODE]);
      await db.destroy();
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('creates the demo campaign and says the data is illustrative', () => {
    expect(first.created).toBe(true);
    expect(first.campaignCode).toBe('demo-results-2021');
    expect(first.campaignName).toMatch(/\(dữ liệu minh họa\)$/);
    expect(first.format).toBe('xlsx');
    expect(first.bytes).toBeGreaterThan(0);
  });

  it('writes one sheet per group, with the illustrative label and Vietnamese headers', () => {
    expect([...sheets.keys()]).toEqual(['sở, ban, ngành tỉnh', 'UBND cấp huyện']);
    for (const [name, sheet] of sheets) {
      expect(sheet.title[0]).toBe(
        `KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021 — ${name.toUpperCase()}`,
      );
      expect(sheet.title[1]).toContain('(dữ liệu minh họa)');
      expect(sheet.title[2]).toMatch(/^DỰ THẢO — chưa công bố/);
      expect(sheet.headers.slice(0, 4)).toEqual(FIRST_HEADERS);
      expect(sheet.headers.slice(-TAIL_HEADERS.length)).toEqual(TAIL_HEADERS);
    }
  });

  it('ranks the 25 units of the 2021 plan, 17 departments and 8 districts', () => {
    const codes = (group: string) =>
      VINH_LONG_2021.units.filter((u) => u.group === group).map((u) => u.code);
    const department = sheets.get('sở, ban, ngành tỉnh')!.rows;
    const district = sheets.get('UBND cấp huyện')!.rows;
    expect(department.map((r) => r.unitCode).sort()).toEqual(codes('department').sort());
    expect(district.map((r) => r.unitCode).sort()).toEqual(codes('district').sort());
    expect(department.length + district.length).toBe(25);
    expect(first.groups.map((g) => g.ranks.length)).toEqual([17, 8]);
  });

  it('gives competition ranks: a tie shares its rank and the next one is skipped', () => {
    for (const [name, { rows }] of sheets) {
      const indexes = rows.map((r) => r.index);
      expect(indexes, name).toEqual([...indexes].sort((a, b) => b - a));
      expect(
        rows.map((r) => r.rank),
        name,
      ).toEqual(competitionRanks(indexes));
      expect(
        rows.slice(0, 4).map((r) => r.rank),
        name,
      ).toEqual([1, 2, 2, 4]);
    }
    expect(first.groups.map((g) => g.ties.map((t) => [t.rank, t.unitCodes.length]))).toEqual([
      [[2, 2]],
      [[2, 2]],
    ]);
  });

  it('has bonus and penalty points for a few units and criteria not applicable to some', () => {
    const rows = [...sheets.values()].flatMap((s) => s.rows);
    expect(rows.filter((r) => r.bonus > 0).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.penalty > 0).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.applicableMax < 100).length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.index > 0)).toBe(true);
  });

  it('reuses the campaign on a second run, with the same results (here as CSV)', async () => {
    const again = await demoResults(db, path.join(dir, 'ket-qua-minh-hoa.csv'));
    expect(again).toMatchObject({
      created: false,
      campaignId: first.campaignId,
      format: 'csv',
      groups: first.groups,
    });
    const text = readFileSync(again.file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [headers, ...lines] = parseCsv(text);
    expect(headers!.slice(0, 5)).toEqual(['STT', 'Nhóm', 'Mã đơn vị', 'Đơn vị', 'Lĩnh vực 1']);
    expect(headers!.slice(-TAIL_HEADERS.length)).toEqual(TAIL_HEADERS);
    expect(lines).toHaveLength(25);
    const xlsxRanks = [...sheets.values()].flatMap((s) =>
      s.rows.map((r) => `${r.unitCode} ${r.index.toFixed(2)} ${r.rank}`),
    );
    const csvRanks = lines.map((cells) => `${cells[2]} ${cells.at(-3)} ${cells.at(-2)}`);
    expect(csvRanks).toEqual(xlsxRanks);
  });
});
