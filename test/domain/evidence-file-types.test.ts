import { describe, expect, it } from 'vitest';
import {
  asciiFileName,
  checkContent,
  checkDeclaredType,
  cleanUploadedFileName,
  contentDisposition,
} from '../../src/domain/evidence-file-types.js';

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
      /allowed types: pdf, doc, docx, xls, xlsx, odt, ods, jpg, jpeg, png, zip$/,
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
