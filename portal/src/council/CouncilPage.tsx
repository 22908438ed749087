import { CheckCircleOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../pages/PageTitle';
import { campaignPages } from '../paths';
import { formatInstant } from '../results/format';
import { useSession } from '../session/session';
import { AdjustmentModal } from './AdjustmentModal';
import { ComputedResultsTables } from '../results-work/ComputedResultsTables';
import { formatPoints } from '../results/format';
import { formatSigned } from '../results-work/format';
import {
  type Adjustment,
  addAdjustment,
  adjustmentsPath,
  approveResults,
  type CampaignDetail,
  type CampaignState,
  campaignPath,
  type Results,
  resultsExportUrl,
  resultsPath,
  statePath,
} from '../results-work/results-api';
import { StepLine } from '../results-work/StepStatus';
import { useAct } from '../results-work/use-act';
import { firstLoadGate } from '../results-work/LoadGate';
import { useLoad } from '../results-work/use-load';
import '../results-work/results-work.css';
import { ScrollRegion } from '../results-work/ScrollRegion';

/** "Điểm tổng +0,5", "Tiêu chí 1.2: 3", "Tiêu chí 2.1: không áp dụng". */
function adjustmentText(a: Adjustment): string {
  if (a.criterionCode === null) return `Điểm tổng ${formatSigned(a.points ?? 0)}`;
  return `Tiêu chí ${a.criterionCode}: ${a.notApplicable ? 'không áp dụng' : formatPoints(a.score ?? 0)}`;
}

/**
 * The Appraisal Council's review (step 9): the computed results, its adjustments with their
 * reasons, and its approval. Once the campaign state records the approval the page is read-only.
 */
export function CouncilPage() {
  const { campaign = '' } = useParams();
  const { me } = useSession();
  const [detail] = useLoad<CampaignDetail>(campaignPath(campaign));
  const [state, reloadState] = useLoad<CampaignState>(statePath(campaign));
  const [results, reloadResults] = useLoad<Results>(resultsPath(campaign));
  const [adjustments, reloadAdjustments] = useLoad<Adjustment[]>(adjustmentsPath(campaign));
  const { act, busy } = useAct();
  const [adjusting, setAdjusting] = useState(false);
  const [approving, setApproving] = useState(false);
  const [note, setNote] = useState('');

  const title = <PageTitle tabTitle="Hội đồng thẩm định">Hội đồng thẩm định</PageTitle>;
  const gate = firstLoadGate(title, detail, state);
  if (gate || !detail.data || !state.data) return gate;
  const approval = state.data.councilApproval;
  const view = results.data;

  const approve = async () => {
    const done = await act('approve', () => approveResults(campaign, note.trim() || undefined), {
      done: 'Hội đồng đã thông qua kết quả.',
    });
    setApproving(false);
    if (done) await reloadState();
  };

  return (
    <>
      {title}
      <Space wrap size={[16, 4]} className="campaign-line">
        <Typography.Text strong>{detail.data.name}</Typography.Text>
        {me && me.role !== 'council' && (
          <Link to={campaignPages.resultsWork(campaign)}>Trang tổng hợp kết quả</Link>
        )}
      </Space>
      <Space orientation="vertical" size={16} className="full-width">
        <div className="step-lines">
          <StepLine kind="council_approval" state={state.data} campaign={detail.data} />
        </div>
        {approval ? (
          <Alert
            type="success"
            showIcon
            title={`Hội đồng đã thông qua kết quả lúc ${formatInstant(approval.approvedAt)}`}
            description={approval.note}
          />
        ) : (
          <Typography.Paragraph className="panel-intro">
            Hội đồng xem kết quả do Tổ thư ký tính, điều chỉnh điểm của đơn vị khi cần (mỗi điều
            chỉnh ghi rõ lý do; thứ hạng được tính lại ngay), rồi thông qua kết quả để Chủ tịch UBND
            tỉnh công bố.
          </Typography.Paragraph>
        )}
        {results.status === 'error' && !view && (
          <Alert
            type={results.error.status === 404 ? 'info' : 'error'}
            showIcon
            title={
              results.error.status === 404 ? 'Chưa có kết quả để xem xét' : results.error.title
            }
            description={results.error.detail}
          />
        )}
        {view && (
          <>
            <Space wrap>
              {!approval && (
                <>
                  <Button icon={<EditOutlined />} onClick={() => setAdjusting(true)}>
                    Điều chỉnh kết quả
                  </Button>
                  <Button
                    type="primary"
                    icon={<CheckCircleOutlined />}
                    loading={busy === 'approve'}
                    onClick={() => setApproving(true)}
                  >
                    Thông qua kết quả
                  </Button>
                </>
              )}
              <Button icon={<DownloadOutlined />} href={resultsExportUrl(campaign, 'xlsx')}>
                Tải Excel
              </Button>
            </Space>
            <Typography.Text type="secondary">
              Tính lúc {formatInstant(view.computedAt)}
            </Typography.Text>
            <ComputedResultsTables results={view} />
          </>
        )}
        <section aria-labelledby="dieu-chinh">
          <Typography.Title level={2} id="dieu-chinh" className="group-title">
            Điều chỉnh của Hội đồng
          </Typography.Title>
          <ScrollRegion label="Các điều chỉnh của Hội đồng">
            <Table<Adjustment>
              rowKey="id"
              size="small"
              pagination={false}
              loading={adjustments.status === 'loading' && !adjustments.data}
              dataSource={adjustments.data ?? []}
              locale={{ emptyText: 'Chưa có điều chỉnh nào.' }}
              style={{ minWidth: 720 }}
              columns={[
                { title: 'Đơn vị', dataIndex: 'unitCode', width: 110 },
                {
                  title: 'Điều chỉnh',
                  key: 'what',
                  width: 180,
                  render: (_, a) => adjustmentText(a),
                },
                { title: 'Lý do', dataIndex: 'reason' },
                {
                  title: 'Người ghi, lúc',
                  key: 'by',
                  width: 200,
                  render: (_, a) => `${a.adjustedBy}, ${formatInstant(a.adjustedAt)}`,
                },
              ]}
            />
          </ScrollRegion>
        </section>
      </Space>
      {view && (
        <AdjustmentModal
          open={adjusting}
          results={view}
          onClose={() => setAdjusting(false)}
          onSave={async (adjustment) => {
            const done = await act('adjust', () => addAdjustment(campaign, adjustment), {
              done: `Đã ghi điều chỉnh cho ${adjustment.unitCode}; thứ hạng đã được tính lại.`,
            });
            if (!done) return false;
            setAdjusting(false);
            await Promise.all([reloadResults(), reloadAdjustments()]);
            return true;
          }}
        />
      )}
      <Modal
        open={approving}
        title="Thông qua kết quả?"
        okText="Thông qua"
        cancelText="Hủy"
        confirmLoading={busy === 'approve'}
        onOk={() => void approve()}
        onCancel={() => setApproving(false)}
      >
        <p>
          Hội đồng thông qua kết quả như bảng trên. Sau đó Tổ thư ký trình Chủ tịch UBND tỉnh ký
          quyết định công bố.
        </p>
        <Form layout="vertical">
          <Form.Item label="Ghi chú (không bắt buộc)" htmlFor="council-note">
            <Input.TextArea
              id="council-note"
              rows={3}
              maxLength={4000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder="Ví dụ: Hội đồng thông qua tại cuộc họp ngày …"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
