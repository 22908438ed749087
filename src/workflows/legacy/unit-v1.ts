import { proxyActivities } from '@temporalio/workflow';
import type { CampaignRecordActivities } from '../../activities/campaign-records.js';
import { listenToUnit } from './unit-context.js';
import { unitPhases } from './unit-phases.js';
import type { UnitState, UnitWorkflowInput } from '../../contracts/unit.js';

const records = proxyActivities<CampaignRecordActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});

/**
 * The unit workflow of campaigns started before LEAN_UNITS_PATCH: regular activities, and a timer
 * to the explanation deadline in every unit. Kept so those campaigns replay; remove once none runs.
 */
export async function unitWorkflowV1(input: UnitWorkflowInput): Promise<UnitState> {
  const ctx = listenToUnit(input);
  const { state } = ctx;
  const phases = unitPhases(input, ctx, records);

  await phases.selfAssessment();

  if (ctx.explanationDeadline) {
    const requested = () => state.explanation.request !== null;
    if (await phases.waitFor(requested, ctx.explanationDeadline, 'đề nghị giải trình (nếu có)')) {
      await phases.setStatus('explanation_requested');
      const explained = () => state.explanation.submittedAt !== null;
      const onTime = await phases.waitFor(
        explained,
        ctx.explanationDeadline,
        'giải trình, bổ sung tài liệu',
      );
      await phases.setStatus(onTime ? 'explained' : 'explanation_missing');
    }
  }

  return phases.announcement();
}
