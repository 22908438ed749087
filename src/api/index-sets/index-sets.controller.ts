import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CAMPAIGN_STAFF } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import type { UploadedImportFile } from '../common/import-file.js';
import { ApiImportBody } from '../common/import-docs.js';
import { campaignRef, uuidParam } from '../common/params.js';
import { IndexSetImportSummary, IndexSetSummaryView, IndexSetView } from './index-set.dto.js';
import { INDEX_SET_COLUMNS } from './index-set-import.js';
import { IndexSetsService } from './index-sets.service.js';
import { ImportFileInterceptor } from '../common/import-upload.js';

@ApiTags('index sets')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' })
@Controller()
export class IndexSetsController {
  constructor(private readonly indexSets: IndexSetsService) {}

  @Get('campaigns/:id/index-sets')
  @ApiOperation({ summary: "A campaign's index sets, one per unit group, with their totals" })
  @ApiOkResponse({ type: [IndexSetSummaryView] })
  @ApiBadRequestResponse({ description: 'The id is not a UUID.' })
  @ApiNotFoundResponse({ description: 'No campaign with that id.' })
  list(@Param('id', campaignRef) id: string): Promise<IndexSetSummaryView[]> {
    return this.indexSets.listForCampaign(id);
  }

  @Get('index-sets/:id')
  @ApiOperation({
    summary: 'An index set as a tree: fields → criteria → sub-criteria',
    description:
      'Each node with its maximum points, appraising agency code, whether evidence is required, scoring guidance and kind (regular, survey, bonus, penalty).',
  })
  @ApiOkResponse({ type: IndexSetView })
  @ApiBadRequestResponse({ description: 'The id is not a UUID.' })
  @ApiNotFoundResponse({ description: 'No index set with that id.' })
  get(@Param('id', uuidParam('index set id')) id: string): Promise<IndexSetView> {
    return this.indexSets.get(id);
  }

  @Post('campaigns/:id/index-sets/import')
  @HttpCode(200)
  @Roles(...CAMPAIGN_STAFF)
  @UseInterceptors(ImportFileInterceptor())
  @ApiOperation({
    summary: "Import a province's own index set from JSON or XLSX (admin, secretariat)",
    description:
      'One row per node: group, code, parent_code (default: from the dotted code), level, kind, title, max_points, agency_code (default: the parent\'s), evidence_required, guidance. A file may hold several groups; each group\'s set replaces the campaign\'s set for that group, in one transaction, and only before launch. Everything is validated first: a 422 lists every error with its row (XLSX: the spreadsheet row, header = 1; JSON: the item, 1-based) and column. Optional "name" and "source" (JSON properties or form fields) label the imported sets.',
  })
  @ApiImportBody({
    listKey: 'criteria',
    columns: INDEX_SET_COLUMNS,
    optionKeys: ['name', 'source'],
    example: {
      name: 'Bộ Chỉ số CCHC cấp sở năm 2022',
      source: 'Quyết định số …/QĐ-UBND',
      criteria: [
        {
          group: 'department',
          code: '1',
          title: 'Công tác chỉ đạo, điều hành CCHC',
          max_points: 3,
          agency_code: 'SNV',
        },
        { group: 'department', code: '1.1', title: 'Kế hoạch CCHC năm', max_points: 3 },
        {
          group: 'department',
          code: '1.1.1',
          title: 'Ban hành kịp thời',
          max_points: 1.5,
          evidence_required: true,
        },
        { group: 'department', code: '1.1.2', title: 'Hoàn thành 100% kế hoạch', max_points: 1.5 },
      ],
    },
  })
  @ApiOkResponse({ type: IndexSetImportSummary })
  @ApiBadRequestResponse({
    description: 'No rows, malformed JSON, unreadable XLSX, unknown property.',
  })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiNotFoundResponse({ description: 'No campaign with that id.' })
  @ApiConflictResponse({ description: 'The campaign is launched.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The file is neither .json nor .xlsx.' })
  @ApiUnprocessableEntityResponse({
    description: '`errors`: [{ row, field, message }], all of them.',
  })
  import(
    @CurrentActor() actor: Actor,
    @Param('id', campaignRef) id: string,
    @UploadedFile() file: UploadedImportFile | undefined,
    @Body() body: unknown,
  ): Promise<IndexSetImportSummary> {
    return this.indexSets.import(actor, id, file, body);
  }
}
