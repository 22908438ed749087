import { CouncilCampaignLinks } from '../council/CouncilCampaignLinks';
import { ComingSoon } from './ComingSoon';
import { PageTitle } from './PageTitle';

export function CampaignsPage() {
  return (
    <>
      <PageTitle tabTitle="Chiến dịch">Chiến dịch</PageTitle>
      <CouncilCampaignLinks />
      <ComingSoon what="Các chiến dịch đánh giá Chỉ số CCHC, các bước và thời hạn của từng bước" />
    </>
  );
}
