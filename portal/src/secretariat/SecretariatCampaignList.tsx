import { CopyOutlined, PlusOutlined, RocketOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { asApiError } from '../api/api-error';
import { useApiErrorNotice } from '../api/use-api-error-notice';
import { campaignPages } from '../paths';
import { searchable } from '../text/searchable';
import { CAMPAIGN_STATUS_LABELS, label } from './labels';
import './secretariat.css';
import {
  ApiErrorWithRows,
  type CampaignRow,
  copyCampaign,
  createCampaign,
  importPlan,
  type PlanDateMove,
  launchCampaign,
  listCampaigns,
} from './secretariat-api';

const STATUS_COLORS: Record<string, string> = {
  draft: '#874d00',
  launched: '#0958d9',
  completed: '#237804',
};

/** What the API answered to the last copy or launch, shown above the list. */
interface Outcome {
  type: 'success' | 'warning' | 'error';
  title: string;
  lines: string[];
}

/** "Bước 3, hạn: 24/12/2022 (Thứ Bảy) → 23/12/2022": one date the copy placed on a working day. */
function moveLine(move: PlanDateMove): string {
  const which = move.date === 'deadline' ? 'hạn' : 'ngày mở';
  return move.rule === 'keep'
    ? `Bước ${move.step}, ${which}: giữ ${move.yearShiftOn} (${move.reason})`
    : `Bước ${move.step}, ${which}: ${move.yearShiftOn} (${move.reason}) → ${move.chosenOn}`;
}

interface NewCampaignFields {
  code: string;
  name: string;
  year: number;
  province: string;
}

/**
 * The secretariat's campaigns (admin, secretariat): year, status, current step; a new campaign
 * with an empty plan, next year's copied from one (with the dates the copy moved onto working
 * days, and why), and a draft launched. Whether a creation, a copy or a launch is allowed is the
 * API's to say (CampaignPlansService, CampaignsService, launchProblems): its answer is shown as is.
 */
export function SecretariatCampaignList() {
  const { message } = App.useApp();
  const showError = useApiErrorNotice();
  const [rows, setRows] = useState<CampaignRow[] | null>(null);
  const [query, setQuery] = useState('');
  const wanted = searchable(query.trim());
  const shown = (rows ?? []).filter(
    (c) => !wanted || searchable(`${c.name} ${c.code} ${c.year}`).includes(wanted),
  );
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [creating, setCreating] = useState(false);
  const [planFile, setPlanFile] = useState<File | null>(null);
  const [planProblems, setPlanProblems] = useState<{ title: string; lines: string[] } | null>(null);
  const [form] = Form.useForm<NewCampaignFields>();
  const navigate = useNavigate();

  const create = async (fields: NewCampaignFields) => {
    setBusy(true);
    setPlanProblems(null);
    const values = {
      ...fields,
      code: fields.code.trim(),
      name: fields.name.trim(),
      province: fields.province.trim(),
    };
    try {
      const created = planFile ? await importPlan(planFile, values) : await createCampaign(values);
      void message.success(
        planFile
          ? `Đã tạo bản nháp “${created.name}” với ${created.steps.length} bước từ ${planFile.name}.`
          : `Đã tạo bản nháp “${created.name}”: hãy lập kế hoạch các bước.`,
      );
      setCreating(false);
      void navigate(campaignPages.overview(created.code));
    } catch (err) {
      const error = asApiError(err);
      if (err instanceof ApiErrorWithRows) {
        setPlanProblems({
          title: `${error.title}: ${error.detail}`,
          lines: err.rows.map((r) => r.message),
        });
      } else {
        showError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const reload = useCallback(async () => {
    try {
      setRows(await listCampaigns());
    } catch (err) {
      showError(asApiError(err));
      setRows([]);
    }
  }, [showError]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const copyNext = async (source: CampaignRow) => {
    setBusy(true);
    try {
      const copy = await copyCampaign(source.code, source.year + 1);
      const { moves, kept, warnings } = copy.workingDays;
      setOutcome({
        type: warnings.length > 0 ? 'warning' : 'success',
        title: `Đã tạo bản nháp “${copy.name}” (${copy.code}) từ chiến dịch năm ${source.year}.`,
        lines: [
          moves.length > 0
            ? `Các bước được dời sang năm mới; ${moves.length} mốc rơi vào ngày nghỉ được dời sang ngày làm việc (hạn về ngày làm việc liền trước, ngày mở sang ngày làm việc liền sau):`
            : 'Các bước được dời sang năm mới; không mốc nào rơi vào ngày nghỉ.',
          ...moves.map(moveLine),
          ...kept.map(moveLine),
          ...warnings,
          'Hãy nhập quyết định ban hành kế hoạch, kiểm tra ngày, đơn vị tham gia và bộ chỉ số rồi triển khai.',
        ],
      });
      void message.success(`Đã tạo chiến dịch năm ${copy.year}.`);
      await reload();
    } catch (err) {
      showError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const launch = async (row: CampaignRow) => {
    setBusy(true);
    try {
      const result = await launchCampaign(row.code);
      setOutcome({
        type: result.warnings.length > 0 ? 'warning' : 'success',
        title: result.workflowStarted
          ? `Đã triển khai “${result.name}”: quy trình ${result.workflowId} đã khởi động.`
          : `Đã ghi nhận triển khai “${result.name}”; quy trình sẽ khởi động khi máy chủ Temporal trả lời.`,
        lines: result.warnings,
      });
      await reload();
    } catch (err) {
      const error = asApiError(err);
      if (err instanceof ApiErrorWithRows) {
        setOutcome({
          type: 'error',
          title: `${error.title}: ${error.detail}`,
          lines: err.rows.map((r) => r.message),
        });
      } else {
        showError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label="Các chiến dịch">
      {outcome && (
        <Alert
          className="form-alert"
          type={outcome.type}
          showIcon
          closable={{ onClose: () => setOutcome(null), 'aria-label': 'Đóng thông báo' }}
          title={outcome.title}
          description={
            outcome.lines.length > 0 ? (
              <ul className="secretariat-lines">
                {outcome.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Space className="campaign-search" wrap>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={busy}
          onClick={() => {
            form.setFieldsValue({
              year: new Date().getFullYear() + 1,
              province: rows?.[0]?.province ?? '',
            });
            setPlanFile(null);
            setPlanProblems(null);
            setCreating(true);
          }}
        >
          Tạo đợt mới
        </Button>
      </Space>
      <Modal
        title="Tạo đợt chấm điểm mới"
        open={creating}
        okText="Tạo bản nháp"
        cancelText="Hủy"
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          Chiến dịch mới là một bản nháp: kế hoạch các bước lấy từ tệp kế hoạch (nếu chọn), đơn vị
          tham gia và bộ chỉ số được thêm trên trang của chiến dịch trước khi triển khai.
        </Typography.Paragraph>
        {planProblems && (
          <Alert
            className="form-alert"
            type="error"
            showIcon
            title={planProblems.title}
            description={
              <ul className="secretariat-lines">
                {planProblems.lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            }
          />
        )}
        <Form<NewCampaignFields>
          form={form}
          layout="vertical"
          onFinish={(fields) => void create(fields)}
        >
          <Form.Item
            name="name"
            label="Tên chiến dịch"
            rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên chiến dịch.' }]}
          >
            <Input placeholder="Chấm điểm Chỉ số CCHC năm 2027" maxLength={255} />
          </Form.Item>
          <Form.Item
            name="code"
            label="Mã chiến dịch"
            extra="Chữ cái không dấu, chữ số, “.”, “_” hoặc “-”; ví dụ vinhlong-2027."
            rules={[
              { required: true, whitespace: true, message: 'Hãy nhập mã chiến dịch.' },
              {
                pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
                message: 'Mã chỉ gồm chữ cái không dấu, chữ số, “.”, “_” và “-”.',
              },
            ]}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item
            name="year"
            label="Năm đánh giá"
            rules={[{ required: true, message: 'Hãy nhập năm đánh giá.' }]}
          >
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
          <Form.Item
            name="province"
            label="Tỉnh"
            rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên tỉnh.' }]}
          >
            <Input maxLength={128} />
          </Form.Item>
          <Form.Item
            label="Kế hoạch các bước (không bắt buộc)"
            extra="Tệp .xlsx (dòng 1: number, title_vi, kind, actor, lead, opens_on, closes_on, starts_after_step, …) hoặc .json; để trống: kế hoạch trống."
          >
            <Space wrap>
              <Upload
                accept=".xlsx,.json"
                showUploadList={false}
                beforeUpload={(file) => {
                  setPlanFile(file);
                  setPlanProblems(null);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />}>Chọn tệp kế hoạch</Button>
              </Upload>
              {planFile && (
                <Typography.Text>
                  {planFile.name}{' '}
                  <Button size="small" type="link" onClick={() => setPlanFile(null)}>
                    Bỏ tệp
                  </Button>
                </Typography.Text>
              )}
            </Space>
          </Form.Item>
        </Form>
      </Modal>
      <Input.Search
        className="campaign-search"
        allowClear
        aria-label="Tìm chiến dịch"
        placeholder="Tìm theo tên, mã hoặc năm"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <Table<CampaignRow>
        rowKey="id"
        loading={rows === null}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        columns={[
          { title: 'Năm', dataIndex: 'year', width: 80 },
          {
            title: 'Chiến dịch',
            key: 'name',
            render: (_, row) => (
              <Space orientation="vertical" size={0}>
                <Link to={campaignPages.overview(row.code)}>{row.name}</Link>
                <Typography.Text type="secondary">{row.code}</Typography.Text>
              </Space>
            ),
          },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            width: 150,
            render: (status: string) => (
              <Tag color={STATUS_COLORS[status]}>{label(CAMPAIGN_STATUS_LABELS, status)}</Tag>
            ),
          },
          {
            title: 'Bước hiện tại',
            dataIndex: 'currentStep',
            width: 120,
            render: (step: number | null) => (step === null ? '—' : `Bước ${step}`),
          },
          {
            title: 'Thao tác',
            key: 'actions',
            width: 210,
            render: (_, row) => (
              <Space orientation="vertical" size={4}>
                {row.status === 'draft' && (
                  <Popconfirm
                    title={`Triển khai “${row.name}”?`}
                    description="Quy trình của chiến dịch bắt đầu chạy; sau đó kế hoạch không sửa trực tiếp được nữa."
                    okText="Triển khai"
                    cancelText="Hủy"
                    onConfirm={() => void launch(row)}
                  >
                    <Button size="small" icon={<RocketOutlined />} disabled={busy}>
                      Triển khai
                    </Button>
                  </Popconfirm>
                )}
                <Popconfirm
                  title={`Tạo chiến dịch năm ${row.year + 1}?`}
                  description={`Sao chép kế hoạch, bộ chỉ số và đơn vị tham gia của “${row.name}” sang năm ${row.year + 1}.`}
                  okText="Tạo"
                  cancelText="Hủy"
                  onConfirm={() => void copyNext(row)}
                >
                  <Button size="small" icon={<CopyOutlined />} disabled={busy}>
                    Sao chép sang năm sau
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </section>
  );
}
