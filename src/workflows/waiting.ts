import { condition } from '@temporalio/workflow';

/**
 * Waits until `done()` is true or the instant `until` passes; true when `done()` won. With an
 * instant already past it only looks at `done()`, so no zero-length timer lands in the history.
 */
export async function waitUntil(
  done: () => boolean,
  until: string | number,
  summary: string,
): Promise<boolean> {
  const ms = (typeof until === 'number' ? until : Date.parse(until)) - Date.now();
  if (ms <= 0) return done();
  return condition(done, ms, { summary });
}
