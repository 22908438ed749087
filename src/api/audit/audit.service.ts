import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEntry } from '../../entities/index.js';
import type { Actor } from '../auth/actor.js';

export interface AuditRecord {
  /** e.g. "self_assessment.submit" */
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown> | null;
}

/** Records every write: who, what, when. Pass the transaction's manager to commit it atomically. */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(actor: Actor, record: AuditRecord, manager?: EntityManager): Promise<void> {
    const entry: Partial<AuditEntry> = {
      actorTokenId: actor.tokenId,
      actorAccountId: actor.accountId,
      actorName: actor.name,
      actorRole: actor.role,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId ?? null,
      details: record.details ?? null,
    };
    await (manager ?? this.dataSource.manager).getRepository(AuditEntry).save(entry);
  }
}
