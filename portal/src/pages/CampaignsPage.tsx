import { SecretariatCampaignList } from '../secretariat/SecretariatCampaignList';
import { CAMPAIGN_STAFF } from '../secretariat/secretariat-api';
import { useSession } from '../session/session';
import { ComingSoon } from './ComingSoon';
import { PageTitle } from './PageTitle';

const isStaff = (role: string | undefined) =>
  (CAMPAIGN_STAFF as readonly string[]).includes(role ?? '');

export function CampaignsPage() {
  const { me } = useSession();
  const staff = isStaff(me?.role);
  return (
    <>
      <PageTitle tabTitle="Chiến dịch">Chiến dịch</PageTitle>
      {staff && <SecretariatCampaignList />}
      {!staff && (
        <ComingSoon what="Các chiến dịch đánh giá Chỉ số CCHC, các bước và thời hạn của từng bước" />
      )}
    </>
  );
}
