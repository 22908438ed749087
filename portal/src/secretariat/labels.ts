/** Vietnamese words for the API's codes, as the secretariat's pages show them. */

export const CAMPAIGN_STATUS_LABELS: Record<string, string> = {
  draft: 'Bản nháp',
  launched: 'Đang triển khai',
  completed: 'Đã hoàn thành',
};

export const STEP_STATUS_LABELS: Record<string, string> = {
  pending: 'Chưa mở',
  open: 'Đang mở',
  closed: 'Đã đóng',
};

export const UNIT_STATUS_LABELS: Record<string, string> = {
  registered: 'Đã đăng ký',
  submitted: 'Đã nộp tự đánh giá',
  late: 'Nộp muộn',
  missing: 'Chưa nộp (quá hạn)',
  explanation_requested: 'Được yêu cầu giải trình',
  explained: 'Đã giải trình',
  explanation_missing: 'Không giải trình',
  completed: 'Hoàn thành',
};

/** Dark colours: the tag writes its text in them on a light tint (antd's presets miss WCAG AA). */
export const UNIT_STATUS_COLORS: Record<string, string> = {
  registered: '#434343',
  submitted: '#237804',
  late: '#874d00',
  missing: '#a8071a',
  explanation_requested: '#0958d9',
  explained: '#237804',
  explanation_missing: '#a8071a',
  completed: '#237804',
};

export const GROUP_LABELS: Record<string, string> = {
  department: 'Sở, ban, ngành',
  district: 'Huyện, thị xã, thành phố',
  commune: 'Xã, phường, thị trấn',
};

export const NOTIFICATION_KIND_LABELS: Record<string, string> = {
  reminder: 'Nhắc hạn',
  escalation: 'Báo quá hạn',
  overdue_reminder: 'Nhắc sau hạn',
  digest_window_opened: 'Tổng hợp: mở đợt',
  digest_window_closed: 'Tổng hợp: đóng đợt',
  appraisal_reminder: 'Nhắc thẩm định',
  council_reminder: 'Nhắc Hội đồng',
  window_opened: 'Báo mở đợt',
  appraisal_escalation: 'Báo chậm thẩm định',
  council_escalation: 'Báo Hội đồng quá hạn',
  secretariat_escalation: 'Báo Tổ thư ký quá hạn',
  explanation_request: 'Yêu cầu giải trình',
  results: 'Kết quả',
  delivery_failures: 'Thư không gửi được',
  calendar_year_missing: 'Thiếu lịch ngày làm việc',
};

export const NOTIFICATION_STATUS_LABELS: Record<string, string> = {
  sent: 'Đã gửi',
  failed: 'Gửi lỗi',
  unconfirmed: 'Chưa xác nhận',
  sending: 'Đang gửi',
};

export const AUDIENCE_LABELS: Record<string, string> = {
  unit: 'Đầu mối đơn vị',
  unit_head: 'Thủ trưởng đơn vị',
  secretariat: 'Tổ thư ký',
  secretariat_head: 'Tổ trưởng Tổ thư ký',
  appraisers: 'Cơ quan thẩm định',
  council: 'Hội đồng',
};

export const label = (labels: Record<string, string>, code: string | null | undefined) =>
  code ? (labels[code] ?? code) : '—';
