import { defineQuery, defineSignal } from '@temporalio/workflow';
import type {
  CampaignState,
  ChairmanDecision,
  CouncilApproval,
  DeadlineAmendment,
  OpeningMove,
  StepAddition,
  StepClosing,
  StepOpening,
  UnitsJoining,
} from './campaign.js';
import type {
  CampaignEvent,
  ExplanationRequest,
  ExplanationSubmission,
  ExtensionGrant,
  SelfAssessmentSubmitted,
  UnitLeaving,
  UnitState,
} from './unit.js';

// Campaign workflow: secretariat, council and Chairman actions (through the API).
export const campaignStateQuery = defineQuery<CampaignState>('campaignState');
/** Opens a step before its window. */
export const openStepSignal = defineSignal<[StepOpening]>('openStep');
/** Closes a unit-facing step early, or completes a step the secretariat owns. */
export const closeStepSignal = defineSignal<[StepClosing]>('closeStep');
/** Moves a step's deadline; waiting timers re-arm. */
export const amendDeadlineSignal = defineSignal<[DeadlineAmendment]>('amendDeadline');
/** Amendments of the plan after launch (src/api/amendments): units join, a step is added, an opening moves. */
export const unitsJoinedSignal = defineSignal<[UnitsJoining]>('unitsJoined');
export const stepAddedSignal = defineSignal<[StepAddition]>('stepAdded');
export const openingMovedSignal = defineSignal<[OpeningMove]>('openingMoved');
export const councilApprovalSignal = defineSignal<[CouncilApproval]>('councilApproval');
export const chairmanDecisionSignal = defineSignal<[ChairmanDecision]>('chairmanDecision');

// Batch workflow: relays campaign events to its units.
export const campaignEventSignal = defineSignal<[CampaignEvent]>('campaignEvent');

// Unit workflow: the unit's own actions and the secretariat's decisions about it.
export const unitStateQuery = defineQuery<UnitState>('unitState');
export const selfAssessmentSubmittedSignal =
  defineSignal<[SelfAssessmentSubmitted]>('selfAssessmentSubmitted');
export const extensionGrantedSignal = defineSignal<[ExtensionGrant]>('extensionGranted');
export const explanationRequestedSignal =
  defineSignal<[ExplanationRequest]>('explanationRequested');
/** The unit left the campaign by an amending decision: its workflow ends. */
export const unitLeftSignal = defineSignal<[UnitLeaving]>('unitLeft');
export const explanationSubmittedSignal =
  defineSignal<[ExplanationSubmission]>('explanationSubmitted');

// Notifications workflow: re-plans when the plan changes; ends with the campaign.
export const notificationPlanChangedSignal = defineSignal('notificationPlanChanged');
export const campaignEndedSignal = defineSignal('campaignEnded');
/** The secretariat confirmed explanation requests for a unit: mail it the list. */
export const explanationRequestMailSignal =
  defineSignal<[{ unitCode: string; requestedAt: string }]>('explanationRequestMail');
/** Results are published: mail each unit its result. */
export const resultsPublishedSignal = defineSignal('resultsPublished');
