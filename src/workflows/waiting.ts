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

/**
 * What reaches a workflow from outside (actions through the outbox, campaign events): each action
 * is applied once, by its ID (the relay may deliver it again after a crash), and every change is
 * counted so that a wait wakes up for it.
 */
export class Deliveries {
  private readonly applied = new Set<string>();
  changes = 0;

  receive(actionId: string | undefined, change: () => void): void {
    if (actionId !== undefined) {
      if (this.applied.has(actionId)) return;
      this.applied.add(actionId);
    }
    change();
    this.changes++;
  }
}

/** Waits until something is delivered, or until the instant `next` when there is one. */
export async function waitForChange(
  deliveries: Deliveries,
  next: number | null,
  summary: string,
): Promise<void> {
  const seen = deliveries.changes;
  const changed = () => deliveries.changes !== seen;
  if (next === null) await condition(changed);
  else await waitUntil(changed, next, summary);
}
