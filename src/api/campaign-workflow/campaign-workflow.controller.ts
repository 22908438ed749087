import { Body, Controller, ForbiddenException, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CAMPAIGN_STAFF } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { positiveInt, uuidParam } from '../common/params.js';
import {
  AmendDeadlineDto,
  ChairmanDecisionDto,
  CouncilApprovalDto,
  ExplanationDto,
  ExplanationRequestDto,
  GrantExtensionDto,
} from './campaign-workflow.dto.js';
import { CampaignWorkflowService } from './campaign-workflow.service.js';

/** A unit token acts only for its own unit. */
async function assertOwnUnit(
  service: CampaignWorkflowService,
  actor: Actor,
  campaignId: string,
  unitCode: string,
): Promise<void> {
  if (actor.role !== 'unit') return;
  const campaign = await service.launchedCampaign(campaignId);
  const participation = await service.participation(campaign, unitCode);
  if (participation.unitId !== actor.unitId) {
    throw new ForbiddenException(`This token acts for another unit, not for "${unitCode}".`);
  }
}

/** The running campaign: its state, and the actions that move its workflow. */
@ApiTags('campaign workflow')
@ApiBearerAuth()
@Controller('campaigns/:campaignId')
export class CampaignWorkflowController {
  constructor(private readonly service: CampaignWorkflowService) {}

  @Get('state')
  @ApiOperation({
    summary:
      'Where the running campaign stands: current step, each step’s status and deadline, units by status',
  })
  state(@Param('campaignId', uuidParam('campaign id')) campaignId: string) {
    return this.service.campaignState(campaignId);
  }

  @Get('units/:unitCode/state')
  @ApiOperation({ summary: 'Where one unit stands in the running campaign' })
  async unitState(
    @CurrentActor() actor: Actor,
    @Param('campaignId', uuidParam('campaign id')) campaignId: string,
    @Param('unitCode') unitCode: string,
  ) {
    await assertOwnUnit(this.service, actor, campaignId, unitCode);
    return this.service.unitState(campaignId, unitCode);
  }

  @Post('steps/:number/open')
  @HttpCode(202)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({ summary: 'Open a step before its window' })
  open(
    @CurrentActor() actor: Actor,
    @Param('campaignId', uuidParam('campaign id')) campaignId: string,
    @Param('number') number: string,
  ) {
    return this.service.openStep(actor, campaignId, positiveInt('step number', number));
  }

  @Post('steps/:number/close')
  @HttpCode(202)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Close a unit-facing step early, or complete a step the secretariat owns',
  })
  close(
    @CurrentActor() actor: Actor,
    @Param('campaignId', uuidParam('campaign id')) campaignId: string,
    @Param('number') number: string,
  ) {
    return this.service.closeStep(actor, campaignId, positiveInt('step number', number));
  }

  @Post('steps/:number/deadline')
  @HttpCode(202)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({ summary: 'Amend a step’s deadline; waiting timers re-arm' })
  amend(
    @CurrentActor() actor: Actor,
    @Param('campaignId', uuidParam('campaign id')) campaignId: string,
    @Param('number') number: string,
    @Body() body: AmendDeadlineDto,
  ) {
    return this.service.amendDeadline(
      actor,
      campaignId,
      positiveInt('step number', number),
      new Date(body.deadline),
      body.reason,
    );
  }

  @Post('units/:unitCode/extensions')
  @HttpCode(201)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({ summary: 'Grant one unit a later deadline for one of its steps' })
  extend(
    @CurrentActor() actor: Actor,
    @Param('campaignId', uuidParam('campaign id')) campaignId: string,
    @Param('unitCode') unitCode: string,
    @Body() body: GrantExtensionDto,
  ) {
    return this.service.grantExtension(
      actor,
      campaignId,
      unitCode,
      body.stepNumber,
      new Date(body.deadline),
      body.reason,
    );
  }

  @Post('units/:unitCode/explanation-requests')
  @HttpCode(202)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Ask a unit to explain some criteria and add evidence (step 5)',
    description:
      'Stores the request (criteria confirmed, reason, the unit’s step-6 deadline) in explanation_requests, then signals the unit workflow with every criterion confirmed so far. 422 for a code that is not an appraised leaf of the unit’s index set.',
  })
  requestExplanation(
    @CurrentActor() actor: Actor,
    @Param('campaignId', uuidParam('campaign id')) campaignId: string,
    @Param('unitCode') unitCode: string,
    @Body() body: ExplanationRequestDto,
  ) {
    return this.service.requestExplanation(actor, campaignId, unitCode, body.criteria, body.reason);
  }

  @Post('units/:unitCode/explanation')
  @HttpCode(202)
  @Roles('unit', ...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'A unit submits its explanation (step 6)',
    description:
      'Per requested criterion an answer {criterionCode, text, evidenceIds} and/or a general text that answers every requested criterion not answered one by one. Stored, then signalled to the unit workflow. 422 for a criterion not requested, evidence not the unit’s, or a requested criterion left without an answer.',
  })
  async explain(
    @CurrentActor() actor: Actor,
    @Param('campaignId', uuidParam('campaign id')) campaignId: string,
    @Param('unitCode') unitCode: string,
    @Body() body: ExplanationDto,
  ) {
    await assertOwnUnit(this.service, actor, campaignId, unitCode);
    return this.service.submitExplanation(actor, campaignId, unitCode, body.text, body.answers);
  }

  @Post('council-approval')
  @HttpCode(202)
  @Roles('council', ...CAMPAIGN_STAFF)
  @ApiOperation({ summary: 'Record that the Appraisal Council approved the results (step 9)' })
  approve(
    @CurrentActor() actor: Actor,
    @Param('campaignId', uuidParam('campaign id')) campaignId: string,
    @Body() body: CouncilApprovalDto,
  ) {
    return this.service.recordCouncilApproval(actor, campaignId, body.note);
  }

  @Post('chairman-decision')
  @HttpCode(202)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Record the Chairman’s decision announcing the results (step 10)',
    description:
      'Publishes the computed results (409 when none are computed): from then on every unit reads them and they are frozen. Then signals the campaign workflow.',
  })
  decide(
    @CurrentActor() actor: Actor,
    @Param('campaignId', uuidParam('campaign id')) campaignId: string,
    @Body() body: ChairmanDecisionDto,
  ) {
    return this.service.recordChairmanDecision(actor, campaignId, body.number, body.date);
  }
}
