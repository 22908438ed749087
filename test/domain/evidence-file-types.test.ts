import { describe, expect, it } from 'vitest';
import {
  asciiFileName,
  checkContent,
  checkDeclaredType,
  cleanUploadedFileName,
  contentDisposition,
} from '../../src/domain/evidence-file-types.js';
import { checkContainer } from '../../src/domain/evidence-containers.js';
import { locateCentralDirectory, parseCentralDirectory } from '../../src/domain/zip-directory.js';
import { docxBytes, zipBytes } from '../support/zip-bytes.js';

const latin1Mojibake = (name: string) => Buffer.from(name, 'utf8').toString('latin1');

describe('cleanUploadedFileName', () => {
  it('turns the latin1-decoded UTF-8 name a multipart parser gives back into Vietnamese', () => {
    const name = 'Báo cáo tự đánh giá – Sở Nội vụ.pdf';
    expect(latin1Mojibake(name)).not.toBe(name);
    expect(cleanUploadedFileName(latin1Mojibake(name))).toBe(name);
  });

  it('keeps a name already decoded (filename*), and a genuine latin1 one', () => {
    expect(cleanUploadedFileName('Quyết định.docx')).toBe('Quyết định.docx');
    expect(cleanUploadedFileName('café.pdf')).toBe('café.pdf');
  });

  it('composes decomposed accents, drops folders and control characters, caps the length', () => {
    expect(cleanUploadedFileName(latin1Mojibake('Kế hoạch.pdf'.normalize('NFD')))).toBe(
      'Kế hoạch.pdf'.normalize('NFC'),
    );
    expect(cleanUploadedFileName('C:\\Users\\a\\..\\x\ny.pdf')).toBe('xy.pdf');
    expect(cleanUploadedFileName('../../etc/passwd')).toBe('passwd');
    const long = cleanUploadedFileName(`${'a'.repeat(300)}.xlsx`);
    expect(long).toHaveLength(255);
    expect(long.endsWith('.xlsx')).toBe(true);
  });
});

describe('checkDeclaredType', () => {
  it('accepts an allowed extension with its type, an alias or a generic type', () => {
    expect(checkDeclaredType('a.PDF', 'application/pdf')).toEqual({
      ok: true,
      mime: 'application/pdf',
    });
    expect(checkDeclaredType('a.zip', 'application/x-zip-compressed')).toEqual({
      ok: true,
      mime: 'application/zip',
    });
    expect(checkDeclaredType('a.xlsx', 'application/octet-stream')).toMatchObject({ ok: true });
    expect(checkDeclaredType('a.jpeg', 'image/jpeg; charset=binary')).toMatchObject({ ok: true });
  });

  it('refuses other extensions and contradicting types, naming the allowed ones', () => {
    const exe = checkDeclaredType('setup.exe', 'application/octet-stream');
    expect(exe).toMatchObject({ ok: false });
    expect(!exe.ok && exe.problem).toMatch(
      /các loại được chấp nhận: pdf, doc, docx, xls, xlsx, odt, ods, jpg, jpeg, png, zip$/,
    );
    expect(checkDeclaredType('a.png', 'image/jpeg')).toMatchObject({ ok: false });
    expect(checkDeclaredType('.pdf', 'application/pdf')).toMatchObject({ ok: false });
  });
});

