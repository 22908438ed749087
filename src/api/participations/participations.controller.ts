import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CAMPAIGN_STAFF } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { campaignRef } from '../common/params.js';
import { AddParticipationDto, ParticipationView } from '../campaigns/campaign.dto.js';
import { ParticipationsService } from './participations.service.js';

@ApiTags('participations')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' })
@Controller('campaigns/:id/participations')
export class ParticipationsController {
  constructor(private readonly participations: ParticipationsService) {}

  @Get()
  @ApiOperation({
    summary: 'Units taking part, with their status',
    description: "Staff, appraisers and the council see all; a unit's token sees only its own.",
  })
  @ApiOkResponse({ type: [ParticipationView] })
  @ApiNotFoundResponse({ description: 'No campaign with that id.' })
  list(
    @CurrentActor() actor: Actor,
    @Param('id', campaignRef) id: string,
  ): Promise<ParticipationView[]> {
    return this.participations.list(actor, id);
  }

  @Post()
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({ summary: 'Register a unit in a draft campaign (admin, secretariat)' })
  @ApiCreatedResponse({ type: ParticipationView })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiNotFoundResponse({ description: 'No campaign with that id, or no unit with that code.' })
  @ApiConflictResponse({ description: 'The unit takes part already, or the campaign is launched.' })
  add(
    @CurrentActor() actor: Actor,
    @Param('id', campaignRef) id: string,
    @Body() dto: AddParticipationDto,
  ): Promise<ParticipationView> {
    return this.participations.add(actor, id, dto.unitCode);
  }

  @Delete(':unitCode')
  @HttpCode(204)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({ summary: 'Remove a unit from a draft campaign (admin, secretariat)' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiNotFoundResponse({ description: 'No such campaign, unit, or participation.' })
  @ApiConflictResponse({ description: 'The campaign is launched.' })
  remove(
    @CurrentActor() actor: Actor,
    @Param('id', campaignRef) id: string,
    @Param('unitCode') unitCode: string,
  ): Promise<void> {
    return this.participations.remove(actor, id, unitCode);
  }
}
