import { AuditOutlined } from '@ant-design/icons';
import { Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { useApiGet } from '../api/use-api-get';
import { campaignPages } from '../paths';
import { useSession } from '../session/session';
import { type CampaignSummary, campaignsPath } from './appraisal-api';
import './appraisal.css';

/**
 * For an appraiser on the campaigns page: each launched campaign with a link to its units to
 * appraise. Renders nothing for other roles.
 */
export function AppraiserCampaignLinks() {
  const { me } = useSession();
  if (me?.role !== 'appraiser') return null;
  return <Links />;
}

function Links() {
  const campaigns = useApiGet<CampaignSummary[]>(campaignsPath);
  const launched =
    campaigns.status === 'ok' ? campaigns.data.filter((c) => c.status !== 'draft') : [];
  return (
    <section aria-labelledby="tham-dinh-chien-dich" className="page-actions appraisal-campaigns">
      <Typography.Title level={2} id="tham-dinh-chien-dich">
        Thẩm định
      </Typography.Title>
      {campaigns.status === 'loading' && <Spin aria-label="Đang tải" />}
      {campaigns.status === 'ok' && launched.length === 0 && (
        <Typography.Paragraph>Chưa có chiến dịch nào đang triển khai.</Typography.Paragraph>
      )}
      <ul className="appraisal-campaign-list">
        {launched.map((c) => (
          <li key={c.id}>
            <Link to={campaignPages.appraisal(c.code)}>
              <AuditOutlined /> {c.name}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
