import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Actor, CAMPAIGN_STAFF } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { campaignRef, positiveInt } from '../common/params.js';
import { AmendDeadlineDto, CloseStepDto } from './steps.dto.js';
import { StepsService } from './steps.service.js';

const DELIVERY =
  ' Answers with the step as it stands after the action, and `delivery`: "delivered" when the campaign workflow has it, "pending" when Temporal did not answer in time (the action is recorded and delivered as soon as it does).';

/** The secretariat's actions on a running campaign's steps. */
@ApiTags('campaign steps')
@ApiBearerAuth()
@ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code, e.g. vinhlong-2021' })
@Controller('campaigns/:campaignId/steps/:number')
export class StepsController {
  constructor(private readonly steps: StepsService) {}

  @Post('open')
  @HttpCode(202)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Open a step before its window',
    description: `409 unless pending.${DELIVERY}`,
  })
  open(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
    @Param('number') number: string,
  ) {
    return this.steps.open(actor, campaignId, positiveInt('step number', number));
  }

  @Post('close')
  @HttpCode(202)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Close a units’ step early, or complete a step the secretariat owns',
    description: `409 unless open, or while a gate between steps is not met (docs/campaign-rules.md); a gate the plan lets the secretariat pass takes overrideGates with a reason, kept in the audit log.${DELIVERY}`,
  })
  close(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
    @Param('number') number: string,
    @Body() body: CloseStepDto,
  ) {
    return this.steps.close(actor, campaignId, positiveInt('step number', number), body);
  }

  @Post('deadline')
  @HttpCode(202)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Amend a step’s deadline; waiting timers re-arm, reminders re-plan',
    description: `409 for a closed step; 422 for a deadline before the step opens or already past. \`warnings\` names the year of the new deadline when the working-day calendar has no data for it (reminders there go Monday–Friday).${DELIVERY}`,
  })
  amend(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
    @Param('number') number: string,
    @Body() body: AmendDeadlineDto,
  ) {
    return this.steps.amendDeadline(
      actor,
      campaignId,
      positiveInt('step number', number),
      new Date(body.deadline),
      body.reason,
    );
  }
}
