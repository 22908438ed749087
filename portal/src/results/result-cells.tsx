import { Tag, Typography } from 'antd';

/** A ranking's rank: tied units share it and say "đồng hạng". */
export function RankCell({ rank, tied }: { rank: number; tied: boolean }) {
  return (
    <span className="rank-cell">
      <strong>{rank}</strong>
      {tied && <Tag className="tie-tag">đồng hạng</Tag>}
    </span>
  );
}

/** A unit as rankings show it: its name, its code below. */
export function UnitCell({ name, code }: { name: string; code: string }) {
  return (
    <>
      <div>{name}</div>
      <Typography.Text type="secondary" className="unit-code">
        {code}
      </Typography.Text>
    </>
  );
}
