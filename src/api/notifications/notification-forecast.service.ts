import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appraisingAgencies } from '../../loaders/appraising-agencies.js';
import { forecastUnits, reminderPlanSteps } from '../../loaders/campaign-forecast.js';
import { councilRecipients, secretariatRecipients } from '../../loaders/recipients.js';
import type { AppConfig } from '../../config.js';
import { APP_CONFIG } from '../tokens.js';
import { CalendarYearNotLoadedError } from '../../domain/calendar/business-calendar.js';
import {
  yearsWithoutData,
  yearWithoutDataWarning,
} from '../../domain/calendar/years-without-data.js';
import { loadBusinessCalendar } from '../../loaders/business-calendar.js';
import { localDaysOf } from '../../loaders/calendar-gaps.js';
import { formatLocalDateTime } from '../../domain/local-time.js';
import {
  forecastCampaignNotifications,
  type ForecastSend,
  type ForecastUnit,
} from '../../domain/notifications/forecast.js';
import { resolveReminderPolicy } from '../../domain/reminders/reminder-policy.js';
import { CampaignStep, type NotificationStatus } from '../../entities/index.js';
import type { ForecastItemView, ForecastQuery, ForecastView } from './notifications.dto.js';
import type { NotificationScope } from './notification-scope.service.js';

interface UnitRow {
  participation_id: string;
  code: string;
  name: string;
  focal_email: string | null;
  head_email: string | null;
}

/**
 * Every reminder, escalation and digest the campaign's current plan would send, and when: the
 * steps as stored (amended deadlines included), each unit's extensions, the campaign's reminder
 * policy and the business calendar, through the same planners the workflows use. Sends whose
 * business key is in the log carry what the log says.
 */
@Injectable()
export class NotificationForecastService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forecast(scope: NotificationScope, query: ForecastQuery): Promise<ForecastView> {
    const { campaign } = scope;
    const limit = query.limit ?? 1000;
    const offset = query.offset ?? 0;
    const steps = await this.dataSource.manager.find(CampaignStep, {
      where: { campaignId: campaign.id },
      order: { number: 'ASC' },
    });
    const staffView = !scope.unit && !scope.agencyId && !scope.audience;
    const units = scope.agencyId || scope.audience ? [] : await this.units(scope);
    const agencies =
      scope.unit || scope.audience
        ? []
        : await appraisingAgencies(this.dataSource.manager, campaign.id, scope.agencyId);

    // A year without calendar data is planned on Monday–Friday and named in the answer.
    const calendar = await loadBusinessCalendar(this.dataSource.manager);
    let sends: ForecastSend[];
    let policy;
    try {
      policy = resolveReminderPolicy(campaign.reminderPolicy ?? {});
      sends = forecastCampaignNotifications({
        campaignId: campaign.id,
        timeZone: campaign.timeZone,
        calendar,
        policy,
        latePolicy: campaign.latePolicy,
        steps: reminderPlanSteps(steps),
        units: await this.withExtensions(campaign.id, units),
        agencies,
      });
    } catch (err) {
      if (err instanceof CalendarYearNotLoadedError) {
        throw new UnprocessableEntityException(
          `Không thể dự báo thông báo của chiến dịch ${campaign.code}: chưa có lịch ngày làm việc của năm ${err.year} (đã nạp: ${err.loadedYears.join(', ') || 'chưa có năm nào'}); hãy nạp ngày nghỉ lễ của năm đó trước.`,
        );
      }
      if (err instanceof RangeError) {
        throw new UnprocessableEntityException(
          `Không thể dự báo thông báo của chiến dịch ${campaign.code} (${err.message}).`,
        );
      }
      throw err;
    }

    const visible = sends.filter(
      (send) =>
        (staffView ||
          (scope.unit !== null && send.unitCode === scope.unit.code) ||
          (scope.agencyId !== null && send.agencyCode !== null) ||
          (scope.audience !== null && send.audience === scope.audience)) &&
        (query.kind === undefined || send.kind === query.kind) &&
        (query.stepNumber === undefined || send.stepNumber === query.stepNumber),
    );
    const weekdaysOnlyYears = yearsWithoutData(calendar, [
      ...localDaysOf(
        steps.flatMap((step) => [step.opensAt, step.deadline]),
        campaign.timeZone,
      ),
      ...sends.map((send) => send.localDate),
    ]);
    const page = visible.slice(offset, offset + limit);
    const logged = await this.logged(page.map((send) => send.businessKey));
    const byUnit = new Map(units.map((unit) => [unit.code, unit]));
    const byAgency = new Map(agencies.map((agency) => [agency.code, agency]));
    const now = Date.now();
    const zone = campaign.timeZone;
    // The secretariat's contacts as stored now: the waves read the same.
    const secretariat = staffView ? await secretariatRecipients(this.dataSource.manager) : null;
    const council = staffView
      ? await councilRecipients(this.dataSource.manager, campaign.id, this.config.councilEmails)
      : null;

