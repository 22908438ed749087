import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatLocalDateTime } from '../../domain/local-time.js';
import { atLocalTime } from '../../domain/reminders/local-clock.js';
import { TOKEN_TIME_ZONE } from '../auth/issue-token.js';
import { findCampaign } from '../campaigns/campaign-lookup.js';
import { ApiError } from '../common/api-error.js';
import { isUuid } from '../common/params.js';
import type { AuditEntryView, AuditLogQuery, AuditPageView } from './audit-log.dto.js';

interface Row {
  id: string;
  at: Date;
  actor_token_id: string | null;
  actor_account_id: string | null;
  actor_name: string;
  actor_role: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: Record<string, unknown> | null;
  account_name: string | null;
  token_name: string | null;
  total: string;
}

const ZONE = TOKEN_TIME_ZONE;
const DAY_MS = 86_400_000;

/** Reads the audit log (every write the API made): filtered, newest first, a page at a time. */
@Injectable()
export class AuditLogService {
  constructor(private readonly dataSource: DataSource) {}

  async page(query: AuditLogQuery): Promise<AuditPageView> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.campaign !== undefined) {
      const campaign = await findCampaign(this.dataSource.manager, query.campaign);
      const id = param(campaign.id);
      where.push(`(
        (a.entity_type = 'campaign' AND a.entity_id = ${id}::text)
        OR a.details->>'campaignId' = ${id}::text
        OR (a.entity_type = 'participation' AND a.entity_id IN
              (SELECT p.id::text FROM participations p WHERE p.campaign_id = ${id}::uuid))
        OR (a.entity_type = 'self_assessment' AND a.entity_id IN
              (SELECT s.id::text FROM self_assessments s JOIN participations p
                 ON p.id = s.participation_id WHERE p.campaign_id = ${id}::uuid))
        OR (a.entity_type = 'campaign_step' AND a.entity_id IN
              (SELECT c.id::text FROM campaign_steps c WHERE c.campaign_id = ${id}::uuid))
        OR (a.entity_type = 'index_set' AND a.entity_id IN
              (SELECT i.id::text FROM index_sets i WHERE i.campaign_id = ${id}::uuid)))`);
    }
    if (query.actor !== undefined && query.actor.trim() !== '') {
      const actor = query.actor.trim();
      if (isUuid(actor)) {
        const id = param(actor);
        where.push(`(a.actor_account_id = ${id}::uuid OR a.actor_token_id = ${id}::uuid)`);
      } else {
        const like = param(`%${actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        where.push(`(a.actor_name ILIKE ${like} OR acc.full_name ILIKE ${like})`);
      }
    }
    if (query.action !== undefined) {
      const action = param(query.action);
      const prefix = param(`${query.action.replace(/_/g, '\\_')}.%`);
      where.push(`(a.action = ${action} OR a.action LIKE ${prefix})`);
    }
    const from = query.from !== undefined ? atLocalTime(query.from, '00:00', ZONE) : null;
    const to =
      query.to !== undefined
        ? new Date(atLocalTime(query.to, '00:00', ZONE).getTime() + DAY_MS)
        : null;
    if (from && to && from.getTime() >= to.getTime()) {
      const message = `Ngày «từ» (${query.from}) phải trước hoặc bằng ngày «đến» (${query.to}) (from must not be after to).`;
      throw new ApiError(400, 'validation_failed', message, [
        { field: 'from', code: 'range', message },
      ]);
    }
    if (from) where.push(`a.at >= ${param(from)}`);
    if (to) where.push(`a.at < ${param(to)}`);

    const rows: Row[] = await this.dataSource.query(
      `SELECT a.id, a.at, a.actor_token_id, a.actor_account_id, a.actor_name, a.actor_role,
              a.action, a.entity_type, a.entity_id, a.details,
              acc.full_name AS account_name, t.name AS token_name,
              count(*) OVER () AS total
         FROM audit_log a
         LEFT JOIN accounts acc ON acc.id = a.actor_account_id
         LEFT JOIN api_tokens t ON t.id = a.actor_token_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.at DESC, a.id DESC
        LIMIT ${param(pageSize)} OFFSET ${param((page - 1) * pageSize)}`,
      params,
    );
    const total =
      rows.length > 0
        ? Number(rows[0]!.total)
        : page === 1
          ? 0
          : await this.count(where, params.slice(0, -2));
    return { items: rows.map(entryView), total, page, pageSize };
  }

  /** The matching count when the page asked is past the last one. */
  private async count(where: string[], params: unknown[]): Promise<number> {
    const [row] = await this.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM audit_log a LEFT JOIN accounts acc ON acc.id = a.actor_account_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      params,
    );
    return Number(row?.n ?? 0);
  }
}

function entryView(row: Row): AuditEntryView {
  const kind = row.actor_account_id ? 'account' : 'token';
  return {
    id: String(row.id),
    at: new Date(row.at).toISOString(),
    atLocal: formatLocalDateTime(new Date(row.at), ZONE),
    actor: {
      kind,
      id: row.actor_account_id ?? row.actor_token_id,
      name:
        (kind === 'account' ? row.account_name : row.token_name) ??
        row.actor_name.replace(/\s*<[^>]*>$/, ''),
      recordedName: row.actor_name,
      role: row.actor_role,
    },
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    details: row.details,
  };
}
