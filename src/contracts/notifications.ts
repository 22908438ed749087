/** The campaign's notifications workflow: what it is started with and what it returns. */

export interface NotificationsInput {
  campaignId: string;
  timeZone: string;
  /** Sends planned at or before this instant are past: the launch, or the last wave. */
  after: string;
  /** Continue as new once the history has this many events (default 2,000). */
  historyLimit?: number;
  /** Carried over by continue-as-new. */
  totals?: NotificationsResult;
}

export interface NotificationsResult {
  waves: number;
  sent: number;
}
