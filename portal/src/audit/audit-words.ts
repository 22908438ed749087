/**
 * The audit log's action codes in Vietnamese words, for the codes the API records today
 * (src/api/**: audit.record). An unknown code is shown as it is.
 */
export const ACTION_LABELS: Record<string, string> = {
  'account.invite': 'Mời tài khoản',
  'account.reinvite': 'Gửi lại thư mời',
  'account.update': 'Sửa tài khoản',
  'account.disable': 'Khóa tài khoản',
  'account.enable': 'Mở khóa tài khoản',
  'account.password_set': 'Đặt mật khẩu',
  'account.password_reset_requested': 'Yêu cầu đặt lại mật khẩu',
  'account.sign_in': 'Đăng nhập',
  'account.sign_out': 'Đăng xuất',
  'api_token.issue': 'Cấp mã truy cập',
  'api_token.revoke': 'Thu hồi mã truy cập',
  'appraisal.fix': 'Chốt điểm thẩm định',
  'appraisal.round1.save': 'Lưu điểm thẩm định lần 1',
  'appraisal.round2.save': 'Lưu điểm thẩm định lần 2',
  'calendar_year.put': 'Nạp lịch ngày làm việc',
  'calendar_year.import': 'Nhập tệp lịch ngày làm việc',
  'calendar_year.delete': 'Xoá lịch ngày làm việc đã nạp',
  'campaign.update': 'Sửa chiến dịch',
  'campaign.create': 'Tạo chiến dịch',
  'campaign.import': 'Nhập kế hoạch chiến dịch',
  'campaign.copy': 'Sao chép chiến dịch',
  'campaign.launch': 'Khởi động chiến dịch',
  'campaign.council.approve': 'Hội đồng thông qua kết quả',
  'campaign.chairman.decision': 'Ghi nhận quyết định công bố',
  'campaign.scoring_policy.update': 'Sửa quy tắc xếp loại, khen thưởng',
  'campaign.step.open': 'Mở bước sớm',
  'campaign.step.close': 'Đóng bước',
  'campaign.step.amend_deadline': 'Gia hạn bước',
  'campaign_step.update': 'Sửa bước của kế hoạch',
  'campaign_step.create': 'Thêm bước vào kế hoạch',
  'campaign_step.delete': 'Xóa bước khỏi kế hoạch',
  'evidence.upload': 'Tải lên tài liệu kiểm chứng',
  'explanation.proposals.generate': 'Lập đề xuất giải trình',
  'explanation.proposals.edit': 'Sửa đề xuất giải trình',
  'index_set.import': 'Nhập bộ chỉ số',
  'participation.create': 'Thêm đơn vị vào chiến dịch',
  'participation.create_many': 'Thêm nhiều đơn vị vào chiến dịch',
  'participation.delete': 'Bỏ đơn vị khỏi chiến dịch',
  'participation.explanation.request': 'Yêu cầu giải trình',
  'participation.explanation.submit': 'Nộp giải trình',
  'participation.extension.grant': 'Gia hạn cho đơn vị',
  'results.compute': 'Tính kết quả',
  'results.council.adjust': 'Hội đồng điều chỉnh điểm',
  'self_assessment.save_draft': 'Lưu bản nháp tự đánh giá',
  'self_assessment.submit': 'Nộp báo cáo tự đánh giá',
  'survey_scores.import': 'Nhập điểm điều tra xã hội học',
  'unit.create': 'Thêm đơn vị',
  'unit.update': 'Sửa đơn vị',
  'units.import': 'Nhập danh sách đơn vị',
};

/** The filter's groups of actions: the API takes a code's first words too. */
export const ACTION_GROUPS: { value: string; label: string }[] = [
  { value: 'account', label: 'Tài khoản, đăng nhập' },
  { value: 'api_token', label: 'Mã truy cập' },
  { value: 'campaign', label: 'Chiến dịch và các bước' },
  { value: 'self_assessment', label: 'Tự đánh giá' },
  { value: 'evidence', label: 'Tài liệu kiểm chứng' },
  { value: 'appraisal', label: 'Thẩm định' },
  { value: 'participation', label: 'Đơn vị tham gia, giải trình, gia hạn' },
  { value: 'results', label: 'Kết quả' },
  { value: 'calendar_year', label: 'Lịch ngày làm việc' },
];

export const actionLabel = (code: string): string => ACTION_LABELS[code] ?? code;

/** What an entry is about, in words, from what it recorded. */
export function targetOf(entityType: string, details: Record<string, unknown> | null): string {
  const d = details ?? {};
  const text = (key: string) => (typeof d[key] === 'string' ? d[key] : null);
  const parts: string[] = [];
  if (entityType === 'api_token' && text('name')) parts.push(`Mã «${text('name')}»`);
  if (entityType === 'account' && text('email')) parts.push(`Tài khoản ${text('email')}`);
  if (text('unitCode')) parts.push(`Đơn vị ${text('unitCode')}`);
  if (text('campaignCode')) parts.push(`Chiến dịch ${text('campaignCode')}`);
  if (entityType === 'calendar_year' && typeof d.year === 'number') {
    parts.push(`Lịch ngày làm việc năm ${d.year}`);
  }
  if (parts.length > 0) return parts.join(' — ');
  return TYPE_LABELS[entityType] ?? entityType;
}

const TYPE_LABELS: Record<string, string> = {
  campaign: 'Chiến dịch',
  campaign_step: 'Bước của kế hoạch',
  participation: 'Đơn vị tham gia',
  self_assessment: 'Báo cáo tự đánh giá',
  evidence_file: 'Tài liệu kiểm chứng',
  index_set: 'Bộ chỉ số',
  unit: 'Đơn vị',
  account: 'Tài khoản',
  api_token: 'Mã truy cập',
  calendar_year: 'Lịch ngày làm việc',
};
