import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiProduces,
  ApiParam,
  ApiResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type Actor, CAMPAIGN_STAFF } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ProgressQueryDto, SaveAppraisalDto } from './appraisal.dto.js';
import { roundParam } from './appraisal-rules.js';
import { contentDisposition } from '../../domain/evidence-file-types.js';
import type { UploadedImportFile } from '../common/import-file.js';
import { XLSX_TYPE } from '../common/spreadsheet.js';
import { AppraisalSheetService, SheetImportView } from './appraisal-sheet.service.js';
import { AppraisalsService } from './appraisals.service.js';
import { ImportFileInterceptor } from '../common/import-upload.js';

@ApiTags('appraisal')
@ApiBearerAuth()
@ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code, e.g. vinhlong-2021' })
@ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' })
@Controller('campaigns/:campaignId')
export class AppraisalsController {
  constructor(
    private readonly service: AppraisalsService,
    private readonly sheets: AppraisalSheetService,
  ) {}

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

  @Get('appraisals/rounds/:round/sheet')
  @Roles('appraiser', ...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: "A round's scores as XLSX: one row per unit and criterion of the agency",
    description:
      "Sheet «Thẩm định lần {round}»: unit, criterion, max points, the unit's self-score (round 2: also round 1's score and the unit's explanation) and the current score, «Không áp dụng» and comment of the round. An appraiser's token gets its own agency's criteria; admin and secretariat every agency's. Round 2 lists the criteria each unit was asked to explain. Fill in and send back with POST.",
  })
  @ApiParam({ name: 'round', enum: ['1', '2'] })
  @ApiProduces(XLSX_TYPE)
  @ApiResponse({
    status: 200,
    description: 'The workbook, as an attachment.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiResponse({ status: 400, description: 'A round other than 1 or 2.' })
  async exportSheet(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Param('round') round: string,
  ): Promise<StreamableFile> {
    const file = await this.sheets.export(actor, campaignId, roundParam(round));
    return new StreamableFile(file.buffer, {
      type: file.type,
      disposition: contentDisposition(file.fileName),
      length: file.buffer.length,
    });
  }

  @Post('appraisals/rounds/:round/sheet')
  @HttpCode(200)
  @Roles('appraiser', ...CAMPAIGN_STAFF)
  @UseInterceptors(ImportFileInterceptor())
  @ApiOperation({
    summary: "Import a round's scores from the XLSX of GET …/sheet",
    description:
      'Multipart: the workbook in the field "file". Every row is checked with the rules of PUT …/units/{unitCode}/appraisals/rounds/{round} (criterion of the agency, 0..max with two decimals, a score or «x» in «Không áp dụng», round 2 only the requested criteria) and each unit is saved through that same path (audited per unit, and the import once): all or nothing. Empty rows and rows equal to what is saved are skipped. A file that is not this campaign\'s sheet of this round, or any rejected row, answers 422 naming the rows and cells in Vietnamese (`rejected`: [{row, cell, unitCode, criterionCode, message}]) and saves nothing.',
  })
  @ApiParam({ name: 'round', enum: ['1', '2'] })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiResponse({ status: 200, type: SheetImportView, description: 'What was saved.' })
  @ApiResponse({ status: 400, description: 'A round other than 1 or 2; unexpected form fields.' })
  @ApiResponse({ status: 413, description: 'A file over 5 MiB.' })
  @ApiResponse({ status: 415, description: 'Not an .xlsx file.' })
  @ApiResponse({
    status: 422,
    description:
      'Not the sheet (no worksheet «Thẩm định lần {round}», another campaign in A2, columns changed), or rejected rows (`rejected`); nothing saved.',
  })
  importSheet(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Param('round') round: string,
    @UploadedFile() file: UploadedImportFile | undefined,
  ) {
    return this.sheets.import(actor, campaignId, roundParam(round), file);
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
