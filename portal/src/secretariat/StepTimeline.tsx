import { Button, DatePicker, Form, Grid, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { label, STEP_STATUS_LABELS } from './labels';
import type { CampaignDetail, PlanStep } from './secretariat-api';
import { instantInZone, localDateOf, pickerValueOf } from './zoned-time';

const STEP_COLORS: Record<string, string> = {
  pending: '#434343',
  open: '#0958d9',
  closed: '#237804',
};

export interface StepActions {
  open(step: PlanStep): Promise<boolean>;
  close(step: PlanStep): Promise<boolean>;
  amend(step: PlanStep, deadline: string, reason: string): Promise<boolean>;
  plan(step: PlanStep, dates: { opensOn?: string; closesOn?: string }): Promise<boolean>;
}

/**
 * The campaign's steps as the API reports them (status, opening, deadline, overdue, by the
 * campaign rules), with the secretariat's actions. Which action a step takes is the API's to
 * decide (StepsService, CampaignActions): the buttons follow the status it reports, and its
 * refusals are shown as it words them.
 */
export function StepTimeline({
  campaign,
  actions,
}: {
  campaign: CampaignDetail;
  actions: StepActions;
}) {
  const [amending, setAmending] = useState<PlanStep | null>(null);
  const [planning, setPlanning] = useState<PlanStep | null>(null);
  const draft = campaign.status === 'draft';
  const running = campaign.status === 'launched';
  const wide = Grid.useBreakpoint().md ?? true;
  const buttons = (step: PlanStep) => (
    <Space size={4} wrap>
      {running && step.status === 'pending' && (
        <Popconfirm
          title={`Mở bước ${step.number} ngay?`}
          description="Bước được mở trước thời gian trong kế hoạch."
          okText="Mở bước"
          cancelText="Hủy"
          onConfirm={() => void actions.open(step)}
        >
          <Button size="small">Mở sớm</Button>
        </Popconfirm>
      )}
      {running && step.status === 'open' && (
        <Popconfirm
          title={`Đóng bước ${step.number}?`}
          description="Đóng sớm bước của đơn vị, hoặc ghi nhận hoàn thành bước của Tổ thư ký."
          okText="Đóng bước"
          cancelText="Hủy"
          onConfirm={() => void actions.close(step)}
        >
          <Button size="small">Đóng</Button>
        </Popconfirm>
      )}
      {running && step.status !== 'closed' && step.deadline && (
        <Button size="small" onClick={() => setAmending(step)}>
          Điều chỉnh hạn
        </Button>
      )}
      {draft && (
        <Button size="small" onClick={() => setPlanning(step)}>
          Sửa ngày
        </Button>
      )}
    </Space>
  );
  return (
    <>
      <Table<PlanStep>
        className="step-timeline"
        rowKey="number"
        size="small"
        pagination={false}
        dataSource={campaign.steps}
        {...(wide && { scroll: { x: 900 } })}
        rowClassName={(step) => (step.number === campaign.currentStep ? 'current-step' : '')}
        columns={
          wide
            ? [
                { title: 'Bước', dataIndex: 'number', width: 64 },
                { title: 'Nội dung', dataIndex: 'titleVi', width: 260 },
                {
                  title: 'Mở',
                  dataIndex: 'opensAtLocal',
                  width: 150,
                  render: (_: string | null, step) => opensText(step),
                },
                {
                  title: 'Hạn',
                  dataIndex: 'deadlineLocal',
                  width: 150,
                  render: (at: string | null) => at ?? '—',
                },
                {
                  title: 'Trạng thái',
                  key: 'status',
                  width: 170,
                  render: (_, step) => <StepStatusTags step={step} />,
                },
                {
                  title: 'Thao tác',
                  key: 'actions',
                  width: 250,
                  render: (_, step) => buttons(step),
                },
              ]
            : [
                // A phone reads each step as one block, without scrolling sideways.
                {
                  title: 'Bước',
                  key: 'step',
                  render: (_, step) => (
                    <div className="step-compact">
                      <strong>
                        {step.number}. {step.titleVi}
                      </strong>
                      <div>Hạn: {step.deadlineLocal ?? '—'}</div>
                      <StepStatusTags step={step} />
                      {buttons(step)}
                    </div>
                  ),
                },
              ]
        }
      />
      <AmendDeadlineModal
        step={amending}
        timeZone={campaign.timeZone}
        onAmend={async (deadline, reason) => {
          const ok = amending ? await actions.amend(amending, deadline, reason) : false;
          if (ok) setAmending(null);
          return ok;
        }}
        onClose={() => setAmending(null)}
      />
      <PlanDatesModal
        step={planning}
        onPlan={async (dates) => {
          const ok = planning ? await actions.plan(planning, dates) : false;
          if (ok) setPlanning(null);
          return ok;
        }}
        onClose={() => setPlanning(null)}
      />
    </>
  );
}

const opensText = (step: PlanStep) =>
  step.opensAtLocal ?? (step.startsAfterStep ? `Sau bước ${step.startsAfterStep}` : '—');

function StepStatusTags({ step }: { step: PlanStep }) {
  return (
    <Space size={4} wrap>
      <Tag color={STEP_COLORS[step.status]}>{label(STEP_STATUS_LABELS, step.status)}</Tag>
      {step.overdue && <Tag color="#a8071a">Quá hạn</Tag>}
    </Space>
  );
}

interface AmendForm {
  deadline: Dayjs;
  reason?: string;
}

function AmendDeadlineModal({
  step,
  timeZone,
  onAmend,
  onClose,
}: {
  step: PlanStep | null;
  timeZone: string;
  onAmend: (deadline: string, reason: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<AmendForm>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await onAmend(instantInZone(values.deadline, timeZone), values.reason?.trim() ?? '');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={step !== null}
      title={step ? `Điều chỉnh hạn bước ${step.number}` : 'Điều chỉnh hạn'}
      okText="Điều chỉnh hạn"
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {step && (
        <Form<AmendForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ deadline: pickerValueOf(step.deadlineLocal) ?? undefined }}
        >
          <p>
            {step.titleVi.replace(/\.*$/, '')}. Hạn hiện tại:{' '}
            <strong>{step.deadlineLocal ?? '—'}</strong>. Hạn mới áp dụng cho mọi đơn vị; lịch nhắc
            việc được tính lại.
          </p>
          <Form.Item
            label="Hạn mới (giờ Việt Nam)"
            name="deadline"
            rules={[{ required: true, message: 'Vui lòng chọn hạn mới.' }]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" />
          </Form.Item>
          <Form.Item
            label="Căn cứ điều chỉnh (văn bản, lý do)"
            name="reason"
            extra="Ví dụ: Công văn số 123/SNV-CCHC ngày 20/12/2026 của Sở Nội vụ."
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

interface PlanForm {
  opensOn?: Dayjs | null;
  closesOn?: Dayjs | null;
}

function PlanDatesModal({
  step,
  onPlan,
  onClose,
}: {
  step: PlanStep | null;
  onPlan: (dates: { opensOn?: string; closesOn?: string }) => Promise<boolean>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<PlanForm>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await onPlan({
        ...(values.opensOn && { opensOn: localDateOf(values.opensOn) }),
        ...(values.closesOn && { closesOn: localDateOf(values.closesOn) }),
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={step !== null}
      title={step ? `Ngày của bước ${step.number}` : 'Ngày của bước'}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {step && (
        <Form<PlanForm>
          form={form}
          layout="vertical"
          initialValues={{
            opensOn: pickerValueOf(step.opensOn),
            closesOn: pickerValueOf(step.closesOn),
          }}
        >
          <p>{step.titleVi}</p>
          <Form.Item label="Ngày mở (từ 00:00)" name="opensOn">
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item label="Ngày hết hạn (đến 23:59)" name="closesOn">
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
