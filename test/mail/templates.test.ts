import { describe, expect, it } from 'vitest';
import {
  appraisalReminderMail,
  councilReminderMail,
  escalationMail,
  escapeHtml,
  explanationReminderMail,
  overdueReminderMail,
  secretariatDigestMail,
  selfAssessmentReminderMail,
  type RenderedMail,
} from '../../src/activities/mail/templates/index.js';
import { endOfLocalDay, startOfLocalDay } from '../../src/domain/plan-dates.js';

const VN = 'Asia/Ho_Chi_Minh';
const URL_SUBMIT = 'https://cchc.example.vn/nop-ho-so?dot=2021&don-vi=SGTVT';
const STEP_3 = {
  number: 3,
  titleVi:
    'Tổ chức tự đánh giá và xác định chỉ số CCHC tại các đơn vị, địa phương. Gửi báo cáo tự đánh giá chấm điểm, giải trình và tài liệu kiểm chứng.',
};
const STEP_6 = { number: 6, titleVi: 'Giải trình và bổ sung tài liệu kiểm chứng (nếu có)' };
const common = { timeZone: VN, actionUrl: URL_SUBMIT, campaignLabel: 'Chỉ số CCHC năm 2021' };
const selfAssessmentDeadline = endOfLocalDay('2021-12-24', VN); // 2021-12-24T16:59:59Z

/** Text content of the HTML: tags removed, entities decoded, white space collapsed. */
function htmlText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function expectInBoth(mail: RenderedMail, ...needles: string[]): void {
  for (const needle of needles) {
    expect(mail.text, needle).toContain(needle);
    expect(htmlText(mail.html), needle).toContain(needle);
  }
}

describe('reminders to units', () => {
  const mail = selfAssessmentReminderMail({
    ...common,
    unitName: 'Sở Giao thông vận tải',
    step: STEP_3,
    deadline: selfAssessmentDeadline,
    workingDaysLeft: 7,
  });

  it('names the unit, the step, the local deadline, what is missing and where to submit', () => {
    expect(mail.subject).toBe(
      '[Chỉ số CCHC năm 2021] Nhắc hạn tự đánh giá, chấm điểm: Sở Giao thông vận tải — hạn chót 24/12/2021 23:59',
    );
    expectInBoth(
      mail,
      'Kính gửi: Sở Giao thông vận tải',
      `Nhiệm vụ: Bước 3 — ${STEP_3.titleVi}`,
      '24/12/2021 23:59 (giờ Việt Nam)',
      '7 ngày làm việc',
      'Báo cáo tự đánh giá, chấm điểm Chỉ số CCHC',
      URL_SUBMIT,
      'Trân trọng,',
      'Tổ thư ký Hội đồng thẩm định Chỉ số CCHC',
    );
    expect(mail.html).toContain(`<a href="${escapeHtml(URL_SUBMIT)}">`);
    expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
    expect(mail.html).toContain('<meta charset="utf-8">');
  });

  it('shows the deadline in the campaign zone, not UTC or the process zone', () => {
    // 16:59:59 UTC is 23:59 in Hà Nội; in Los Angeles the same instant is 08:59 on 24/12.
    expect(mail.text).not.toContain('16:59');
    const elsewhere = selfAssessmentReminderMail({
      ...common,
      timeZone: 'America/Los_Angeles',
      unitName: 'X',
      step: STEP_3,
      deadline: selfAssessmentDeadline.toISOString(),
    });
    expect(elsewhere.text).toContain('24/12/2021 08:59 (giờ địa phương, America/Los_Angeles)');
  });

  it('lists the criteria to explain before the explanation deadline', () => {
    const explanation = explanationReminderMail({
      ...common,
      unitName: 'Ủy ban nhân dân huyện Trà Ôn',
      step: STEP_6,
      deadline: endOfLocalDay('2022-01-21', VN),
      missing: ['Tiêu chí 1.2.1: Ban hành kế hoạch CCHC', 'Tiêu chí 3.1.2: Công khai TTHC'],
    });
    expect(explanation.subject).toContain('Nhắc hạn giải trình, bổ sung tài liệu kiểm chứng');
    expectInBoth(
      explanation,
      'Ủy ban nhân dân huyện Trà Ôn',
      'Nhiệm vụ: Bước 6 — Giải trình và bổ sung tài liệu kiểm chứng (nếu có)',
      '21/01/2022 23:59',
      'Nội dung cần giải trình, bổ sung',
      'Tiêu chí 1.2.1: Ban hành kế hoạch CCHC',
      'Tiêu chí 3.1.2: Công khai TTHC',
    );
    expect(explanation.html).toContain('<li>Tiêu chí 1.2.1: Ban hành kế hoạch CCHC</li>');
  });

  it('escalates to the head with the secretariat in copy', () => {
    const escalation = escalationMail({
      ...common,
      unitName: 'Sở Xây dựng',
      step: STEP_3,
      deadline: selfAssessmentDeadline,
      acceptedUntil: endOfLocalDay('2021-12-31', VN),
      missing: ['Báo cáo tự đánh giá, chấm điểm Chỉ số CCHC'],
    });
    expect(escalation.subject).toBe(
      '[Chỉ số CCHC năm 2021] Quá hạn: Sở Xây dựng chưa hoàn thành Bước 3 (hạn chót 24/12/2021 23:59)',
    );
    expectInBoth(
      escalation,
      'Kính gửi: Thủ trưởng Sở Xây dựng',
      'Đồng gửi: Tổ thư ký Hội đồng thẩm định Chỉ số CCHC',
      'vẫn được tiếp nhận đến 31/12/2021 23:59',
      'Hồ sơ còn thiếu',
    );
  });

  it('numbers overdue reminders and defaults what is missing to the window', () => {
    const overdue = overdueReminderMail({
      ...common,
      unitName: 'Thanh tra tỉnh',
      step: STEP_6,
      purpose: 'explanation',
      deadline: endOfLocalDay('2022-01-21', VN),
      repeat: 2,
    });
    expect(overdue.subject).toContain(
      'Nhắc nộp hồ sơ quá hạn (lần 2): Thanh tra tỉnh — Bước 6, quá hạn từ 21/01/2022 23:59',
    );
    expectInBoth(
      overdue,
      'đã quá hạn từ 21/01/2022 23:59',
      'Giải trình và tài liệu kiểm chứng bổ sung theo đề nghị của Tổ thư ký',
      'Sở Nội vụ (cơ quan thường trực)',
    );
    expect(overdue.text).not.toContain('được tiếp nhận đến');
  });
});

