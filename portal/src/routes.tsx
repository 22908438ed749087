import { Navigate, Route, Routes } from 'react-router';
import { AppShell } from './layout/AppShell';
import { CampaignsPage } from './pages/CampaignsPage';
import { MyWorkPage } from './my-work/MyWorkPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ResultsIndexPage } from './results/ResultsIndexPage';
import { ResultsPage } from './results/ResultsPage';
import { AccountsPage } from './accounts/AccountsPage';
import { AuditLogPage } from './audit/AuditLogPage';
import { CalendarYearsPage } from './calendar/CalendarYearsPage';
import { ContactsPage } from './contacts/ContactsPage';
import { TokensPage } from './tokens/TokensPage';
import { APPRAISAL_ROLES } from './appraisal/appraisal-api';
import { AppraisalUnitPage } from './appraisal/AppraisalUnitPage';
import { AppraisalUnitsPage } from './appraisal/AppraisalUnitsPage';
import { CouncilPage } from './council/CouncilPage';
import { campaignPages, PATHS } from './paths';
import { campaignRoute } from './results-work/route-pattern';
import { ResultsWorkPage } from './results-work/ResultsWorkPage';
import { RequireRole } from './session/RequireRole';
import { ACCOUNT_MANAGERS, ALL_ROLES } from './session/session';
import { SetPasswordPage } from './session/SetPasswordPage';
import { SignInPage } from './session/SignInPage';
import { unitRoutes } from './unit/unit-routes';
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
        <Route
          path={PATHS.myWork}
          element={
            <RequireRole roles={ALL_ROLES}>
              <MyWorkPage />
            </RequireRole>
          }
        />
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
        <Route
          path={PATHS.machineTokens}
          element={
            <RequireRole roles={ACCOUNT_MANAGERS}>
              <TokensPage />
            </RequireRole>
          }
        />
        <Route
          path={PATHS.workingCalendar}
          element={
            <RequireRole roles={ACCOUNT_MANAGERS}>
              <CalendarYearsPage />
            </RequireRole>
          }
        />
        <Route
          path={PATHS.contacts}
          element={
            <RequireRole roles={ACCOUNT_MANAGERS}>
              <ContactsPage />
            </RequireRole>
          }
        />
        <Route
          path={PATHS.auditLog}
          element={
            <RequireRole roles={ACCOUNT_MANAGERS}>
              <AuditLogPage />
            </RequireRole>
          }
        />
        <Route
          path={decodeURIComponent(campaignPages.appraisal(':campaign'))}
          element={
            <RequireRole roles={APPRAISAL_ROLES}>
              <AppraisalUnitsPage />
            </RequireRole>
          }
        />
        <Route
          path={decodeURIComponent(campaignPages.appraisalOfUnit(':campaign', ':unitCode'))}
          element={
            <RequireRole roles={APPRAISAL_ROLES}>
              <AppraisalUnitPage />
            </RequireRole>
          }
        />
        {unitRoutes()}
        <Route
          path={campaignRoute(campaignPages.resultsWork)}
          element={
            <RequireRole roles={['admin', 'secretariat']}>
              <ResultsWorkPage />
            </RequireRole>
          }
        />
        <Route
          path={campaignRoute(campaignPages.council)}
          element={
            <RequireRole roles={['council', 'admin', 'secretariat']}>
              <CouncilPage />
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
