/**
 * Reading an import (index set, unit list) from a JSON body or an uploaded .json / .xlsx file into
 * rows of named values, so that one validator checks both formats and names rows the same way.
 *
 * - XLSX: the first worksheet; row 1 holds the column names (case and spaces do not matter:
 *   "Max points" is max_points); every later non-empty row is a record, numbered as the
 *   spreadsheet numbers it.
 * - JSON: an object whose list property (`criteria`, `units`) holds one object per record, keyed by
 *   the same column names; "item n" is the n-th element (1-based).
 */
import {
  BadRequestException,
  UnprocessableEntityException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import ExcelJS from 'exceljs';
import { parseCsv } from './csv.js';

export type CellValue = string | number | boolean | null;

export interface ImportRow {
  /** XLSX: the spreadsheet's row number (header = 1). JSON: the item's 1-based position. */
  row: number;
  values: Record<string, CellValue>;
}

export interface ImportIssue {
  row: number;
  field: string;
  message: string;
}

export type ImportFormat = 'json' | 'xlsx' | 'csv';

export interface ImportSource {
  format: 'json' | 'xlsx';
  /** The uploaded file's name; null for a JSON body. */
  fileName: string | null;
  rows: ImportRow[];
  /** Settings beside the rows: the JSON object's other properties, or multipart text fields. */
  options: Record<string, string>;
  /** Problems found while reading (unknown or duplicate columns, values of the wrong shape). */
  issues: ImportIssue[];
  /** Column names present (XLSX header, or keys used by any JSON item). */
  columns: Set<string>;
  /** How rows are called in messages: "row" (XLSX) or "item" (JSON); see rowWord. */
  rowLabel: 'row' | 'item';
}

/** The row label in Vietnamese, as messages say it: "dòng" (a sheet's row), "mục" (a JSON item). */
const ROW_WORDS = { row: 'dòng', item: 'mục' } as const;

/** "dòng" or "mục", for messages that name a row: "(trùng với dòng 3)". */
export function rowWord(source: Pick<ImportSource, 'rowLabel'>): string {
  return ROW_WORDS[source.rowLabel];
}

export interface ImportSpec {
  /** Property of a JSON document that holds the records: "criteria", "units". */
  listKey: string;
  /** Every column a record may have. */
  columns: readonly string[];
  /** Settings allowed beside the records (JSON properties or multipart fields): "name", … */
  optionKeys: readonly string[];
}

/** An import that may also come from a CSV upload (readImportWithCsv). */
export type AnyImportSource = Omit<ImportSource, 'format'> & { format: ImportFormat };

/** Upload limit for import files (multipart). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * 422 listing every problem found; nothing was written. `what` names the import in Vietnamese
 * ("danh sách đơn vị").
 */
export class ImportValidationException extends UnprocessableEntityException {
  constructor(what: string, errors: ImportIssue[]) {
    super({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: `${what.charAt(0).toUpperCase()}${what.slice(1)} có ${errors.length} lỗi; chưa có dữ liệu nào được nhập.`,
      errors,
    });
  }
}

/** "dòng 7, max_points: phải là một số ≥ 0, …, nhận được "mười"" */
export function issue(
  source: Pick<ImportSource, 'rowLabel'>,
  row: number,
  field: string,
  problem: string,
): ImportIssue {
  return { row, field, message: `${rowWord(source)} ${row}, ${field}: ${problem}` };
}

/**
 * What every row import starts from: the reader's problems, each required column missing from a
 * sheet's header (then `stop`: no row can be read), and a file without rows, named by `empty`.
 */
export function importStart(
  source: AnyImportSource,
  required: readonly string[],
  empty: { field: string; message: string },
): { issues: ImportIssue[]; stop: boolean } {
  const issues: ImportIssue[] = [...source.issues];
  if (source.format !== 'json') {
    const missing = required.filter((c) => !source.columns.has(c));
    for (const column of missing) {
      issues.push(issue(source, 1, column, 'thiếu cột bắt buộc ở dòng tiêu đề'));
    }
    if (missing.length > 0) return { issues, stop: true };
  }
  if (source.rows.length === 0 && issues.length === 0) {
    issues.push(issue(source, source.format === 'json' ? 1 : 2, empty.field, empty.message));
  }
  return { issues, stop: false };
}

/** Normalised column name: "Max points" → "max_points". */
export function columnName(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export interface UploadedImportFile {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
  size: number;
}

/** Reads the request's import, from the uploaded `file` if there is one, else the JSON body. */
export async function readImport(
  spec: ImportSpec,
  file: UploadedImportFile | undefined,
  body: unknown,
): Promise<ImportSource> {
  return (await readAnyImport(spec, file, body, ['json', 'xlsx'])) as ImportSource;
}

/** As readImport, and a .csv upload too (header row and rows as in a workbook). */
export function readImportWithCsv(
  spec: ImportSpec,
  file: UploadedImportFile | undefined,
  body: unknown,
): Promise<AnyImportSource> {
  return readAnyImport(spec, file, body, ['json', 'xlsx', 'csv']);
}

async function readAnyImport(
  spec: ImportSpec,
  file: UploadedImportFile | undefined,
  body: unknown,
  accepted: readonly ImportFormat[],
): Promise<AnyImportSource> {
  if (file) {
    const options = multipartOptions(spec, body);
    const name = file.originalname || 'upload';
    const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
    if (extension === 'xlsx') return { ...(await readXlsx(spec, file.buffer, name)), options };
    if (extension === 'json') {
      const document = parseJsonFile(file.buffer, name);
      const source = readJsonDocument(spec, document, name);
      return { ...source, options: { ...source.options, ...options } };
    }
    if (extension === 'csv' && accepted.includes('csv')) {
      return { ...readCsv(spec, file.buffer, name), options };
    }
    const formats = accepted.map((f) => `.${f}`);
    throw new UnsupportedMediaTypeException(
      `Tệp phải có định dạng ${formats.slice(0, -1).join(', ')} hoặc ${formats.at(-1)}; tệp nhận được là «${name}» (${file.mimetype || 'không rõ kiểu'}).`,
    );
  }
  if (body !== null && typeof body === 'object' && Object.getPrototypeOf(body) === null) {
    // multer gives a multipart body a null prototype: a form was sent, but without a file.
    throw new BadRequestException(
      `Biểu mẫu không có tệp: hãy gửi tệp ${accepted.map((f) => `.${f}`).join(' hoặc ')} trong trường multipart «file».`,
    );
  }
  if (body === undefined || body === null || (typeof body === 'object' && isEmptyObject(body))) {
    throw new BadRequestException(
      `Hãy gửi dữ liệu «${spec.listKey}» dưới dạng nội dung JSON {"${spec.listKey}": [...]} hoặc tải tệp lên dạng multipart/form-data, tệp ở trường «file» (${accepted.map((f) => `.${f}`).join(' hoặc ')}).`,
    );
  }
  return readJsonDocument(spec, body, null);
}

function isEmptyObject(value: object): boolean {
  return !Array.isArray(value) && Object.keys(value).length === 0;
}

function multipartOptions(spec: ImportSpec, body: unknown): Record<string, string> {
  const options: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      if (!spec.optionKeys.includes(key)) {
        throw new BadRequestException(
          `Biểu mẫu có trường không được phép «${key}»; ngoài «file», biểu mẫu chỉ được có: ${spec.optionKeys.join(', ') || 'không trường nào khác'}.`,
        );
      }
      if (typeof value !== 'string') {
        throw new BadRequestException(
          `Trường «${key}» của biểu mẫu phải là một giá trị văn bản duy nhất.`,
        );
      }
      options[key] = value;
    }
  }
  return options;
}

