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

export interface AppraisalEscalationContext extends MailCommon {
  agencyName: string;
  /** Who the mail is addressed to: "Giám đốc Sở Tư pháp (Nguyễn Văn A)". */
  headLabel: string;
  step: MailStep;
  deadline: Instant;
  /** What the agency has still to score in the round. */
  backlog: { units: number; criteria: number };
  /** Named in "Đồng gửi": the head of the secretariat. */
  secretariatName: string;
}

/** An appraising agency whose round's scores are not all entered at the round's deadline. */
export function appraisalEscalationMail(ctx: AppraisalEscalationContext): RenderedMail {
  const url = checkedUrl(ctx.actionUrl);
  const deadline = dateTimeWithZone(ctx.deadline, ctx.timeZone);
  const left = `${ctx.backlog.units} đơn vị, ${ctx.backlog.criteria} lượt tiêu chí chưa có điểm thẩm định`;
  return renderMail({
    subject: `${subjectPrefix(ctx)} Quá hạn thẩm định: ${ctx.agencyName} chưa hoàn thành Bước ${ctx.step.number} (còn ${left})`,
    to: ctx.headLabel,
    copyTo: ctx.secretariatName,
    blocks: [
      {
        kind: 'paragraph',
        text: `Đến hết thời hạn ${deadline}, ${ctx.agencyName} chưa hoàn thành việc thẩm định các tiêu chí được phân công:`,
      },
      {
        kind: 'facts',
        rows: [
          ['Cơ quan thẩm định', ctx.agencyName],
          ['Nhiệm vụ', stepLabel(ctx.step)],
          ['Hạn hoàn thành', deadline],
          ['Còn lại', left],
        ],
      },
      {
        kind: 'paragraph',
        text: 'Đề nghị Thủ trưởng cơ quan quan tâm, chỉ đạo khẩn trương hoàn thành kết quả thẩm định để Tổ thư ký tổng hợp theo kế hoạch.',
      },
      { kind: 'link', label: 'Nhập kết quả thẩm định tại', url },
    ],
    signature: signature(ctx),
  });
}

export interface CouncilEscalationContext extends MailCommon {
  councilName?: string;
  step: MailStep;
  deadline: Instant;
  secretariatName: string;
}

/** The council past its approval step's deadline without approving the results. */
export function councilEscalationMail(ctx: CouncilEscalationContext): RenderedMail {
  const url = checkedUrl(ctx.actionUrl);
  const council = ctx.councilName ?? 'Hội đồng thẩm định Chỉ số CCHC';
  const deadline = dateTimeWithZone(ctx.deadline, ctx.timeZone);
  return renderMail({
    subject: `${subjectPrefix(ctx)} Quá hạn: ${council} chưa thông qua kết quả (Bước ${ctx.step.number}, hạn ${dateTime(ctx.deadline, ctx.timeZone)})`,
    to: `Chủ tịch và các thành viên ${council}`,
    copyTo: ctx.secretariatName,
    blocks: [
      {
        kind: 'paragraph',
        text: `Đến hết thời hạn ${deadline}, ${council} chưa thông qua kết quả chấm điểm Chỉ số CCHC theo kế hoạch:`,
      },
      {
        kind: 'facts',
        rows: [
          ['Nhiệm vụ', stepLabel(ctx.step)],
          ['Hạn thông qua kết quả', deadline],
        ],
      },
      {
        kind: 'paragraph',
        text: 'Kết quả chỉ được trình Chủ tịch UBND tỉnh công bố sau khi Hội đồng thông qua. Đề nghị Hội đồng sớm họp, cho ý kiến và thông qua kết quả.',
      },
      { kind: 'link', label: 'Xem kết quả và thông qua tại', url },
    ],
    signature: signature(ctx),
  });
}

export interface SecretariatEscalationContext extends MailCommon {
  /** The head of the secretariat, as addressed. */
  headName: string;
  step: MailStep;
  deadline: Instant;
}

/** One of the secretariat's own steps past its deadline and not completed: to its head. */
export function secretariatEscalationMail(ctx: SecretariatEscalationContext): RenderedMail {
  const url = checkedUrl(ctx.actionUrl);
  const deadline = dateTimeWithZone(ctx.deadline, ctx.timeZone);
  return renderMail({
    subject: `${subjectPrefix(ctx)} Quá hạn: Tổ thư ký chưa hoàn thành Bước ${ctx.step.number} — ${ctx.step.titleVi} (hạn ${dateTime(ctx.deadline, ctx.timeZone)})`,
    to: ctx.headName,
    blocks: [
      {
        kind: 'paragraph',
        text: `Đến hết thời hạn ${deadline}, nhiệm vụ sau của Tổ thư ký trong kế hoạch chấm điểm Chỉ số CCHC chưa được hoàn thành trên hệ thống:`,
      },
      {
        kind: 'facts',
        rows: [
          ['Nhiệm vụ', stepLabel(ctx.step)],
          ['Hạn hoàn thành', deadline],
        ],
      },
      {
        kind: 'paragraph',
        text: 'Đề nghị Tổ trưởng Tổ thư ký chỉ đạo hoàn thành và đóng bước trên hệ thống, hoặc điều chỉnh thời hạn theo quyết định sửa đổi, bổ sung kế hoạch.',
      },
      { kind: 'link', label: 'Hoàn thành bước tại', url },
    ],
    signature: signature(ctx),
  });
}
