import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { formatIndex } from '../results/format';
import {
  type CampaignDetail,
  type CampaignState,
  type Commendation,
  type Commendations,
  commendationsExportUrl,
  commendationsPath,
} from './results-api';
import { StepLine } from './StepStatus';
import { useLoad } from './use-load';
import { ScrollRegion } from './ScrollRegion';

function policyText(policy: Commendations['policy']): string {
  switch (policy.rule) {
    case 'top':
      return `${policy.top} đơn vị đứng đầu mỗi nhóm`;
    case 'threshold':
      return `đơn vị có Chỉ số CCHC từ ${policy.minIndex}`;
    case 'top_and_threshold':
      return `${policy.top} đơn vị đứng đầu mỗi nhóm và có Chỉ số CCHC từ ${policy.minIndex}`;
    case 'top_or_threshold':
      return `${policy.top} đơn vị đứng đầu mỗi nhóm hoặc có Chỉ số CCHC từ ${policy.minIndex}`;
    default:
      return policy.rule;
  }
}

/** Step 11: the commendation proposals the API draws from the published ranking. */
export function CommendationsPanel({
  campaign,
  detail,
  state,
}: {
  campaign: string;
  detail: CampaignDetail;
  state: CampaignState;
}) {
  const [loaded] = useLoad<Commendations>(
    state.resultsPublishedAt ? commendationsPath(campaign) : null,
  );
  return (
    <Space orientation="vertical" size={16} className="full-width">
      <div className="step-lines">
        <StepLine kind="commendation" state={state} campaign={detail} />
      </div>
      {!state.resultsPublishedAt && (
        <Alert
          type="info"
          showIcon
          title="Chưa công bố kết quả"
          description="Đề xuất khen thưởng được lập từ bảng xếp hạng đã công bố (sau Quyết định của Chủ tịch UBND tỉnh)."
        />
      )}
      {loaded.status === 'error' && (
        <Alert type="error" showIcon title={loaded.error.title} description={loaded.error.detail} />
      )}
      {loaded.data && (
        <>
          <Typography.Paragraph>
            Theo chính sách của chiến dịch: {policyText(loaded.data.policy)}.
          </Typography.Paragraph>
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={commendationsExportUrl(campaign, 'xlsx')}>
              Tải Excel
            </Button>
            <Button icon={<DownloadOutlined />} href={commendationsExportUrl(campaign, 'csv')}>
              Tải CSV
            </Button>
          </Space>
          <ScrollRegion label="Đề xuất khen thưởng">
            <Table<Commendation>
              rowKey={(row) => `${row.group}/${row.unitCode}`}
              size="small"
              pagination={false}
              dataSource={loaded.data.proposals}
              style={{ minWidth: 700 }}
              columns={[
                { title: 'Nhóm', dataIndex: 'groupName', width: 180 },
                {
                  title: 'Hạng',
                  dataIndex: 'rank',
                  width: 110,
                  render: (rank: number, row) => (
                    <>
                      <strong>{rank}</strong> {row.tied && <Tag className="tie-tag">đồng hạng</Tag>}
                    </>
                  ),
                },
                { title: 'Đơn vị', dataIndex: 'unitName' },
                {
                  title: 'Chỉ số CCHC',
                  dataIndex: 'indexText',
                  align: 'right',
                  width: 110,
                  render: (text: string) => formatIndex(text),
                },
                { title: 'Căn cứ đề xuất', dataIndex: 'reason' },
              ]}
            />
          </ScrollRegion>
        </>
      )}
    </Space>
  );
}
