import { Alert, Tag } from 'antd';
import type { SelfAssessment, UnitState } from './unit-api';
import { formatInstant, unitStatusLabel } from './unit-format';

const local = (iso: string | null) => (iso ? `${formatInstant(iso)} (giờ Việt Nam)` : 'chưa định');

const CLOSED_BECAUSE: Record<string, string> = {
  refuses_late: 'đã quá hạn và đợt đánh giá này không nhận bản nộp muộn',
  round_one_ended: 'đã hết thời gian nhận bản nộp muộn (vòng thẩm định 1 đã kết thúc)',
  results_published: 'kết quả của đợt đánh giá đã được công bố',
};

/**
 * Whether the unit may still save and submit, as the API answers it (the self-assessment's
 * `window`, from the campaign rules; GET …/state for the unit's status): the portal decides
 * nothing here.
 */
export function WindowStatus({ view, state }: { view: SelfAssessment; state: UnitState | null }) {
  const { window } = view;
  const extended = view.deadlineExtended ? ' (đã được gia hạn)' : '';
  const status = state ? (
    <Tag color="#0958d9" className="unit-status-tag">
      {unitStatusLabel(state.status)}
    </Tag>
  ) : null;
  switch (window.phase) {
    case 'not_open':
      return (
        <Alert
          type="info"
          showIcon
          title={<>Chưa đến thời gian nộp {status}</>}
          description={`Có thể soạn và lưu bản nháp; nhận bản nộp từ ${local(window.opensAt)}. Hạn nộp: ${local(window.deadline)}${extended}.`}
        />
      );
    case 'on_time':
      return (
        <Alert
          type="success"
          showIcon
          title={<>Đang trong thời gian tự đánh giá {status}</>}
          description={`Hạn nộp: ${local(window.deadline)}${extended}.`}
        />
      );
    case 'late':
      return (
        <Alert
          type="warning"
          showIcon
          title={<>Đã quá hạn nộp {status}</>}
          description={`Hạn nộp là ${local(window.deadline)}${extended}. Bản nộp vẫn được nhận và ghi nhận là nộp muộn${window.acceptedUntil ? `, đến ${local(window.acceptedUntil)}` : ''}.`}
        />
      );
    case 'closed':
      return (
        <Alert
          type="error"
          showIcon
          title={<>Đã hết thời gian tự đánh giá {status}</>}
          description={`Không thể lưu hay nộp nữa: ${CLOSED_BECAUSE[window.closedBecause ?? ''] ?? 'thời gian tự đánh giá đã kết thúc'}. Biểu mẫu chỉ để xem.`}
        />
      );
  }
}
