/** To the secretariat after a wave: messages refused for good, or whose delivery is unknown. */
import {
  checkedUrl,
  dateTime,
  signature,
  subjectPrefix,
  type Instant,
  type MailCommon,
} from './common.js';
import { renderMail, type RenderedMail } from './render.js';

export interface DeliveryFailure {
  /** Who it was for, e.g. "Sở Nội vụ <cchc.snv@example.vn>". */
  recipient: string;
  subject: string;
  status: 'failed' | 'unconfirmed';
  /** What the SMTP server said, or why the outcome is unknown. */
  reason: string | null;
}

export interface DeliveryFailuresContext extends MailCommon {
  /** The wave the messages belonged to. */
  waveAt: Instant;
  failures: readonly DeliveryFailure[];
  secretariatName?: string;
}

const describe = (failure: DeliveryFailure) =>
  `${failure.recipient} — "${failure.subject}" — ${
    failure.status === 'failed' ? 'bị từ chối' : 'chưa rõ đã gửi được hay chưa'
  }${failure.reason ? ` (${failure.reason})` : ''}`;

export function deliveryFailuresMail(ctx: DeliveryFailuresContext): RenderedMail {
  const failed = ctx.failures.filter((f) => f.status === 'failed');
  const unconfirmed = ctx.failures.filter((f) => f.status === 'unconfirmed');
  return renderMail({
    subject: `${subjectPrefix(ctx)} ${ctx.failures.length} thư không gửi được trong đợt ${dateTime(ctx.waveAt, ctx.timeZone, 'waveAt')}`,
    to: ctx.secretariatName ?? 'Tổ thư ký Hội đồng thẩm định Chỉ số CCHC',
    blocks: [
      {
        kind: 'paragraph',
        text: 'Hệ thống không gửi lại các thư dưới đây. Đề nghị kiểm tra địa chỉ thư điện tử của đơn vị (hoặc nhật ký máy chủ thư) và liên hệ trực tiếp với đơn vị.',
      },
      {
        kind: 'list',
        title: `Bị máy chủ thư từ chối (${failed.length})`,
        items: failed.map(describe),
        emptyText: 'Không có.',
      },
      {
        kind: 'list',
        title: `Chưa rõ kết quả gửi (${unconfirmed.length})`,
        items: unconfirmed.map(describe),
        emptyText: 'Không có.',
      },
      { kind: 'link', label: 'Xem nhật ký thư của chiến dịch tại', url: checkedUrl(ctx.actionUrl) },
    ],
    signature: signature(ctx),
  });
}
