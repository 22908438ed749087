import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, CAMPAIGN_STAFF } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { campaignRef } from '../common/params.js';
import { PlanAmendmentDto, PlanAmendmentResult, PlanAmendmentView } from './amendments.dto.js';
import { AmendmentsService } from './amendments.service.js';

/** Amendments of a launched campaign's plan, each by an amending decision. */
@ApiTags('campaign amendments')
@ApiBearerAuth()
@ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code, e.g. vinhlong-2021' })
@Controller('campaigns/:campaignId/amendments')
export class AmendmentsController {
  constructor(private readonly amendments: AmendmentsService) {}

  @Get()
  @Roles('council', 'appraiser', ...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'The amendments of the plan since launch, oldest first',
    description: 'Each with its decision’s number and date, its reason and what it changed.',
  })
  @ApiOkResponse({ type: [PlanAmendmentView] })
  list(@Param('campaignId', campaignRef) campaignId: string): Promise<PlanAmendmentView[]> {
    return this.amendments.list(campaignId);
  }

  @Post()
  @HttpCode(202)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Amend a launched campaign’s plan by an amending decision (sửa đổi, bổ sung)',
    description:
      'kind unit_joins (unitCodes: participations created, their workflows start, reminders planned), unit_leaves (unitCodes: their workflows end, their data kept; results and reminders leave them out), step_added (step: added at the end of the plan, its timers armed), opening_moved (stepNumber with opensAt or opensOn: a pending step’s opening moves). Every kind needs decisionNumber, decisionDate and reason (400 naming the field). 409 when the campaign or step no longer allows it (results published, step already opened, unit already in or already left); 422 for dates in the past or out of order, or a kind of step that cannot be added. Recorded in the audit log; answers with the amendment, `delivery` and `warnings`.',
  })
  @ApiResponse({ status: 202, type: PlanAmendmentResult })
  amend(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
    @Body() body: PlanAmendmentDto,
  ): Promise<PlanAmendmentResult> {
    return this.amendments.amend(actor, campaignId, body);
  }
}
