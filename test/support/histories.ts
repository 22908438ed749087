import type { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;

/**
 * Markers of one kind in a workflow's history: 'core_local_activity' (one per local activity
 * run) or 'core_patch' (one per patch marker).
 */
export const markersNamed = (history: History, name: 'core_local_activity' | 'core_patch') =>
  (history.events ?? []).filter((e) => e.markerRecordedEventAttributes?.markerName === name);
