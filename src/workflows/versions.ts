/**
 * Patch markers (patched()) of workflow changes that campaigns already running must not see.
 * Each stays until no campaign started before it still runs; then deprecatePatch(), then removal.
 */

/** The unit workflow looks the submission up in PostgreSQL before recording "missing". */
export const RECONCILE_SUBMISSION_PATCH = 'reconcile-self-assessment-from-db';

/**
 * Units record their status with local activities and only wake for what concerns them; batches
 * relay events in chunks to the units concerned, stop at the announcement and continue as new
 * when their history grows. Older campaigns replay on ./legacy.
 */
export const LEAN_UNITS_PATCH = 'lean-units-and-batches';

/**
 * The batch records 'completed' for all its units in one statement at the announcement and tells
 * the units it starts so (their input), so 5,000 units do not each write it.
 */
export const COMPLETION_RECORDED_BY_BATCH_PATCH = 'completion-recorded-by-batch';

/** The campaign starts its notifications workflow (reminders, escalations, digests). */
export const NOTIFICATIONS_PATCH = 'campaign-notifications';

/** After a wave with refused or unknown deliveries, the secretariat gets a list of them. */
export const DELIVERY_FAILURES_PATCH = 'report-delivery-failures';

/**
 * The campaign runs on the campaign rules (src/domain/campaign-rules): step states computed from
 * the facts the API records and delivers through the outbox, units started with their snapshot
 * (their own code path, chosen by their input), statuses that only move forward. Campaigns
 * launched before it run on ./legacy/campaign-v4.ts.
 */
export const CAMPAIGN_RULES_PATCH = 'campaign-rules';

/**
 * The plan may be amended after launch (src/api/amendments): units join (a batch of their own
 * starts them) or leave (their workflow ends), a step is added, a pending step's opening moves.
 */
export const PLAN_AMENDMENTS_PATCH = 'plan-amendments';
