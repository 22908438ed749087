import { describe, expect, it } from 'vitest';
import {
  composeNotification,
  type ComposeInput,
} from '../../src/activities/notifications/compose.js';
import { vietnamBusinessCalendar } from '../../src/domain/calendar/vietnam.js';
import { planCampaignSends } from '../../src/domain/reminders/plan-reminders.js';
import type { PlannedSend } from '../../src/domain/reminders/planned-send.js';

const CAMPAIGN = {
  id: '0b7c2d4e-7425-40de-944b-e07fc1f90ae7',
  year: 2021,
  timeZone: 'Asia/Ho_Chi_Minh',
};
const STEPS = [
  {
    number: 6,
    kind: 'explanation',
    titleVi: 'Giải trình và bổ sung tài liệu kiểm chứng',
    opensAt: '2022-01-16T17:00:00.000Z',
    deadline: '2022-01-21T16:59:59.000Z',
  },
  {
    number: 7,
    kind: 'appraisal_round_2',
    titleVi: 'Thẩm định lần thứ 2',
    opensAt: '2022-01-23T17:00:00.000Z',
    deadline: '2022-01-28T16:59:59.000Z',
  },
  {
    number: 9,
    kind: 'council_approval',
    titleVi: 'Họp Hội đồng thẩm định thông qua kết quả',
    opensAt: '2022-02-14T17:00:00.000Z',
    deadline: '2022-02-17T16:59:59.000Z',
  },
];
const sends = planCampaignSends({
  timeZone: CAMPAIGN.timeZone,
  calendar: vietnamBusinessCalendar(),
  latePolicy: 'accept',
  steps: STEPS,
  overdueUntil: { 6: '2022-02-11T16:59:59.000Z' },
});

function compose(planned: PlannedSend, extra: Partial<ComposeInput> = {}) {
  const step = STEPS.find((s) => s.number === planned.stepNumber)!;
  return composeNotification({
    campaign: CAMPAIGN,
    step,
    planned,
    actionUrl: 'https://cchc.example.gov.vn',
    unit: {
      code: 'SXD',
      name: 'Sở Xây dựng',
      participationId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      focalEmail: 'cchc@sxd.example.vn',
      headEmail: null,
    },
    agency: {
      id: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
      code: 'STP',
      name: 'Sở Tư pháp',
      email: 'tdinh@stp.example.vn',
    },
    secretariat: { emails: ['tothuky@snv.example.vn'] },
    council: { emails: ['hoidong@example.vn', 'hoidong@example.vn'] },
    digest: { submitted: [], missing: [{ unitName: 'Sở Xây dựng' }], late: [] },
    ...extra,
  });
}

const find = (kind: string) => sends.find((s) => s.kind === kind)!;

/** The secretariat as its contacts say: two active, one the head. */
const SECRETARIAT = {
  name: 'Tổ thư ký Hội đồng thẩm định Chỉ số CCHC',
  emails: ['totruong@snv.example.vn', 'chuyenvien@snv.example.vn'],
  head: { name: 'Tổ trưởng Tổ thư ký Lê Thị Thư', emails: ['totruong@snv.example.vn'] },
};

