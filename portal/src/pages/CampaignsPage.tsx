import { AppraiserCampaignLinks } from '../appraisal/AppraiserCampaignLinks';
import { CouncilCampaignLinks } from '../council/CouncilCampaignLinks';
import { SecretariatCampaignList } from '../secretariat/SecretariatCampaignList';
import { CAMPAIGN_STAFF } from '../secretariat/secretariat-api';
import { useSession } from '../session/session';
import { UnitCampaignLinks } from '../unit/UnitCampaignLinks';
import { ComingSoon } from './ComingSoon';
import { PageTitle } from './PageTitle';

const isStaff = (role: string | undefined) =>
  (CAMPAIGN_STAFF as readonly string[]).includes(role ?? '');

/** Each role's campaigns, with the pages where it acts in them. */
export function CampaignsPage() {
  const { me } = useSession();
  return (
    <>
      <PageTitle tabTitle="Chiến dịch">Chiến dịch</PageTitle>
      {isStaff(me?.role) ? (
        <SecretariatCampaignList />
      ) : me?.role === 'unit' && me.unitCode ? (
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
