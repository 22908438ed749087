import { Grid, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PublicGroupResults, PublicRatingBand, PublicUnitResult } from '../api/public-results';
import { bandColor } from './band-colors';
import { RankCell, UnitCell } from './result-cells';
import { formatIndex } from './format';

/** One unit group's ranking: tied units show the same rank and a "đồng hạng" tag. */
export function GroupResultsTable({
  group,
  bands,
}: {
  group: PublicGroupResults;
  bands: readonly PublicRatingBand[];
}) {
  const headingId = `nhom-${group.group}`;
  // On a phone the unit's name gets the room: narrower figures, smaller padding.
  const narrow = !(Grid.useBreakpoint().md ?? true);
  const columns: TableColumnsType<PublicUnitResult> = [
    {
      title: 'Xếp hạng',
      dataIndex: 'rank',
      width: narrow ? 72 : 96,
      render: (rank: number, unit) => <RankCell rank={rank} tied={unit.tied} />,
    },
    {
      title: 'Đơn vị',
      dataIndex: 'unitName',
      render: (name: string, unit) => <UnitCell name={name} code={unit.unitCode} />,
    },
    {
      title: 'Chỉ số CCHC',
      dataIndex: 'indexText',
      align: 'right',
      width: narrow ? 64 : 96,
      render: (text: string) => formatIndex(text),
    },
    {
      title: 'Xếp loại',
      dataIndex: 'band',
      width: narrow ? 96 : 110,
      render: (band: string) => <Tag color={bandColor(band, bands)}>{band}</Tag>,
    },
  ];
  return (
    <section aria-labelledby={headingId} className="group-results">
      <Typography.Title level={2} id={headingId} className="group-title">
        {capitalize(group.groupName)}
      </Typography.Title>
      <Table<PublicUnitResult>
        rowKey="unitCode"
        size={narrow ? 'small' : 'middle'}
        columns={columns}
        dataSource={group.units}
        pagination={false}
        rowClassName={(unit) => (unit.tied ? 'tied-row' : '')}
      />
    </section>
  );
}

/** "sở, ban, ngành tỉnh" → "Sở, ban, ngành tỉnh" as a heading. */
function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1);
}