function parseJsonFile(buffer: Buffer, name: string): unknown {
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new BadRequestException(
      `Nội dung JSON của tệp ${name} không đúng cú pháp (${err instanceof Error ? err.message : String(err)}).`,
    );
  }
}

function readJsonDocument(spec: ImportSpec, document: unknown, fileName: string | null) {
  const where = fileName ? `Tệp ${fileName}` : 'Nội dung yêu cầu';
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new BadRequestException(
      `${where} phải là một đối tượng JSON có mảng «${spec.listKey}», ví dụ {"${spec.listKey}": [{...}]}.`,
    );
  }
  const options: Record<string, string> = {};
  let list: unknown;
  for (const [key, value] of Object.entries(document as Record<string, unknown>)) {
    if (key === spec.listKey) {
      list = value;
    } else if (spec.optionKeys.includes(key)) {
      if (typeof value !== 'string') {
        throw new BadRequestException(`${where}: «${key}» phải là một chuỗi ký tự.`);
      }
      options[key] = value;
    } else {
      const allowed = [spec.listKey, ...spec.optionKeys].join(', ');
      throw new BadRequestException(
        `${where}: thuộc tính «${key}» không được phép (chỉ được có: ${allowed}).`,
      );
    }
  }
  if (!Array.isArray(list)) {
    throw new BadRequestException(`${where} phải có mảng «${spec.listKey}».`);
  }
  const source: Omit<ImportSource, 'options'> = {
    format: 'json',
    fileName,
    rows: [],
    issues: [],
    columns: new Set(),
    rowLabel: 'item',
  };
  list.forEach((item: unknown, index) => {
    const row = index + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      source.issues.push(
        issue(source, row, '*', `phải là một đối tượng gồm các cột của «${spec.listKey}»`),
      );
      return;
    }
    const values: Record<string, CellValue> = {};
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      if (!spec.columns.includes(key)) {
        source.issues.push(
          issue(
            source,
            row,
            key,
            `trường không hợp lệ (các trường hợp lệ: ${spec.columns.join(', ')})`,
          ),
        );
        continue;
      }
      source.columns.add(key);
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
        values[key] = typeof value === 'string' ? emptyToNull(value.trim()) : (value as CellValue);
      } else {
        source.issues.push(issue(source, row, key, 'phải là văn bản, số hoặc giá trị true/false'));
      }
    }
    source.rows.push({ row, values });
  });
  return { ...source, options };
}

