import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Actor, CAMPAIGN_STAFF } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { campaignRef } from '../common/params.js';
import { ChairmanDecisionDto, CouncilApprovalDto } from './council.dto.js';
import { CouncilService } from './council.service.js';

/** The council's approval and the Chairman's decision. */
@ApiTags('council and Chairman')
@ApiBearerAuth()
@ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code, e.g. vinhlong-2021' })
@Controller('campaigns/:campaignId')
export class CouncilController {
  constructor(private readonly council: CouncilService) {}

  @Post('council-approval')
  @HttpCode(202)
  @Roles('council', ...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Record that the Appraisal Council approved the results (completes step 9)',
    description:
      '409 unless the council step is open and results are computed (POST …/results/compute).',
  })
  approve(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
    @Body() body: CouncilApprovalDto,
  ) {
    return this.council.approve(actor, campaignId, body.note);
  }

  @Post('chairman-decision')
  @HttpCode(202)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Record the Chairman’s decision announcing the results (completes step 10)',
    description:
      'Publishes the computed results: from then on every unit reads them and they are frozen. 409 unless the announcement step is open, the council approved the results and results are computed.',
  })
  decide(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
    @Body() body: ChairmanDecisionDto,
  ) {
    return this.council.decide(actor, campaignId, body.number, body.date);
  }
}
