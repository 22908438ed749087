import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useApiGet } from '../api/use-api-get';
import { formatInstant } from '../results/format';
import { label, UNIT_STATUS_LABELS } from './labels';
import {
  type CampaignDetail,
  type ParticipationRow,
  type SelfAssessmentRead,
  selfAssessmentPath,
  type UnitState,
  unitStatePath,
} from './secretariat-api';
import { instantInZone } from './zoned-time';

/** Steps a unit acts in, whose deadline may be extended for one unit (the API says which). */
const UNIT_STEP_KINDS = new Set(['self_assessment', 'explanation']);

const when = (iso: string | null) => (iso ? formatInstant(iso) : '—');

interface ExtensionForm {
  stepNumber: number;
  deadline: Dayjs;
  reason?: string;
}

/**
 * One unit in the campaign: where it stands (GET …/units/{code}/state), a later deadline for it
 * (POST …/extensions: the API decides whether the step takes one), and its self-assessment, read
 * only.
 */
export function UnitDrawer({
  campaign,
  row,
  version,
  onExtend,
  onClose,
}: {
  campaign: CampaignDetail;
  row: ParticipationRow | null;
  /** Changes after an action, so the drawer reads the unit again. */
  version: number;
  onExtend: (
    unitCode: string,
    stepNumber: number,
    deadline: string,
    reason: string,
  ) => Promise<boolean>;
  onClose: () => void;
}) {
  const [phone, setPhone] = useState(() => window.matchMedia('(max-width: 767px)').matches);
  useEffect(() => {
    const query = window.matchMedia('(max-width: 767px)');
    const change = () => setPhone(query.matches);
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, []);
  return (
    <Drawer
      open={row !== null}
      onClose={onClose}
      size={phone ? '100%' : 640}
      title={row ? `${row.unit.name} (${row.unit.code})` : ''}
      destroyOnHidden
    >
      {row && (
        <UnitDetails
          key={`${row.unit.code}-${version}`}
          campaign={campaign}
          row={row}
          onExtend={onExtend}
        />
      )}
    </Drawer>
  );
}

function UnitDetails({
  campaign,
  row,
  onExtend,
}: {
  campaign: CampaignDetail;
  row: ParticipationRow;
  onExtend: (
    unitCode: string,
    stepNumber: number,
    deadline: string,
    reason: string,
  ) => Promise<boolean>;
}) {
  const running = campaign.status !== 'draft';
  const sheet = useApiGet<SelfAssessmentRead>(selfAssessmentPath(campaign.code, row.unit.code));
  const [form] = Form.useForm<ExtensionForm>();
  const [busy, setBusy] = useState(false);
  const unitSteps = campaign.steps.filter((s) => UNIT_STEP_KINDS.has(s.kind));

  const extend = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await onExtend(
        row.unit.code,
        values.stepNumber,
        instantInZone(values.deadline, campaign.timeZone),
        values.reason?.trim() ?? '',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {running ? (
        <UnitStateFacts campaign={campaign} row={row} />
      ) : (
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'status', label: 'Trạng thái', children: label(UNIT_STATUS_LABELS, row.status) },
          ]}
        />
      )}

      {running && (
        <section aria-label="Gia hạn cho đơn vị" className="drawer-section">
          <Typography.Title level={3} className="section-title">
            Gia hạn cho đơn vị
          </Typography.Title>
          <Form<ExtensionForm>
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={{ stepNumber: unitSteps[0]?.number }}
          >
            <Form.Item label="Bước" name="stepNumber" rules={[{ required: true }]}>
              <Select
                aria-label="Bước"
                options={unitSteps.map((s) => ({
                  value: s.number,
                  label: `Bước ${s.number}: ${s.titleVi}`,
                }))}
              />
            </Form.Item>
            <Form.Item
              label="Hạn mới của đơn vị (giờ Việt Nam)"
              name="deadline"
              rules={[{ required: true, message: 'Vui lòng chọn hạn mới.' }]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" />
            </Form.Item>
            <Form.Item label="Lý do gia hạn" name="reason">
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Button
              type="primary"
              loading={busy}
              onClick={() => void extend().catch(() => undefined)}
            >
              Gia hạn
            </Button>
          </Form>
        </section>
      )}

      <section aria-label="Báo cáo tự đánh giá" className="drawer-section">
        <Typography.Title level={3} className="section-title">
          Báo cáo tự đánh giá (chỉ xem)
        </Typography.Title>
        {sheet.status === 'loading' && <Spin description="Đang tải…" />}
        {sheet.status === 'error' && (
          <Alert type="error" showIcon title={sheet.error.title} description={sheet.error.detail} />
        )}
        {sheet.status === 'ok' && (
          <>
            <Typography.Paragraph>
              {sheet.data.status === 'submitted'
                ? `Đã nộp phiên bản ${sheet.data.version ?? ''} lúc ${when(sheet.data.submittedAt)}${sheet.data.late ? ' (muộn)' : ''}.`
                : sheet.data.status === 'draft'
                  ? 'Đơn vị đang soạn, chưa nộp.'
                  : 'Đơn vị chưa bắt đầu tự đánh giá.'}
              {sheet.data.deadlineExtended && <Tag className="inline-tag">Đã gia hạn</Tag>}
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey="criterionCode"
              pagination={false}
              dataSource={sheet.data.items}
              scroll={{ x: 520 }}
              columns={[
                { title: 'Mã', dataIndex: 'criterionCode', width: 70 },
                { title: 'Tiêu chí', dataIndex: 'title' },
                { title: 'Tối đa', dataIndex: 'maxPoints', width: 70 },
                {
                  title: 'Tự chấm',
                  key: 'score',
                  width: 90,
                  render: (_, item) => (item.notApplicable ? 'Không áp dụng' : (item.score ?? '—')),
                },
                {
                  title: 'Tài liệu',
                  key: 'evidence',
                  width: 80,
                  render: (_, item) => item.evidence.length,
                },
              ]}
            />
          </>
        )}
      </section>
    </>
  );
}

/** Where the unit stands, as GET …/units/{code}/state answers (a launched campaign only). */
function UnitStateFacts({ campaign, row }: { campaign: CampaignDetail; row: ParticipationRow }) {
  const state = useApiGet<UnitState>(unitStatePath(campaign.code, row.unit.code));
  if (state.status === 'loading') return <Spin description="Đang tải…" />;
  if (state.status === 'error') {
    return (
      <Alert type="error" showIcon title={state.error.title} description={state.error.detail} />
    );
  }
  const { selfAssessment, explanation } = state.data;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        {
          key: 'status',
          label: 'Trạng thái',
          children: label(UNIT_STATUS_LABELS, state.data.status),
        },
        {
          key: 'sa-deadline',
          label: 'Hạn tự đánh giá áp dụng',
          children: when(selfAssessment.deadline),
        },
        {
          key: 'sa-submitted',
          label: 'Nộp tự đánh giá',
          children: selfAssessment.submittedAt
            ? `${when(selfAssessment.submittedAt)}${selfAssessment.late ? ' (muộn)' : ''}`
            : 'Chưa nộp',
        },
        { key: 'ex-deadline', label: 'Hạn giải trình', children: when(explanation.deadline) },
      ]}
    />
  );
}
