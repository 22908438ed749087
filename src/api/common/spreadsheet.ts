/**
 * Workbooks for officials (exceljs): one sheet per table, title lines above a bold header row
 * that stays in view when scrolling, numbers as numbers with their format (an index shows two
 * decimals: 98.30, not 98.3), text wrapped in wide columns.
 */
import ExcelJS from 'exceljs';
import type { CsvCell } from './csv.js';

export interface SheetTable {
  /** Tab name; shortened to Excel's 31 characters and stripped of []:*?/\ . */
  name: string;
  /** Lines above the table: the first is the heading, in bold. */
  title: string[];
  headers: string[];
  rows: CsvCell[][];
  /** Excel number format per column (0-based), e.g. { 7: '0.00' }. */
  numberFormats?: Record<number, string>;
  /** Column widths in characters (default from the header). */
  widths?: number[];
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    candidate = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The row number of a table's header: after the title lines and one blank line. */
export function headerRowOf(table: Pick<SheetTable, 'title'>): number {
  return table.title.length > 0 ? table.title.length + 2 : 1;
}

export async function workbookBuffer(tables: SheetTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chỉ số CCHC';
  workbook.created = new Date();
  const taken = new Set<string>();
  for (const table of tables) {
    const headerRow = headerRowOf(table);
    const sheet = workbook.addWorksheet(sheetName(table.name, taken), {
      views: [{ state: 'frozen', ySplit: headerRow }],
    });
    table.title.forEach((line, i) => {
      const cell = sheet.getCell(i + 1, 1);
      cell.value = line;
      cell.font = { bold: i === 0, size: i === 0 ? 13 : 11 };
    });
    const header = sheet.getRow(headerRow);
    table.headers.forEach((_, col) => {
      const cell = header.getCell(col + 1);
      cell.value = table.headers[col]!;
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      cell.border = { bottom: { style: 'thin' } };
    });
    table.rows.forEach((values, i) => {
      const row = sheet.getRow(headerRow + 1 + i);
      values.forEach((value, col) => {
        const cell = row.getCell(col + 1);
        cell.value = value ?? null;
        const format = table.numberFormats?.[col];
        if (format && typeof value === 'number') cell.numFmt = format;
        if (typeof value === 'string' && value.length > 40) {
          cell.alignment = { wrapText: true, vertical: 'top' };
        }
      });
    });
    table.headers.forEach((header, col) => {
      sheet.getColumn(col + 1).width =
        table.widths?.[col] ?? Math.min(40, Math.max(8, header.length + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
