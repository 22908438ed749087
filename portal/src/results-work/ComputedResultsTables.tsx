import { Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { bandColor } from '../results/band-colors';
import { RankCell, UnitCell } from '../results/result-cells';
import { formatIndex, formatPoints } from '../results/format';
import { formatSigned } from './format';
import type { Results, UnitResult } from './results-api';
import { ScrollRegion } from './ScrollRegion';

/**
 * The computed results as the staff and the council read them (GET …/results): per unit group,
 * the rank (tied units share it: "đồng hạng"), the points, bonus, penalty, the council's
 * adjustment of the total, the index and its band. Ranks and bands are the API's.
 */
export function ComputedResultsTables({ results }: { results: Results }) {
  const columns: TableColumnsType<UnitResult> = [
    {
      title: 'Hạng',
      dataIndex: 'rank',
      width: 88,
      render: (rank: number, unit) => <RankCell rank={rank} tied={unit.tied} />,
    },
    {
      title: 'Đơn vị',
      dataIndex: 'unitName',
      render: (name: string, unit) => <UnitCell name={name} code={unit.unitCode} />,
    },
    {
      title: 'Điểm đạt / tối đa',
      key: 'achieved',
      align: 'right',
      width: 130,
      render: (_, unit) => `${formatPoints(unit.achieved)} / ${formatPoints(unit.applicableMax)}`,
    },
    {
      title: 'Thưởng',
      dataIndex: 'bonus',
      align: 'right',
      width: 80,
      render: (v: number) => formatPoints(v),
    },
    {
      title: 'Trừ',
      dataIndex: 'penalty',
      align: 'right',
      width: 70,
      render: (v: number) => formatPoints(v),
    },
    {
      title: 'Hội đồng điều chỉnh',
      dataIndex: 'councilPoints',
      align: 'right',
      width: 110,
      render: (v: number) => formatSigned(v),
    },
    {
      title: 'Chỉ số CCHC',
      dataIndex: 'indexText',
      align: 'right',
      width: 100,
      render: (text: string) => <strong>{formatIndex(text)}</strong>,
    },
    {
      title: 'Xếp loại',
      dataIndex: 'band',
      width: 110,
      render: (band: string) => <Tag color={bandColor(band, results.ratingBands)}>{band}</Tag>,
    },
  ];
  return (
    <Space orientation="vertical" size={16} className="full-width">
      {results.groups.map((group) => (
        <section key={group.group} aria-labelledby={`kq-${group.group}`}>
          <Typography.Title level={3} id={`kq-${group.group}`} className="group-title">
            {group.groupName.charAt(0).toLocaleUpperCase('vi-VN') + group.groupName.slice(1)}
          </Typography.Title>
          <ScrollRegion label={`Kết quả ${group.groupName}`}>
            <Table<UnitResult>
              rowKey="unitCode"
              size="small"
              columns={columns}
              dataSource={group.units}
              pagination={false}
              style={{ minWidth: 820 }}
            />
          </ScrollRegion>
        </section>
      ))}
    </Space>
  );
}
