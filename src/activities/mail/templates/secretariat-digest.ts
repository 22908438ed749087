/** The secretariat's digest when a unit-facing window opens and when it closes. */
import {
  checkedUrl,
  dateTime,
  dateTimeWithZone,
  signature,
  stepLabel,
  subjectPrefix,
  type Instant,
  type MailCommon,
  type MailStep,
} from './common.js';
import { renderMail, type RenderedMail } from './render.js';

export interface DigestUnit {
  unitName: string;
  /** When it submitted (submitted and late lists). */
  submittedAt?: Instant | null;
  /** E.g. "gia hạn đến 31/12/2021". */
  note?: string;
}

export interface SecretariatDigestContext extends MailCommon {
  event: 'window_opened' | 'window_closed';
  step: MailStep;
  opensAt?: Instant | null;
  deadline: Instant;
  /** Submitted on time. */
  submitted: readonly DigestUnit[];
  /** Not submitted yet. */
  missing: readonly DigestUnit[];
  /** Submitted after the deadline (or after their extension). */
  late: readonly DigestUnit[];
  /** Addressee (default "Tổ thư ký Hội đồng thẩm định Chỉ số CCHC"). */
  secretariatName?: string;
}

function line(unit: DigestUnit, timeZone: string): string {
  const parts = [unit.unitName];
  if (unit.submittedAt)
    parts.push(`nộp lúc ${dateTime(unit.submittedAt, timeZone, 'submittedAt')}`);
  if (unit.note) parts.push(unit.note);
  return parts.join(' — ');
}

export function secretariatDigestMail(ctx: SecretariatDigestContext): RenderedMail {
  const url = checkedUrl(ctx.actionUrl);
  const deadline = dateTimeWithZone(ctx.deadline, ctx.timeZone);
  const total = ctx.submitted.length + ctx.missing.length + ctx.late.length;
  const counts = `đúng hạn ${ctx.submitted.length}, trễ hạn ${ctx.late.length}, chưa nộp ${ctx.missing.length} / ${total} đơn vị`;
  const opened = ctx.event === 'window_opened';
  const rows: [string, string][] = [['Nhiệm vụ', stepLabel(ctx.step)]];
  if (ctx.opensAt) rows.push(['Bắt đầu', dateTimeWithZone(ctx.opensAt, ctx.timeZone, 'opensAt')]);
  rows.push(['Hạn chót', deadline], ['Tình hình nộp hồ sơ', counts]);
  return renderMail({
    subject: opened
      ? `${subjectPrefix(ctx)} Tổng hợp: đã mở Bước ${ctx.step.number}, hạn chót ${dateTime(ctx.deadline, ctx.timeZone)} — ${total} đơn vị`
      : `${subjectPrefix(ctx)} Tổng hợp: hết hạn Bước ${ctx.step.number} (hạn chót ${dateTime(ctx.deadline, ctx.timeZone)}) — ${counts}`,
    to: ctx.secretariatName ?? 'Tổ thư ký Hội đồng thẩm định Chỉ số CCHC',
    blocks: [
      {
        kind: 'paragraph',
        text: opened
          ? 'Nhiệm vụ dưới đây đã bắt đầu; hệ thống sẽ nhắc các đơn vị chưa nộp hồ sơ trước hạn chót.'
          : 'Nhiệm vụ dưới đây đã hết hạn. Tình hình nộp hồ sơ của các đơn vị:',
      },
      { kind: 'facts', rows },
      {
        kind: 'list',
        title: `Đã nộp đúng hạn (${ctx.submitted.length})`,
        items: ctx.submitted.map((unit) => line(unit, ctx.timeZone)),
        emptyText: 'Chưa có đơn vị nào.',
      },
      {
        kind: 'list',
        title: `Nộp trễ hạn (${ctx.late.length})`,
        items: ctx.late.map((unit) => line(unit, ctx.timeZone)),
        emptyText: 'Không có.',
      },
      {
        kind: 'list',
        title: `Chưa nộp (${ctx.missing.length})`,
        items: ctx.missing.map((unit) => line(unit, ctx.timeZone)),
        emptyText: 'Không có: tất cả đơn vị đã nộp.',
      },
      { kind: 'link', label: 'Xem chi tiết và xử lý hồ sơ tại', url },
    ],
    signature: signature(ctx),
  });
}
