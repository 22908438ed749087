import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type Actor, CAMPAIGN_STAFF } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { campaignRef } from '../common/params.js';
import {
  CommendationNomineeView,
  CreateCommendationNomineeDto,
  UpdateCommendationNomineeDto,
} from './commendation-nominee.dto.js';
import { CommendationNomineesService } from './commendation-nominees.service.js';

@ApiTags('results')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' })
@ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
@ApiNotFoundResponse({ description: 'Unknown campaign (or nominee).' })
@ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code, e.g. vinhlong-2021' })
@Roles(...CAMPAIGN_STAFF)
@Controller('campaigns/:campaignId/commendation-nominees')
export class CommendationNomineesController {
  constructor(private readonly nominees: CommendationNomineesService) {}

  @Get()
  @ApiOperation({ summary: 'Individuals proposed for commendation (step 11), in order' })
  @ApiOkResponse({ type: [CommendationNomineeView] })
  list(@Param('campaignId', campaignRef) campaignId: string): Promise<CommendationNomineeView[]> {
    return this.nominees.list(campaignId);
  }

  @Post()
  @ApiOperation({ summary: 'Propose an individual for commendation (admin, secretariat)' })
  @ApiCreatedResponse({ type: CommendationNomineeView })
  @ApiBadRequestResponse({ description: 'Missing or malformed fields.' })
  create(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
    @Body() dto: CreateCommendationNomineeDto,
  ): Promise<CommendationNomineeView> {
    return this.nominees.create(actor, campaignId, dto);
  }

  @Patch(':nomineeId')
  @ApiOperation({ summary: 'Change a proposed individual (admin, secretariat)' })
  @ApiParam({ name: 'nomineeId', description: "The nominee's id (UUID)" })
  @ApiOkResponse({ type: CommendationNomineeView })
  @ApiBadRequestResponse({ description: 'Nothing to change, or malformed fields.' })
  update(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
    @Param('nomineeId') nomineeId: string,
    @Body() dto: UpdateCommendationNomineeDto,
  ): Promise<CommendationNomineeView> {
    return this.nominees.update(actor, campaignId, nomineeId, dto);
  }

  @Delete(':nomineeId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw a proposed individual (admin, secretariat)' })
  @ApiParam({ name: 'nomineeId', description: "The nominee's id (UUID)" })
  @ApiNoContentResponse({ description: 'Removed.' })
  remove(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
    @Param('nomineeId') nomineeId: string,
  ): Promise<void> {
    return this.nominees.remove(actor, campaignId, nomineeId);
  }
}
