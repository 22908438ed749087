/**
 * Small real ZIP archives for upload tests: a .docx, .xlsx, .odt or .ods with just the entries
 * the container check looks at, or any other archive. Entries stored, or deflated on request.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipInput {
  name: string;
  content: string | Uint8Array;
  deflate?: boolean;
}

export function zipBytes(entries: ZipInput[], comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = Buffer.from(entry.content);
    const data = entry.deflate ? deflateRawSync(raw) : raw;
    const method = entry.deflate ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const commentBytes = Buffer.from(comment, 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(commentBytes.length, 20);
  return Buffer.concat([...locals, directory, end, commentBytes]);
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types/>';

/** A minimal .docx (Word): [Content_Types].xml and word/document.xml. */
export function docxBytes(text = 'Quyết định'): Buffer {
  return zipBytes([
    { name: '[Content_Types].xml', content: CONTENT_TYPES },
    { name: 'word/document.xml', content: `<w:document>${text}</w:document>`, deflate: true },
  ]);
}

/** A minimal .xlsx (Excel): [Content_Types].xml and xl/workbook.xml. */
export function xlsxBytesOf(): Buffer {
  return zipBytes([
    { name: '[Content_Types].xml', content: CONTENT_TYPES },
    { name: 'xl/workbook.xml', content: '<workbook/>', deflate: true },
  ]);
}

/** A minimal OpenDocument file: `mimetype` first (stored, as ODF requires), then content.xml. */
export function odfBytes(mime: string, options: { deflateMimetype?: boolean } = {}): Buffer {
  return zipBytes([
    { name: 'mimetype', content: mime, deflate: options.deflateMimetype },
    { name: 'content.xml', content: '<office:document-content/>', deflate: true },
  ]);
}
