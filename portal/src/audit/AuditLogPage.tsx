import { SearchOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { ApiRequestError } from '../api/api-error';
import { useApiErrorNotice } from '../api/use-api-error-notice';
import { PageTitle } from '../pages/PageTitle';
import { ROLE_LABELS, type SignedIn } from '../session/session';
import { type AuditEntry, type AuditFilters, type AuditPage, readAudit } from './audit-api';
import { ACTION_GROUPS, actionLabel, targetOf } from './audit-words';
import './audit.css';

const PAGE_SIZE = 20;

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
          setFilters(values);
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
            placeholder="Tất cả"
            options={ACTION_GROUPS}
            aria-label="Loại thao tác"
            className="audit-action-select"
          />
        </Form.Item>
        <Form.Item label="Từ ngày" name="from">
          <Input type="date" />
        </Form.Item>
        <Form.Item label="Đến ngày" name="to">
          <Input type="date" />
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
        scroll={{ x: 900 }}
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
      key,
      typeof value === 'string' ? value : JSON.stringify(value),
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
