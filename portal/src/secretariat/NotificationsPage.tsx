import { Alert, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApiErrorNotice } from '../api/use-api-error-notice';
import { useApiGet } from '../api/use-api-get';
import { PageTitle } from '../pages/PageTitle';
import { campaignPages } from '../paths';
import { formatInstant } from '../results/format';
import {
  AUDIENCE_LABELS,
  label,
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_STATUS_LABELS,
} from './labels';
import {
  type CampaignDetail,
  type Forecast,
  type ForecastRow,
  forecastPath,
  type NotificationRow,
  notificationsPath,
  type Page,
  campaignPath,
} from './secretariat-api';
import './secretariat.css';

const PAGE_SIZE = 50;

const STATUS_COLORS: Record<string, string> = {
  sent: '#237804',
  failed: '#a8071a',
  unconfirmed: '#874d00',
  sending: '#0958d9',
};

const kindOptions = Object.entries(NOTIFICATION_KIND_LABELS).map(([value, text]) => ({
  value,
  label: text,
}));

function recipientOf(row: {
  audience: string;
  unitCode: string | null;
  unitName: string | null;
  agencyCode: string | null;
}) {
  const who = label(AUDIENCE_LABELS, row.audience);
  if (row.unitCode) return `${who}: ${row.unitName ?? row.unitCode} (${row.unitCode})`;
  if (row.agencyCode) return `${who}: ${row.agencyCode}`;
  return who;
}

/**
 * A campaign's notifications: what the plan will send and when (GET …/notifications/forecast,
 * recomputed by the API from the plan as amended and the units' extensions), and what was sent
 * (GET …/notifications), filtered and paged by the API.
 */
export function NotificationsPage() {
  const { campaign: ref = '' } = useParams();
  const campaign = useApiGet<CampaignDetail>(campaignPath(ref));
  const name = campaign.status === 'ok' ? campaign.data.name : ref;
  return (
    <>
      <PageTitle tabTitle={`Thư thông báo — ${name}`}>Thư thông báo</PageTitle>
      <Typography.Paragraph>
        Chiến dịch: <Link to={campaignPages.overview(ref)}>{name}</Link>
      </Typography.Paragraph>
      <Tabs
        items={[
          { key: 'forecast', label: 'Dự kiến gửi', children: <ForecastTab campaign={ref} /> },
          { key: 'log', label: 'Nhật ký đã gửi', children: <LogTab campaign={ref} /> },
        ]}
      />
    </>
  );
}

/** Shows a GET's refusal once, as the API words it. */
function useNotice(state: ReturnType<typeof useApiGet>) {
  const notice = useApiErrorNotice();
  useEffect(() => {
    if (state.status === 'error') notice(state.error);
  }, [state, notice]);
}

function Filters({
  kind,
  setKind,
  unitCode,
  setUnitCode,
  status,
  setStatus,
}: {
  kind: string | undefined;
  setKind: (kind: string | undefined) => void;
  unitCode: string;
  setUnitCode: (code: string) => void;
  status?: string | undefined;
  setStatus?: (status: string | undefined) => void;
}) {
  return (
    <Space wrap className="units-filters">
      <Select
        allowClear
        aria-label="Lọc theo loại thư"
        placeholder="Mọi loại thư"
        value={kind}
        onChange={setKind}
        options={kindOptions}
        className="units-select"
      />
      {setStatus && (
        <Select
          allowClear
          aria-label="Lọc theo trạng thái gửi"
          placeholder="Mọi trạng thái"
          value={status}
          onChange={setStatus}
          options={Object.entries(NOTIFICATION_STATUS_LABELS).map(([value, text]) => ({
            value,
            label: text,
          }))}
          className="units-select"
        />
      )}
      <Input.Search
        allowClear
        aria-label="Người nhận: mã đơn vị"
        placeholder="Người nhận: mã đơn vị"
        defaultValue={unitCode}
        onSearch={(value) => setUnitCode(value.trim().toUpperCase())}
        className="units-search"
      />
    </Space>
  );
}

