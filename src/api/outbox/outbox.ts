import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxMessage, type OutboxKind } from '../../entities/index.js';

/** What an action must tell Temporal: start a workflow, or signal one. */
export interface OutboxEntry {
  workflowId: string;
  kind: OutboxKind;
  /** The signal's name, or the workflow type to start. */
  name: string;
  payload: Record<string, unknown>;
  /** The audited action it tells of. */
  action: string;
}

/** The start of a campaign's workflow, as the relay performs it. */
export interface WorkflowStartPayload extends Record<string, unknown> {
  taskQueue: string;
  args: unknown[];
  year: number;
  summary: string;
}

/**
 * Writes what an action must tell Temporal in the action's own transaction (next to its audit
 * entry): either both are committed or neither is, and the relay delivers what is (OutboxRelay).
 */
@Injectable()
export class Outbox {
  async add(
    manager: EntityManager,
    campaignId: string,
    entries: readonly OutboxEntry[],
  ): Promise<string[]> {
    if (entries.length === 0) return [];
    const rows = await manager.save(
      entries.map((entry) => manager.create(OutboxMessage, { ...entry, campaignId })),
    );
    return rows.map((row) => String(row.id));
  }
}