describe('composeNotification', () => {
  it('writes an explanation reminder to the unit, keyed by campaign, unit and plan', () => {
    const planned = find('reminder');
    const mail = compose(planned, { missing: ['Tiêu chí 1.2.1', 'Tiêu chí 3.1.2'] });
    expect(mail).toMatchObject({
      campaignId: CAMPAIGN.id,
      participationId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      agencyId: null,
      businessKey: `${CAMPAIGN.id}/unit:SXD/${planned.key}`,
      kind: 'reminder',
      stepNumber: 6,
      audience: 'unit',
      to: ['cchc@sxd.example.vn'],
      cc: [],
      scheduledFor: planned.sendAt,
    });
    expect(mail.subject).toBe(
      '[Chỉ số CCHC năm 2021] Nhắc hạn giải trình, bổ sung tài liệu kiểm chứng: Sở Xây dựng — hạn chót 21/01/2022 23:59',
    );
    expect(mail.text).toContain('  - Tiêu chí 1.2.1\n  - Tiêu chí 3.1.2');
  });

  it('escalates to the head (the focal point when it has none), the secretariat in copy', () => {
    const mail = compose(find('escalation'));
    expect(mail).toMatchObject({
      audience: 'unit_head',
      to: ['cchc@sxd.example.vn'],
      cc: ['tothuky@snv.example.vn'],
    });
    expect(mail.businessKey).toContain('/unit-head:SXD/step-6/escalation/');
    expect(mail.subject).toMatch(/Quá hạn: Sở Xây dựng chưa hoàn thành Bước 6/);
  });

  it('numbers overdue reminders', () => {
    const mail = compose(find('overdue_reminder'));
    expect(mail.subject).toMatch(
      /^\[Chỉ số CCHC năm 2021\] Nhắc nộp hồ sơ quá hạn \(lần 1\): Sở Xây dựng/,
    );
  });

  it('sends appraisal reminders to the agency and council reminders to the council, once per address', () => {
    const appraisal = compose(find('appraisal_reminder'));
    expect(appraisal).toMatchObject({
      audience: 'appraisers',
      agencyId: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
      to: ['tdinh@stp.example.vn'],
    });
    expect(appraisal.businessKey).toContain('/agency:STP/step-7/appraisal_reminder/');
    expect(appraisal.subject).toMatch(/Nhắc thẩm định: Bước 7 — Thẩm định lần thứ 2/);

    const council = compose(find('council_reminder'));
    expect(council).toMatchObject({ audience: 'council', to: ['hoidong@example.vn'] });
    expect(council.subject).toBe(
      '[Chỉ số CCHC năm 2021] Họp Hội đồng thẩm định Chỉ số CCHC: Bước 9, từ 15/02/2022',
    );
  });

  it('sends digests to the secretariat with the lists', () => {
    const mail = compose(find('digest_window_closed'));
    expect(mail).toMatchObject({ audience: 'secretariat', to: ['tothuky@snv.example.vn'] });
    expect(mail.text).toContain('Chưa nộp (1):\n  - Sở Xây dựng');
  });

  it('leaves `to` empty for a recipient without an address (the sender records it failed)', () => {
    const mail = compose(find('reminder'), {
      unit: {
        code: 'SXD',
        name: 'Sở Xây dựng',
        participationId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        focalEmail: null,
        headEmail: null,
      },
    });
    expect(mail.to).toEqual([]);
  });

  it('refuses a unit send without its unit', () => {
    expect(() =>
      composeNotification({
        campaign: CAMPAIGN,
        step: STEPS[0]!,
        planned: find('reminder'),
        actionUrl: 'https://cchc.example.gov.vn',
        secretariat: { emails: [] },
      }),
    ).toThrow(/needs the unit/);
  });

  it('escalates a late agency to its head, its contact and the head of the secretariat in copy', () => {
    const planned = find('appraisal_escalation');
    expect(planned.localDateTime).toBe('07/02/2022 08:00'); // round 2 ends before Tết
    const mail = compose(planned, {
      secretariat: SECRETARIAT,
      agency: {
        id: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
        code: 'STP',
        name: 'Sở Tư pháp',
        email: 'tdinh@stp.example.vn',
        ccEmails: ['cv@stp.example.vn'],
        headTitle: 'Giám đốc',
        headName: 'Trần Văn Pháp',
        headEmail: 'giamdoc@stp.example.vn',
      },
      backlog: { units: 3, criteria: 7 },
    });
    expect(mail).toMatchObject({
      audience: 'appraisers',
      to: ['giamdoc@stp.example.vn'],
      cc: ['tdinh@stp.example.vn', 'cv@stp.example.vn', 'totruong@snv.example.vn'],
    });
    expect(mail.businessKey).toBe(`${CAMPAIGN.id}/agency:STP/${planned.key}`);
    expect(mail.subject).toBe(
      '[Chỉ số CCHC năm 2021] Quá hạn thẩm định: Sở Tư pháp chưa hoàn thành Bước 7 (còn 3 đơn vị, 7 lượt tiêu chí chưa có điểm thẩm định)',
    );
    expect(mail.text).toContain('Giám đốc Sở Tư pháp (Trần Văn Pháp)');
    expect(mail.text).toContain('Đồng gửi: Tổ trưởng Tổ thư ký Lê Thị Thư');
  });

  it('escalates the council with the head of the secretariat in copy', () => {
    const mail = compose(find('council_escalation'), { secretariat: SECRETARIAT });
    expect(mail).toMatchObject({
      audience: 'council',
      to: ['hoidong@example.vn'],
      cc: ['totruong@snv.example.vn'],
    });
    expect(mail.subject).toMatch(/Quá hạn: Hội đồng thẩm định Chỉ số CCHC chưa thông qua kết quả/);
  });

  it('tells the unit its explanation window opened, with its form and deadline', () => {
    const mail = compose(find('window_opened'));
    expect(mail).toMatchObject({ audience: 'unit', to: ['cchc@sxd.example.vn'], cc: [] });
    expect(mail.subject).toBe(
      '[Chỉ số CCHC năm 2021] Bắt đầu giải trình, bổ sung tài liệu kiểm chứng: Sở Xây dựng — hạn chót 21/01/2022 23:59',
    );
    expect(mail.text).toContain('Bắt đầu: 17/01/2022 00:00 (giờ Việt Nam)');
  });
});
