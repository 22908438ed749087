/**
 * The layout of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I), as
 * DOCX: A4 with the decree's margins, Times New Roman; a header table with the issuing body and
 * the number on the left, the national motto on the right; place and date in italics; the kind
 * and the summary centred in bold; the body; the signer's authority and title with the blank for
 * the signature; the recipients bottom-left. Documents describe themselves as plain data
 * (AdministrativeDocument); only this file knows the `docx` package.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  type IRunOptions,
  WidthType,
} from 'docx';

/** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (quốc hiệu). */
export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
/** "Độc lập - Tự do - Hạnh phúc" (tiêu ngữ). */
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** What the clerk fills in by hand: a document's number, a day, a month. */
export const BLANK = '……';

/** Text with its emphasis; a block of text is a list of them. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  | {
      type: 'paragraph';
      runs: Run[];
      align?: 'left' | 'center' | 'justify';
      /** First-line indent of the body's paragraphs (default true for justified text). */
      indent?: boolean;
    }
  | {
      type: 'table';
      columns: { title: string; width: number; align?: 'left' | 'center' | 'right' }[];
      rows: string[][];
      /** Rows (by index) set in bold: group headings, totals. */
      boldRows?: number[];
    }
  | { type: 'page_break' };

/** Số và ký hiệu: "Số: ……/QĐ-UBND"; the number stays blank for the clerk unless known. */
export interface DocumentNumber {
  number: string | null;
  /** "QĐ-UBND", "TTr-SNV", "BC-SNV". */
  symbol: string;
}

export interface Signer {
  /** Quyền hạn: "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC"; none when the head signs in person. */
  authority?: string | null;
  /** Chức vụ: "CHỦ TỊCH", "GIÁM ĐỐC". */
  title: string;
  /** The signer's name when the data gives it; else the blank "(Ký, ghi rõ họ tên)". */
  name?: string | null;
}

export interface AdministrativeDocument {
  /** Cơ quan chủ quản, e.g. "UBND TỈNH VĨNH LONG"; none for the People's Committee itself. */
  parentBody: string | null;
  /** Cơ quan ban hành, e.g. "SỞ NỘI VỤ", "ỦY BAN NHÂN DÂN\nTỈNH VĨNH LONG". */
  issuingBody: string;
  number: DocumentNumber;
  /** Địa danh: "Vĩnh Long". */
  place: string;
  /** The date when known, else the year the clerk completes ("ngày …… tháng …… năm 2021"). */
  date: { day: number; month: number; year: number } | { year: number };
  /** Tên loại: "QUYẾT ĐỊNH", "TỜ TRÌNH", "BÁO CÁO", "HƯỚNG DẪN". */
  kind: string;
  /** Trích yếu nội dung. */
  subject: string;
  /** "Kính gửi: …" lines (tờ trình, báo cáo to a superior). */
  addressees?: string[];
  body: Block[];
  signer: Signer;
  /** Nơi nhận. */
  recipients: string[];
  /** Annexes after the signature (the council's member list), each starting a new page. */
  annexes?: { title: string; subtitle?: string; body: Block[] }[];
}

/** A plain body paragraph. */
export const paragraph = (text: string, options: { bold?: boolean; italic?: boolean } = {}) =>
  ({ type: 'paragraph', runs: [{ text, ...options }], align: 'justify' }) satisfies Block;

/** A centred bold line ("QUYẾT ĐỊNH:", a section heading). */
export const centred = (text: string) =>
  ({
    type: 'paragraph',
    runs: [{ text, bold: true }],
    align: 'center',
    indent: false,
  }) satisfies Block;

/** A bold heading at the left margin ("I. KẾT QUẢ …"). */
export const heading = (text: string) =>
  ({ type: 'paragraph', runs: [{ text, bold: true }], align: 'justify' }) satisfies Block;

/** "Số: ……/QĐ-UBND" */
export function numberLine(number: DocumentNumber): string {
  return `Số: ${number.number ?? BLANK}/${number.symbol}`;
}

/** "Vĩnh Long, ngày 18 tháng 11 năm 2021", or with blanks for the day and month. */
export function placeAndDate(place: string, date: AdministrativeDocument['date']): string {
  if ('day' in date) {
    const day = String(date.day).padStart(2, '0');
    const month = date.month < 3 ? String(date.month).padStart(2, '0') : String(date.month);
    return `${place}, ngày ${day} tháng ${month} năm ${date.year}`;
  }
  return `${place}, ngày ${BLANK} tháng ${BLANK} năm ${date.year}`;
}