describe('checkContent', () => {
  it.each([
    ['a.pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
    ['a.doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
    ['a.xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
    ['a.docx', [0x50, 0x4b, 0x03, 0x04]],
    ['a.ods', [0x50, 0x4b, 0x03, 0x04]],
    ['a.zip', [0x50, 0x4b, 0x05, 0x06]],
    ['a.jpg', [0xff, 0xd8, 0xff, 0xe0]],
    ['a.png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ])('recognises %s', (name, bytes) => {
    expect(checkContent(name, Uint8Array.from(bytes))).toMatchObject({ ok: true });
  });

  it('refuses content that does not match the extension', () => {
    expect(checkContent('a.pdf', Buffer.from('MZ'))).toMatchObject({ ok: false });
    // "%PDF-" must come first: bytes before it are how a file passes for two formats at once.
    expect(checkContent('a.pdf', Buffer.from('<html>%PDF-1.4'))).toMatchObject({ ok: false });
    expect(checkContent('a.docx', Buffer.from('%PDF-1.4'))).toMatchObject({ ok: false });
  });
});

describe('contentDisposition', () => {
  it('carries the UTF-8 name as filename* and an ASCII stand-in as filename', () => {
    const header = contentDisposition('Báo cáo "Đợt 1" (bản 2).pdf');
    expect(header).toBe(
      `attachment; filename="Bao cao _Dot 1_ (ban 2).pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%22%C4%90%E1%BB%A3t%201%22%20%28b%E1%BA%A3n%202%29.pdf`,
    );
    expect(asciiFileName('Đường – 100%.pdf')).toBe('Duong _ 100%.pdf');
  });
});

describe('the ZIP central directory', () => {
  const names = (zip: Buffer) => {
    const location = locateCentralDirectory(zip, zip.length);
    return location
      ? parseCentralDirectory(
          zip.subarray(location.offset, location.offset + location.size),
          location.entries,
        )?.map((e) => e.name)
      : null;
  };

  it('lists the entries, past a comment that holds the end signature itself', () => {
    expect(names(docxBytes())).toEqual(['[Content_Types].xml', 'word/document.xml']);
    const commented = zipBytes([{ name: 'a.txt', content: 'x' }], 'PK\x05\x06 giả');
    expect(names(commented)).toEqual(['a.txt']);
  });

  it('finds none in a file that is not a ZIP, or whose directory points outside it', () => {
    expect(names(Buffer.from('%PDF-1.4 không phải ZIP'))).toBeNull();
    const zip = docxBytes();
    expect(names(zip.subarray(0, zip.length - 30))).toBeNull();
    const broken = Buffer.from(zip);
    broken.writeUInt32LE(zip.length, zip.length - 6); // directory offset past the end
    expect(names(broken)).toBeNull();
  });
});

describe('checkContainer', () => {
  const ooxml = ['[Content_Types].xml', 'word/document.xml'];

  it('accepts an Office Open XML file holding its part, and OpenDocument with its mimetype', () => {
    expect(checkContainer('a.docx', 'docx', ooxml, null)).toEqual({ ok: true });
    expect(
      checkContainer('a.xlsx', 'xlsx', ['[Content_Types].xml', 'xl/workbook.xml'], null),
    ).toEqual({ ok: true });
    expect(
      checkContainer(
        'a.ods',
        'ods',
        ['mimetype'],
        'application/vnd.oasis.opendocument.spreadsheet',
      ),
    ).toEqual({ ok: true });
    expect(checkContainer('a.zip', 'zip', ['x'], null)).toEqual({ ok: true });
  });

  it('refuses another archive renamed, naming the file, in Vietnamese', () => {
    expect(checkContainer('Báo cáo.docx', 'docx', ['photo.jpg'], null)).toEqual({
      ok: false,
      problem:
        'Tệp «Báo cáo.docx» không phải tài liệu .docx hợp lệ: tệp nén không có [Content_Types].xml và thư mục word/ (có thể là tệp ZIP khác bị đổi đuôi).',
    });
    // A Word file renamed .xlsx holds the wrong part.
    expect(checkContainer('a.xlsx', 'xlsx', ooxml, null)).toMatchObject({ ok: false });
    expect(
      checkContainer(
        'a.odt',
        'odt',
        ['mimetype'],
        'application/vnd.oasis.opendocument.spreadsheet',
      ),
    ).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/mục «mimetype» .* là «application/),
    });
    expect(checkContainer('a.ods', 'ods', ['content.xml'], null)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/nhưng không có/),
    });
    expect(checkContainer('a.docx', 'docx', null, null)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/không đọc được danh mục tệp nén ZIP/),
    });
  });
});