function ForecastTab({ campaign }: { campaign: string }) {
  const [kind, setKind] = useState<string | undefined>();
  const [unitCode, setUnitCode] = useState('');
  const [page, setPage] = useState(1);
  const state = useApiGet<Forecast>(
    forecastPath(campaign, {
      kind,
      unitCode: unitCode || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
  );
  useNotice(state);
  return (
    <>
      <Filters
        kind={kind}
        setKind={(k) => {
          setKind(k);
          setPage(1);
        }}
        unitCode={unitCode}
        setUnitCode={(c) => {
          setUnitCode(c);
          setPage(1);
        }}
      />
      {state.status === 'ok' && (
        <Typography.Paragraph type="secondary">
          Tính lúc {formatInstant(state.data.generatedAt)} từ kế hoạch hiện hành (kể cả hạn đã điều
          chỉnh và gia hạn của từng đơn vị); thư gửi vào ngày làm việc.
        </Typography.Paragraph>
      )}
      {state.status === 'error' && (
        <Alert type="error" showIcon title={state.error.title} description={state.error.detail} />
      )}
      <Table<ForecastRow>
        size="small"
        rowKey="businessKey"
        aria-label="Thư dự kiến gửi"
        loading={state.status === 'loading'}
        dataSource={state.status === 'ok' ? state.data.items : []}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: state.status === 'ok' ? state.data.total : 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        columns={[
          { title: 'Gửi lúc', dataIndex: 'sendAtLocal', width: 140 },
          {
            title: 'Loại thư',
            dataIndex: 'kind',
            width: 150,
            render: (k: string) => label(NOTIFICATION_KIND_LABELS, k),
          },
          { title: 'Người nhận', key: 'to', render: (_, row) => recipientOf(row) },
          { title: 'Bước', dataIndex: 'stepNumber', width: 64 },
          {
            title: 'Về hạn',
            key: 'deadline',
            width: 190,
            render: (_, row) => (
              <>
                {row.deadlineLocal}
                {row.extended && <Tag className="inline-tag">Gia hạn</Tag>}
              </>
            ),
          },
          {
            title: 'Tình trạng',
            key: 'state',
            width: 130,
            render: (_, row) =>
              row.notification ? (
                <Tag color={STATUS_COLORS[row.notification.status]}>
                  {label(NOTIFICATION_STATUS_LABELS, row.notification.status)}
                </Tag>
              ) : row.due ? (
                'Đã đến hạn'
              ) : (
                'Chờ gửi'
              ),
          },
        ]}
      />
    </>
  );
}

function LogTab({ campaign }: { campaign: string }) {
  const [kind, setKind] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [unitCode, setUnitCode] = useState('');
  const [page, setPage] = useState(1);
  const state = useApiGet<Page<NotificationRow>>(
    notificationsPath(campaign, {
      kind,
      status,
      unitCode: unitCode || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
  );
  useNotice(state);
  const reset =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  return (
    <>
      <Filters
        kind={kind}
        setKind={reset(setKind)}
        status={status}
        setStatus={reset(setStatus)}
        unitCode={unitCode}
        setUnitCode={reset(setUnitCode)}
      />
      {state.status === 'error' && (
        <Alert type="error" showIcon title={state.error.title} description={state.error.detail} />
      )}
      <Table<NotificationRow>
        size="small"
        rowKey="id"
        aria-label="Nhật ký thư đã gửi"
        loading={state.status === 'loading'}
        dataSource={state.status === 'ok' ? state.data.items : []}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: state.status === 'ok' ? state.data.total : 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        locale={{ emptyText: 'Chưa có thư nào được gửi.' }}
        columns={[
          { title: 'Dự kiến', dataIndex: 'scheduledForLocal', width: 140 },
          {
            title: 'Gửi lúc',
            dataIndex: 'sentAtLocal',
            width: 140,
            render: (at: string | null) => at ?? '—',
          },
          {
            title: 'Loại thư',
            dataIndex: 'kind',
            width: 150,
            render: (k: string) => label(NOTIFICATION_KIND_LABELS, k),
          },
          {
            title: 'Người nhận',
            key: 'to',
            render: (_, row) => (
              <>
                {recipientOf(row)}
                <br />
                <Typography.Text type="secondary">{row.to.join(', ')}</Typography.Text>
              </>
            ),
          },
          { title: 'Tiêu đề', dataIndex: 'subject' },
          {
            title: 'Trạng thái',
            key: 'status',
            width: 160,
            render: (_, row) => (
              <>
                <Tag color={STATUS_COLORS[row.status]}>
                  {label(NOTIFICATION_STATUS_LABELS, row.status)}
                </Tag>
                {row.lastError && (
                  <Typography.Text type="danger" className="notification-error">
                    {row.lastError}
                  </Typography.Text>
                )}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
