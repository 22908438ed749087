import { Navigate, Route, Routes } from 'react-router';
import { AppShell } from './layout/AppShell';
import { CampaignsPage } from './pages/CampaignsPage';
import { MyWorkPage } from './pages/MyWorkPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ResultsIndexPage } from './results/ResultsIndexPage';
import { ResultsPage } from './results/ResultsPage';
import { AccountsPage } from './accounts/AccountsPage';
import { campaignPages, PATHS } from './paths';
import { RequireRole } from './session/RequireRole';
import { ACCOUNT_MANAGERS } from './session/session';
import { SetPasswordPage } from './session/SetPasswordPage';
import { SignInPage } from './session/SignInPage';
import { CampaignOverviewPage } from './secretariat/CampaignOverviewPage';
import { NotificationsPage } from './secretariat/NotificationsPage';
import { CAMPAIGN_STAFF } from './secretariat/secretariat-api';

/** A campaign page's route pattern: its path with `:campaign` for the campaign. */
const routeOf = (page: (campaign: string) => string) => decodeURIComponent(page(':campaign'));

/** The portal's pages; paths are relative to /portal/. */
export function PortalRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<Navigate to={PATHS.myWork} replace />} />
        <Route path={PATHS.myWork} element={<MyWorkPage />} />
        <Route path={PATHS.campaigns} element={<CampaignsPage />} />
        <Route
          path={routeOf(campaignPages.overview)}
          element={
            <RequireRole roles={CAMPAIGN_STAFF}>
              <CampaignOverviewPage />
            </RequireRole>
          }
        />
        <Route
          path={routeOf(campaignPages.notifications)}
          element={
            <RequireRole roles={CAMPAIGN_STAFF}>
              <NotificationsPage />
            </RequireRole>
          }
        />
        <Route path={PATHS.results} element={<ResultsIndexPage />} />
        <Route path={`${PATHS.results}/:campaign`} element={<ResultsPage />} />
        <Route
          path={PATHS.accounts}
          element={
            <RequireRole roles={ACCOUNT_MANAGERS}>
              <AccountsPage />
            </RequireRole>
          }
        />
        <Route path={PATHS.signIn} element={<SignInPage />} />
        <Route path={PATHS.setPassword} element={<SetPasswordPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
