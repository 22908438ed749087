import { Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { campaignPages } from '../paths';
import { useSession } from '../session/session';
import { useLoad } from '../results-work/use-load';
import '../results-work/results-work.css';

interface CampaignRow {
  id: string;
  code: string;
  name: string;
  year: number;
  status: 'draft' | 'launched' | 'completed';
}

/**
 * For the council (rendered by the campaigns page; nothing for other roles): each running or
 * completed campaign, with a link to its review page.
 */
export function CouncilCampaignLinks() {
  const { me } = useSession();
  return me?.role === 'council' ? <CouncilCampaigns /> : null;
}

function CouncilCampaigns() {
  const [campaigns] = useLoad<CampaignRow[]>('/campaigns');
  const rows = (campaigns.data ?? []).filter((c) => c.status !== 'draft');
  return (
    <section aria-labelledby="hoi-dong-chien-dich">
      <Typography.Title level={2} id="hoi-dong-chien-dich" className="group-title">
        Xem xét kết quả của Hội đồng thẩm định
      </Typography.Title>
      {campaigns.status === 'error' ? (
        <Typography.Text type="danger">
          {campaigns.error.title}: {campaigns.error.detail}
        </Typography.Text>
      ) : (
        <>
          {campaigns.status === 'loading' && <Spin aria-label="Đang tải" />}
          {campaigns.status === 'ok' && rows.length === 0 && (
            <Typography.Text>Chưa có chiến dịch nào đang chạy.</Typography.Text>
          )}
          <ul className="campaign-links">
            {rows.map((c) => (
              <li key={c.id}>
                <Link to={campaignPages.council(c.code)}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
