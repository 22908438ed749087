import { PlusOutlined, SendOutlined, SyncOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { formatInstant } from '../results/format';
import { formatScore } from './format';
import {
  type CampaignDetail,
  type CampaignState,
  confirmProposals,
  editProposals,
  type ExplanationRequestRow,
  generateProposals,
  proposalsPath,
  type UnitRequests,
} from './results-api';
import { StepLine } from './StepStatus';
import { useAct } from './use-act';
import { useLoad } from './use-load';
import { ScrollRegion } from './ScrollRegion';

const STATUS = {
  proposed: { label: 'Đề xuất', color: '#874d00' },
  dismissed: { label: 'Đã bỏ', color: '#4b5563' },
  confirmed: { label: 'Đã gửi đơn vị', color: '#237804' },
} as const;

/**
 * The aggregation of round 1 (step 5): the API proposes explanation requests from the scores;
 * the secretariat strikes some out, adds or rewords others, and confirms a unit's, which sends
 * the unit its request (the mail goes from the notifications workflow).
 */
export function ProposalsPanel({
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
  const [list, reload] = useLoad<UnitRequests[]>(proposalsPath(campaign));
  const [notAppraised, setNotAppraised] = useState<UnitRequests[]>([]);
  const [editing, setEditing] = useState<{ unit: UnitRequests; row?: ExplanationRequestRow }>();
  const { act, busy, success } = useAct();

  const generate = async () => {
    const units = await act('generate', () => generateProposals(campaign));
    if (!units) return;
    const proposed = units.reduce(
      (n, unit) => n + unit.requests.filter((r) => r.status === 'proposed').length,
      0,
    );
    setNotAppraised(units.filter((unit) => (unit.notAppraised ?? []).length > 0));
    success(`Đã lập đề nghị: ${proposed} tiêu chí đề xuất giải trình.`);
    await reload();
  };

  const edit = async (
    unit: UnitRequests,
    items: { criterionCode: string; include: boolean; reason?: string }[],
    done: string,
  ) => {
    const ok = await act(`edit:${unit.unitCode}`, () =>
      editProposals(campaign, unit.unitCode, items),
    );
    if (ok) {
      success(done);
      await reload();
    }
    return ok !== null;
  };

  const confirm = async (unit: UnitRequests) => {
    const ok = await act(
      `confirm:${unit.unitCode}`,
      () => confirmProposals(campaign, unit.unitCode),
      { done: `Đã gửi yêu cầu giải trình tới ${unit.unitName}.` },
    );
    if (ok) {
      await reload();
      onChanged();
    }
  };

  const units = list.data ?? [];
  return (
    <Space orientation="vertical" size={16} className="full-width">
      <div className="step-lines">
        <StepLine kind="aggregation_round_1" state={state} campaign={detail} />
        <StepLine kind="explanation" state={state} campaign={detail} />
      </div>
      <Typography.Paragraph className="panel-intro">
        Hệ thống đề xuất giải trình các tiêu chí có điểm thẩm định lần 1 thấp hơn điểm tự chấm hoặc
        thiếu tài liệu kiểm chứng bắt buộc. Tổ thư ký bỏ bớt, thêm hoặc sửa nội dung đề nghị, rồi
        gửi yêu cầu cho từng đơn vị; đơn vị nhận thư và giải trình trước hạn của bước giải trình.
        Lập lại đề nghị giữ nguyên những gì Tổ thư ký đã sửa, bỏ hoặc đã gửi.
      </Typography.Paragraph>
      <Space wrap>
        <Button
          type="primary"
          icon={<SyncOutlined />}
          loading={busy === 'generate'}
          onClick={() => void generate()}
        >
          Lập đề nghị giải trình
        </Button>
      </Space>
      {notAppraised.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="Một số tiêu chí chưa có điểm thẩm định lần 1 nên chưa được so sánh"
          description={notAppraised
            .map((u) => `${u.unitName}: ${(u.notAppraised ?? []).join(', ')}`)
            .join('; ')}
        />
      )}
      {list.status === 'error' && (
        <Alert type="error" showIcon title={list.error.title} description={list.error.detail} />
      )}
      {list.status !== 'error' && units.length === 0 && list.status === 'ok' && (
        <Empty description="Chưa có đề nghị giải trình nào. Bấm “Lập đề nghị giải trình” sau khi các cơ quan thẩm định xong lần 1." />
      )}
      {units.map((unit) => (
        <UnitProposals
          key={unit.unitCode}
          unit={unit}
          busy={busy}
          onDismiss={(row) =>
            void edit(
              unit,
              [{ criterionCode: row.criterionCode, include: false }],
              `Đã bỏ tiêu chí ${row.criterionCode} khỏi đề nghị của ${unit.unitName}.`,
            )
          }
          onRestore={(row) =>
            void edit(
              unit,
              [{ criterionCode: row.criterionCode, include: true }],
              `Đã đưa lại tiêu chí ${row.criterionCode} vào đề nghị.`,
            )
          }
          onEdit={(row) => setEditing({ unit, row })}
          onAdd={() => setEditing({ unit })}
          onConfirm={() => void confirm(unit)}
        />
      ))}
      <ReasonModal
        editing={editing}
        onClose={() => setEditing(undefined)}
        onSave={async (criterionCode, reason) => {
          if (!editing) return false;
          const ok = await edit(
            editing.unit,
            [{ criterionCode, include: true, reason }],
            `Đã lưu đề nghị tiêu chí ${criterionCode} của ${editing.unit.unitName}.`,
          );
          if (ok) setEditing(undefined);
          return ok;
        }}
      />
    </Space>
  );
}

function UnitProposals({
  unit,
  busy,
  onDismiss,
  onRestore,
  onEdit,
  onAdd,
  onConfirm,
}: {
  unit: UnitRequests;
  busy: string | null;
  onDismiss: (row: ExplanationRequestRow) => void;
  onRestore: (row: ExplanationRequestRow) => void;
  onEdit: (row: ExplanationRequestRow) => void;
  onAdd: () => void;
  onConfirm: () => void;
}) {
  const proposed = unit.requests.filter((r) => r.status === 'proposed');
  const confirmed = unit.requests.filter((r) => r.status === 'confirmed');
  const headingId = `gt-${unit.unitCode}`;
  return (
    <Card
      size="small"
      className="unit-card"
      title={
        <span id={headingId} role="heading" aria-level={3}>
          {unit.unitName} <span className="unit-code-inline">({unit.unitCode})</span>
        </span>
      }
      extra={
        <Typography.Text type="secondary">
          {proposed.length} đề xuất · {confirmed.length} đã gửi
        </Typography.Text>
      }
    >
      <ScrollRegion label={`Đề nghị giải trình của ${unit.unitName}`}>
        <Table<ExplanationRequestRow>
          rowKey="criterionCode"
          size="small"
          pagination={false}
          dataSource={unit.requests}
          style={{ minWidth: 900 }}
          aria-labelledby={headingId}
          columns={[
            {
              title: 'Tiêu chí',
              dataIndex: 'criterionCode',
              width: 200,
              render: (code: string, row) => (
                <>
                  <strong>{code}</strong> {row.title}
                </>
              ),
            },
            {
              title: 'Tự chấm',
              dataIndex: 'selfScore',
              align: 'right',
              width: 80,
              render: formatScore,
            },
            {
              title: 'Thẩm định lần 1',
              dataIndex: 'round1Score',
              align: 'right',
              width: 100,
              render: formatScore,
            },
            {
              title: 'Nội dung đề nghị (đơn vị đọc)',
              dataIndex: 'reason',
              render: (reason: string, row) => (
                <>
                  <div>{reason}</div>
                  {row.finding && (
                    <Typography.Text type="secondary" className="finding">
                      Căn cứ: {row.finding}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            {
              title: 'Trạng thái',
              dataIndex: 'status',
              width: 130,
              render: (status: ExplanationRequestRow['status'], row) => (
                <>
                  <Tag color={STATUS[status].color}>{STATUS[status].label}</Tag>
                  {row.confirmedAt && <div className="when">{formatInstant(row.confirmedAt)}</div>}
                  {row.status === 'confirmed' && (
                    <div className="when">
                      {row.answeredAt
                        ? `Đơn vị đã giải trình ${formatInstant(row.answeredAt)}`
                        : row.deadline
                          ? `Hạn giải trình ${formatInstant(row.deadline)}`
                          : 'Chưa giải trình'}
                    </div>
                  )}
                </>
              ),
            },
            {
              title: 'Thao tác',
              key: 'actions',
              width: 170,
              render: (_, row) =>
                row.status === 'confirmed' ? null : (
                  <Space wrap size={4}>
                    {row.status === 'proposed' ? (
                      <>
                        <Button size="small" onClick={() => onEdit(row)}>
                          Sửa
                        </Button>
                        <Button
                          size="small"
                          loading={busy === `edit:${unit.unitCode}`}
                          onClick={() => onDismiss(row)}
                          aria-label={`Bỏ tiêu chí ${row.criterionCode}`}
                        >
                          Bỏ
                        </Button>
                      </>
                    ) : (
                      <Button
                        size="small"
                        onClick={() => onRestore(row)}
                        aria-label={`Đưa lại tiêu chí ${row.criterionCode}`}
                      >
                        Đưa lại
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </ScrollRegion>
      <Space wrap className="card-actions">
        {proposed.length > 0 && (
          <Popconfirm
            title={`Gửi yêu cầu giải trình tới ${unit.unitName}?`}
            description={`Đơn vị nhận thư với ${proposed.length} tiêu chí đề xuất; yêu cầu đã gửi không rút lại được.`}
            okText="Gửi yêu cầu"
            cancelText="Hủy"
            onConfirm={onConfirm}
          >
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={busy === `confirm:${unit.unitCode}`}
            >
              Gửi yêu cầu giải trình
            </Button>
          </Popconfirm>
        )}
        <Button icon={<PlusOutlined />} onClick={onAdd}>
          Thêm tiêu chí
        </Button>
      </Space>
    </Card>
  );
}

/** Rewords a proposal's reason, or adds a criterion to a unit's proposals. */
function ReasonModal({
  editing,
  onClose,
  onSave,
}: {
  editing: { unit: UnitRequests; row?: ExplanationRequestRow } | undefined;
  onClose: () => void;
  onSave: (criterionCode: string, reason: string) => Promise<boolean>;
}) {
  const [form] = Form.useForm<{ criterionCode: string; reason: string }>();
  const [saving, setSaving] = useState(false);
  const row = editing?.row;
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await onSave(values.criterionCode.trim(), values.reason.trim());
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={editing !== undefined}
      title={row ? `Sửa đề nghị tiêu chí ${row.criterionCode}` : 'Thêm tiêu chí đề nghị giải trình'}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {editing && (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          preserve={false}
          initialValues={{ criterionCode: row?.criterionCode ?? '', reason: row?.reason ?? '' }}
        >
          <Typography.Paragraph>
            Đơn vị: <strong>{editing.unit.unitName}</strong>
          </Typography.Paragraph>
          <Form.Item
            label="Mã tiêu chí"
            name="criterionCode"
            extra="Ví dụ: 1.2.1 (tiêu chí do cơ quan thẩm định chấm)."
            rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập mã tiêu chí.' }]}
          >
            <Input disabled={row !== undefined} autoComplete="off" />
          </Form.Item>
          <Form.Item
            label="Nội dung đề nghị (đơn vị đọc)"
            name="reason"
            rules={[
              { required: true, whitespace: true, message: 'Vui lòng nhập nội dung đề nghị.' },
            ]}
          >
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
