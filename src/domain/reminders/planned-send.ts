/** What the planners return: plain JSON, so it can travel in workflow history and API responses. */

/** Sends about one unit's window; 'window_opened' tells its focal point the window is open. */
export type UnitSendKind = 'reminder' | 'escalation' | 'overdue_reminder' | 'window_opened';
/** Sends to the secretariat about a unit-facing window. */
export type DigestSendKind = 'digest_window_opened' | 'digest_window_closed';
/** Sends to the appraising agencies and the council about their own steps. */
export type StepSendKind = 'appraisal_reminder' | 'council_reminder';
/**
 * Escalations of the other actors at a missed deadline, the head of the secretariat in copy: an
 * appraising agency whose round's scores are not all entered, the council that has not approved,
 * and the secretariat's own steps not completed (to the head of the secretariat).
 */
export type ActorEscalationKind =
  'appraisal_escalation' | 'council_escalation' | 'secretariat_escalation';
export type SendKind = UnitSendKind | DigestSendKind | StepSendKind | ActorEscalationKind;

/** Every planned kind, declared once (the notification log's kinds start with these). */
export const SEND_KINDS: readonly SendKind[] = [
  'reminder',
  'escalation',
  'overdue_reminder',
  'window_opened',
  'digest_window_opened',
  'digest_window_closed',
  'appraisal_reminder',
  'council_reminder',
  'appraisal_escalation',
  'council_escalation',
  'secretariat_escalation',
];

/**
 * Who receives it: the unit's focal point, the unit's head (escalations, with the secretariat in
 * copy), the secretariat, the head of the secretariat (its own steps' escalations), the
 * appraising agencies of a round, or the council.
 */
export type SendAudience =
  'unit' | 'unit_head' | 'secretariat' | 'secretariat_head' | 'appraisers' | 'council';

export const SEND_AUDIENCES: readonly SendAudience[] = [
  'unit',
  'unit_head',
  'secretariat',
  'secretariat_head',
  'appraisers',
  'council',
];

export interface PlannedSend<K extends SendKind = SendKind> {
  kind: K;
  audience: SendAudience;
  /** True when the secretariat (its head, when one is named) is in copy: escalations. */
  copySecretariat: boolean;
  stepNumber: number;
  /** The deadline the send is about, as an ISO instant. */
  deadline: string;
  /** When to send, as an ISO instant (UTC). */
  sendAt: string;
  /** The send's local date ('YYYY-MM-DD') and time ('HH:mm') in the campaign's zone. */
  localDate: string;
  localTime: string;
  /** The same, as officials read it: "15/12/2021 08:00". */
  localDateTime: string;
  /** Reminders: how many days before their anchor (see the policy's countDaysIn). */
  daysBefore?: number;
  /** Reminders: counted back from the window's deadline or from its opening. */
  anchor?: 'deadline' | 'opening';
  /** Overdue reminders: 1 for the first repeat after the escalation, 2 for the next, … */
  repeat?: number;
  /** Set when the day first computed was a day off (or too late) and the send moved earlier. */
  movedFrom?: string;
  /**
   * Stable business-key component: step, kind, which one, and the instant it is anchored on, e.g.
   * "step-3/reminder/wd-7/2021-12-24T16:59:59.000Z" or "step-3/overdue_reminder/n-2/…". The sender
   * adds campaign, unit and recipient. A changed deadline gives new keys; a corrected holiday that
   * only moves a send's day does not.
   */
  key: string;
}

/** Sends ordered by time, then key: the order a forecast shows and a workflow arms timers in. */
export function sortPlannedSends<T extends PlannedSend>(sends: readonly T[]): T[] {
  return [...sends].sort((a, b) =>
    a.sendAt === b.sendAt ? a.key.localeCompare(b.key) : a.sendAt < b.sendAt ? -1 : 1,
  );
}
