/**
 * Mails to a scored unit (sở, ban, ngành; UBND cấp huyện/xã): reminders before the self-assessment
 * and explanation deadlines, the escalation to the unit's head at a missed deadline, and the
 * overdue reminder.
 */
import {
  checkedUrl,
  dateTime,
  dateTimeWithZone,
  itemsOr,
  signature,
  stepLabel,
  subjectPrefix,
  type Instant,
  type MailCommon,
  type MailStep,
} from './common.js';
import { renderMail, type MailBlock, type RenderedMail } from './render.js';

export interface UnitMailContext extends MailCommon {
  /** Official name, e.g. "Sở Giao thông vận tải". */
  unitName: string;
  step: MailStep;
  /** The deadline that applies to the unit (its extension when granted). */
  deadline: Instant;
  /** What the unit still has to send; a sensible default per mail when empty. */
  missing?: readonly string[];
  /** Working days left until the deadline, shown when given. */
  workingDaysLeft?: number;
  /** Which window the mail is about, for the default `missing` list (default self_assessment). */
  purpose?: 'self_assessment' | 'explanation';
}

export interface OverdueMailContext extends UnitMailContext {
  /** Until when a late submission is still taken (late intake or extension), shown when given. */
  acceptedUntil?: Instant | null;
  /** 1 for the first overdue reminder, 2 for the next, … */
  repeat?: number;
}

export interface EscalationMailContext extends OverdueMailContext {
  /** Named in "Đồng gửi" (default "Tổ thư ký Hội đồng thẩm định Chỉ số CCHC"). */
  secretariatName?: string;
}

const SELF_ASSESSMENT_ITEMS = [
  'Báo cáo tự đánh giá, chấm điểm Chỉ số CCHC',
  'Giải trình và tài liệu kiểm chứng cho từng tiêu chí, tiêu chí thành phần',
];
const EXPLANATION_ITEMS = ['Giải trình và tài liệu kiểm chứng bổ sung theo đề nghị của Tổ thư ký'];
const help = (ctx: MailCommon): string =>
  `Nếu có khó khăn, vướng mắc, đề nghị Quý cơ quan, đơn vị phản ánh kịp thời về ${ctx.standingBodyName ?? 'Sở Nội vụ'} (cơ quan thường trực) để được hướng dẫn.`;

const defaultMissing = (ctx: UnitMailContext): readonly string[] =>
  ctx.purpose === 'explanation' ? EXPLANATION_ITEMS : SELF_ASSESSMENT_ITEMS;
const ALREADY_SENT = 'Nếu Quý cơ quan, đơn vị đã gửi đầy đủ hồ sơ, xin vui lòng bỏ qua thư này.';

function deadlineRows(ctx: UnitMailContext): [string, string][] {
  const rows: [string, string][] = [
    ['Đơn vị', ctx.unitName],
    ['Nhiệm vụ', stepLabel(ctx.step)],
    ['Hạn chót', dateTimeWithZone(ctx.deadline, ctx.timeZone)],
  ];
  if (ctx.workingDaysLeft !== undefined) {
    rows.push(['Thời gian còn lại', `${ctx.workingDaysLeft} ngày làm việc`]);
  }
  return rows;
}

function acceptedUntilBlock(ctx: OverdueMailContext): MailBlock[] {
  if (!ctx.acceptedUntil) return [];
  return [
    {
      kind: 'paragraph',
      text: `Hồ sơ gửi muộn vẫn được tiếp nhận đến ${dateTimeWithZone(ctx.acceptedUntil, ctx.timeZone, 'acceptedUntil')} và được ghi nhận là nộp trễ hạn.`,
    },
  ];
}

