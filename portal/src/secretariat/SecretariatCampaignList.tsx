import { CopyOutlined, RocketOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
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

/**
 * The secretariat's campaigns (admin, secretariat): year, status, current step; next year's
 * campaign copied from the newest one, and a draft launched. Whether a copy or a launch is allowed
 * is the API's to say (CampaignsService: copy rules, launchProblems): its answer is shown as is.
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
      setOutcome({
        type: 'success',
        title: `Đã tạo bản nháp “${copy.name}” (${copy.code}) từ chiến dịch năm ${source.year}.`,
        lines: [
          'Các bước được dời sang năm mới; hãy nhập quyết định ban hành kế hoạch, kiểm tra ngày, đơn vị tham gia và bộ chỉ số rồi triển khai.',
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
                    Tạo chiến dịch năm sau
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
