import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { SESSION_COOKIE } from '../accounts/session-cookie.js';
import type { Actor } from '../auth/actor.js';
import { CAMPAIGN_STAFF } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/params.js';
import { ApiTokenView, IssueApiTokenDto, IssuedApiTokenView } from './api-token.dto.js';
import { ApiTokensService } from './api-tokens.service.js';

const ADMIN_ONLY = 'Not admin or secretariat; or an admin token by the secretariat.';

/** Machine tokens for integrations (the portal's Mã truy cập page). */
@ApiTags('api tokens')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({
  description: 'No session or token, or an ended, revoked or expired one.',
})
@Roles(...CAMPAIGN_STAFF)
@Controller('api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @ApiOperation({
    summary:
      'List the machine tokens, newest first, never the tokens themselves (admin, secretariat)',
  })
  @ApiOkResponse({ type: [ApiTokenView] })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  list(): Promise<ApiTokenView[]> {
    return this.tokens.list();
  }

  @Post()
  @ApiOperation({
    summary: 'Issue a machine token; the answer carries it, the only time (admin, secretariat)',
    description:
      'A unit token needs `unitCode`, an appraiser token `agencyCode`. Only an admin issues an admin token. `expiresOn`: the last day it works; from the next day the API answers it 401. Audited (api_token.issue) with who issued it.',
  })
  @ApiCreatedResponse({ type: IssuedApiTokenView })
  @ApiBadRequestResponse({
    description: 'Malformed fields, a code the role does not take, or an expiry day in the past.',
  })
  @ApiForbiddenResponse({ description: ADMIN_ONLY })
  @ApiNotFoundResponse({ description: 'No unit or agency with that code.' })
  issue(@CurrentActor() actor: Actor, @Body() dto: IssueApiTokenDto): Promise<IssuedApiTokenView> {
    return this.tokens.issue(actor, dto);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke a machine token: refused (401) from now on (admin, secretariat)',
    description:
      'Audited (api_token.revoke) with who revoked it. Only an admin revokes an admin token.',
  })
  @ApiOkResponse({ type: ApiTokenView })
  @ApiForbiddenResponse({ description: ADMIN_ONLY })
  @ApiNotFoundResponse({ description: 'No such token.' })
  @ApiConflictResponse({ description: 'Revoked already, or the token making the request.' })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('token id')) id: string,
  ): Promise<ApiTokenView> {
    return this.tokens.revoke(actor, id);
  }
}
