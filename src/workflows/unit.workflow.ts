import {
  condition,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { CampaignRecordActivities } from '../activities/campaign-records.js';
import { formatLocalDateTime } from '../domain/local-time.js';
import { UNIT_STATUS } from './search-attributes.js';
import {
  campaignEventSignal,
  explanationRequestedSignal,
  explanationSubmittedSignal,
  extensionGrantedSignal,
  selfAssessmentSubmittedSignal,
  unitStateQuery,
} from './signals.js';
import type { UnitState, UnitStatus, UnitWindow, UnitWorkflowInput } from './unit.types.js';
import { waitUntil } from './waiting.js';

/** Marker of the change that added the database look-up before "missing" (see reconcileSubmission). */
export const RECONCILE_SUBMISSION_PATCH = 'reconcile-self-assessment-from-db';

const records = proxyActivities<CampaignRecordActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});

/**
 * The deadline of one of the unit's windows: the plan's (as amended), the unit's extension if
 * later, or the moment the secretariat closed the step early. Bumps `version` on every change so
 * waiting timers re-arm.
 */
class UnitDeadline {
  version = 0;
  private closedAt: number | null = null;

  constructor(
    private planned: number,
    private extension: number | null,
  ) {}

  get instant(): number {
    const granted = Math.max(this.planned, this.extension ?? 0);
    return this.closedAt === null ? granted : Math.min(granted, this.closedAt);
  }

  amend(deadline: string): void {
    this.planned = Date.parse(deadline);
    this.version++;
  }

  extend(deadline: string): void {
    this.extension = Date.parse(deadline);
    this.version++;
  }

  closeAt(at: string): void {
    this.closedAt = Date.parse(at);
    this.version++;
  }
}

function deadlineFor(window: UnitWindow | null, input: UnitWorkflowInput): UnitDeadline | null {
  if (!window) return null;
  const extension = input.unit.extensions?.[window.stepNumber];
  return new UnitDeadline(Date.parse(window.deadline), extension ? Date.parse(extension) : null);
}

/**
 * One scored unit through the campaign: waits for its self-assessment until its deadline (or
 * extension) and records submitted, late or missing; answers an explanation request if the
 * secretariat makes one; ends when the results are announced.
 */
