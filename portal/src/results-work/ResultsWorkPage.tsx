import { Grid, Select, Space, Tabs, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '../pages/PageTitle';
import { campaignPages } from '../paths';
import { AnnouncePanel } from './AnnouncePanel';
import { CommendationsPanel } from './CommendationsPanel';
import { ProposalsPanel } from './ProposalsPanel';
import { type CampaignDetail, type CampaignState, campaignPath, statePath } from './results-api';
import { ResultsPanel } from './ResultsPanel';
import { SurveyPanel } from './SurveyPanel';
import { firstLoadGate } from './LoadGate';
import { useLoad } from './use-load';
import './results-work.css';

const TABS = ['giai-trinh', 'dieu-tra', 'ket-qua', 'cong-bo', 'khen-thuong'] as const;
type TabKey = (typeof TABS)[number];

/**
 * The secretariat's work after round 1 (steps 5–11): explanation requests, survey points, fixing
 * the scores, computing the results, the Chairman's decision and the commendations. Each part
 * shows where its step stands by the API's campaign state; the API decides every action.
 */
export function ResultsWorkPage() {
  const { campaign = '' } = useParams();
  const [detail] = useLoad<CampaignDetail>(campaignPath(campaign));
  const [state, reloadState] = useLoad<CampaignState>(statePath(campaign));
  const [search, setSearch] = useSearchParams();
  const asked = search.get('muc');
  const tab: TabKey = TABS.includes(asked as TabKey) ? (asked as TabKey) : 'giai-trinh';
  // On a phone five tabs do not fit (antd would fold some into a menu): a list to choose from.
  const narrow = !(Grid.useBreakpoint().md ?? true);
  const choose = (key: string) => setSearch({ muc: key }, { replace: true });

  const title = <PageTitle tabTitle="Tổng hợp kết quả">Tổng hợp kết quả</PageTitle>;
  const gate = firstLoadGate(title, detail, state);
  if (gate || !detail.data || !state.data) return gate;
  const props = {
    campaign,
    detail: detail.data,
    state: state.data,
    onChanged: () => void reloadState(),
  };
  const sections = [
    {
      key: 'giai-trinh',
      label: 'Đề nghị giải trình',
      children: <ProposalsPanel {...props} />,
    },
    {
      key: 'dieu-tra',
      label: 'Điểm điều tra XHH',
      children: <SurveyPanel campaign={campaign} />,
    },
    {
      key: 'ket-qua',
      label: 'Chốt điểm và kết quả',
      children: <ResultsPanel {...props} />,
    },
    { key: 'cong-bo', label: 'Công bố', children: <AnnouncePanel {...props} /> },
    {
      key: 'khen-thuong',
      label: 'Khen thưởng',
      children: <CommendationsPanel {...props} />,
    },
  ];
  return (
    <>
      {title}
      <Space wrap size={[16, 4]} className="campaign-line">
        <Typography.Text strong>{detail.data.name}</Typography.Text>
        <Link to={campaignPages.overview(campaign)}>Trang chiến dịch</Link>
        <Link to={campaignPages.council(campaign)}>Trang Hội đồng thẩm định</Link>
      </Space>
      {narrow ? (
        <>
          <Select
            className="section-select"
            aria-label="Mục"
            value={tab}
            onChange={choose}
            options={sections.map(({ key, label }) => ({ value: key, label }))}
          />
          {sections.find((section) => section.key === tab)?.children}
        </>
      ) : (
        <Tabs activeKey={tab} onChange={choose} items={sections} />
      )}
    </>
  );
}
