import { condition, patched, proxyLocalActivities, setCurrentDetails } from '@temporalio/workflow';
import type { CampaignRecordActivities } from '../../activities/campaign-records.js';
import { unitWorkflowV1 } from './unit-v1.js';
import { listenToUnit } from './unit-context.js';
import { unitPhases } from './unit-phases.js';
import type { UnitState, UnitWorkflowInput } from '../../contracts/unit.js';
import { LEAN_UNITS_PATCH } from '../versions.js';

/**
 * Local activities: a status write is one short UPDATE, and running it inside the workflow task
 * spares the server an activity task and the unit a second workflow task per change (5,000 units
 * change status together at every deadline).
 */
const records = proxyLocalActivities<CampaignRecordActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});

/**
 * The unit workflow of campaigns launched before the campaign rules: waits for its
 * self-assessment until its deadline (or extension) and records submitted, late or missing;
 * answers an explanation request if the secretariat makes one; ends when the results are
 * announced. Kept so those campaigns run on and replay; remove once none runs.
 */
export async function unitWorkflowV4(input: UnitWorkflowInput): Promise<UnitState> {
  // Units whose batch records their completion came after LEAN_UNITS_PATCH: their input says
  // which code they run, so they need no patch marker (one event and one command less each).
  if (!input.completionRecordedByBatch && !patched(LEAN_UNITS_PATCH)) return unitWorkflowV1(input);
  const ctx = listenToUnit(input);
  const { state } = ctx;
  const phases = unitPhases(input, ctx, records);

  await phases.selfAssessment();

  // Explanation (step 6 in 2021): most units are never asked, so no timer waits for a request;
  // the deadline only matters once one arrives (the API refuses requests after it).
  const deadline = ctx.explanationDeadline;
  if (deadline) {
    setCurrentDetails('Chờ công bố kết quả (hoặc đề nghị giải trình, nếu có)');
    await condition(() => state.explanation.request !== null || ctx.announced.at !== null);
    if (state.explanation.request !== null) {
      await phases.setStatus('explanation_requested');
      const explained = () => state.explanation.submittedAt !== null;
      const onTime = await phases.waitFor(explained, deadline, 'giải trình, bổ sung tài liệu');
      await phases.setStatus(onTime ? 'explained' : 'explanation_missing');
    }
  }

  return phases.announcement();
}
