import { Route } from 'react-router';
import { campaignPages } from '../paths';
import { RequireRole } from '../session/RequireRole';
import type { SignedIn } from '../session/session';
import { ExplanationPage } from './ExplanationPage';
import { SelfAssessmentPage } from './SelfAssessmentPage';
import { UnitResultsPage } from './UnitResultsPage';

/**
 * A route pattern from a page's declared path (src/domain/portal-pages.ts): the path of
 * placeholder values, with the placeholders turned into route parameters.
 */
const patternOf = (page: (campaign: string, unitCode: string) => string) =>
  page('CAMPAIGN', 'UNIT').replace('CAMPAIGN', ':campaign').replace('UNIT', ':unitCode');

/** The unit's focal point acts here; the secretariat and admin may open them for a unit. */
const UNIT_PAGE_ROLES: readonly SignedIn['role'][] = ['unit', 'secretariat', 'admin'];

const UNIT_PAGES = [
  { page: campaignPages.selfAssessment, element: <SelfAssessmentPage /> },
  { page: campaignPages.explanation, element: <ExplanationPage /> },
  { page: campaignPages.unitResults, element: <UnitResultsPage /> },
];

/** The unit's pages, for the portal's <Routes> (one call in routes.tsx). */
export function unitRoutes() {
  return UNIT_PAGES.map(({ page, element }) => (
    <Route
      key={patternOf(page)}
      path={patternOf(page)}
      element={<RequireRole roles={UNIT_PAGE_ROLES}>{element}</RequireRole>}
    />
  ));
}
