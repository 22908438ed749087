/**
 * Sends many messages from one activity: a few at a time, heartbeating, and without letting one
 * temporary SMTP failure hold back the others. Those are counted and, at the end, turned into one
 * retryable failure, so Temporal retries the activity; each message's business key makes the
 * retry send only what is still missing.
 */
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { SMTP_TEMPORARY_FAILURE } from '../../contracts/notification-retry.js';

export async function sendAll<T>(
  what: string,
  items: readonly T[],
  options: { concurrency: number; progress: () => unknown },
  send: (item: T) => Promise<void>,
): Promise<void> {
  let temporary = 0;
  let last = '';
  let next = 0;
  const heartbeat = setInterval(() => Context.current().heartbeat(options.progress()), 1000);
  try {
    const lanes = Array.from({ length: Math.min(options.concurrency, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        try {
          await send(item);
        } catch (err) {
          if (!(err instanceof ApplicationFailure && err.type === SMTP_TEMPORARY_FAILURE))
            throw err;
          temporary++;
          last = err.message;
        }
      }
    });
    await Promise.all(lanes);
  } finally {
    clearInterval(heartbeat);
  }
  if (temporary > 0) {
    throw ApplicationFailure.retryable(
      `${temporary} of ${items.length} ${what} hit a temporary SMTP failure (last: ${last}); retried for them`,
      SMTP_TEMPORARY_FAILURE,
    );
  }
}
