/**
 * To the secretariat, once per campaign and year: the campaign's reminders reach a year the
 * working-day calendar holds no data for, so they are planned on Monday–Friday there (a reminder
 * may fall on a holiday, none on a make-up Saturday) until someone loads that year.
 */
import { signature, subjectPrefix, checkedUrl, type MailCommon } from './common.js';
import { renderMail, type RenderedMail } from './render.js';

export interface CalendarYearMissingContext extends MailCommon {
  year: number;
  /** The campaign's code, e.g. "vinh-long-2027". */
  campaignCode: string;
  /** Where the year is loaded: the portal's page «Lịch ngày làm việc». */
  calendarUrl: string;
  /** How many of the campaign's planned sends fall in that year. */
  sendsInYear: number;
  secretariatName?: string;
}

export function calendarYearMissingMail(ctx: CalendarYearMissingContext): RenderedMail {
  return renderMail({
    subject: `${subjectPrefix(ctx)} Chưa có lịch ngày nghỉ, ngày làm bù năm ${ctx.year}: nhắc việc được lập theo thứ Hai–thứ Sáu`,
    to: ctx.secretariatName ?? 'Tổ thư ký Hội đồng thẩm định Chỉ số CCHC',
    blocks: [
      {
        kind: 'paragraph',
        text: `Kế hoạch nhắc việc của chiến dịch ${ctx.campaignCode} có ngày thuộc năm ${ctx.year}, nhưng hệ thống chưa có lịch ngày nghỉ lễ, Tết, ngày nghỉ bù và ngày làm bù của năm ${ctx.year}. Nhắc việc năm đó vẫn được gửi, nhưng được lập theo các ngày thứ Hai–thứ Sáu: thư có thể rơi vào ngày nghỉ lễ, và số ngày làm việc còn lại có thể chưa đúng.`,
      },
      {
        kind: 'facts',
        rows: [
          ['Chiến dịch', ctx.campaignCode],
          ['Năm chưa có lịch', String(ctx.year)],
          ['Số thư dự kiến trong năm đó', String(ctx.sendsInYear)],
        ],
      },
      {
        kind: 'list',
        title: 'Việc cần làm',
        items: [
          `Nạp lịch năm ${ctx.year} tại trang «Lịch ngày làm việc» của cổng (tải tệp mẫu Excel, điền ngày nghỉ và ngày làm bù, rồi nhập lại), hoặc qua API: PUT /calendar-years/${ctx.year} hay POST /calendar-years/import (vai trò quản trị hoặc Tổ thư ký).`,
          'Ghi rõ văn bản làm căn cứ (thông báo của Bộ Nội vụ hoặc quyết định của Thủ tướng); khi chưa có văn bản, đánh dấu lịch là tạm tính.',
          'Từ đợt nhắc việc tiếp theo, kế hoạch được lập lại theo lịch vừa nạp; thư này chỉ gửi một lần cho mỗi chiến dịch và mỗi năm.',
        ],
      },
      { kind: 'link', label: 'Nạp lịch ngày làm việc tại', url: checkedUrl(ctx.calendarUrl) },
      {
        kind: 'link',
        label: 'Xem kế hoạch nhắc việc của chiến dịch tại',
        url: checkedUrl(ctx.actionUrl),
      },
    ],
    signature: signature(ctx),
  });
}
