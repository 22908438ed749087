/**
 * The campaign's words, declared once: the entities, the API's documents, the workflows and the
 * activities all take them from here. Pure: no I/O, no framework.
 */

/** What happens to a self-assessment after its deadline: accepted and flagged late, or refused. */
export const LATE_POLICIES = ['accept', 'refuse'] as const;
export type LatePolicy = (typeof LATE_POLICIES)[number];

/**
 * What a step does, so workflows and reminders know which step is which whatever its number in a
 * given year's plan.
 */
export const STEP_KINDS = [
  'setup',
  'guidance',
  'self_assessment',
  'appraisal_round_1',
  'aggregation_round_1',
  'explanation',
  'appraisal_round_2',
  'aggregation_round_2',
  'council_approval',
  'announcement',
  'commendation',
  'other',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** Who acts in a step. */
export const STEP_ACTORS = ['secretariat', 'units', 'appraisers', 'council', 'chairman'] as const;
export type StepActor = (typeof STEP_ACTORS)[number];

/** Where a step stands: before its window, open, or closed (at its deadline or by its actor). */
export type StepStatus = 'pending' | 'open' | 'closed';

/** How a step closed: at its deadline, or by whom (early, or completing a step they own). */
export type StepClosedBy = 'deadline' | 'secretariat' | 'council' | 'chairman';

/** A campaign's life: prepared as a draft, launched (its workflow runs the plan), completed. */
export type CampaignStatus = 'draft' | 'launched' | 'completed';

/**
 * Where a unit stands in a campaign (its participation's status, and ParUnitStatus in the
 * Temporal UI): registered, then submitted / late / missing for the self-assessment, then the
 * explanation round if it is asked, then completed at the announcement.
 */
export const UNIT_STATUSES = [
  'registered',
  'submitted',
  'late',
  'missing',
  'explanation_requested',
  'explained',
  'explanation_missing',
  'completed',
] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

/** Level in the index tree: field (lĩnh vực) → criterion (tiêu chí) → sub-criterion (tiêu chí thành phần). */
export const CRITERION_LEVELS = ['field', 'criterion', 'sub_criterion'] as const;
export type CriterionLevel = (typeof CRITERION_LEVELS)[number];

/**
 * How a node's points arise: scored by appraisers (regular), imported from sociological surveys
 * (survey), or added (bonus) / subtracted (penalty) within a cap.
 */
export const CRITERION_KINDS = ['regular', 'survey', 'bonus', 'penalty'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/** Leaf kinds a unit scores itself and appraisers appraise; 'survey' leaves come from surveys. */
export const SCORED_KINDS: readonly CriterionKind[] = ['regular', 'bonus', 'penalty'];

/**
 * Who acts, as accounts and tokens carry it: the system's admin, the secretariat (Tổ thư ký, Sở
 * Nội vụ), an appraising agency, a unit's focal point, the council.
 */
export const ROLES = ['admin', 'secretariat', 'appraiser', 'unit', 'council'] as const;
export type Role = (typeof ROLES)[number];

/** The roles as officials name them: in mails, the portal's header and its accounts page. */
export const ROLE_NAMES_VI: Readonly<Record<Role, string>> = {
  admin: 'Quản trị hệ thống',
  secretariat: 'Tổ thư ký (Sở Nội vụ)',
  appraiser: 'Cơ quan thẩm định',
  unit: 'Đầu mối CCHC của đơn vị',
  council: 'Hội đồng thẩm định',
};
