import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type Actor, CAMPAIGN_STAFF } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import {
  ConfirmProposalsDto,
  EditProposalsDto,
  GenerateProposalsDto,
  ProposalsQueryDto,
} from './explanation.dto.js';
import { ExplanationProposalsService } from './explanation-proposals.service.js';

@ApiTags('explanations')
@ApiBearerAuth()
@ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code, e.g. vinhlong-2021' })
@ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' })
@Controller('campaigns/:campaignId')
export class ExplanationsController {
  constructor(private readonly service: ExplanationProposalsService) {}

  @Post('explanation-proposals/generate')
  @HttpCode(200)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Aggregation of round 1 (step 5): propose explanation requests',
    description:
      'Per unit, the appraised leaves whose round-1 score is worse than the self-score (lower; for a penalty, higher) or whose required evidence is missing from the submitted self-assessment. A re-run refreshes untouched proposals and keeps what the secretariat edited, struck out or confirmed. `notAppraised` lists leaves without a round-1 score.',
  })
  @ApiResponse({ status: 409, description: 'Draft campaign, scores fixed, or results announced.' })
  @ApiResponse({ status: 422, description: 'An unknown unit in unitCodes.' })
  generate(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Body() body: GenerateProposalsDto,
  ) {
    return this.service.generate(actor, campaignId, body);
  }

  @Get('explanation-proposals')
  @Roles('appraiser', 'council', ...CAMPAIGN_STAFF)
  @ApiOperation({
    summary:
      'Explanation requests of every unit (proposed, dismissed, confirmed) with the scores behind them',
  })
  list(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Query() query: ProposalsQueryDto,
  ) {
    return this.service.list(actor, campaignId, query);
  }

  @Put('units/:unitCode/explanation-proposals')
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary:
      "Edit a unit's proposals: strike out (include: false), add or put back (include: true), reword the reason",
  })
  @ApiResponse({ status: 409, description: 'A criterion already confirmed; scores fixed.' })
  @ApiResponse({ status: 422, description: 'Unknown, survey or non-leaf criterion.' })
  edit(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Param('unitCode') unitCode: string,
    @Body() body: EditProposalsDto,
  ) {
    return this.service.edit(actor, campaignId, unitCode, body);
  }

  @Post('units/:unitCode/explanation-proposals/confirm')
  @HttpCode(200)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: "Confirm a unit's proposed requests: stored, then signalled to the unit workflow",
    description:
      "Goes through POST …/explanation-requests: each criterion keeps its reason, the request carries the unit's step-6 deadline, and the unit's round 1 closes.",
  })
  @ApiResponse({
    status: 409,
    description: 'Nothing proposed; not launched; explanation round over.',
  })
  confirm(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Param('unitCode') unitCode: string,
    @Body() body: ConfirmProposalsDto,
  ) {
    return this.service.confirm(actor, campaignId, unitCode, body);
  }

  @Get('units/:unitCode/explanation-requests')
  @ApiOperation({
    summary: "A unit's explanation requests with its answers",
    description:
      'A unit token reads its own confirmed requests (what it must answer, and by when).',
  })
  unitRequests(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Param('unitCode') unitCode: string,
  ) {
    return this.service.unitRequests(actor, campaignId, unitCode);
  }
}
