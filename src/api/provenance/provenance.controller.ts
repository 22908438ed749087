import { Controller, Get, Param } from '@nestjs/common';
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
import { ProvenanceService } from './provenance.service.js';

@ApiTags('results')
@ApiBearerAuth()
@ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code, e.g. vinhlong-2021' })
@ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' })
@Controller('campaigns/:campaignId/units/:unitCode/criteria/:criterionCode/provenance')
export class ProvenanceController {
  constructor(private readonly service: ProvenanceService) {}

  @Get()
  @Roles('appraiser', 'council', 'unit', ...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: "The history of a unit's score for one sub-criterion",
    description:
      'Self-score → round 1 (with comment) → explanation request and answer → round 2 → survey points → council decisions, each with who and when, and the score that counts now. A unit token reads its own once the results are announced.',
  })
  @ApiResponse({ status: 200, description: 'The history, oldest first, and the score now.' })
  @ApiResponse({ status: 403, description: 'Another unit, or a unit before the announcement.' })
  @ApiResponse({ status: 404, description: 'Unknown campaign, unit or criterion.' })
  @ApiResponse({ status: 422, description: 'A criterion with sub-criteria.' })
  get(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Param('unitCode') unitCode: string,
    @Param('criterionCode') criterionCode: string,
  ) {
    return this.service.get(actor, campaignId, unitCode, criterionCode);
  }
}
