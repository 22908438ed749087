import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BusinessCalendar } from '../../domain/calendar/business-calendar.js';
import { loadBusinessCalendar } from '../../loaders/business-calendar.js';
import { formatLocalDateTime } from '../../domain/local-time.js';
import { localDateOf } from '../../domain/reminders/local-clock.js';
import type { Actor } from '../auth/actor.js';
import { CampaignStateService } from '../campaign-state/campaign-state.service.js';
import type { Clock } from '../clock.js';
import { CLOCK } from '../tokens.js';
import type { MyWorkView, WorkItemView } from './my-work.dto.js';
import { type DueWork, dueWorkIn } from './work-items.js';

/**
 * Việc của tôi: the campaign state service reads each running campaign (steps' views and the
 * unit's facts by the campaign rules, at the API's clock); work-items.ts picks what is the
 * caller's; this adds the local deadline and the working days from the working-day calendar.
 */
@Injectable()
export class MyWorkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly state: CampaignStateService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async workOf(actor: Actor): Promise<MyWorkView> {
    const running = await this.state.runningCampaigns(actor);
    const at = running[0]?.now ?? this.clock.now();
    const calendar = await loadBusinessCalendar(this.dataSource.manager);
    const items = running
      .flatMap((campaign) =>
        dueWorkIn(actor, campaign).map((due) => this.view(calendar, due, campaign.now)),
      )
      .sort(
        (a, b) =>
          (a.deadline === null ? 1 : 0) - (b.deadline === null ? 1 : 0) ||
          (a.deadline ?? '').localeCompare(b.deadline ?? '') ||
          a.campaignCode.localeCompare(b.campaignCode) ||
          a.title.localeCompare(b.title, 'vi'),
      );
    return { at: at.toISOString(), items };
  }

  private view(calendar: BusinessCalendar, due: DueWork, now: Date): WorkItemView {
    const zone = due.campaign.timeZone;
    const deadline = due.deadline === null ? null : new Date(due.deadline);
    return {
      kind: due.kind,
      title: due.title,
      campaignId: due.campaign.id,
      campaignCode: due.campaign.code,
      campaignName: due.campaign.name,
      unitCode: due.unitCode,
      unitName: due.unitName,
      stepNumber: due.stepNumber,
      stepTitle: due.stepTitle,
      deadline: deadline?.toISOString() ?? null,
      deadlineLocal: deadline ? formatLocalDateTime(deadline, zone) : null,
      overdue: due.overdue,
      workingDays: deadline ? workingDays(calendar, now, deadline, due.overdue, zone) : null,
      link: due.link,
    };
  }
}

/**
 * Working days left until the deadline's day, or (overdue) since it; a year without calendar data
 * counts Monday–Friday, as the reminders do.
 */
function workingDays(
  calendar: BusinessCalendar,
  now: Date,
  deadline: Date,
  overdue: boolean,
  zone: string,
): number {
  const today = localDateOf(now, zone);
  const deadlineDay = localDateOf(deadline, zone);
  return overdue
    ? Math.max(0, calendar.workingDaysBetween(deadlineDay, today))
    : Math.max(0, calendar.workingDaysBetween(today, deadlineDay));
}
