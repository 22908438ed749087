import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/auth.decorators.js';
import { campaignRef } from '../common/params.js';
import { CampaignStateService } from './campaign-state.service.js';

/** Where a running campaign and its units stand. */
@ApiTags('campaign state')
@ApiBearerAuth()
@ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code, e.g. vinhlong-2021' })
@Controller('campaigns/:campaignId')
export class CampaignStateController {
  constructor(private readonly state: CampaignStateService) {}

  @Get('state')
  @ApiOperation({
    summary:
      'Where the running campaign stands: current step, each step’s status and deadline, units by status',
    description:
      'From the facts PostgreSQL records, by the campaign rules the workflows run on (so it answers while Temporal is unreachable); pendingDeliveries counts actions Temporal does not have yet; scoresFixed and resultsPublishedAt say whether the scores are fixed (step 8) and the results announced (step 10).',
  })
  @ApiResponse({ status: 200, description: 'The state, from the facts PostgreSQL records.' })
  @ApiResponse({ status: 409, description: 'The campaign is not launched yet.' })
  campaign(@Param('campaignId', campaignRef) campaignId: string) {
    return this.state.campaignState(campaignId);
  }

  @Get('units/:unitCode/state')
  @ApiOperation({ summary: 'Where one unit stands in the running campaign (a unit reads its own)' })
  @ApiResponse({ status: 200, description: 'The state, from the facts PostgreSQL records.' })
  @ApiResponse({ status: 409, description: 'The campaign is not launched yet.' })
  unit(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
    @Param('unitCode') unitCode: string,
  ) {
    return this.state.unitState(actor, campaignId, unitCode);
  }
}
