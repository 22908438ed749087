import { Tag } from 'antd';
import { formatInstant } from '../results/format';
import type { CampaignDetail, CampaignState } from './results-api';

/** Dark text colours on antd's light tint (its presets miss WCAG AA on small text). */
const STATUS = {
  pending: { label: 'Chưa mở', color: '#4b5563' },
  open: { label: 'Đang mở', color: '#1554ad' },
  closed: { label: 'Đã đóng', color: '#237804' },
} as const;

/** A step's status as the API's campaign state gives it. */
export function StepStatusTag({ status }: { status: keyof typeof STATUS }) {
  const { label, color } = STATUS[status];
  return <Tag color={color}>{label}</Tag>;
}

/**
 * One step of the plan as the API says it stands: its number, title, status and deadline (as
 * officials read it, from GET /campaigns/{c}); "quá hạn" when the state says so.
 */
export function StepLine({
  kind,
  state,
  campaign,
}: {
  kind: string;
  state: CampaignState;
  campaign: CampaignDetail;
}) {
  const step = state.steps.find((s) => s.kind === kind);
  if (!step) return <span>Kế hoạch không có bước này.</span>;
  const planned = campaign.steps.find((s) => s.number === step.number);
  return (
    <span className="step-line">
      <span>
        Bước {step.number}: {step.titleVi}
      </span>{' '}
      <StepStatusTag status={step.status} />
      {step.overdue && <Tag color="#a8071a">Quá hạn</Tag>}
      {step.status === 'closed' && step.closedAt ? (
        <span className="step-when">đóng lúc {formatInstant(step.closedAt)}</span>
      ) : planned?.deadlineLocal ? (
        <span className="step-when">hạn {planned.deadlineLocal}</span>
      ) : null}
    </span>
  );
}
