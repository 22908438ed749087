/** Mails about the secretariat side's own steps: appraisal rounds and the council meeting. */
import {
  checkedUrl,
  dateOrDateTime,
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
import { renderMail, type RenderedMail } from './render.js';

export interface AppraisalReminderContext extends MailCommon {
  /** The appraising agency, e.g. "Sở Tư pháp". */
  agencyName: string;
  step: MailStep;
  opensAt?: Instant | null;
  deadline: Instant;
  /** What it still has to appraise, e.g. "Sở Xây dựng — lĩnh vực Cải cách thể chế". */
  missing?: readonly string[];
  workingDaysLeft?: number;
}

export interface CouncilReminderContext extends MailCommon {
  /** Default "Hội đồng thẩm định Chỉ số CCHC". */
  councilName?: string;
  step: MailStep;
  /** When the meeting (the step) starts. */
  meetingStart: Instant;
  /** By when the council approves the results. */
  deadline: Instant;
  /** Where it meets, shown when given. */
  venue?: string;
  /** What is not ready yet for the meeting, or what members still have to review. */
  missing?: readonly string[];
}

export function appraisalReminderMail(ctx: AppraisalReminderContext): RenderedMail {
  const url = checkedUrl(ctx.actionUrl);
  const deadline = dateTimeWithZone(ctx.deadline, ctx.timeZone);
  const rows: [string, string][] = [
    ['Cơ quan thẩm định', ctx.agencyName],
    ['Nhiệm vụ', stepLabel(ctx.step)],
  ];
  if (ctx.opensAt) rows.push(['Bắt đầu', dateTimeWithZone(ctx.opensAt, ctx.timeZone, 'opensAt')]);
  rows.push(['Hạn hoàn thành', deadline]);
  if (ctx.workingDaysLeft !== undefined) {
    rows.push(['Thời gian còn lại', `${ctx.workingDaysLeft} ngày làm việc`]);
  }
  return renderMail({
    subject: `${subjectPrefix(ctx)} Nhắc thẩm định: Bước ${ctx.step.number} — ${ctx.step.titleVi}, hạn hoàn thành ${dateTime(ctx.deadline, ctx.timeZone)}`,
    to: ctx.agencyName,
    blocks: [
      {
        kind: 'paragraph',
        text: 'Tổ thư ký trân trọng đề nghị Quý cơ quan thẩm định các tiêu chí thuộc lĩnh vực được phân công theo kế hoạch:',
      },
      { kind: 'facts', rows },
      {
        kind: 'list',
        title: 'Hồ sơ chưa có kết quả thẩm định',
        items: itemsOr(ctx.missing, [
          'Kết quả thẩm định và báo cáo thẩm định lĩnh vực của Quý cơ quan',
        ]),
      },
      { kind: 'link', label: 'Nhập kết quả thẩm định tại', url },
    ],
    signature: signature(ctx),
  });
}

export function councilReminderMail(ctx: CouncilReminderContext): RenderedMail {
  const url = checkedUrl(ctx.actionUrl);
  const council = ctx.councilName ?? 'Hội đồng thẩm định Chỉ số CCHC';
  const start = dateOrDateTime(ctx.meetingStart, ctx.timeZone, 'meetingStart');
  const deadline = dateTimeWithZone(ctx.deadline, ctx.timeZone);
  const rows: [string, string][] = [
    ['Nhiệm vụ', stepLabel(ctx.step)],
    ['Thời gian họp', `từ ${start}`],
  ];
  if (ctx.venue) rows.push(['Địa điểm', ctx.venue]);
  rows.push(['Hạn thông qua kết quả', deadline]);
  return renderMail({
    subject: `${subjectPrefix(ctx)} Họp ${council}: Bước ${ctx.step.number}, từ ${start}`,
    to: `Các thành viên ${council}`,
    blocks: [
      {
        kind: 'paragraph',
        text: `Tổ thư ký trân trọng thông báo lịch họp ${council} thông qua kết quả chấm điểm Chỉ số CCHC:`,
      },
      { kind: 'facts', rows },
      {
        kind: 'list',
        title: 'Nội dung cần hoàn thành trước cuộc họp',
        items: itemsOr(ctx.missing, ['Nghiên cứu hồ sơ tổng hợp kết quả thẩm định lần 2']),
      },
      { kind: 'link', label: 'Xem hồ sơ và gửi ý kiến tại', url },
    ],
    signature: signature(ctx),
  });
}
