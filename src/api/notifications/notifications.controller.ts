import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/auth.decorators.js';
import { NotificationForecastService } from './notification-forecast.service.js';
import { NotificationLogService } from './notification-log.service.js';
import { NotificationScopeService } from './notification-scope.service.js';
import {
  ForecastQuery,
  ForecastView,
  NotificationLogQuery,
  NotificationPageView,
} from './notifications.dto.js';

const WHO_SEES =
  "Admin and secretariat see every message; a unit's token its own unit's, an appraiser's its agency's, a council token the council's.";

@ApiTags('notifications')
@ApiBearerAuth()
@ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code, e.g. vinhlong-2021' })
@ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' })
@ApiBadRequestResponse({ description: 'A filter with a wrong value, or an unknown filter.' })
@ApiForbiddenResponse({ description: "A filter naming someone else's messages." })
@ApiNotFoundResponse({ description: 'Unknown campaign, or a unit that does not take part.' })
@Controller('campaigns/:campaignId/notifications')
export class NotificationsController {
  constructor(
    private readonly scopes: NotificationScopeService,
    private readonly log: NotificationLogService,
    private readonly forecasts: NotificationForecastService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The notification log: every e-mail sent, failed or unconfirmed, newest first',
    description: `Filters: unitCode or participationId, status, kind, stepNumber; limit (1–500, default 50) and offset, with the total over all pages. ${WHO_SEES}`,
  })
  @ApiOkResponse({ type: NotificationPageView })
  async list(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Query() query: NotificationLogQuery,
  ): Promise<NotificationPageView> {
    const scope = await this.scopes.resolve(actor, campaignId, query);
    return this.log.list(scope, query);
  }

  @Get('forecast')
  @ApiOperation({
    summary: 'Every reminder, escalation and digest the current plan would send, and when',
    description: `Computed now from the steps as stored (amended deadlines included), each unit's extensions, the campaign's reminder policy and the working-day calendar (built-in years overlaid with the years loaded at /calendar-years; a year with neither is planned on Monday–Friday and named in weekdaysOnlyYears and warnings). Unit sends are planned as if the unit never acts (the workflow skips what no longer applies). Sends already in the log carry its status. Filters: unitCode, kind, stepNumber; limit (1–5000, default 1000) and offset. ${WHO_SEES}`,
  })
  @ApiOkResponse({ type: ForecastView })
  @ApiUnprocessableEntityResponse({
    description: 'The plan cannot be computed (e.g. a date out of range).',
  })
  async forecast(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Query() query: ForecastQuery,
  ): Promise<ForecastView> {
    const scope = await this.scopes.resolve(actor, campaignId, query);
    return this.forecasts.forecast(scope, query);
  }
}
