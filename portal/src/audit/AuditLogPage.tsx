import { SearchOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { ApiRequestError } from '../api/api-error';
import { useApiErrorNotice } from '../api/use-api-error-notice';
import { PageTitle } from '../pages/PageTitle';
import { formatInstant } from '../results/format';
import { ROLE_LABELS, type SignedIn } from '../session/session';
import { type AuditEntry, type AuditFilters, type AuditPage, readAudit } from './audit-api';
import { ACTION_GROUPS, actionLabel, targetOf } from './audit-words';
import './audit.css';

const PAGE_SIZE = 20;

const DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A day typed dd/mm/yyyy, as the API takes it (YYYY-MM-DD); the API checks that it exists. */
function isoDay(value: string | undefined): string | undefined {
  const match = DAY.exec(value?.trim() ?? '');
  if (!match) return undefined;
  return `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

const DAY_RULE = {
  pattern: /^\s*(\d{1,2}\/\d{1,2}\/\d{4})?\s*$/,
  message: 'Nhập ngày dạng dd/mm/yyyy, ví dụ 05/12/2026.',
};

/** The details' fields the API records, in words. */
const DETAIL_LABELS: Record<string, string> = {
  name: 'Tên',
  role: 'Vai trò',
  hint: 'Mã (đầu)',
  unitCode: 'Mã đơn vị',
  agencyCode: 'Mã cơ quan thẩm định',
  expiresAt: 'Hết hạn',
  email: 'Thư điện tử',
  campaignId: 'Mã định danh chiến dịch',
  campaignCode: 'Chiến dịch',
  step: 'Bước',
  changes: 'Thay đổi',
  reason: 'Lý do',
  deadline: 'Thời hạn',
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function detailValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (key === 'role' && typeof value === 'string' && value in ROLE_LABELS) {
    return ROLE_LABELS[value as SignedIn['role']];
  }
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? formatInstant(value) : value;
  return JSON.stringify(value);
}

/**
 * The audit log (GET /audit): every write through the API, newest first, filtered and paged by
 * the API; who acted by the person's name or the machine token's name.
 */
export function AuditLogPage() {
  const showError = useApiErrorNotice();
  const [form] = Form.useForm<AuditFilters>();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<AuditPage | null>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await readAudit(filters, page, PAGE_SIZE));
    } catch (err) {
      if (err instanceof ApiRequestError) showError(err);
    } finally {
      setLoading(false);
    }
  }, [filters, page, showError]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <PageTitle tabTitle="Nhật ký">Nhật ký thao tác</PageTitle>
      <Form
        form={form}
        layout="inline"
        className="audit-filters"
        onFinish={(values) => {
          setFilters({ ...values, from: isoDay(values.from), to: isoDay(values.to) });
          setPage(1);
        }}
      >
        <Form.Item label="Chiến dịch" name="campaign">
          <Input placeholder="vinhlong-2021" allowClear autoComplete="off" />
        </Form.Item>
        <Form.Item label="Người thực hiện" name="actor">
          <Input placeholder="Tên hoặc thư điện tử" allowClear autoComplete="off" />
        </Form.Item>
        <Form.Item label="Loại thao tác" name="action">
          <Select
            allowClear
            options={ACTION_GROUPS}
            aria-label="Loại thao tác"
            className="audit-action-select"
          />
        </Form.Item>
        <Form.Item label="Từ ngày" name="from" rules={[DAY_RULE]}>
          <Input placeholder="dd/mm/yyyy" allowClear autoComplete="off" className="audit-day" />
        </Form.Item>
        <Form.Item label="Đến ngày" name="to" rules={[DAY_RULE]}>
          <Input placeholder="dd/mm/yyyy" allowClear autoComplete="off" className="audit-day" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            Lọc
          </Button>
        </Form.Item>
      </Form>
      <Table<AuditEntry>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `${total} mục`,
          onChange: setPage,
        }}
        expandable={{
          expandedRowRender: (entry) => <Details entry={entry} />,
          rowExpandable: (entry) => entry.details !== null || entry.entityId !== null,
        }}
        columns={[
          { title: 'Thời gian', dataIndex: 'atLocal', width: 150 },
          {
            title: 'Người thực hiện',
            key: 'actor',
            render: (_, e) => (
              <>
                {e.actor.name}
                <br />
                <Typography.Text type="secondary">
                  {ROLE_LABELS[e.actor.role as SignedIn['role']] ?? e.actor.role}
                </Typography.Text>{' '}
                {e.actor.kind === 'token' && <Tag>mã truy cập</Tag>}
              </>
            ),
          },
          {
            title: 'Thao tác',
            dataIndex: 'action',
            render: (action: string) => <span title={action}>{actionLabel(action)}</span>,
          },
          {
            title: 'Đối tượng',
            key: 'target',
            responsive: ['md'],
            render: (_, e) => targetOf(e.entityType, e.details),
          },
        ]}
      />
    </>
  );
}

function Details({ entry }: { entry: AuditEntry }) {
  const rows: [string, ReactNode][] = [
    ['Mã thao tác', <Typography.Text code>{entry.action}</Typography.Text>],
    ['Đối tượng', `${entry.entityType}${entry.entityId ? ` ${entry.entityId}` : ''}`],
    ['Ghi nhận là', entry.actor.recordedName],
    ...Object.entries(entry.details ?? {}).map(([key, value]): [string, ReactNode] => [
      DETAIL_LABELS[key] ?? key,
      detailValue(key, value),
    ]),
  ];
  return (
    <dl className="audit-details">
      {rows.map(([label, value]) => (
        <div key={label} className="audit-detail-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
