import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { type Actor, CAMPAIGN_STAFF } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ApiImportBody } from '../common/import-docs.js';
import type { UploadedImportFile } from '../common/import-file.js';
import { assertMayReadUnit, findUnitRef } from '../scoring-data/campaign-scope.js';
import { commendationsOf } from './commendations.js';
import { CouncilAdjustmentDto, ExportQueryDto, ScoringPolicyDto } from './results.dto.js';
import { commendationsFile, resultsFile, scoreSheetFile } from './results-files.js';
import { readResults } from './results-store.js';
import { ResultsService } from './results.service.js';
import { SURVEY_COLUMNS } from './survey-import.js';
import { SurveyScoresService } from './survey-scores.service.js';
import { findCampaign } from '../campaigns/campaign-lookup.js';
import { download } from './download.js';
import { ImportFileInterceptor } from '../common/import-upload.js';

@ApiTags('results')
@ApiBearerAuth()
@ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code, e.g. vinhlong-2021' })
@ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' })
@Controller('campaigns/:campaignId')
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly surveys: SurveyScoresService,
    private readonly dataSource: DataSource,
  ) {}

  @Post('survey-scores/import')
  @HttpCode(200)
  @Roles(...CAMPAIGN_STAFF)
  @UseInterceptors(ImportFileInterceptor())
  @ApiOperation({
    summary: 'Import survey points (điều tra xã hội học) per unit and survey leaf',
    description:
      'JSON {"scores": [{unit_code, criterion_code, points}]} or an upload (.json, .xlsx, .csv with "," or ";"). Everything is checked first: a 422 lists every error with its row and column. A later import replaces a unit\'s points for the same criterion; figures with more than two decimals are rounded half up (listed in `rounded`). Computed results are recomputed.',
  })
  @ApiImportBody({
    listKey: 'scores',
    columns: SURVEY_COLUMNS,
    optionKeys: [],
    example: { scores: [{ unit_code: 'SNV', criterion_code: '8.1', points: 4.25 }] },
  })
  @ApiResponse({ status: 200, description: 'What was imported, and what was `rounded`.' })
  @ApiResponse({ status: 409, description: 'Draft campaign, or results announced.' })
  @ApiResponse({ status: 422, description: '`errors`: [{ row, field, message }], all of them.' })
  importSurvey(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @UploadedFile() file: UploadedImportFile | undefined,
    @Body() body: unknown,
  ) {
    return this.surveys.import(actor, campaignId, file, body);
  }

  @Post('results/compute')
  @HttpCode(200)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Compute the results from the fixed scores (totals, index, ranking, bands)',
    description:
      'Per unit: totals per field and overall with not-applicable criteria rescaled, bonus and penalty within their caps, the council’s adjustments, the index with two decimals; ranking per unit group with ties sharing a rank (1, 2, 2, 4); the campaign’s rating bands. 422 lists every unit and criterion without a score.',
  })
  @ApiResponse({ status: 200, description: 'The computed results.' })
  @ApiResponse({ status: 409, description: 'Scores not fixed, or results announced.' })
  @ApiResponse({ status: 422, description: '`errors`: [{ unitCode, criterionCode, message }].' })
  compute(@CurrentActor() actor: Actor, @Param('campaignId') campaignId: string) {
    return this.results.compute(actor, campaignId);
  }

  @Get('results')
  @ApiOperation({
    summary: 'The results by unit group, ranked',
    description:
      'Before the announcement: admin, secretariat and council only (403 for others); after it, every token.',
  })
  @ApiResponse({ status: 200, description: 'The results by unit group.' })
  @ApiResponse({ status: 404, description: 'No results computed yet.' })
  get(@CurrentActor() actor: Actor, @Param('campaignId') campaignId: string) {
    return this.results.get(actor, campaignId);
  }

  @Get('results/export')
  @ApiOperation({
    summary: 'The results as XLSX (a sheet per unit group) or CSV (UTF-8 with BOM)',
    description: 'Headers in Vietnamese: STT, Đơn vị, …, Chỉ số CCHC, Xếp hạng, Xếp loại.',
  })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  async export(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Query() query: ExportQueryDto,
  ) {
    const campaign = await this.results.readableCampaign(actor, campaignId);
    return download(await resultsFile(this.dataSource.manager, campaign, query.format ?? 'xlsx'));
  }

  @Post('results/adjustments')
  @Roles('council', ...CAMPAIGN_STAFF)
  @ApiOperation({
    summary:
      'A council decision (step 9): a leaf’s final score, or points on the total, with its reason',
    description: 'Recorded with who and when; every unit’s result and rank are recomputed.',
  })
  @ApiResponse({ status: 201, description: 'The adjustment as recorded.' })
  @ApiResponse({
    status: 400,
    description: 'Neither or both of score/notApplicable; points with a criterion; no reason.',
  })
  @ApiResponse({ status: 409, description: 'No results computed, or results announced.' })
  @ApiResponse({ status: 422, description: 'Unknown or non-leaf criterion; score out of range.' })
  adjust(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Body() body: CouncilAdjustmentDto,
  ) {
    return this.results.adjust(actor, campaignId, body);
  }

  @Get('results/adjustments')
  @ApiOperation({
    summary: 'The council’s adjustments, oldest first (readable as the results are)',
  })
  adjustments(@CurrentActor() actor: Actor, @Param('campaignId') campaignId: string) {
    return this.results.adjustments(actor, campaignId);
  }

  @Get('scoring-policy')
  @ApiOperation({ summary: 'The rating bands and commendation policy in force' })
  policy(@Param('campaignId') campaignId: string) {
    return this.results.policy(campaignId);
  }

  @Put('scoring-policy')
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Set the rating bands and/or the commendation policy (null: the default)',
    description:
      'Checked by the scoring module: the bands must cover every index once (400 naming gaps and overlaps, in Vietnamese). Until the results are announced; computed results are re-rated.',
  })
  @ApiResponse({ status: 200, description: 'The policy now in force.' })
  @ApiResponse({
    status: 400,
    description: 'Malformed, overlapping or incomplete bands; bad policy.',
  })
  @ApiResponse({ status: 409, description: 'Results announced.' })
  setPolicy(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Body() body: ScoringPolicyDto,
  ) {
    return this.results.setPolicy(actor, campaignId, body);
  }

  @Get('commendations')
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Step 11: commendation proposals from the published ranking, by the campaign’s policy',
  })
  @ApiResponse({ status: 200, description: 'The proposals by the campaign’s policy.' })
  @ApiResponse({ status: 409, description: 'Results not announced yet.' })
  async commendations(@Param('campaignId') campaignId: string) {
    const campaign = await findCampaign(this.dataSource.manager, campaignId);
    return commendationsOf(campaign, await readResults(this.dataSource.manager, campaign));
  }

  @Get('commendations/export')
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({ summary: 'The commendation proposals as XLSX or CSV' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiResponse({
    status: 200,
    description: 'The file, as an attachment.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiResponse({ status: 409, description: 'Results not announced yet.' })
  async exportCommendations(
    @Param('campaignId') campaignId: string,
    @Query() query: ExportQueryDto,
  ) {
    const manager = this.dataSource.manager;
    const campaign = await findCampaign(manager, campaignId);
    const view = commendationsOf(campaign, await readResults(manager, campaign));
    return download(await commendationsFile(view, campaign, query.format ?? 'xlsx'));
  }

  @Get('units/:unitCode/score-sheet')
  @Roles('appraiser', 'council', 'unit', ...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'A unit’s score sheet (bảng điểm) as XLSX or CSV',
    description:
      'Every criterion with each stage of its score. A unit token: its own, once announced.',
  })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  async scoreSheet(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Param('unitCode') unitCode: string,
    @Query() query: ExportQueryDto,
  ) {
    const manager = this.dataSource.manager;
    const campaign = await findCampaign(manager, campaignId);
    const unit = await findUnitRef(manager, campaign, unitCode);
    assertMayReadUnit(actor, campaign, unit);
    return download(await scoreSheetFile(manager, campaign, unit, query.format ?? 'xlsx'));
  }
}
