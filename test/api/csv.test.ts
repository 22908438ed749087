import { describe, expect, it } from 'vitest';
import { csvBuffer, neutralizeCell, parseCsv } from '../../src/api/common/csv.js';

describe('CSV', () => {
  it('writes UTF-8 with a BOM, CRLF, and quotes what needs quoting', () => {
    const text = csvBuffer(
      ['STT', 'Đơn vị', 'Ghi chú'],
      [
        [1, 'Sở Nội vụ', 'có "ngoặc", dấu phẩy'],
        [2, 'UBND huyện Long Hồ', null],
      ],
    ).toString('utf8');
    expect(text).toBe(
      '\uFEFFSTT,Đơn vị,Ghi chú\r\n1,Sở Nội vụ,"có ""ngoặc"", dấu phẩy"\r\n2,UBND huyện Long Hồ,\r\n',
    );
  });

  it('reads back what it writes, and Excel’s ";" files with decimal commas', () => {
    const written = csvBuffer(['a', 'b'], [['x,y', 'dòng 1\ndòng 2']]).toString('utf8');
    expect(parseCsv(written)).toEqual([
      ['a', 'b'],
      ['x,y', 'dòng 1\ndòng 2'],
    ]);
    expect(parseCsv('unit_code;points\r\nSNV;"4,25"\r\nSTP;3,5')).toEqual([
      ['unit_code', 'points'],
      ['SNV', '4,25'],
      ['STP', '3,5'],
    ]);
  });

  it('neutralises text that a spreadsheet would run as a formula (OWASP), not numbers', () => {
    const cells = [
      '=HYPERLINK("http://x.example","Bấm")',
      '+1+2',
      '-2+3',
      '@SUM(A1)',
      '\tx',
      '\ry',
    ];
    const text = csvBuffer(
      ['a'],
      [...cells.map((c) => [c]), [-0.5], [3], ['Sở Nội vụ - Tổ thư ký']],
    ).toString('utf8');
    expect(parseCsv(text).map(([cell]) => cell)).toEqual([
      'a',
      '\'=HYPERLINK("http://x.example","Bấm")',
      "'+1+2",
      "'-2+3",
      "'@SUM(A1)",
      "'\tx",
      "'\ry",
      '-0.5',
      '3',
      'Sở Nội vụ - Tổ thư ký',
    ]);
    // A quoted cell still starts with the quote mark inside the quotes: Excel strips the
    // double quotes first, then sees ', not =.
    expect(text).toContain('"\'=HYPERLINK(""http://x.example"",""Bấm"")"');
    expect(neutralizeCell('-')).toBe("'-");
    expect(neutralizeCell('Điểm -1')).toBe('Điểm -1');
  });

  it('refuses an unclosed quote', () => {
    expect(() => parseCsv('a,b\n"x,1')).toThrow(SyntaxError);
  });
});
