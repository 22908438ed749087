import {
  condition,
  patched,
  setCurrentDetails,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { CampaignRecordActivities } from '../../activities/campaign-records.js';
import { UNIT_STATUS } from '../../contracts/search-attributes.js';
import type { UnitContext, UnitDeadline } from './unit-context.js';
import type { UnitState, UnitWorkflowInput } from '../../contracts/unit.js';
import { RECONCILE_SUBMISSION_PATCH } from '../versions.js';
import { waitUntil } from '../waiting.js';
import type { UnitStatus } from '../../domain/words.js';

/** The activities a unit workflow calls (as regular or as local activities). */
export type UnitRecords = Pick<
  CampaignRecordActivities,
  'recordUnitStatus' | 'findSubmittedSelfAssessment'
>;

/** The steps of a unit's life that every version of the unit workflow shares. */
export interface UnitPhases {
  /** Records a status change: search attribute, and PostgreSQL unless `recordedElsewhere`. */
  setStatus(status: UnitStatus, recordedElsewhere?: boolean): Promise<void>;
  /** Waits for `done()` until the deadline, re-arming whenever the deadline moves. */
  waitFor(done: () => boolean, deadline: UnitDeadline, what: string): Promise<boolean>;
  selfAssessment(): Promise<void>;
  announcement(): Promise<UnitState>;
}

export function unitPhases(
  input: UnitWorkflowInput,
  ctx: UnitContext,
  records: UnitRecords,
): UnitPhases {
  const { state } = ctx;

  const setStatus = async (status: UnitStatus, recordedElsewhere = false) => {
    state.status = status;
    upsertSearchAttributes([{ key: UNIT_STATUS, value: status }]);
    if (recordedElsewhere) return;
    await records.recordUnitStatus({
      participationId: input.unit.participationId,
      status,
      at: new Date().toISOString(),
    });
  };

  const waitFor = async (done: () => boolean, deadline: UnitDeadline, what: string) => {
    for (;;) {
      const seen = deadline.version;
      const summary = `${what}, hạn ${ctx.localTime(deadline.instant)}`;
      setCurrentDetails(`Chờ ${summary}`);
      const woke = await waitUntil(
        () => done() || deadline.version !== seen,
        deadline.instant,
        summary,
      );
      if (done()) return true;
      if (!woke || Date.now() >= deadline.instant) return false;
    }
  };

  /**
   * Before recording a unit as missing, look the submission up in PostgreSQL: the API commits a
   * submission before it signals, so a lost signal must not turn into a wrong "missing".
   * Patched in: campaigns started before it replay without the extra activity.
   */
  const reconcileSubmission = async () => {
    if (state.selfAssessment.submittedAt !== null || !patched(RECONCILE_SUBMISSION_PATCH)) return;
    const found = await records.findSubmittedSelfAssessment(input.unit.participationId);
    if (found) {
      state.selfAssessment.submittedAt = found.submittedAt;
      state.selfAssessment.version = found.version;
    }
  };

  /** Self-assessment (step 3 in 2021): submitted, late or missing; late intake by policy. */
  const selfAssessment = async () => {
    const deadline = ctx.selfAssessmentDeadline;
    if (!deadline) return;
    const submitted = () => state.selfAssessment.submittedAt !== null;
    const inTime = await waitFor(submitted, deadline, 'báo cáo tự đánh giá');
    if (!inTime) await reconcileSubmission();
    if (submitted()) {
      state.selfAssessment.late = Date.parse(state.selfAssessment.submittedAt!) > deadline.instant;
      const status = state.selfAssessment.late ? 'late' : 'submitted';
      // The API commits the status with the submission and says so in the signal.
      await setStatus(status, ctx.recordedByApi.selfAssessment === status);
      return;
    }
    await setStatus('missing');
    if (input.latePolicy !== 'accept') return;
    // Late reports are still taken, flagged, until the first appraisal round ends.
    const { lateIntake, announced } = ctx;
    for (;;) {
      const seen = lateIntake.version;
      setCurrentDetails('Quá hạn tự đánh giá: vẫn nhận báo cáo nộp muộn');
      const ends = lateIntake.ends;
      const woke = ends
        ? await waitUntil(
            () => submitted() || lateIntake.version !== seen || announced.at !== null,
            ends,
            `Nhận báo cáo nộp muộn đến ${ctx.localTime(ends)}`,
          )
        : await condition(() => submitted() || announced.at !== null).then(() => true);
      if (submitted() || announced.at !== null) break;
      if (!woke || (lateIntake.ends !== null && Date.now() >= lateIntake.ends)) break;
    }
    await reconcileSubmission();
    if (submitted()) {
      state.selfAssessment.late = true;
      await setStatus('late', ctx.recordedByApi.selfAssessment === 'late');
    }
  };

  /** Ends the unit's part: waits for the announcement and records it. */
  const announcement = async () => {
    setCurrentDetails('Chờ công bố kết quả');
    await condition(() => ctx.announced.at !== null);
    state.finishedAt = ctx.announced.at;
    await setStatus('completed', input.completionRecordedByBatch === true);
    setCurrentDetails('Đã công bố kết quả');
    return state;
  };

  return { setStatus, waitFor, selfAssessment, announcement };
}
