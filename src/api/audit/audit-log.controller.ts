import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { SESSION_COOKIE } from '../accounts/session-cookie.js';
import { CAMPAIGN_STAFF } from '../auth/actor.js';
import { Roles } from '../auth/auth.decorators.js';
import { AuditLogQuery, AuditPageView } from './audit-log.dto.js';
import { AuditLogService } from './audit-log.service.js';

/** The audit log: who wrote what, when (the portal's Nhật ký page). */
@ApiTags('audit')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Roles(...CAMPAIGN_STAFF)
@Controller('audit')
export class AuditLogController {
  constructor(private readonly log: AuditLogService) {}

  @Get()
  @ApiOperation({
    summary: 'Read the audit log, newest first, a page at a time (admin, secretariat)',
    description:
      'Filters: campaign (id or code), actor (part of a name or e-mail, or an account or token id), action (a code or its first words), from/to (local days, Asia/Ho_Chi_Minh, both included); page and pageSize (1–200, default 50).',
  })
  @ApiOkResponse({ type: AuditPageView })
  @ApiUnauthorizedResponse({
    description: 'No session or token, or an ended, revoked or expired one.',
  })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiNotFoundResponse({ description: 'No campaign with that id or code.' })
  list(@Query() query: AuditLogQuery): Promise<AuditPageView> {
    return this.log.page(query);
  }
}
