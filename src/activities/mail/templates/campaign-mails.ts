/**
 * Mails about a unit's own results: the criteria it is asked to explain (step 5–6), and its
 * published result (step 10).
 */
import {
  checkedUrl,
  dateTimeWithZone,
  signature,
  subjectPrefix,
  type Instant,
  type MailCommon,
} from './common.js';
import { renderMail, type RenderedMail } from './render.js';

export interface RequestedCriterion {
  code: string;
  title: string;
  reason: string;
}

export interface ExplanationRequestMailContext extends MailCommon {
  unitName: string;
  stepNumber: number;
  criteria: readonly RequestedCriterion[];
  /** The unit's deadline for the explanation (step 6, or its extension). */
  deadline: Instant | null;
}

export function explanationRequestMail(ctx: ExplanationRequestMailContext): RenderedMail {
  const deadline = ctx.deadline ? dateTimeWithZone(ctx.deadline, ctx.timeZone) : 'theo kế hoạch';
  return renderMail({
    subject: `${subjectPrefix(ctx)} Đề nghị giải trình ${ctx.criteria.length} tiêu chí: ${ctx.unitName} — hạn ${deadline}`,
    to: ctx.unitName,
    blocks: [
      {
        kind: 'paragraph',
        text: 'Qua thẩm định lần thứ nhất, Tổ thư ký đề nghị Quý cơ quan, đơn vị giải trình và bổ sung tài liệu kiểm chứng cho các tiêu chí sau:',
      },
      {
        kind: 'list',
        title: `Tiêu chí cần giải trình (${ctx.criteria.length})`,
        items: ctx.criteria.map((c) => `${c.code} ${c.title}: ${c.reason}`),
      },
      {
        kind: 'facts',
        rows: [
          ['Nhiệm vụ', `Bước ${ctx.stepNumber} — Giải trình, bổ sung tài liệu kiểm chứng`],
          ['Hạn chót', deadline],
        ],
      },
      { kind: 'link', label: 'Gửi giải trình và tài liệu tại', url: checkedUrl(ctx.actionUrl) },
    ],
    signature: signature(ctx),
  });
}

export interface ResultsMailContext extends MailCommon {
  unitName: string;
  /** "98.30" as published (two decimals). */
  index: string;
  rank: number;
  tied: boolean;
  groupName: string;
  groupSize: number;
  band: string;
  decision: { number: string; date: string } | null;
}

export function resultsMail(ctx: ResultsMailContext): RenderedMail {
  const index = ctx.index.replace('.', ',');
  const rank = `${ctx.rank}/${ctx.groupSize}${ctx.tied ? ' (đồng hạng)' : ''} trong nhóm ${ctx.groupName}`;
  const decision = ctx.decision
    ? `Quyết định số ${ctx.decision.number} ngày ${ctx.decision.date.split('-').reverse().join('/')} của Chủ tịch UBND tỉnh`
    : 'Quyết định của Chủ tịch UBND tỉnh';
  return renderMail({
    subject: `${subjectPrefix(ctx)} Kết quả Chỉ số CCHC của ${ctx.unitName}: ${index} điểm, xếp hạng ${ctx.rank}/${ctx.groupSize}`,
    to: ctx.unitName,
    blocks: [
      { kind: 'paragraph', text: `Kết quả Chỉ số CCHC đã được công bố theo ${decision}.` },
      {
        kind: 'facts',
        rows: [
          ['Chỉ số CCHC', `${index} điểm`],
          ['Xếp hạng', rank],
          ['Xếp loại', ctx.band],
        ],
      },
      {
        kind: 'link',
        label: 'Xem kết quả chi tiết từng tiêu chí tại',
        url: checkedUrl(ctx.actionUrl),
      },
    ],
    signature: signature(ctx),
  });
}
