/**
 * One small document model rendered twice, to plain text and to HTML, so both always say the same
 * thing. Every string in a document is text: the HTML renderer escapes all of it, so no value
 * passed to a template (a unit's name, a criterion, a URL) can inject markup.
 */

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export type MailBlock =
  | { kind: 'paragraph'; text: string }
  /** Label–value rows: "Hạn chót: 24/12/2021 23:59 (giờ Việt Nam)". */
  | { kind: 'facts'; rows: readonly (readonly [label: string, value: string])[] }
  | { kind: 'list'; title: string; items: readonly string[]; emptyText?: string }
  | { kind: 'link'; label: string; url: string };

export interface MailDocument {
  subject: string;
  /** "Kính gửi: …" */
  to: string;
  /** "Đồng gửi: …" (the secretariat in copy of an escalation). */
  copyTo?: string;
  blocks: readonly MailBlock[];
  signature: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * Vietnamese typed on some systems arrives decomposed (a base letter plus combining marks); NFC
 * gives every mail client the same precomposed letters.
 */
const nfc = (value: string): string => value.normalize('NFC');

/** One line, no control characters: a subject is a header. */
function oneLine(value: string): string {
  const printable = Array.from(value, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x20 || code === 0x7f ? ' ' : char;
  }).join('');
  return printable.replace(/\s+/g, ' ').trim();
}

const FOOTER =
  'Thư này được gửi tự động từ hệ thống chấm điểm Chỉ số cải cách hành chính (Chỉ số CCHC); vui lòng không trả lời thư này.';

function renderText(doc: MailDocument): string {
  const lines: string[] = [`Kính gửi: ${doc.to}`];
  if (doc.copyTo) lines.push(`Đồng gửi: ${doc.copyTo}`);
  for (const block of doc.blocks) {
    lines.push('');
    switch (block.kind) {
      case 'paragraph':
        lines.push(block.text);
        break;
      case 'facts':
        for (const [label, value] of block.rows) lines.push(`${label}: ${value}`);
        break;
      case 'list':
        lines.push(`${block.title}:`);
        if (block.items.length === 0) lines.push(`  ${block.emptyText ?? '(không có)'}`);
        for (const item of block.items) lines.push(`  - ${item}`);
        break;
      case 'link':
        lines.push(`${block.label}: ${block.url}`);
        break;
    }
  }
  lines.push('', 'Trân trọng,', doc.signature, '', '-- ', FOOTER);
  return lines.join('\n') + '\n';
}

const CELL = 'padding:2px 12px 2px 0;vertical-align:top';

function renderHtml(doc: MailDocument): string {
  const e = escapeHtml;
  const parts: string[] = [`<p><strong>Kính gửi:</strong> ${e(doc.to)}`];
  if (doc.copyTo) parts.push(`<br><strong>Đồng gửi:</strong> ${e(doc.copyTo)}`);
  parts[parts.length - 1] += '</p>';
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'paragraph':
        parts.push(`<p>${e(block.text)}</p>`);
        break;
      case 'facts':
        parts.push(
          '<table role="presentation" style="border-collapse:collapse">' +
            block.rows
              .map(
                ([label, value]) =>
                  `<tr><th align="left" style="${CELL}">${e(label)}:</th><td style="${CELL}">${e(value)}</td></tr>`,
              )
              .join('') +
            '</table>',
        );
        break;
      case 'list':
        parts.push(`<p><strong>${e(block.title)}:</strong></p>`);
        parts.push(
          block.items.length === 0
            ? `<p><em>${e(block.emptyText ?? '(không có)')}</em></p>`
            : `<ul>${block.items.map((item) => `<li>${e(item)}</li>`).join('')}</ul>`,
        );
        break;
      case 'link':
        parts.push(`<p>${e(block.label)}: <a href="${e(block.url)}">${e(block.url)}</a></p>`);
        break;
    }
  }
  parts.push(`<p>Trân trọng,<br>${e(doc.signature)}</p>`);
  parts.push(`<hr><p style="color:#666;font-size:12px">${e(FOOTER)}</p>`);
  return (
    '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n' +
    `<title>${e(oneLine(doc.subject))}</title>\n</head>\n` +
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#222">\n' +
    parts.join('\n') +
    '\n</body>\n</html>\n'
  );
}

/** Renders a document to { subject, text, html }, all in NFC. */
export function renderMail(doc: MailDocument): RenderedMail {
  return {
    subject: nfc(oneLine(doc.subject)),
    text: nfc(renderText(doc)),
    html: nfc(renderHtml(doc)),
  };
}