/** Every line of text a document shows, in order: what a reader (and a test) sees. */
export function documentText(doc: AdministrativeDocument): string[] {
  const blocks = (list: Block[]) =>
    list.flatMap((b) =>
      b.type === 'paragraph'
        ? [b.runs.map((r) => r.text).join('')]
        : b.type === 'table'
          ? [b.columns.map((c) => c.title).join(' | '), ...b.rows.map((r) => r.join(' | '))]
          : [],
    );
  return [
    ...(doc.parentBody ? [doc.parentBody] : []),
    doc.issuingBody,
    numberLine(doc.number),
    NATIONAL_TITLE,
    NATIONAL_MOTTO,
    placeAndDate(doc.place, doc.date),
    doc.kind,
    doc.subject,
    ...(doc.addressees ?? []).map((a) => `Kính gửi: ${a}`),
    ...blocks(doc.body),
    ...(doc.signer.authority ? [doc.signer.authority] : []),
    doc.signer.title,
    doc.signer.name ?? '(Ký, ghi rõ họ tên)',
    'Nơi nhận:',
    ...doc.recipients.map((r) => `- ${r};`),
    ...(doc.annexes ?? []).flatMap((a) => [
      a.title,
      ...(a.subtitle ? [a.subtitle] : []),
      ...blocks(a.body),
    ]),
  ];
}

// ---------------------------------------------------------------------------------------------
// DOCX
// ---------------------------------------------------------------------------------------------

/** Twips per millimetre. */
const MM = 56.7;
/** A4 and the decree's margins: top and bottom 20 mm, left 30 mm, right 20 mm. */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = {
  top: Math.round(20 * MM),
  bottom: Math.round(20 * MM),
  left: Math.round(30 * MM),
  right: Math.round(20 * MM),
};
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/**
 * Sizes in half-points: body 14 pt; the header's bodies and national title 12 pt, its motto and
 * date 13 pt (the decree allows 12–13 and 13–14); tables 12 pt; recipients 12 and 11 pt.
 */
const SIZE = { body: 28, header: 24, motto: 26, table: 24, recipientsTitle: 24, recipients: 22 };
const FONT = 'Times New Roman';

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function runs(
  text: string,
  options: { bold?: boolean; italic?: boolean; size: number; underline?: boolean },
) {
  // A "\n" in a header text is a line break within the paragraph.
  return text.split('\n').map((line, i) =>
    textRun({
      text: line,
      break: i > 0 ? 1 : 0,
      bold: options.bold ?? false,
      italics: options.italic ?? false,
      size: options.size,
      font: FONT,
      ...(options.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
    }),
  );
}

function line(
  text: string,
  options: {
    bold?: boolean;
    italic?: boolean;
    underline?: boolean;
    size?: number;
    align?: keyof typeof ALIGN;
    before?: number;
    after?: number;
  } = {},
): Paragraph {
  return new Paragraph({
    alignment: ALIGN[options.align ?? 'center'],
    spacing: { before: options.before ?? 0, after: options.after ?? 0 },
    children: runs(text, { size: options.size ?? SIZE.header, ...options }),
  });
}

const noBorders = TableBorders.NONE;

/** A run from typed options (TextRun also takes a string, whose .bold() lint would flag). */
function textRun(options: IRunOptions): TextRun {
  return new TextRun(options);
}

function cell(
  children: Paragraph[],
  width: number,
  borders = true,
  align: 'top' | 'center' = 'center',
): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    // Data rows start at the top, so the first line of every cell reads as one line.
    verticalAlign: align === 'top' ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
    margins: borders ? { left: 80, right: 80, top: 40, bottom: 40 } : {},
    ...(borders ? {} : { borders: noBorders }),
  });
}

/** The header: issuing body and number left, national title and motto right. */
function headerTable(doc: AdministrativeDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.38);
  const right = TEXT_WIDTH - left;
  const leftTop: Paragraph[] = [
    ...(doc.parentBody ? [line(doc.parentBody.toUpperCase())] : []),
    line(doc.issuingBody.toUpperCase(), { bold: true }),
    // The decree's short line under the issuing body.
    line('_______', { bold: true, after: 120 }),
  ];
  const rightTop: Paragraph[] = [
    line(NATIONAL_TITLE, { bold: true }),
    line(NATIONAL_MOTTO, { bold: true, underline: true, size: SIZE.motto, after: 120 }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [
      new TableRow({ children: [cell(leftTop, left, false), cell(rightTop, right, false)] }),
      new TableRow({
        children: [
          cell([line(numberLine(doc.number))], left, false),
          cell(
            [line(placeAndDate(doc.place, doc.date), { italic: true, size: SIZE.motto })],
            right,
            false,
          ),
        ],
      }),
    ],
  });
}