/** Reminder before the self-assessment deadline (step 3 in 2021). */
export function selfAssessmentReminderMail(ctx: UnitMailContext): RenderedMail {
  const url = checkedUrl(ctx.actionUrl);
  return renderMail({
    subject: `${subjectPrefix(ctx)} Nhắc hạn tự đánh giá, chấm điểm: ${ctx.unitName} — hạn chót ${dateTime(ctx.deadline, ctx.timeZone)}`,
    to: ctx.unitName,
    blocks: [
      {
        kind: 'paragraph',
        text: 'Tổ thư ký Hội đồng thẩm định Chỉ số CCHC trân trọng nhắc Quý cơ quan, đơn vị thời hạn tự đánh giá, chấm điểm Chỉ số CCHC:',
      },
      { kind: 'facts', rows: deadlineRows(ctx) },
      {
        kind: 'list',
        title: 'Hệ thống chưa nhận được',
        items: itemsOr(ctx.missing, SELF_ASSESSMENT_ITEMS),
      },
      { kind: 'link', label: 'Gửi báo cáo, giải trình và tài liệu kiểm chứng tại', url },
      { kind: 'paragraph', text: help(ctx) },
      { kind: 'paragraph', text: ALREADY_SENT },
    ],
    signature: signature(ctx),
  });
}

/** Reminder before the explanation deadline (step 6 in 2021); `missing` lists the criteria. */
export function explanationReminderMail(ctx: UnitMailContext): RenderedMail {
  const url = checkedUrl(ctx.actionUrl);
  return renderMail({
    subject: `${subjectPrefix(ctx)} Nhắc hạn giải trình, bổ sung tài liệu kiểm chứng: ${ctx.unitName} — hạn chót ${dateTime(ctx.deadline, ctx.timeZone)}`,
    to: ctx.unitName,
    blocks: [
      {
        kind: 'paragraph',
        text: 'Sau thẩm định lần thứ nhất, Tổ thư ký đề nghị Quý cơ quan, đơn vị giải trình và bổ sung tài liệu kiểm chứng (nếu có) trong thời hạn sau:',
      },
      { kind: 'facts', rows: deadlineRows(ctx) },
      {
        kind: 'list',
        title: 'Nội dung cần giải trình, bổ sung',
        items: itemsOr(ctx.missing, EXPLANATION_ITEMS),
      },
      { kind: 'link', label: 'Gửi giải trình và tài liệu kiểm chứng bổ sung tại', url },
      { kind: 'paragraph', text: ALREADY_SENT },
    ],
    signature: signature(ctx),
  });
}

/** At a missed deadline: to the unit's head, the secretariat in copy. */
export function escalationMail(ctx: EscalationMailContext): RenderedMail {
  const url = checkedUrl(ctx.actionUrl);
  const deadline = dateTimeWithZone(ctx.deadline, ctx.timeZone);
  return renderMail({
    subject: `${subjectPrefix(ctx)} Quá hạn: ${ctx.unitName} chưa hoàn thành Bước ${ctx.step.number} (hạn chót ${dateTime(ctx.deadline, ctx.timeZone)})`,
    to: `Thủ trưởng ${ctx.unitName}`,
    copyTo: ctx.secretariatName ?? 'Tổ thư ký Hội đồng thẩm định Chỉ số CCHC',
    blocks: [
      {
        kind: 'paragraph',
        text: `Đến hết thời hạn ${deadline}, ${ctx.unitName} chưa hoàn thành nhiệm vụ sau trong kế hoạch chấm điểm Chỉ số CCHC:`,
      },
      {
        kind: 'facts',
        rows: [
          ['Đơn vị', ctx.unitName],
          ['Nhiệm vụ', stepLabel(ctx.step)],
          ['Hạn chót', deadline],
        ],
      },
      {
        kind: 'list',
        title: 'Hồ sơ còn thiếu',
        items: itemsOr(ctx.missing, defaultMissing(ctx)),
      },
      ...acceptedUntilBlock(ctx),
      {
        kind: 'paragraph',
        text: 'Đề nghị Thủ trưởng cơ quan, đơn vị quan tâm, chỉ đạo khẩn trương hoàn thành và gửi hồ sơ.',
      },
      { kind: 'link', label: 'Gửi hồ sơ tại', url },
    ],
    signature: signature(ctx),
  });
}

