/**
 * Which evidence files a unit may upload (tài liệu kiểm chứng), and how their names are kept.
 * Pure: no I/O, no Node built-ins.
 *
 * A file is accepted by its extension, when the type the client declares agrees with it (clients
 * that do not know a type send application/octet-stream, which is accepted: curl does for .docx),
 * and when its first bytes are those of that format (so a renamed executable is refused). The
 * stored type is the extension's canonical one, so downloads get a correct Content-Type.
 */

interface FileType {
  /** Canonical MIME type, stored and served. */
  mime: string;
  /** Other MIME types clients send for it. */
  aliases: string[];
  /** The format family whose signature the content must carry. */
  signature: 'pdf' | 'ole' | 'zip' | 'jpeg' | 'png';
}

const OOXML = 'application/vnd.openxmlformats-officedocument';

const FILE_TYPES: Record<string, FileType> = {
  pdf: { mime: 'application/pdf', aliases: ['application/x-pdf'], signature: 'pdf' },
  doc: { mime: 'application/msword', aliases: [], signature: 'ole' },
  docx: { mime: `${OOXML}.wordprocessingml.document`, aliases: [], signature: 'zip' },
  xls: { mime: 'application/vnd.ms-excel', aliases: ['application/excel'], signature: 'ole' },
  xlsx: { mime: `${OOXML}.spreadsheetml.sheet`, aliases: [], signature: 'zip' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', aliases: [], signature: 'zip' },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', aliases: [], signature: 'zip' },
  jpg: { mime: 'image/jpeg', aliases: ['image/pjpeg', 'image/jpg'], signature: 'jpeg' },
  jpeg: { mime: 'image/jpeg', aliases: ['image/pjpeg', 'image/jpg'], signature: 'jpeg' },
  png: { mime: 'image/png', aliases: [], signature: 'png' },
  zip: {
    mime: 'application/zip',
    aliases: ['application/x-zip-compressed', 'application/x-zip', 'multipart/x-zip'],
    signature: 'zip',
  },
};

/** Types a client sends when it does not know better; the extension then decides. */
const GENERIC_MIME_TYPES = ['application/octet-stream', 'binary/octet-stream', ''];

export const ALLOWED_EXTENSIONS: readonly string[] = Object.keys(FILE_TYPES);

/** The MIME types evidence files are stored and served with (for the OpenAPI document). */
export const EVIDENCE_MIME_TYPES: readonly string[] = [
  ...new Set(Object.values(FILE_TYPES).map((type) => type.mime)),
];

/** "pdf, doc, docx, …" for messages. */
export const ALLOWED_TYPES_TEXT = ALLOWED_EXTENSIONS.join(', ');

/** The extension, lower case, without the dot ("" when none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export type FileTypeCheck = { ok: true; mime: string } | { ok: false; problem: string };

/** Checks a file's name and declared MIME type (before any byte is stored). */
export function checkDeclaredType(fileName: string, declaredMime: string): FileTypeCheck {
  const extension = extensionOf(fileName);
  const type = FILE_TYPES[extension];
  if (!type) {
    return {
      ok: false,
      problem: `Tệp «${fileName}» không thuộc loại tệp tài liệu kiểm chứng được chấp nhận${extension ? ` (.${extension})` : ' (không có phần mở rộng)'}; các loại được chấp nhận: ${ALLOWED_TYPES_TEXT}`,
    };
  }
  const mime = declaredMime.split(';')[0]!.trim().toLowerCase();
  if (mime !== type.mime && !type.aliases.includes(mime) && !GENERIC_MIME_TYPES.includes(mime)) {
    return {
      ok: false,
      problem: `Tệp «${fileName}» được gửi với kiểu ${mime}, không khớp với tệp .${extension} (${type.mime}); các loại được chấp nhận: ${ALLOWED_TYPES_TEXT}`,
    };
  }
  return { ok: true, mime: type.mime };
}

const startsWith = (head: Uint8Array, bytes: number[]): boolean =>
  bytes.every((byte, i) => head[i] === byte);

function hasSignature(head: Uint8Array, signature: FileType['signature']): boolean {
  switch (signature) {
    case 'pdf': {
      // "%PDF-" first: readers accept junk before it, which is how polyglot files hide.
      return startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d]);
    }
    case 'ole':
      return startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    case 'zip':
      // A local file header, or the end record of an empty archive.
      return (
        startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])
      );
    case 'jpeg':
      return startsWith(head, [0xff, 0xd8, 0xff]);
    case 'png':
      return startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  }
}

/** Number of leading bytes checkContent needs. */
export const CONTENT_HEAD_BYTES = 1024;

/** Checks that the file's first bytes are those of the format its extension names. */
export function checkContent(fileName: string, head: Uint8Array): FileTypeCheck {
  const extension = extensionOf(fileName);
  const type = FILE_TYPES[extension];
  if (!type) return checkDeclaredType(fileName, '');
  if (!hasSignature(head, type.signature)) {
    return {
      ok: false,
      problem: `Tệp «${fileName}» không phải tệp .${extension} thật (nội dung không bắt đầu như một tệp .${extension}); các loại được chấp nhận: ${ALLOWED_TYPES_TEXT}`,
    };
  }
  return { ok: true, mime: type.mime };
}

/**
 * The file name as the user wrote it. Multipart parsers decode the filename parameter as latin1,
 * so a UTF-8 name ("Báo cáo.pdf") arrives as mojibake ("BÃ¡o cÃ¡o.pdf"): re-read its bytes as UTF-8
 * when they are valid UTF-8. A name that is already Unicode (beyond latin1, e.g. from filename*)
 * is kept. Then: NFC (macOS sends decomposed accents), no folders, no control characters, at most
 * 255 characters (keeping the extension).
 */
export function cleanUploadedFileName(raw: string): string {
  let name = raw;
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0000-\u00ff]/.test(name)) {
    const bytes = Uint8Array.from(name, (c) => c.charCodeAt(0));
    try {
      name = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Not UTF-8: a genuine latin1 name, keep it.
    }
  }
  name = name.normalize('NFC');
  name = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  // eslint-disable-next-line no-control-regex
  name = name.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (name.length > 255) {
    const extension = extensionOf(name);
    const tail = extension ? `.${extension}` : '';
    name = name.slice(0, 255 - tail.length) + tail;
  }
  return name;
}

/** An ASCII stand-in for the name (filename="…" of Content-Disposition): "Bao cao.pdf". */
export function asciiFileName(name: string): string {
  const ascii = name
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return ascii || 'evidence';
}

/** Content-Disposition carrying the UTF-8 name as RFC 6266 / RFC 5987 define. */
export function contentDisposition(name: string, type: 'attachment' | 'inline' = 'attachment') {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${asciiFileName(name)}"; filename*=UTF-8''${encoded}`;
}
