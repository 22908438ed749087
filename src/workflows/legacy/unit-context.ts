import { setHandler } from '@temporalio/workflow';
import { effectiveDeadline } from '../../domain/campaign-rules/deadline.js';
import { formatLocalDateTime } from '../../domain/local-time.js';
import {
  campaignEventSignal,
  explanationRequestedSignal,
  explanationSubmittedSignal,
  extensionGrantedSignal,
  selfAssessmentSubmittedSignal,
  unitStateQuery,
} from '../../contracts/signals.js';
import type { UnitState, UnitWindow, UnitWorkflowInput } from '../../contracts/unit.js';
import type { UnitStatus } from '../../domain/words.js';

/**
 * The deadline of one of the unit's windows: the plan's (as amended), the unit's extension if
 * later, or the moment the secretariat closed the step early. Bumps `version` on every change so
 * waiting timers re-arm.
 */
export class UnitDeadline {
  version = 0;
  private closedAt: number | null = null;

  constructor(
    private planned: number,
    private extension: number | null,
  ) {}

  get instant(): number {
    return effectiveDeadline({
      planned: this.planned,
      extension: this.extension,
      closedEarlyAt: this.closedAt,
    }).instant!;
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

/** What a unit workflow knows, kept current by its signal handlers. */
export interface UnitContext {
  state: UnitState;
  selfAssessmentDeadline: UnitDeadline | null;
  explanationDeadline: UnitDeadline | null;
  /** End of late self-assessment intake (round 1's end); `version` bumps when it moves. */
  lateIntake: { ends: number | null; version: number };
  /** Set by the announcement. */
  announced: { at: string | null };
  /** The status the API committed with the newest self-assessment signal, if it said. */
  recordedByApi: { selfAssessment: UnitStatus | null };
  /** An instant as officials read it, in the campaign's zone. */
  localTime(instant: number): string;
}

/** Builds the unit's state and installs its query and signal handlers. */
export function listenToUnit(input: UnitWorkflowInput): UnitContext {
  const { timeline, timeZone } = input;
  const selfAssessmentDeadline = deadlineFor(timeline.selfAssessment, input);
  const explanationDeadline = deadlineFor(timeline.explanation, input);
  const lateIntake = {
    ends: timeline.lateIntakeEnds ? Date.parse(timeline.lateIntakeEnds) : null,
    version: 0,
  };
  const announced: { at: string | null } = { at: null };

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
  const recordedByApi: { selfAssessment: UnitStatus | null } = { selfAssessment: null };
  setHandler(selfAssessmentSubmittedSignal, ({ submittedAt, version, recordedStatus }) => {
    // A re-submission keeps the first submission time (lateness) and records the newest version.
    state.selfAssessment.submittedAt ??= submittedAt;
    state.selfAssessment.version = version;
    recordedByApi.selfAssessment = recordedStatus ?? null;
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
          lateIntake.ends = Date.parse(event.deadline);
          lateIntake.version++;
        }
        break;
      case 'stepClosed':
        deadlineOfStep(event.stepNumber)?.closeAt(event.at);
        if (isLateIntakeStep(event.stepNumber)) {
          lateIntake.ends = Date.parse(event.at);
          lateIntake.version++;
        }
        break;
      case 'stepOpened':
        break; // windows open by the plan; an early opening needs nothing from the unit
      case 'resultsAnnounced':
        announced.at = event.at;
        break;
    }
    syncDeadlines();
  });

  return {
    state,
    selfAssessmentDeadline,
    explanationDeadline,
    lateIntake,
    announced,
    recordedByApi,
    localTime: (instant) => formatLocalDateTime(new Date(instant), timeZone),
  };
}
