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
import { ProgressQueryDto, SaveAppraisalDto } from './appraisal.dto.js';
import { roundParam } from './appraisal-rules.js';
import { AppraisalsService } from './appraisals.service.js';

@ApiTags('appraisal')
@ApiBearerAuth()
@ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code, e.g. vinhlong-2021' })
@ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' })
@Controller('campaigns/:campaignId')
export class AppraisalsController {
  constructor(private readonly service: AppraisalsService) {}

  @Put('units/:unitCode/appraisals/rounds/:round')
  @Roles('appraiser', ...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Enter appraised scores and comments for one unit in round 1 or 2',
    description:
      "Items merge by criterion; each has a score (0..max, two decimals) or notApplicable: true, and an optional comment. An appraiser's token scores only the criteria of its agency (403 naming the others); admin and secretariat may enter any (audited as on the agency's behalf). Round 1 closes for a unit when its explanation requests are confirmed; round 2 takes only the criteria the unit was asked to explain; both close when the scores are fixed (step 8). Answers with the unit's score sheet.",
  })
  @ApiResponse({ status: 200, description: "The unit's score sheet after the save." })
  @ApiResponse({ status: 400, description: 'A round other than 1 or 2; an item without a score.' })
  @ApiResponse({
    status: 403,
    description: 'A criterion of another agency; a unit or council token.',
  })
  @ApiResponse({
    status: 404,
    description: 'Unknown campaign or unit, or the unit does not take part.',
  })
  @ApiResponse({ status: 409, description: 'Draft campaign, round closed, or scores fixed.' })
  @ApiResponse({
    status: 422,
    description: 'Unknown, survey or non-leaf criterion; score out of range.',
  })
  save(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Param('unitCode') unitCode: string,
    @Param('round') round: string,
    @Body() body: SaveAppraisalDto,
  ) {
    return this.service.saveRound(actor, campaignId, unitCode, roundParam(round), body);
  }

  @Get('units/:unitCode/appraisals')
  @Roles('appraiser', 'council', 'unit', ...CAMPAIGN_STAFF)
  @ApiOperation({
    summary:
      "A unit's score sheet: every criterion with self-score, rounds 1 and 2, explanation, survey points, council decision and final score",
    description:
      'A unit token reads its own sheet once the results are announced (403 before, and for another unit).',
  })
  sheet(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Param('unitCode') unitCode: string,
  ) {
    return this.service.sheet(actor, campaignId, unitCode);
  }

  @Get('appraisals/progress')
  @Roles('appraiser', 'council', ...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Entered / required scores of a round, per agency and per unit',
    description:
      "Round 1 requires every appraised leaf (regular, bonus, penalty) of each unit's index set; round 2 the criteria each unit was asked to explain. An appraiser's token counts its own agency's criteria only.",
  })
  progress(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Query() query: ProgressQueryDto,
  ) {
    return this.service.progress(actor, campaignId, query.round ?? 1);
  }

  @Post('appraisals/fix')
  @HttpCode(200)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Aggregation of round 2 (step 8): fix the appraised scores',
    description:
      'Final score = round 2 where re-scored, else round 1. Refused (422) while a unit lacks round-1 scores or has explanation proposals neither confirmed nor dismissed. Requested criteria round 2 did not re-score keep their round-1 score and are listed in keptRoundOne.',
  })
  @ApiResponse({ status: 200, description: 'The fixed scores, with keptRoundOne.' })
  @ApiResponse({ status: 409, description: 'Draft campaign, or the scores are already fixed.' })
  @ApiResponse({ status: 422, description: 'Round 1 unfinished or proposals pending, listed.' })
  fix(@CurrentActor() actor: Actor, @Param('campaignId') campaignId: string) {
    return this.service.fix(actor, campaignId);
  }
}
