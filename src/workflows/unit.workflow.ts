import {
  patched,
  proxyLocalActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { CampaignRecordActivities } from '../activities/campaign-records.js';
import { UNIT_STATUS } from '../contracts/search-attributes.js';
import {
  campaignEventSignal,
  explanationRequestedSignal,
  explanationSubmittedSignal,
  extensionGrantedSignal,
  selfAssessmentSubmittedSignal,
  unitLeftSignal,
  unitStateQuery,
} from '../contracts/signals.js';
import {
  type UnitSnapshot,
  type UnitState,
  type UnitWorkflowInput,
  unitStateOf,
} from '../contracts/unit.js';
import {
  type UnitWindowFacts,
  deadlineOf,
  nextUnitChangeAt,
  unitStatusAt,
} from '../domain/campaign-rules/index.js';
import { formatLocalDateTime } from '../domain/local-time.js';
import type { UnitStatus } from '../domain/words.js';
import { unitWorkflowV4 } from './legacy/unit-v4.js';
import { PLAN_AMENDMENTS_PATCH } from './versions.js';
import { Deliveries, waitForChange } from './waiting.js';

/**
 * Local activities: a status write is one short UPDATE, and running it inside the workflow task
 * spares the server an activity task and the unit a second workflow task per change (5,000 units
 * change status together at every deadline).
 */
const records = proxyLocalActivities<CampaignRecordActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});

/** Statuses that time alone decides: before recording one, the unit reads PostgreSQL again. */
const DECIDED_BY_TIME = new Set<UnitStatus>(['missing', 'explanation_missing']);

/**
 * One scored unit through the campaign, on the campaign rules: it holds the unit's facts (its
 * snapshot from PostgreSQL at start, then every action and campaign event delivered to it) and
 * records the status the rules give (unitStatusAt) whenever it changes: submitted or late as the
 * API decided, missing at its deadline (after reading PostgreSQL again: an action recorded there
 * may not have reached it yet), explanation requested, explained or missing, completed at the
 * announcement. Status writes only move forward; the status PostgreSQL holds afterwards is the
 * one it reports. Its query answers what the API's unit state answers (unitStateOf). A unit that
 * leaves the campaign by an amending decision ends at once: no more status, no more waiting (the
 * API recorded the leaving; its data stays in PostgreSQL).
 */
