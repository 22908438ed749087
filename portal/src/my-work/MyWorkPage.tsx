import { ClockCircleOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Empty, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useApiGet } from '../api/use-api-get';
import { PageTitle } from '../pages/PageTitle';
import { MY_WORK_PATH, type MyWork, type WorkItem, workingDaysText } from './my-work-api';
import './my-work.css';

const KIND_LABELS: Record<WorkItem['kind'], string> = {
  self_assessment: 'Tự đánh giá',
  explanation: 'Giải trình',
  appraisal: 'Thẩm định',
  council_approval: 'Hội đồng',
  step: 'Bước của Tổ thư ký',
  aggregation: 'Tổng hợp kết quả',
};

/**
 * What is due for the signed-in person, as the API works it out (GET /me/work: the campaign
 * rules on the campaigns' state, the working-day calendar): in the API's order (by deadline),
 * each with the page where it is done. Nothing is decided here.
 */
export function MyWorkPage() {
  const state = useApiGet<MyWork>(MY_WORK_PATH);
  return (
    <>
      <PageTitle tabTitle="Việc của tôi">Việc của tôi</PageTitle>
      {state.status === 'loading' && <Spin aria-label="Đang tải" />}
      {state.status === 'error' && (
        <Alert type="error" showIcon title={state.error.title} description={state.error.detail} />
      )}
      {state.status === 'ok' && state.data.items.length === 0 && (
        <Empty description="Không có việc nào đến hạn" />
      )}
      {state.status === 'ok' && state.data.items.length > 0 && (
        <ul className="my-work-list" aria-label="Việc đến hạn">
          {state.data.items.map((item) => (
            <WorkRow key={`${item.campaignId}/${item.kind}/${item.stepNumber}`} item={item} />
          ))}
        </ul>
      )}
    </>
  );
}

function WorkRow({ item }: { item: WorkItem }) {
  const days = workingDaysText(item);
  return (
    <li className={item.overdue ? 'my-work-item my-work-overdue' : 'my-work-item'}>
      <Space orientation="vertical" size={4} className="my-work-body">
        <Space wrap size={8}>
          <Tag color={item.overdue ? '#a8071a' : '#0958d9'}>{KIND_LABELS[item.kind]}</Tag>
          <Link to={item.link} className="my-work-link">
            {item.title} <RightOutlined aria-hidden />
          </Link>
        </Space>
        <Typography.Text>
          {item.campaignName}
          {item.unitName && ` — ${item.unitName}`}
          {item.stepNumber !== null && ` — Bước ${item.stepNumber}`}
        </Typography.Text>
        <Typography.Text className="my-work-deadline">
          <ClockCircleOutlined aria-hidden />{' '}
          {item.deadlineLocal ? `Hạn: ${item.deadlineLocal}` : 'Không có hạn cụ thể'}
          {days && <strong>{` (${days})`}</strong>}
        </Typography.Text>
      </Space>
    </li>
  );
}