export async function unitWorkflow(input: UnitWorkflowInput): Promise<UnitState> {
  const { timeline, timeZone } = input;
  const at = (instant: number) => formatLocalDateTime(new Date(instant), timeZone);
  const selfAssessmentDeadline = deadlineFor(timeline.selfAssessment, input);
  const explanationDeadline = deadlineFor(timeline.explanation, input);
  let lateIntakeEnds = timeline.lateIntakeEnds ? Date.parse(timeline.lateIntakeEnds) : null;
  let lateIntakeVersion = 0;
  let resultsAnnouncedAt: string | null = null;

  const state: UnitState = {
    unitCode: input.unit.code,
    status: 'registered',
    selfAssessment: {
      deadline: selfAssessmentDeadline
        ? new Date(selfAssessmentDeadline.instant).toISOString()
        : null,
      submittedAt: null,
      version: null,
      late: false,
    },
    explanation: {
      deadline: explanationDeadline ? new Date(explanationDeadline.instant).toISOString() : null,
      request: null,
      submittedAt: null,
    },
    finishedAt: null,
  };
  const syncDeadlines = () => {
    if (selfAssessmentDeadline) {
      state.selfAssessment.deadline = new Date(selfAssessmentDeadline.instant).toISOString();
    }
    if (explanationDeadline) {
      state.explanation.deadline = new Date(explanationDeadline.instant).toISOString();
    }
  };
  const deadlineOfStep = (stepNumber: number): UnitDeadline | null => {
    if (timeline.selfAssessment?.stepNumber === stepNumber) return selfAssessmentDeadline;
    if (timeline.explanation?.stepNumber === stepNumber) return explanationDeadline;
    return null;
  };

  const isLateIntakeStep = (stepNumber: number) => timeline.lateIntakeStep === stepNumber;

  setHandler(unitStateQuery, () => state);
  setHandler(selfAssessmentSubmittedSignal, ({ submittedAt, version }) => {
    // A re-submission keeps the first submission time (lateness) and records the newest version.
    state.selfAssessment.submittedAt ??= submittedAt;
    state.selfAssessment.version = version;
  });
  setHandler(extensionGrantedSignal, ({ stepNumber, deadline }) => {
    deadlineOfStep(stepNumber)?.extend(deadline);
    syncDeadlines();
  });
  setHandler(explanationRequestedSignal, (request) => {
    state.explanation.request = request;
  });
  setHandler(explanationSubmittedSignal, ({ submittedAt }) => {
    state.explanation.submittedAt ??= submittedAt;
  });
  setHandler(campaignEventSignal, (event) => {
    switch (event.type) {
      case 'deadlineAmended':
        deadlineOfStep(event.stepNumber)?.amend(event.deadline);
        if (isLateIntakeStep(event.stepNumber)) {
          lateIntakeEnds = Date.parse(event.deadline);
          lateIntakeVersion++;
        }
        break;
      case 'stepClosed':
        deadlineOfStep(event.stepNumber)?.closeAt(event.at);
        if (isLateIntakeStep(event.stepNumber)) {
          lateIntakeEnds = Date.parse(event.at);
          lateIntakeVersion++;
        }
        break;
      case 'stepOpened':
        break; // windows open by the plan; an early opening needs nothing from the unit
      case 'resultsAnnounced':
        resultsAnnouncedAt = event.at;
        break;
    }
    syncDeadlines();
  });

  const setStatus = async (status: UnitStatus) => {
    state.status = status;
    upsertSearchAttributes([{ key: UNIT_STATUS, value: status }]);
    await records.recordUnitStatus({
      participationId: input.unit.participationId,
      status,
      at: new Date().toISOString(),
    });
  };

  /** Waits for `done()` until the deadline, re-arming whenever the deadline moves. */
  const waitFor = async (done: () => boolean, deadline: UnitDeadline, what: string) => {
    for (;;) {
      const seen = deadline.version;
      const summary = `${what}, hạn ${at(deadline.instant)}`;
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

  // Self-assessment (step 3 in 2021).
  if (selfAssessmentDeadline) {
    const submitted = () => state.selfAssessment.submittedAt !== null;
    const inTime = await waitFor(submitted, selfAssessmentDeadline, 'báo cáo tự đánh giá');
    if (!inTime) await reconcileSubmission();
    if (submitted()) {
      state.selfAssessment.late =
        Date.parse(state.selfAssessment.submittedAt!) > selfAssessmentDeadline.instant;
      await setStatus(state.selfAssessment.late ? 'late' : 'submitted');
    } else {
      await setStatus('missing');
      if (input.latePolicy === 'accept') {
        // Late reports are still taken, flagged, until the first appraisal round ends.
        for (;;) {
          const seen = lateIntakeVersion;
          setCurrentDetails('Quá hạn tự đánh giá: vẫn nhận báo cáo nộp muộn');
          const woke = lateIntakeEnds
            ? await waitUntil(
                () => submitted() || lateIntakeVersion !== seen || resultsAnnouncedAt !== null,
                lateIntakeEnds,
                `Nhận báo cáo nộp muộn đến ${at(lateIntakeEnds)}`,
              )
            : await condition(() => submitted() || resultsAnnouncedAt !== null).then(() => true);
          if (submitted() || resultsAnnouncedAt !== null) break;
          if (!woke || (lateIntakeEnds !== null && Date.now() >= lateIntakeEnds)) break;
        }
        await reconcileSubmission();
        if (submitted()) {
          state.selfAssessment.late = true;
          await setStatus('late');
        }
      }
    }
  }

  // Explanation (step 6 in 2021): only when the secretariat asks this unit to explain.
  if (explanationDeadline) {
    const requested = () => state.explanation.request !== null;
    if (await waitFor(requested, explanationDeadline, 'đề nghị giải trình (nếu có)')) {
      await setStatus('explanation_requested');
      const explained = () => state.explanation.submittedAt !== null;
      const onTime = await waitFor(explained, explanationDeadline, 'giải trình, bổ sung tài liệu');
      await setStatus(onTime ? 'explained' : 'explanation_missing');
    }
  }

  setCurrentDetails('Chờ công bố kết quả');
  await condition(() => resultsAnnouncedAt !== null);
  state.finishedAt = resultsAnnouncedAt;
  await setStatus('completed');
  setCurrentDetails('Đã công bố kết quả');
  return state;
}