describe('the secretariat digest', () => {
  const digest = secretariatDigestMail({
    ...common,
    actionUrl: 'https://cchc.example.vn/to-thu-ky/buoc-3',
    event: 'window_closed',
    step: STEP_3,
    opensAt: startOfLocalDay('2021-12-01', VN),
    deadline: selfAssessmentDeadline,
    submitted: [
      { unitName: 'Sở Nội vụ', submittedAt: '2021-12-20T03:15:00.000Z' },
      { unitName: 'Sở Tư pháp', submittedAt: '2021-12-24T16:59:59.000Z' },
    ],
    late: [{ unitName: 'Sở Y tế', submittedAt: '2021-12-24T17:30:00.000Z' }],
    missing: [{ unitName: 'Ủy ban nhân dân huyện Bình Tân', note: 'gia hạn đến 31/12/2021' }],
  });

  it('says who submitted, who is late and who is missing, in local time', () => {
    expect(digest.subject).toBe(
      '[Chỉ số CCHC năm 2021] Tổng hợp: hết hạn Bước 3 (hạn chót 24/12/2021 23:59) — đúng hạn 2, trễ hạn 1, chưa nộp 1 / 4 đơn vị',
    );
    expectInBoth(
      digest,
      'Kính gửi: Tổ thư ký Hội đồng thẩm định Chỉ số CCHC',
      'Bắt đầu: 01/12/2021 00:00 (giờ Việt Nam)',
      'Đã nộp đúng hạn (2)',
      'Sở Nội vụ — nộp lúc 20/12/2021 10:15',
      'Sở Tư pháp — nộp lúc 24/12/2021 23:59',
      'Nộp trễ hạn (1)',
      'Sở Y tế — nộp lúc 25/12/2021 00:30',
      'Chưa nộp (1)',
      'Ủy ban nhân dân huyện Bình Tân — gia hạn đến 31/12/2021',
      'https://cchc.example.vn/to-thu-ky/buoc-3',
    );
  });

  it('says so when a list is empty, at the opening', () => {
    const opened = secretariatDigestMail({
      ...common,
      event: 'window_opened',
      step: STEP_3,
      opensAt: startOfLocalDay('2021-12-01', VN),
      deadline: selfAssessmentDeadline,
      submitted: [],
      late: [],
      missing: [{ unitName: 'Sở Nội vụ' }, { unitName: 'Sở Tư pháp' }],
    });
    expect(opened.subject).toBe(
      '[Chỉ số CCHC năm 2021] Tổng hợp: đã mở Bước 3, hạn chót 24/12/2021 23:59 — 2 đơn vị',
    );
    expectInBoth(opened, 'Chưa có đơn vị nào.', 'Chưa nộp (2)');
  });
});

