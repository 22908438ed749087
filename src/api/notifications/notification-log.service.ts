import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatLocalDateTime } from '../../domain/local-time.js';
import type { NotificationKind, NotificationStatus } from '../../entities/index.js';
import type { SendAudience } from '../../domain/reminders/planned-send.js';
import type {
  NotificationLogQuery,
  NotificationPageView,
  NotificationView,
} from './notifications.dto.js';
import type { NotificationScope } from './notification-scope.service.js';

interface LogRow {
  id: string;
  business_key: string;
  kind: NotificationKind;
  step_number: number | null;
  audience: SendAudience;
  unit_code: string | null;
  unit_name: string | null;
  participation_id: string | null;
  agency_code: string | null;
  to_addresses: string[];
  cc_addresses: string[];
  subject: string;
  status: NotificationStatus;
  attempts: number;
  scheduled_for: Date;
  sent_at: Date | null;
  last_error: string | null;
  smtp_response: string | null;
  message_id: string | null;
  created_at: Date;
  updated_at: Date;
  total: string;
}

/** The notification log of a campaign: what was sent or failed, when, to whom. */
@Injectable()
export class NotificationLogService {
  constructor(private readonly dataSource: DataSource) {}

  async list(scope: NotificationScope, query: NotificationLogQuery): Promise<NotificationPageView> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const where = ['n.campaign_id = $1'];
    const params: unknown[] = [scope.campaign.id];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (scope.unit) add('n.participation_id = ?', scope.unit.participationId);
    if (scope.agencyId) add('n.agency_id = ?', scope.agencyId);
    if (scope.audience) add('n.audience = ?', scope.audience);
    if (query.status) add('n.status = ?', query.status);
    if (query.kind) add('n.kind = ?', query.kind);
    if (query.stepNumber !== undefined) add('n.step_number = ?', query.stepNumber);
    params.push(limit, offset);
    // count(*) OVER () gives the total with the page in one query (the index on campaign_id
    // and created_at serves both).
    const rows: LogRow[] = await this.dataSource.query(
      `SELECT n.id, n.business_key, n.kind, n.step_number, n.audience, u.code AS unit_code,
              u.name AS unit_name, n.participation_id, a.code AS agency_code, n.to_addresses,
              n.cc_addresses, n.subject, n.status, n.attempts, n.scheduled_for, n.sent_at,
              n.last_error, n.smtp_response, n.message_id, n.created_at, n.updated_at,
              count(*) OVER () AS total
       FROM notifications n
       LEFT JOIN participations p ON p.id = n.participation_id
       LEFT JOIN units u ON u.id = p.unit_id
       LEFT JOIN agencies a ON a.id = n.agency_id
       WHERE ${where.join(' AND ')}
       ORDER BY n.created_at DESC, n.id DESC
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const total = rows[0] ? Number(rows[0].total) : await this.count(where, params.slice(0, -2));
    const zone = scope.campaign.timeZone;
    return {
      total,
      limit,
      offset,
      items: rows.map((row): NotificationView => ({
        id: row.id,
        businessKey: row.business_key,
        kind: row.kind,
        stepNumber: row.step_number,
        audience: row.audience,
        unitCode: row.unit_code,
        unitName: row.unit_name,
        participationId: row.participation_id,
        agencyCode: row.agency_code,
        to: row.to_addresses,
        cc: row.cc_addresses,
        subject: row.subject,
        status: row.status,
        attempts: row.attempts,
        scheduledFor: row.scheduled_for.toISOString(),
        scheduledForLocal: formatLocalDateTime(row.scheduled_for, zone),
        sentAt: row.sent_at?.toISOString() ?? null,
        sentAtLocal: row.sent_at ? formatLocalDateTime(row.sent_at, zone) : null,
        lastError: row.last_error,
        smtpResponse: row.smtp_response,
        messageId: row.message_id,
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
      })),
    };
  }

  /** The total when the page is empty (an offset past the end). */
  private async count(where: string[], params: unknown[]): Promise<number> {
    const rows: { total: string }[] = await this.dataSource.query(
      `SELECT count(*) AS total FROM notifications n WHERE ${where.join(' AND ')}`,
      params,
    );
    return Number(rows[0]?.total ?? 0);
  }
}
