/**
 * How the workflows schedule the notification activities, and the error types the activities
 * throw: shared by both sides.
 *
 * A temporary SMTP failure (4xx, connection refused, a timeout before the handoff) is retried
 * after 30 s, 1, 2, 4, 8 and 16 min, then every 30 min: 8 attempts ride out an outage of about an
 * hour. The 8th temporary failure is not thrown: the activity records the message 'failed' and
 * returns, so the secretariat sees it in the log instead of a workflow stuck on a dead mail server.
 * Permanent failures (5xx) are recorded 'failed' on the first attempt and never retried.
 */
import type { RetryPolicy } from '@temporalio/common';
import type { ActivityOptions } from '@temporalio/workflow';

/** Attempts at a message with temporary SMTP failures before it is recorded 'failed'. */
export const NOTIFICATION_MAX_ATTEMPTS = 8;

/** Error type of input that can never be sent (a programming error): not retried. */
export const INVALID_NOTIFICATION = 'InvalidNotification';
/** Error type of a temporary SMTP failure: retried with back-off. */
export const SMTP_TEMPORARY_FAILURE = 'SmtpTemporaryFailure';

export const NOTIFICATION_RETRY_POLICY: RetryPolicy = {
  initialInterval: '30 seconds',
  backoffCoefficient: 2,
  maximumInterval: '30 minutes',
  maximumAttempts: NOTIFICATION_MAX_ATTEMPTS,
  nonRetryableErrorTypes: [INVALID_NOTIFICATION],
};

/**
 * For proxyActivities. One attempt may wait for the pooled transport's connection and the
 * server's reply; an attempt still running after the timeout is not resent by the next one (it
 * finds the handoff and marks the message 'unconfirmed', and the first attempt, when it ends,
 * still records what SMTP answered).
 */
export const NOTIFICATION_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '5 minutes',
  retry: NOTIFICATION_RETRY_POLICY,
};
