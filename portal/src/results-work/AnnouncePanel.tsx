import { NotificationOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Descriptions, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { campaignPages } from '../paths';
import { formatInstant, formatLocalDate } from '../results/format';
import { type CampaignDetail, type CampaignState, recordChairmanDecision } from './results-api';
import { StepLine } from './StepStatus';
import { useAct } from './use-act';

interface DecisionForm {
  number: string;
  /** antd's date (a Dayjs); read with format(). */
  date: { format(template: string): string };
}

/**
 * Steps 9 and 10 for the secretariat: whether the council approved (its own page records it),
 * and the Chairman's decision, which announces the results to every unit and the public.
 */
export function AnnouncePanel({
  campaign,
  detail,
  state,
  onChanged,
}: {
  campaign: string;
  detail: CampaignDetail;
  state: CampaignState;
  onChanged: () => void;
}) {
  const { act, busy } = useAct();
  const [form] = Form.useForm<DecisionForm>();
  const [confirming, setConfirming] = useState<{ number: string; date: string } | null>(null);

  const ask = async () => {
    const values = await form.validateFields();
    setConfirming({ number: values.number.trim(), date: values.date.format('YYYY-MM-DD') });
  };
  const decide = async () => {
    if (!confirming) return;
    const done = await act(
      'decide',
      () => recordChairmanDecision(campaign, confirming.number, confirming.date),
      { done: `Đã ghi Quyết định số ${confirming.number}: kết quả đã được công bố.` },
    );
    setConfirming(null);
    if (done) onChanged();
  };

  return (
    <Space orientation="vertical" size={16} className="full-width">
      <div className="step-lines">
        <StepLine kind="council_approval" state={state} campaign={detail} />
        <StepLine kind="announcement" state={state} campaign={detail} />
      </div>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'council',
            label: 'Hội đồng thẩm định',
            children: state.councilApproval ? (
              <>
                Đã thông qua lúc {formatInstant(state.councilApproval.approvedAt)}
                {state.councilApproval.note ? `: ${state.councilApproval.note}` : ''}
              </>
            ) : (
              <>
                Chưa thông qua (
                <Link className="results-work-link" to={campaignPages.council(campaign)}>
                  trang Hội đồng
                </Link>
                )
              </>
            ),
          },
          {
            key: 'decision',
            label: 'Quyết định công bố',
            children: state.decision ? (
              <>
                Số {state.decision.number} ngày {formatLocalDate(state.decision.date)}
                {state.resultsPublishedAt &&
                  `, công bố lúc ${formatInstant(state.resultsPublishedAt)}`}{' '}
                (
                <Link className="results-work-link" to={campaignPages.publishedResults(campaign)}>
                  trang kết quả công bố
                </Link>
                )
              </>
            ) : (
              'Chưa có'
            ),
          },
        ]}
      />
      {!state.decision && (
        <Form<DecisionForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          className="decision-form"
          onFinish={() => void ask()}
        >
          <Form.Item
            label="Số quyết định của Chủ tịch UBND tỉnh"
            name="number"
            rules={[
              { required: true, whitespace: true, message: 'Vui lòng nhập số quyết định.' },
              { max: 64, message: 'Số quyết định dài tối đa 64 ký tự.' },
            ]}
          >
            <Input placeholder="Ví dụ: 456/QĐ-UBND" autoComplete="off" />
          </Form.Item>
          <Form.Item
            label="Ngày quyết định"
            name="date"
            rules={[{ required: true, message: 'Vui lòng chọn ngày quyết định.' }]}
          >
            <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" className="date-input" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<NotificationOutlined />}
            loading={busy === 'decide'}
          >
            Ghi quyết định và công bố kết quả
          </Button>
        </Form>
      )}
      {state.decision && (
        <Alert
          type="success"
          showIcon
          title="Kết quả đã được công bố"
          description="Mọi đơn vị đọc được kết quả của mình; trang kết quả công bố mở cho mọi người."
        />
      )}
      <Modal
        open={confirming !== null}
        title="Công bố kết quả?"
        okText="Công bố"
        cancelText="Hủy"
        confirmLoading={busy === 'decide'}
        onOk={() => void decide()}
        onCancel={() => setConfirming(null)}
      >
        {confirming && (
          <p>
            Ghi Quyết định số <strong>{confirming.number}</strong> ngày{' '}
            <strong>{formatLocalDate(confirming.date)}</strong>. Kết quả được công bố cho mọi đơn vị
            và trên trang công khai, gửi thư tới các đơn vị, và không tính lại được nữa.
          </p>
        )}
      </Modal>
    </Space>
  );
}
