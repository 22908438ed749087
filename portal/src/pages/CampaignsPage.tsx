import { AppraiserCampaignLinks } from '../appraisal/AppraiserCampaignLinks';
import { CouncilCampaignLinks } from '../council/CouncilCampaignLinks';
import { ComingSoon } from './ComingSoon';
import { PageTitle } from './PageTitle';
import { useSession } from '../session/session';
import { UnitCampaignLinks } from '../unit/UnitCampaignLinks';

export function CampaignsPage() {
  const { me } = useSession();
  return (
    <>
      <PageTitle tabTitle="Chiến dịch">Chiến dịch</PageTitle>
      {me?.role === 'unit' && me.unitCode ? (
        <UnitCampaignLinks unitCode={me.unitCode} />
      ) : me?.role === 'appraiser' ? (
        <AppraiserCampaignLinks />
      ) : me?.role === 'council' ? (
        <CouncilCampaignLinks />
      ) : (
        <ComingSoon what="Các chiến dịch đánh giá Chỉ số CCHC, các bước và thời hạn của từng bước" />
      )}
    </>
  );
}
