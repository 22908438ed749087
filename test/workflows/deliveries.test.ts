/**
 * What a workflow receives from outside: an action delivered again (the outbox relay retries after
 * a lost answer; the time-skipping server records such a copy) changes nothing the second time,
 * while campaign events, which carry no action ID, always apply.
 */
import { describe, expect, it } from 'vitest';
import { Deliveries } from '../../src/workflows/waiting.js';

describe('Deliveries', () => {
  it('applies an action once by its ID, and counts the change once', () => {
    const deliveries = new Deliveries();
    const applied: string[] = [];
    deliveries.receive('95', () => applied.push('extension'));
    deliveries.receive('95', () => applied.push('extension'));
    deliveries.receive('96', () => applied.push('submission'));
    expect(applied).toEqual(['extension', 'submission']);
    expect(deliveries.changes).toBe(2);
  });

  it('applies every event without an action ID', () => {
    const deliveries = new Deliveries();
    let events = 0;
    deliveries.receive(undefined, () => events++);
    deliveries.receive(undefined, () => events++);
    expect(events).toBe(2);
    expect(deliveries.changes).toBe(2);
  });
});