describe('appraisers and the council', () => {
  it('reminds an appraising agency before round 2', () => {
    const mail = appraisalReminderMail({
      ...common,
      agencyName: 'Sở Tư pháp',
      step: { number: 7, titleVi: 'Thẩm định lần thứ 2' },
      opensAt: startOfLocalDay('2022-01-24', VN),
      deadline: endOfLocalDay('2022-01-28', VN),
      missing: ['Sở Xây dựng — lĩnh vực Cải cách thể chế'],
      workingDaysLeft: 3,
    });
    expect(mail.subject).toBe(
      '[Chỉ số CCHC năm 2021] Nhắc thẩm định: Bước 7 — Thẩm định lần thứ 2, hạn hoàn thành 28/01/2022 23:59',
    );
    expectInBoth(
      mail,
      'Kính gửi: Sở Tư pháp',
      'Bắt đầu: 24/01/2022 00:00',
      'Hạn hoàn thành: 28/01/2022 23:59',
      'Sở Xây dựng — lĩnh vực Cải cách thể chế',
      'Nhập kết quả thẩm định tại',
    );
  });

  it('tells the council when it meets', () => {
    const mail = councilReminderMail({
      ...common,
      step: { number: 9, titleVi: 'Họp Hội đồng thẩm định thông qua kết quả chấm điểm' },
      meetingStart: startOfLocalDay('2022-02-15', VN),
      deadline: endOfLocalDay('2022-02-17', VN),
      venue: 'Phòng họp số 2, Sở Nội vụ',
    });
    expect(mail.subject).toBe(
      '[Chỉ số CCHC năm 2021] Họp Hội đồng thẩm định Chỉ số CCHC: Bước 9, từ 15/02/2022',
    );
    expectInBoth(
      mail,
      'Kính gửi: Các thành viên Hội đồng thẩm định Chỉ số CCHC',
      'Nhiệm vụ: Bước 9 — Họp Hội đồng thẩm định thông qua kết quả chấm điểm',
      'Thời gian họp: từ 15/02/2022',
      'Hạn thông qua kết quả: 17/02/2022 23:59 (giờ Việt Nam)',
      'Phòng họp số 2, Sở Nội vụ',
      'Nghiên cứu hồ sơ tổng hợp kết quả thẩm định lần 2',
    );
    const timed = councilReminderMail({
      ...common,
      step: { number: 9, titleVi: 'Họp Hội đồng' },
      meetingStart: '2022-02-15T01:30:00.000Z',
      deadline: endOfLocalDay('2022-02-17', VN),
    });
    expect(timed.text).toContain('Thời gian họp: từ 15/02/2022 08:30');
  });
});

describe('escaping and safety', () => {
  const hostile = {
    ...common,
    unitName: 'Sở <script>alert("x")</script> & Co',
    step: { number: 3, titleVi: 'Tự đánh giá <b>ngay</b>' },
    deadline: selfAssessmentDeadline,
    missing: ['<img src=x onerror=alert(1)>', 'Tiêu chí \'A\' & "B"'],
    actionUrl: 'https://cchc.example.vn/nop?a=1&b="2"<x>',
  };

  it('escapes every interpolated value in the HTML and keeps the text verbatim', () => {
    const mails = [
      selfAssessmentReminderMail(hostile),
      explanationReminderMail(hostile),
      escalationMail({ ...hostile, secretariatName: '<i>Tổ</i>' }),
      overdueReminderMail(hostile),
      appraisalReminderMail({ ...hostile, agencyName: hostile.unitName }),
      councilReminderMail({
        ...hostile,
        councilName: hostile.unitName,
        meetingStart: selfAssessmentDeadline,
        venue: '<u>Phòng</u>',
      }),
      secretariatDigestMail({
        ...hostile,
        event: 'window_closed',
        submitted: [{ unitName: hostile.unitName }],
        late: [],
        missing: [{ unitName: '<b>Sở</b>', note: '"gia hạn"' }],
      }),
    ];
    for (const mail of mails) {
      expect(mail.html).not.toMatch(/<(script|img|b|i|u|x)[\s>]/);
      expect(mail.html).not.toContain('onerror=alert(1)>');
      expect(mail.html).toContain('&lt;');
      expect(mail.text).toContain('<');
    }
    const [first] = mails;
    expect(first?.html).toContain('Sở &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(first?.html).toContain('Tiêu chí &#39;A&#39; &amp; &quot;B&quot;');
    expect(first?.html).toContain(
      'href="https://cchc.example.vn/nop?a=1&amp;b=&quot;2&quot;&lt;x&gt;"',
    );
    expect(first?.text).toContain('Kính gửi: Sở <script>alert("x")</script> & Co');
  });

  it('keeps the subject on one line', () => {
    const mail = selfAssessmentReminderMail({ ...hostile, unitName: 'Sở A\r\nBcc: x@example.vn' });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain('Sở A Bcc: x@example.vn');
  });

  it('refuses links other than http(s) and invalid dates', () => {
    expect(() =>
      selfAssessmentReminderMail({ ...hostile, actionUrl: 'javascript:alert(1)' }),
    ).toThrow(/only http and https/);
    expect(() => selfAssessmentReminderMail({ ...hostile, actionUrl: '/relative' })).toThrow(
      /absolute http\(s\) URL/,
    );
    expect(() => selfAssessmentReminderMail({ ...hostile, deadline: 'not a date' })).toThrow(
      /Invalid deadline/,
    );
  });

  it('sends precomposed Vietnamese (NFC) even from decomposed input', () => {
    const decomposed = 'Sở Nội vụ'.normalize('NFD');
    const mail = selfAssessmentReminderMail({
      ...common,
      unitName: decomposed,
      step: STEP_3,
      deadline: selfAssessmentDeadline,
    });
    expect(mail.text).toContain('Kính gửi: Sở Nội vụ');
    expect(mail.text).toBe(mail.text.normalize('NFC'));
    expect(mail.subject).toContain('Sở Nội vụ'.normalize('NFC'));
  });
});