/** While the unit is overdue and late intake or its extension is still open. */
export function overdueReminderMail(ctx: OverdueMailContext): RenderedMail {
  const url = checkedUrl(ctx.actionUrl);
  const deadline = dateTimeWithZone(ctx.deadline, ctx.timeZone);
  const which = ctx.repeat !== undefined ? ` (lần ${ctx.repeat})` : '';
  return renderMail({
    subject: `${subjectPrefix(ctx)} Nhắc nộp hồ sơ quá hạn${which}: ${ctx.unitName} — Bước ${ctx.step.number}, quá hạn từ ${dateTime(ctx.deadline, ctx.timeZone)}`,
    to: ctx.unitName,
    blocks: [
      {
        kind: 'paragraph',
        text: `Hồ sơ của Quý cơ quan, đơn vị cho nhiệm vụ dưới đây đã quá hạn từ ${deadline}:`,
      },
      {
        kind: 'facts',
        rows: [
          ['Đơn vị', ctx.unitName],
          ['Nhiệm vụ', stepLabel(ctx.step)],
          ['Hạn chót', deadline],
        ],
      },
      {
        kind: 'list',
        title: 'Hồ sơ còn thiếu',
        items: itemsOr(ctx.missing, defaultMissing(ctx)),
      },
      ...acceptedUntilBlock(ctx),
      { kind: 'link', label: 'Gửi hồ sơ tại', url },
      { kind: 'paragraph', text: help(ctx) },
      { kind: 'paragraph', text: ALREADY_SENT },
    ],
    signature: signature(ctx),
  });
}

export interface WindowOpenedMailContext extends UnitMailContext {
  /** When the window opened. */
  opensAt: Instant;
}

/** When a unit-facing window opens (self-assessment, explanation): to the unit's focal point. */
export function windowOpenedMail(ctx: WindowOpenedMailContext): RenderedMail {
  const url = checkedUrl(ctx.actionUrl);
  const explanation = ctx.purpose === 'explanation';
  const what = explanation
    ? 'giải trình, bổ sung tài liệu kiểm chứng'
    : 'tự đánh giá, chấm điểm Chỉ số CCHC';
  return renderMail({
    subject: `${subjectPrefix(ctx)} Bắt đầu ${what}: ${ctx.unitName} — hạn chót ${dateTime(ctx.deadline, ctx.timeZone)}`,
    to: ctx.unitName,
    blocks: [
      {
        kind: 'paragraph',
        text: `Tổ thư ký Hội đồng thẩm định Chỉ số CCHC thông báo: từ ${dateTimeWithZone(ctx.opensAt, ctx.timeZone, 'opensAt')}, Quý cơ quan, đơn vị bắt đầu ${what} theo kế hoạch:`,
      },
      {
        kind: 'facts',
        rows: [
          ['Đơn vị', ctx.unitName],
          ['Nhiệm vụ', stepLabel(ctx.step)],
          ['Bắt đầu', dateTimeWithZone(ctx.opensAt, ctx.timeZone, 'opensAt')],
          ['Hạn chót', dateTimeWithZone(ctx.deadline, ctx.timeZone)],
        ],
      },
      {
        kind: 'list',
        title: 'Hồ sơ cần gửi',
        items: itemsOr(ctx.missing, defaultMissing(ctx)),
      },
      {
        kind: 'link',
        label: explanation
          ? 'Gửi giải trình và tài liệu kiểm chứng bổ sung tại'
          : 'Nhập kết quả tự đánh giá, gửi báo cáo và tài liệu kiểm chứng tại',
        url,
      },
      { kind: 'paragraph', text: help(ctx) },
    ],
    signature: signature(ctx),
  });
}