function emptyToNull(text: string): string | null {
  return text === '' ? null : text;
}

async function readXlsx(
  spec: ImportSpec,
  buffer: Buffer,
  fileName: string,
): Promise<Omit<ImportSource, 'options'>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (err) {
    throw new BadRequestException(
      `Không đọc được tệp ${fileName} dưới dạng bảng tính XLSX (${err instanceof Error ? err.message : String(err)}).`,
    );
  }
  const sheet = workbook.worksheets[0];
  const source: Omit<ImportSource, 'options'> = {
    format: 'xlsx',
    fileName,
    rows: [],
    issues: [],
    columns: new Set(),
    rowLabel: 'row',
  };
  if (!sheet || sheet.actualRowCount === 0) {
    source.issues.push(
      issue(
        source,
        1,
        '*',
        `trang tính đầu tiên trống; dòng 1 phải ghi tên các cột (${spec.columns.join(', ')})`,
      ),
    );
    return source;
  }
  // Column number → column name, from the header row.
  const header = new Map<number, string>();
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const raw = cellValue(cell.value);
    if (raw === null) return;
    const name = columnName(String(raw));
    if (!spec.columns.includes(name)) {
      source.issues.push(
        issue(
          source,
          1,
          String(raw),
          `cột không hợp lệ (các cột hợp lệ: ${spec.columns.join(', ')})`,
        ),
      );
    } else if (source.columns.has(name)) {
      source.issues.push(issue(source, 1, name, 'cột bị lặp lại'));
    } else {
      header.set(col, name);
      source.columns.add(name);
    }
  });
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, CellValue> = {};
    let empty = true;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const name = header.get(col);
      const value = cellValue(cell.value);
      if (value === null) return;
      if (!name) {
        // Data under no (or an unknown) header: the unknown column is reported once, on row 1.
        if (!sheet.getRow(1).getCell(col).value) {
          source.issues.push(
            issue(source, rowNumber, `cột ${col}`, 'có giá trị nhưng chưa có tên cột ở dòng 1'),
          );
        }
        return;
      }
      empty = false;
      values[name] = value;
    });
    if (!empty) source.rows.push({ row: rowNumber, values });
  });
  return source;
}

/** A CSV upload: row 1 names the columns, as in a workbook; rows numbered the same way. */
function readCsv(
  spec: ImportSpec,
  buffer: Buffer,
  fileName: string,
): Omit<AnyImportSource, 'options'> {
  let records: string[][];
  try {
    records = parseCsv(buffer.toString('utf8'));
  } catch (err) {
    throw new BadRequestException(
      `Không đọc được tệp ${fileName} dưới dạng CSV (${err instanceof Error ? err.message : String(err)}).`,
    );
  }
  const source: Omit<AnyImportSource, 'options'> = {
    format: 'csv',
    fileName,
    rows: [],
    issues: [],
    columns: new Set(),
    rowLabel: 'row',
  };
  const [header = [], ...rest] = records;
  if (header.every((cell) => !cell.trim())) {
    source.issues.push(
      issue(source, 1, '*', `tệp trống; dòng 1 phải ghi tên các cột (${spec.columns.join(', ')})`),
    );
    return source;
  }
  const names = new Map<number, string>();
  header.forEach((raw, col) => {
    if (!raw.trim()) return;
    const name = columnName(raw);
    if (!spec.columns.includes(name)) {
      source.issues.push(
        issue(
          source,
          1,
          raw.trim(),
          `cột không hợp lệ (các cột hợp lệ: ${spec.columns.join(', ')})`,
        ),
      );
    } else if (source.columns.has(name)) {
      source.issues.push(issue(source, 1, name, 'cột bị lặp lại'));
    } else {
      names.set(col, name);
      source.columns.add(name);
    }
  });
  rest.forEach((record, index) => {
    const rowNumber = index + 2;
    const values: Record<string, CellValue> = {};
    record.forEach((raw, col) => {
      const value = emptyToNull(raw.trim());
      if (value === null) return;
      const name = names.get(col);
      if (name) values[name] = value;
      else if (!header[col]?.trim()) {
        source.issues.push(
          issue(source, rowNumber, `cột ${col + 1}`, 'có giá trị nhưng chưa có tên cột ở dòng 1'),
        );
      }
    });
    if (Object.keys(values).length > 0) source.rows.push({ row: rowNumber, values });
  });
  return source;
}

