import { Card, Result, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { type ApiRequestError, asApiError } from '../api/api-error';
import { campaignPages } from '../paths';
import {
  type CampaignSummary,
  listCampaigns,
  ownParticipations,
  type ParticipationRow,
} from './unit-api';
import { CAMPAIGN_STATUS_LABELS, unitStatusLabel } from './unit-format';
import './unit.css';

interface Row {
  campaign: CampaignSummary;
  participation: ParticipationRow;
}

/**
 * A unit account's campaigns: those its unit takes part in (GET …/participations answers a unit
 * its own row only), each with its self-assessment, explanation and results pages.
 */
export function UnitCampaignLinks({ unitCode }: { unitCode: string }) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const campaigns = await listCampaigns();
      const found = await Promise.all(
        campaigns.map(async (campaign) => {
          // A campaign that cannot be read now (removed meanwhile) is left out of the list.
          const rows = await ownParticipations(campaign.id).catch(() => []);
          const own = rows.find((p) => p.unit.code === unitCode);
          return own ? { campaign, participation: own } : null;
        }),
      );
      if (live)
        setRows(
          found
            .filter((r): r is Row => r !== null)
            .sort((a, b) => b.campaign.year - a.campaign.year),
        );
    })().catch((err: unknown) => live && setError(asApiError(err)));
    return () => {
      live = false;
    };
  }, [unitCode]);

  if (error) return <Result status="error" title={error.title} subTitle={error.detail} />;
  if (!rows) return <Spin description="Đang tải các chiến dịch…" />;
  if (rows.length === 0) {
    return (
      <Result
        status="info"
        title="Đơn vị chưa tham gia chiến dịch nào"
        subTitle="Khi Tổ thư ký đăng ký đơn vị vào một đợt đánh giá, đợt đó sẽ hiện ở đây."
      />
    );
  }
  return (
    <div className="campaign-links">
      {rows.map(({ campaign, participation }) => (
        <Card key={campaign.id} size="small" className="unit-table-card">
          <Typography.Title level={2} className="section-title">
            {campaign.name}
          </Typography.Title>
          <div className="leaf-facts">
            <span>Năm {campaign.year}</span>
            <Tag>{CAMPAIGN_STATUS_LABELS[campaign.status] ?? campaign.status}</Tag>
            <Tag color="#0958d9">{unitStatusLabel(participation.status)}</Tag>
          </div>
          <nav aria-label={`Trang của đơn vị trong ${campaign.name}`} className="evidence-actions">
            <Link to={campaignPages.selfAssessment(campaign.code, unitCode)}>Tự đánh giá</Link>
            <span aria-hidden>·</span>
            <Link to={campaignPages.explanation(campaign.code, unitCode)}>Giải trình</Link>
            <span aria-hidden>·</span>
            <Link to={campaignPages.unitResults(campaign.code, unitCode)}>Kết quả</Link>
          </nav>
        </Card>
      ))}
    </div>
  );
}
