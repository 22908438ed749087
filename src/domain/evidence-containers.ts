/**
 * What an office document must hold inside its ZIP to be what its extension claims, so that any
 * other archive renamed .docx or .odt is refused. Pure: entry names (and the ODF `mimetype`
 * entry's text) in, a verdict out.
 *
 * - Office Open XML (.docx, .xlsx, .pptx): `[Content_Types].xml` and its main part's folder
 *   (word/, xl/, ppt/).
 * - OpenDocument (.odt, .ods): a `mimetype` entry whose text is the format's MIME type.
 */

type Rule = { kind: 'ooxml'; folder: string } | { kind: 'odf'; mime: string };

const RULES: Record<string, Rule> = {
  docx: { kind: 'ooxml', folder: 'word/' },
  xlsx: { kind: 'ooxml', folder: 'xl/' },
  pptx: { kind: 'ooxml', folder: 'ppt/' },
  odt: { kind: 'odf', mime: 'application/vnd.oasis.opendocument.text' },
  ods: { kind: 'odf', mime: 'application/vnd.oasis.opendocument.spreadsheet' },
};

/** The name of the entry whose text checkContainer needs, if any. */
export function containerTextEntry(extension: string): string | null {
  return RULES[extension]?.kind === 'odf' ? 'mimetype' : null;
}

/** Whether the extension names a ZIP-based document whose entries are checked. */
export function isCheckedContainer(extension: string): boolean {
  return extension in RULES;
}

export type ContainerCheck = { ok: true } | { ok: false; problem: string };

/**
 * `entries` null: the ZIP's directory could not be read. `mimetypeText`: the text of the
 * `mimetype` entry (OpenDocument), null when absent or unreadable.
 */
export function checkContainer(
  fileName: string,
  extension: string,
  entries: readonly string[] | null,
  mimetypeText: string | null,
): ContainerCheck {
  const rule = RULES[extension];
  if (!rule) return { ok: true };
  const refuse = (why: string): ContainerCheck => ({
    ok: false,
    problem: `Tệp «${fileName}» không phải tài liệu .${extension} hợp lệ: ${why}.`,
  });
  if (entries === null) {
    return refuse('không đọc được danh mục tệp nén ZIP (tệp hỏng hoặc không phải ZIP)');
  }
  if (rule.kind === 'ooxml') {
    if (
      !entries.includes('[Content_Types].xml') ||
      !entries.some((n) => n.startsWith(rule.folder))
    ) {
      return refuse(
        `tệp nén không có [Content_Types].xml và thư mục ${rule.folder} (có thể là tệp ZIP khác bị đổi đuôi)`,
      );
    }
    return { ok: true };
  }
  if (mimetypeText?.trim() !== rule.mime) {
    return refuse(
      `mục «mimetype» của tệp nén phải là ${rule.mime}${mimetypeText === null ? ', nhưng không có' : `, nhưng là «${mimetypeText.slice(0, 80)}»`} (có thể là tệp ZIP khác bị đổi đuôi)`,
    );
  }
  return { ok: true };
}