/** A cell's value as text, number or boolean: rich text joined, formulas by their result. */
function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return emptyToNull(value.trim());
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value)
      return emptyToNull(
        value.richText
          .map((r) => r.text)
          .join('')
          .trim(),
      );
    if ('error' in value) return String(value.error);
    if ('result' in value) {
      return value.result === undefined ? null : cellValue(value.result);
    }
    if ('text' in value) return cellValue(value.text);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Reading typed values out of rows, with messages in the one shape every import uses.
// ---------------------------------------------------------------------------------------------

/** Reads fields of one row; each problem goes to `issues` and the getter returns undefined. */
export class RowReader {
  constructor(
    private readonly source: Pick<ImportSource, 'rowLabel'>,
    private readonly row: ImportRow,
    private readonly issues: ImportIssue[],
  ) {}

  get number(): number {
    return this.row.row;
  }

  fail(field: string, problem: string): undefined {
    this.issues.push(issue(this.source, this.row.row, field, problem));
    return undefined;
  }

  has(field: string): boolean {
    const value = this.row.values[field];
    return value !== undefined && value !== null;
  }

  /** Text; numbers are accepted as their decimal text (a code typed as 1.2 in Excel). */
  text(
    field: string,
    options: { required?: boolean; max?: number; pattern?: RegExp; patternHint?: string } = {},
  ): string | null | undefined {
    const value = this.row.values[field];
    if (value === undefined || value === null) {
      return options.required ? this.fail(field, 'là bắt buộc') : null;
    }
    if (typeof value === 'boolean') {
      return this.fail(field, `phải là văn bản, nhận được ${String(value)}`);
    }
    const text = String(value);
    if (options.max !== undefined && text.length > options.max) {
      return this.fail(field, `dài tối đa ${options.max} ký tự, nhận được ${text.length} ký tự`);
    }
    if (options.pattern && !options.pattern.test(text)) {
      return this.fail(
        field,
        `${options.patternHint ?? `phải khớp mẫu ${String(options.pattern)}`}, nhận được ${JSON.stringify(text)}`,
      );
    }
    return text;
  }

  /** One of `allowed`; empty gives null. */
  choice<T extends string>(field: string, allowed: readonly T[]): T | null | undefined {
    const value = this.row.values[field];
    if (value === undefined || value === null) return null;
    const text = String(value).trim().toLowerCase();
    const found = allowed.find((a) => a === text);
    return (
      found ??
      this.fail(
        field,
        `phải là một trong các giá trị ${allowed.join(', ')}, nhận được ${JSON.stringify(value)}`,
      )
    );
  }

  /** Points: a number ≥ 0 with at most 2 decimals ("2,5" is read as 2.5). */
  points(field: string): number | undefined {
    const value = this.row.values[field];
    const problem = 'phải là một số ≥ 0, tối đa 2 chữ số thập phân';
    if (value === undefined || value === null)
      return this.fail(field, 'là bắt buộc: một số ≥ 0, tối đa 2 chữ số thập phân');
    let number: number;
    if (typeof value === 'number') {
      number = value;
    } else if (typeof value === 'string' && /^\d+([.,]\d+)?$/.test(value)) {
      number = Number(value.replace(',', '.'));
    } else {
      return this.fail(field, `${problem}, nhận được ${JSON.stringify(value)}`);
    }
    if (!Number.isFinite(number) || number < 0)
      return this.fail(field, `${problem}, nhận được ${JSON.stringify(value)}`);
    if (Math.abs(Math.round(number * 100) - number * 100) > 1e-6) {
      return this.fail(field, `${problem}, nhận được ${JSON.stringify(value)}`);
    }
    if (number > 99999.99)
      return this.fail(field, `không được lớn hơn 99999.99, nhận được ${number}`);
    return Math.round(number * 100) / 100;
  }

  /** Yes/no: true/false, yes/no, có/không, x, 1/0; empty gives `fallback`. */
  flag(field: string, fallback: boolean): boolean | undefined {
    const value = this.row.values[field];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'boolean') return value;
    const text = String(value).trim().toLowerCase();
    if (['true', 'yes', 'y', 'x', '1', 'có', 'co'].includes(text)) return true;
    if (['false', 'no', 'n', '0', 'không', 'khong'].includes(text)) return false;
    return this.fail(
      field,
      `phải là có hoặc không (true/false, có/không, x, 1/0), nhận được ${JSON.stringify(value)}`,
    );
  }
}
