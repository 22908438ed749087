import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import {
  SaveDraftDto,
  SelfAssessmentVersionView,
  SelfAssessmentView,
  SubmissionRecord,
  VersionQueryDto,
} from './self-assessment.dto.js';
import { SelfAssessmentsService } from './self-assessments.service.js';

@ApiTags('self-assessments')
@ApiBearerAuth()
@ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code, e.g. vinhlong-2021' })
@ApiParam({ name: 'unitCode', description: 'Unit code, e.g. SNV' })
@ApiResponse({ status: 401, description: 'No or unknown bearer token.' })
@ApiResponse({ status: 403, description: "A unit token on another unit's self-assessment." })
@ApiResponse({
  status: 404,
  description: 'Unknown campaign or unit, or the unit does not take part in the campaign.',
})
@Controller('campaigns/:campaignId/units/:unitCode/self-assessment')
export class SelfAssessmentsController {
  constructor(private readonly service: SelfAssessmentsService) {}

  @Get()
  @ApiOperation({
    summary: "A unit's self-assessment (tự đánh giá)",
    description:
      'The newest version, draft or submitted, with one item per self-scored leaf criterion (regular, bonus, penalty); `?version=N` for an older one. Before the first draft: a blank form with status "not_started". `missing` and `missingEvidence` list what a submit would still refuse. Appraiser and council tokens read only submitted versions: the newest submitted one (not a draft the unit is still editing), 404 before the first submit.',
  })
  @ApiOkResponse({ type: SelfAssessmentView })
  get(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Param('unitCode') unitCode: string,
    @Query() query: VersionQueryDto,
  ): Promise<SelfAssessmentView> {
    return this.service.get(actor, campaignId, unitCode, query.version);
  }

  @Get('versions')
  @ApiOperation({
    summary: "The versions of a unit's self-assessment, oldest first",
    description: 'Appraiser and council tokens see the submitted versions only.',
  })
  @ApiOkResponse({ type: [SelfAssessmentVersionView] })
  versions(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Param('unitCode') unitCode: string,
  ): Promise<SelfAssessmentVersionView[]> {
    return this.service.versions(actor, campaignId, unitCode);
  }

  @Put('draft')
  @Roles('admin', 'secretariat', 'unit')
  @ApiOperation({
    summary: 'Save a draft (merged by criterion)',
    description:
      'Items are merged into the current draft by criterion code; fields left out keep their value, so a draft may be partial. After a submit, the next draft is a new version starting from the submitted items. Only self-scored leaves (kind regular, bonus, penalty) are accepted: survey leaves come from surveys. Admin and secretariat may save for a unit (audited as on its behalf).',
  })
  @ApiOkResponse({ type: SelfAssessmentView })
  @ApiResponse({ status: 400, description: 'Malformed JSON, wrong types, a repeated criterion.' })
  @ApiResponse({
    status: 422,
    description:
      "Unknown, survey or non-leaf criterion; score outside 0..max; evidence not uploaded for this unit's participation.",
  })
  saveDraft(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Param('unitCode') unitCode: string,
    @Body() body: SaveDraftDto,
  ): Promise<SelfAssessmentView> {
    return this.service.saveDraft(actor, campaignId, unitCode, body);
  }

  @Post('submit')
  @HttpCode(200)
  @Roles('admin', 'secretariat', 'unit')
  @ApiOperation({
    summary: 'Submit the current draft',
    description:
      "Every self-scored leaf needs a score or notApplicable, and a scored leaf that requires evidence needs at least one file. After the self-assessment step's deadline (or the unit's extension), the campaign's late policy decides: 'accept' records it flagged late, 'refuse' answers 409. Before the step opens: 409.",
  })
  @ApiOkResponse({ type: SubmissionRecord })
  @ApiResponse({
    status: 409,
    description: 'Nothing to submit, already submitted, step not open yet, or late and refused.',
  })
  @ApiResponse({ status: 422, description: 'Leaves not scored, or missing required evidence.' })
  submit(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Param('unitCode') unitCode: string,
  ): Promise<SubmissionRecord> {
    return this.service.submit(actor, campaignId, unitCode);
  }
}