    return {
      campaignId: campaign.id,
      timeZone: zone,
      policy,
      generatedAt: new Date(now).toISOString(),
      total: visible.length,
      limit,
      offset,
      weekdaysOnlyYears,
      warnings: weekdaysOnlyYears.map(yearWithoutDataWarning),
      items: page.map((send): ForecastItemView => {
        const unit = send.unitCode ? byUnit.get(send.unitCode) : undefined;
        const agency = send.agencyCode ? byAgency.get(send.agencyCode) : undefined;
        const campaignWide =
          send.audience === 'secretariat'
            ? secretariat?.emails
            : send.audience === 'secretariat_head'
              ? secretariat?.head.emails
              : send.audience === 'council'
                ? council?.emails
                : undefined;
        const address =
          send.audience === 'unit'
            ? unit?.focal_email
            : send.audience === 'unit_head'
              ? (unit?.head_email ?? unit?.focal_email)
              : send.kind === 'appraisal_escalation'
                ? (agency?.headEmail ?? agency?.email)
                : agency?.email;
        return {
          businessKey: send.businessKey,
          kind: send.kind,
          audience: send.audience,
          stepNumber: send.stepNumber,
          unitCode: send.unitCode,
          unitName: unit?.name ?? null,
          participationId: send.participationId,
          agencyCode: send.agencyCode,
          agencyName: agency?.name ?? null,
          to: campaignWide ? [...campaignWide] : address ? [address] : [],
          copySecretariat: send.copySecretariat,
          sendAt: send.sendAt,
          sendAtLocal: send.localDateTime,
          deadline: send.deadline,
          deadlineLocal: formatLocalDateTime(new Date(send.deadline), zone),
          ...(send.daysBefore !== undefined && { daysBefore: send.daysBefore }),
          ...(send.anchor !== undefined && { anchor: send.anchor }),
          ...(send.repeat !== undefined && { repeat: send.repeat }),
          ...(send.movedFrom !== undefined && { movedFrom: send.movedFrom }),
          extended: send.extended,
          due: Date.parse(send.sendAt) <= now,
          notification: logged.get(send.businessKey) ?? null,
        };
      }),
    };
  }

  private units(scope: NotificationScope): Promise<UnitRow[]> {
    return this.dataSource.query(
      `SELECT p.id AS participation_id, u.code, u.name, u.focal_email, u.head_email
       FROM participations p JOIN units u ON u.id = p.unit_id
       WHERE p.campaign_id = $1 AND ($2::uuid IS NULL OR p.id = $2::uuid)
       ORDER BY u.code`,
      [scope.campaign.id, scope.unit?.participationId ?? null],
    );
  }

  /** The units in view with their extensions, as the notifications workflow plans them. */
  private async withExtensions(campaignId: string, units: UnitRow[]): Promise<ForecastUnit[]> {
    if (units.length === 0) return [];
    const inView = new Set(units.map((unit) => unit.participation_id));
    return (await forecastUnits(this.dataSource.manager, campaignId)).filter((unit) =>
      inView.has(unit.participationId),
    );
  }

  /** What the log holds for these business keys. */
  private async logged(
    keys: string[],
  ): Promise<
    Map<string, { status: NotificationStatus; sentAt: string | null; lastError: string | null }>
  > {
    if (keys.length === 0) return new Map();
    const rows: {
      business_key: string;
      status: NotificationStatus;
      sent_at: Date | null;
      last_error: string | null;
    }[] = await this.dataSource.query(
      `SELECT business_key, status, sent_at, last_error FROM notifications
       WHERE business_key = ANY($1::text[])`,
      [keys],
    );
    return new Map(
      rows.map((row) => [
        row.business_key,
        {
          status: row.status,
          sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
          lastError: row.last_error,
        },
      ]),
    );
  }
}