function bodyParagraph(block: Extract<Block, { type: 'paragraph' }>): Paragraph {
  const align = block.align ?? 'justify';
  const indent = block.indent ?? align === 'justify';
  return new Paragraph({
    alignment: ALIGN[align],
    spacing: { before: 0, after: 120, line: 300 },
    ...(indent ? { indent: { firstLine: Math.round(10 * MM) } } : {}),
    children: block.runs.map((r) =>
      textRun({
        text: r.text,
        bold: r.bold ?? false,
        italics: r.italic ?? false,
        size: SIZE.body,
        font: FONT,
      }),
    ),
  });
}

function dataTable(block: Extract<Block, { type: 'table' }>): Table {
  const total = block.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = block.columns.map((c) => Math.round((c.width / total) * TEXT_WIDTH));
  const bold = new Set(block.boldRows ?? []);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const text = (
    value: string,
    width: number,
    align: keyof typeof ALIGN,
    isBold: boolean,
    vertical: 'top' | 'center',
  ) =>
    cell(
      [
        new Paragraph({
          alignment: ALIGN[align],
          children: runs(value, { bold: isBold, size: SIZE.table }),
        }),
      ],
      width,
      true,
      vertical,
    );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        children: block.columns.map((c, i) => text(c.title, widths[i]!, 'center', true, 'center')),
      }),
      ...block.rows.map(
        (row, r) =>
          new TableRow({
            cantSplit: true,
            children: block.columns.map((c, i) =>
              text(row[i] ?? '', widths[i]!, c.align ?? 'left', bold.has(r), 'top'),
            ),
          }),
      ),
    ],
  });
}

function blocks(list: Block[]): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  for (const block of list) {
    if (block.type === 'paragraph') out.push(bodyParagraph(block));
    else if (block.type === 'page_break') out.push(new Paragraph({ pageBreakBefore: true }));
    else {
      out.push(dataTable(block));
      out.push(new Paragraph({ spacing: { after: 120 } }));
    }
  }
  return out;
}

/** Recipients bottom-left, the signature right: a two-column table without borders. */
function closingTable(doc: AdministrativeDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.45);
  const right = TEXT_WIDTH - left;
  const recipients = [
    new Paragraph({
      children: [
        textRun({
          text: 'Nơi nhận:',
          bold: true,
          italics: true,
          size: SIZE.recipientsTitle,
          font: FONT,
        }),
      ],
    }),
    ...doc.recipients.map(
      (r, i) =>
        new Paragraph({
          children: [
            textRun({
              text: `- ${r}${i === doc.recipients.length - 1 ? '.' : ';'}`,
              size: SIZE.recipients,
              font: FONT,
            }),
          ],
        }),
    ),
  ];
  const signature = [
    ...(doc.signer.authority ? [line(doc.signer.authority, { bold: true, size: SIZE.body })] : []),
    line(doc.signer.title, { bold: true, size: SIZE.body }),
    line('(Ký, ghi rõ họ tên)', { italic: true, size: SIZE.body, after: 1200 }),
    line(doc.signer.name ?? '', { bold: true, size: SIZE.body }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [
      new TableRow({ children: [cell(recipients, left, false), cell(signature, right, false)] }),
    ],
  });
}

/** The document as a docx Document (pure; Packer writes it). */
export function toDocx(doc: AdministrativeDocument): Document {
  const annexes = (doc.annexes ?? []).flatMap((annex) => [
    new Paragraph({ pageBreakBefore: true }),
    line(annex.title, { bold: true, size: SIZE.body }),
    ...(annex.subtitle
      ? [line(annex.subtitle, { italic: true, size: SIZE.body, after: 240 })]
      : []),
    ...blocks(annex.body),
  ]);
  return new Document({
    creator: doc.issuingBody.replace(/\n/g, ' '),
    title: `${doc.kind} ${doc.subject}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        children: [
          headerTable(doc),
          line(doc.kind, { bold: true, size: SIZE.body, before: 240 }),
          line(doc.subject, { bold: true, size: SIZE.body, after: 240 }),
          ...(doc.addressees ?? []).map((a) =>
            line(`Kính gửi: ${a}`, { size: SIZE.body, after: 240 }),
          ),
          ...blocks(doc.body),
          closingTable(doc),
          ...annexes,
        ],
      },
    ],
  });
}

/** The DOCX bytes. */
export function renderDocx(doc: AdministrativeDocument): Promise<Buffer> {
  return Packer.toBuffer(toDocx(doc));
}
