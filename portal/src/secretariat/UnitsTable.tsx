import { Button, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { GROUP_LABELS, label, UNIT_STATUS_COLORS, UNIT_STATUS_LABELS } from './labels';
import type { ParticipationRow } from './secretariat-api';
import { searchable } from '../text/searchable';

/** "5.000": a count as Vietnamese readers write it. */
const count = (n: number) => n.toLocaleString('vi-VN');

interface IndexedRow extends ParticipationRow {
  key: string;
  haystack: string;
}

/**
 * The campaign's units with their status, as GET …/participations answers in one list (5,000
 * units are about half a megabyte): filtered by status, group and name or code here, shown 50 a
 * page.
 */
export function UnitsTable({
  rows,
  loading,
  draft,
  onOpen,
  onRemove,
}: {
  rows: readonly ParticipationRow[];
  loading: boolean;
  draft: boolean;
  onOpen: (row: ParticipationRow) => void;
  onRemove: (row: ParticipationRow) => void;
}) {
  const [status, setStatus] = useState<string | undefined>();
  const [group, setGroup] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const indexed = useMemo<IndexedRow[]>(
    () =>
      rows.map((row) => ({
        ...row,
        key: row.unit.code,
        haystack: searchable(`${row.unit.code} ${row.unit.name}`),
      })),
    [rows],
  );
  const groups = useMemo(() => [...new Set(rows.map((r) => r.unit.group))].sort(), [rows]);
  const statuses = useMemo(() => [...new Set(rows.map((r) => r.status))], [rows]);
  const shown = useMemo(() => {
    const needle = searchable(search.trim());
    return indexed.filter(
      (row) =>
        (!status || row.status === status) &&
        (!group || row.unit.group === group) &&
        (!needle || row.haystack.includes(needle)),
    );
  }, [indexed, status, group, search]);

  return (
    <>
      <Space wrap className="units-filters">
        <Input.Search
          allowClear
          aria-label="Tìm đơn vị theo tên hoặc mã"
          placeholder="Tìm theo tên hoặc mã đơn vị"
          onSearch={setSearch}
          onChange={(e) => setSearch(e.target.value)}
          className="units-search"
        />
        <Select
          allowClear
          aria-label="Lọc theo trạng thái"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="Mọi trạng thái"
          value={status}
          onChange={setStatus}
          className="units-select"
          options={statuses.map((s) => ({ value: s, label: label(UNIT_STATUS_LABELS, s) }))}
        />
        <Select
          allowClear
          aria-label="Lọc theo nhóm đơn vị"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="Mọi nhóm"
          value={group}
          onChange={setGroup}
          className="units-select"
          options={groups.map((g) => ({ value: g, label: label(GROUP_LABELS, g) }))}
        />
        <Typography.Text type="secondary" aria-live="polite">
          {shown.length === rows.length
            ? `${count(rows.length)} đơn vị`
            : `${count(shown.length)} / ${count(rows.length)} đơn vị`}
        </Typography.Text>
      </Space>
      <Table<IndexedRow>
        size="small"
        loading={loading}
        dataSource={shown}
        pagination={{ defaultPageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 700 }}
        aria-label="Đơn vị tham gia"
        columns={[
          { title: 'Mã', dataIndex: ['unit', 'code'], width: 130 },
          { title: 'Đơn vị', dataIndex: ['unit', 'name'], width: 240 },
          {
            title: 'Nhóm',
            dataIndex: ['unit', 'group'],
            width: 200,
            responsive: ['md'],
            render: (g: string) => label(GROUP_LABELS, g),
          },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            width: 200,
            render: (s: string) => (
              <Tag color={UNIT_STATUS_COLORS[s] ?? '#434343'}>{label(UNIT_STATUS_LABELS, s)}</Tag>
            ),
          },
          {
            title: 'Thao tác',
            key: 'actions',
            width: 170,
            render: (_, row) => (
              <Space size={4}>
                <Button
                  size="small"
                  onClick={() => onOpen(row)}
                  aria-label={`Chi tiết ${row.unit.code}`}
                >
                  Chi tiết
                </Button>
                {draft && (
                  <Popconfirm
                    title={`Bỏ ${row.unit.name} khỏi chiến dịch?`}
                    okText="Bỏ"
                    cancelText="Hủy"
                    onConfirm={() => onRemove(row)}
                  >
                    <Button size="small" danger>
                      Bỏ
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