export async function unitWorkflow(input: UnitWorkflowInput): Promise<UnitState> {
  const snapshot = input.unit.snapshot;
  if (!snapshot) return unitWorkflowV4(input);
  const unit = { ...snapshot, facts: { ...snapshot.facts } } satisfies UnitSnapshot;
  let recorded: UnitStatus = snapshot.status;
  /** The status the API committed with the newest submission (it need not be written again). */
  let recordedByApi: UnitStatus | null = null;
  const deliveries = new Deliveries();
  /** The amending decision the unit left by (set by its signal). */
  const leaving: { decision: string | null } = { decision: null };
  const at = (instant: number) => formatLocalDateTime(new Date(instant), input.timeZone);

  const windowOfStep = (stepNumber: number): UnitWindowFacts | null => {
    const { selfAssessment, explanation } = unit.facts;
    if (selfAssessment?.stepNumber === stepNumber) return selfAssessment;
    if (explanation?.stepNumber === stepNumber) return explanation;
    return null;
  };

  setHandler(unitStateQuery, () => unitStateOf(input.unit.code, unit, recorded));
  setHandler(selfAssessmentSubmittedSignal, (signal) =>
    deliveries.receive(signal.actionId, () => {
      const submittedAt = Date.parse(signal.submittedAt);
      // The first submission counts for lateness, as the API decided it.
      unit.facts.submission ??= {
        submittedAt,
        late:
          signal.late ??
          (signal.recordedStatus === 'late' ||
            submittedAt > (deadlineOf(unit.facts.selfAssessment).instant ?? Infinity)),
      };
      unit.version = Math.max(unit.version ?? 0, signal.version);
      recordedByApi = signal.recordedStatus ?? null;
    }),
  );
  setHandler(extensionGrantedSignal, (signal) =>
    deliveries.receive(signal.actionId, () => {
      const window = windowOfStep(signal.stepNumber);
      if (window) window.extension = Date.parse(signal.deadline);
    }),
  );
  setHandler(explanationRequestedSignal, (request) =>
    deliveries.receive(request.actionId, () => {
      const { actionId, ...shown } = request;
      unit.request = shown;
      unit.facts.explanationRequestedAt = Date.parse(request.requestedAt);
    }),
  );
  setHandler(explanationSubmittedSignal, (signal) =>
    deliveries.receive(signal.actionId, () => {
      unit.facts.explanationAnsweredAt = Math.max(
        unit.facts.explanationAnsweredAt ?? 0,
        Date.parse(signal.submittedAt),
      );
    }),
  );
  setHandler(unitLeftSignal, ({ decisionNumber, actionId }) =>
    deliveries.receive(actionId, () => void (leaving.decision ??= decisionNumber)),
  );
  setHandler(campaignEventSignal, (event) =>
    deliveries.receive(undefined, () => {
      const { roundOne } = unit.facts;
      switch (event.type) {
        case 'deadlineAmended': {
          const window = windowOfStep(event.stepNumber);
          if (window) window.deadline = Date.parse(event.deadline);
          if (roundOne?.stepNumber === event.stepNumber) {
            roundOne.deadline = Date.parse(event.deadline);
          }
          break;
        }
        case 'stepClosed': {
          const window = windowOfStep(event.stepNumber);
          if (window) window.closedEarlyAt = Date.parse(event.at);
          if (roundOne?.stepNumber === event.stepNumber)
            roundOne.completedAt = Date.parse(event.at);
          break;
        }
        case 'stepOpened':
          break; // an early opening changes nothing the unit records
        case 'resultsAnnounced':
          unit.facts.publishedAt = Date.parse(event.at);
          break;
      }
    }),
  );

  for (;;) {
    if (leaving.decision !== null && patched(PLAN_AMENDMENTS_PATCH)) {
      setCurrentDetails(`Đơn vị rút khỏi chiến dịch theo Quyết định số ${leaving.decision}`);
      return unitStateOf(input.unit.code, unit, recorded);
    }
    let status = unitStatusAt(unit.facts, Date.now());
    if (status !== recorded && DECIDED_BY_TIME.has(status)) {
      // PostgreSQL holds every action the API accepted, delivered here or not yet.
      const fresh = await records.loadUnitSnapshot({
        campaignId: input.campaignId,
        participationId: input.unit.participationId,
      });
      if (fresh) Object.assign(unit, fresh, { facts: { ...fresh.facts } });
      status = unitStatusAt(unit.facts, Date.now());
    }
    if (status !== recorded) {
      const recordedElsewhere =
        status === recordedByApi || (status === 'completed' && input.completionRecordedByBatch);
      recorded = recordedElsewhere
        ? status
        : await records.moveUnitStatus({
            participationId: input.unit.participationId,
            status,
            at: new Date().toISOString(),
          });
      upsertSearchAttributes([{ key: UNIT_STATUS, value: recorded }]);
    }
    if (recorded === 'completed') break;

    const next = nextUnitChangeAt(unit.facts, Date.now());
    setCurrentDetails(detailsOf(recorded, next, at));
    await waitForChange(deliveries, next, next === null ? '' : `Hạn ${at(next - 1)}`);
  }
  setCurrentDetails('Đã công bố kết quả');
  return unitStateOf(input.unit.code, unit, recorded);
}

/** What the unit waits for, in words, for the Temporal UI. */
function detailsOf(status: UnitStatus, next: number | null, at: (ms: number) => string): string {
  const due = next === null ? '' : `, hạn ${at(next - 1)}`;
  switch (status) {
    case 'registered':
      return `Chờ báo cáo tự đánh giá${due}`;
    case 'missing':
      return 'Quá hạn tự đánh giá: chờ báo cáo nộp muộn hoặc công bố kết quả';
    case 'explanation_requested':
      return `Chờ giải trình, bổ sung tài liệu${due}`;
    default:
      return 'Chờ công bố kết quả (hoặc đề nghị giải trình, nếu có)';
  }
}
