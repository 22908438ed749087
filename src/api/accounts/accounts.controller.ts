import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
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
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CAMPAIGN_STAFF } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/params.js';
import { AccountView, InviteAccountDto, UpdateAccountDto } from './account.dto.js';
import { AccountsService } from './accounts.service.js';
import { SESSION_COOKIE } from './session-cookie.js';

/** The people's accounts, managed by the secretariat and admins. */
@ApiTags('accounts')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@ApiUnauthorizedResponse({ description: 'No session or token, or an ended or unknown one.' })
@Roles(...CAMPAIGN_STAFF)
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOperation({ summary: 'List the accounts (admin, secretariat)' })
  @ApiOkResponse({ type: [AccountView] })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  list(): Promise<AccountView[]> {
    return this.accounts.list();
  }

  @Post()
  @ApiOperation({
    summary: 'Invite a person: creates the account and mails a one-time link (admin, secretariat)',
    description:
      'The link (`PUBLIC_URL/portal/dat-mat-khau?token=…`) sets the password and is valid 72 hours. A unit account needs `unitCode`, an appraiser `agencyCode`. Only an admin invites an admin. If the mail cannot be sent, nothing is created (503).',
  })
  @ApiCreatedResponse({ type: AccountView })
  @ApiBadRequestResponse({ description: 'Malformed fields, or a code the role does not take.' })
  @ApiForbiddenResponse({
    description: 'Not admin or secretariat; or an admin account by the secretariat.',
  })
  @ApiNotFoundResponse({ description: 'No unit or agency with that code.' })
  @ApiConflictResponse({ description: 'An account with that e-mail exists.' })
  @ApiServiceUnavailableResponse({ description: 'The invitation could not be mailed.' })
  invite(@CurrentActor() actor: Actor, @Body() dto: InviteAccountDto): Promise<AccountView> {
    return this.accounts.invite(actor, dto);
  }

  @Post(':id/invitation')
  @ApiOperation({
    summary:
      'Mail a new invitation link to a person who has not set a password (admin, secretariat)',
    description: 'The earlier links of the account stop working; the new one is valid 72 hours.',
  })
  @ApiCreatedResponse({ type: AccountView })
  @ApiForbiddenResponse({
    description: 'Not admin or secretariat; or an admin account by the secretariat.',
  })
  @ApiNotFoundResponse({ description: 'No such account.' })
  @ApiConflictResponse({ description: 'The account is disabled, or its password is set already.' })
  @ApiServiceUnavailableResponse({ description: 'The invitation could not be mailed.' })
  reinvite(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('account id')) id: string,
  ): Promise<AccountView> {
    return this.accounts.reinvite(actor, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Change an account's name, role, unit or agency, or disable it (admin, secretariat)",
    description: 'Disabling ends every session of the account at once.',
  })
  @ApiOkResponse({ type: AccountView })
  @ApiBadRequestResponse({ description: 'Malformed fields, or a code the role does not take.' })
  @ApiForbiddenResponse({
    description: 'Not admin or secretariat; or an admin account by the secretariat.',
  })
  @ApiNotFoundResponse({ description: 'No such account, unit or agency.' })
  @ApiConflictResponse({ description: 'Disabling one’s own account.' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('account id')) id: string,
    @Body() dto: UpdateAccountDto,
  ): Promise<AccountView> {
    return this.accounts.update(actor, id, dto);
  }
}
