/**
 * CSV as spreadsheet programs read and write it (RFC 4180): fields in double quotes when they
 * hold the delimiter, a quote or a line break, quotes doubled, CRLF line ends.
 *
 * - Writing: UTF-8 with a byte order mark, without which Excel reads UTF-8 as the local code page
 *   and Vietnamese turns into "Sá»Ÿ Ná»™i vá»¥".
 * - Reading: a leading BOM is dropped; the delimiter is "," or ";" (Excel in a locale whose
 *   decimal separator is a comma, as Vietnamese, saves ";"), taken from the header line.
 * - Formula injection (OWASP "CSV injection"): a text cell that starts with = + - @ TAB or CR
 *   would run as a formula when staff open the file in Excel (text a unit typed goes into the
 *   score sheet), so it is written with a leading single quote. Number cells are figures the
 *   service computed, not text from a user: a negative number stays a number.
 */

export type CsvCell = string | number | null | undefined;

const BOM = '\uFEFF';

/** Characters that make a spreadsheet read a cell as a formula (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text as a spreadsheet shows it, never as a formula: a leading ' where it could start one. */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function field(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutralizeCell(value);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file: header and rows, UTF-8 with BOM, CRLF. */
export function csvBuffer(
  headers: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): Buffer {
  const lines = [headers, ...rows].map((row) => row.map(field).join(','));
  return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}

/** The delimiter of the header line, outside quotes: ";" when it has ";" and no ",". */
function delimiterOf(text: string): ',' | ';' {
  let quoted = false;
  let commas = 0;
  let semicolons = 0;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
  }
  return semicolons > 0 && commas === 0 ? ';' : ',';
}

/** Records of a CSV text, each a list of fields; throws a SyntaxError on an unclosed quote. */
export function parseCsv(input: string): string[][] {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const delimiter = delimiterOf(text);
  const records: string[][] = [];
  let record: string[] = [];
  let value = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else value += char;
      i += 1;
      continue;
    }
    if (char === '"' && value === '') {
      quoted = true;
    } else if (char === delimiter) {
      record.push(value);
      value = '';
    } else if (char === '\r' || char === '\n') {
      record.push(value);
      records.push(record);
      record = [];
      value = '';
      if (char === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      value += char;
    }
    i += 1;
  }
  if (quoted)
    throw new SyntaxError('một trường mở dấu ngoặc kép nhưng chưa đóng trước khi hết tệp');
  if (value !== '' || record.length > 0) {
    record.push(value);
    records.push(record);
  }
  return records;
}
