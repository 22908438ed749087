import { Controller, Get, Headers, HttpStatus, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CAMPAIGN_STAFF } from '../auth/actor.js';
import { Public } from '../auth/auth.decorators.js';
import { actorForToken, bearerToken } from '../auth/token-actor.js';
import { HealthService, type ReadinessReport } from './health.service.js';
import { LivenessView, ReadinessView } from './health.views.js';

const READY_DESCRIPTION =
  'PostgreSQL and Temporal are checked (2 s each); SMTP is checked at most once a minute and, when down, makes the answer `degraded` without failing it. Without a token: only `status`; with an admin or secretariat token: each dependency’s check too.';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly dataSource: DataSource,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers (no dependency checked)' })
  @ApiResponse({ status: 200, type: LivenessView })
  live(): LivenessView {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Readiness: PostgreSQL and Temporal answer',
    description: READY_DESCRIPTION,
  })
  @ApiResponse({ status: 200, type: ReadinessView, description: 'ok or degraded (SMTP down).' })
  @ApiResponse({ status: 503, type: ReadinessView, description: 'PostgreSQL or Temporal is down.' })
  ready(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReadinessView> {
    return this.answer(authorization, res);
  }

  /** The readiness answer under its older address (docker-compose, scripts). */
  @Get()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Same as /health/ready', description: READY_DESCRIPTION })
  @ApiResponse({ status: 200, type: ReadinessView, description: 'ok or degraded (SMTP down).' })
  @ApiResponse({ status: 503, type: ReadinessView, description: 'PostgreSQL or Temporal is down.' })
  get(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReadinessView> {
    return this.answer(authorization, res);
  }

  private async answer(authorization: string | undefined, res: Response): Promise<ReadinessView> {
    const report = await this.health.readiness();
    res.status(report.status === 'unavailable' ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    return (await this.isStaff(authorization, report)) ? report : { status: report.status };
  }

  /**
   * Details (which dependency, why) are for the people who run the service. The token can only be
   * checked while PostgreSQL answers; an unknown token gets the public answer, not a 401.
   */
  private async isStaff(authorization: string | undefined, report: ReadinessReport) {
    const token = bearerToken(authorization);
    if (!token || report.checks.database.status === 'down') return false;
    const actor = await actorForToken(this.dataSource, token).catch(() => null);
    return actor !== null && CAMPAIGN_STAFF.includes(actor.role);
  }
}
