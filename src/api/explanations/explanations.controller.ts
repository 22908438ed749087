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
import { campaignRef } from '../common/params.js';
import {
  ConfirmProposalsDto,
  EditProposalsDto,
  ExplanationDto,
  ExplanationRequestDto,
  GenerateProposalsDto,
  ProposalsQueryDto,
} from './explanation.dto.js';
import { ExplanationActionsService } from './explanation-actions.service.js';
import { ExplanationProposalsService } from './explanation-proposals.service.js';

@ApiTags('explanations')
@ApiBearerAuth()
@ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code, e.g. vinhlong-2021' })
@ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' })
@Controller('campaigns/:campaignId')
export class ExplanationsController {
  constructor(
    private readonly service: ExplanationProposalsService,
    private readonly actions: ExplanationActionsService,
  ) {}

  @Post('explanation-proposals/generate')
  @HttpCode(200)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Aggregation of round 1 (step 5): propose explanation requests',
    description:
      'Per unit, the appraised leaves whose round-1 score is worse than the self-score (lower; for a penalty, higher) or whose required evidence is missing from the submitted self-assessment. A re-run refreshes untouched proposals and keeps what the secretariat edited, struck out or confirmed. `notAppraised` lists leaves without a round-1 score.',
  })
  @ApiResponse({ status: 200, description: 'The proposals per unit, and `notAppraised`.' })
  @ApiResponse({ status: 409, description: 'Draft campaign, scores fixed, or results announced.' })
  @ApiResponse({ status: 422, description: 'An unknown unit in unitCodes.' })
  generate(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
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
    @Param('campaignId', campaignRef) campaignId: string,
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
  @ApiResponse({ status: 200, description: "The unit's proposals after the edit." })
  @ApiResponse({ status: 409, description: 'A criterion already confirmed; scores fixed.' })
  @ApiResponse({ status: 422, description: 'Unknown, survey or non-leaf criterion.' })
  edit(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
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
  @ApiResponse({ status: 200, description: 'The request as stored, and its delivery.' })
  @ApiResponse({
    status: 409,
    description: 'Nothing proposed; not launched; explanation round over.',
  })
  confirm(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
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
    @Param('campaignId', campaignRef) campaignId: string,
    @Param('unitCode') unitCode: string,
  ) {
    return this.service.unitRequests(actor, campaignId, unitCode);
  }

  @Post('units/:unitCode/explanation-requests')
  @HttpCode(202)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Ask a unit to explain some criteria and add evidence (step 5)',
    description:
      'Stores the request (criteria confirmed, reason, the unit’s step-6 deadline) in explanation_requests, and tells the unit workflow every criterion confirmed so far (delivery: "delivered", or "pending" while Temporal does not answer). 422 for a code that is not an appraised leaf of the unit’s index set; 409 once the unit’s explanation round ended.',
  })
  requestExplanation(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
    @Param('unitCode') unitCode: string,
    @Body() body: ExplanationRequestDto,
  ) {
    return this.actions.request(actor, campaignId, unitCode, body.criteria, body.reason);
  }

  @Post('units/:unitCode/explanation')
  @HttpCode(202)
  @Roles('unit', ...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'A unit submits its explanation (step 6)',
    description:
      'Per requested criterion an answer {criterionCode, text, evidenceIds} and/or a general text that answers every requested criterion not answered one by one. Stored, then told to the unit workflow. 422 for a criterion not requested, evidence not the unit’s, or a requested criterion left without an answer; 409 when nothing was requested or the deadline passed.',
  })
  explain(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
    @Param('unitCode') unitCode: string,
    @Body() body: ExplanationDto,
  ) {
    return this.actions.answer(actor, campaignId, unitCode, body.text, body.answers);
  }
}
