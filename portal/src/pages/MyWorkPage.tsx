import { ComingSoon } from './ComingSoon';
import { PageTitle } from './PageTitle';

export function MyWorkPage() {
  return (
    <>
      <PageTitle tabTitle="Việc của tôi">Việc của tôi</PageTitle>
      <ComingSoon what="Những việc đến hạn của bạn, theo chiến dịch và đơn vị, kèm thời hạn," />
    </>
  );
}
