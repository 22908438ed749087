import type { LatePolicy } from '../domain/words.js';
import type { CampaignEvent, UnitTimeline } from './unit.js';

export interface UnitBatchInput {
  campaignId: string;
  campaignWorkflowId: string;
  year: number;
  timeZone: string;
  latePolicy: LatePolicy;
  timeline: UnitTimeline;
  /** This batch's slice of the campaign's units, ordered by unit code. */
  offset: number;
  limit: number;
  /** A batch of units that joined after launch: exactly these (offset and limit unused). */
  unitCodes?: string[];
  /** Continue as new once the history has this many events (default 10,000; tests set less). */
  historyLimit?: number;
  /** The units run on the campaign rules: the batch hands each its snapshot (unitFacts). */
  campaignRules?: boolean;
  /** Set by continue-as-new: the units already started and the events not yet relayed. */
  continued?: UnitBatchContinuation;
}

export interface UnitBatchContinuation {
  unitCodes: string[];
  pending: CampaignEvent[];
  eventsRelayed: number;
  runs: number;
  /** The batch records its units' completion (COMPLETION_RECORDED_BY_BATCH_PATCH). */
  recordsCompletion?: boolean;
}

export interface UnitBatchResult {
  units: number;
  /** Units by final status, of the units this run started. */
  byStatus?: Record<string, number>;
  /** Campaign events relayed to the units. */
  eventsRelayed?: number;
}
