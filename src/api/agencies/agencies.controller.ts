import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CAMPAIGN_STAFF } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import type { UploadedImportFile } from '../common/import-file.js';
import { ApiImportBody } from '../common/import-docs.js';
import { ImportFileInterceptor } from '../common/import-upload.js';
import {
  AgenciesImportSummary,
  AgencyChangeView,
  AgencyView,
  CreateAgencyDto,
  UpdateAgencyDto,
} from './agency.dto.js';
import { AGENCY_COLUMNS } from './agencies-import.js';
import { AgenciesService } from './agencies.service.js';

@ApiTags('agencies')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' })
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @ApiOperation({
    summary: 'The appraising agencies (cơ quan thẩm định), by code',
    description:
      'Index sets name them by code (agency_code) for the criteria each appraises. Inactive (merged) agencies are listed with active: false and get no mail.',
  })
  @ApiOkResponse({ type: [AgencyView] })
  list(): Promise<AgencyView[]> {
    return this.agencies.list();
  }

  @Post('import')
  @HttpCode(200)
  @Roles(...CAMPAIGN_STAFF)
  @UseInterceptors(ImportFileInterceptor())
  @ApiOperation({
    summary: 'Import agencies from JSON, XLSX or CSV: upsert by code (admin, secretariat)',
    description:
      'Columns: code, name (required), email, cc_emails ("," or ";" between addresses), contact_name, head_name, head_title, head_email, active (có/không). Everything is validated before anything is written; a 422 lists every error with its row and column. An empty cell keeps the stored value.',
  })
  @ApiImportBody({
    listKey: 'agencies',
    columns: AGENCY_COLUMNS,
    optionKeys: [],
    example: {
      agencies: [
        {
          code: 'STP',
          name: 'Sở Tư pháp',
          email: 'thamdinh.stp@example.vn',
          head_name: 'Nguyễn Văn A',
          head_title: 'Giám đốc',
          head_email: 'giamdoc.stp@example.vn',
        },
      ],
    },
  })
  @ApiOkResponse({ type: AgenciesImportSummary })
  @ApiBadRequestResponse({ description: 'No rows, malformed JSON, unreadable file.' })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiUnprocessableEntityResponse({
    description: '`errors`: [{ row, field, message }], all of them.',
  })
  import(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedImportFile | undefined,
    @Body() body: unknown,
  ): Promise<AgenciesImportSummary> {
    return this.agencies.import(actor, file, body);
  }

  @Post()
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({ summary: 'Create an appraising agency (admin, secretariat)' })
  @ApiCreatedResponse({ type: AgencyView })
  @ApiBadRequestResponse({ description: 'Missing or malformed fields, unknown fields.' })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiConflictResponse({ description: 'An agency with that code exists.' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAgencyDto): Promise<AgencyView> {
    return this.agencies.create(actor, dto);
  }

  @Patch(':code')
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary:
      "Correct an agency's name and addresses, or mark it merged/inactive (admin, secretariat)",
    description:
      'mergedInto: the active agency that took over its work: this one becomes inactive and the criteria of draft campaigns move to the new one. active: false alone marks it inactive (dissolved). An inactive agency gets no mail, and a plan naming it cannot be launched.',
  })
  @ApiOkResponse({ type: AgencyChangeView })
  @ApiBadRequestResponse({ description: 'Malformed or unknown fields (the code cannot change).' })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiNotFoundResponse({ description: 'No agency with that code.' })
  @ApiUnprocessableEntityResponse({
    description: 'mergedInto names itself, an unknown or an inactive agency.',
  })
  update(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() dto: UpdateAgencyDto,
  ): Promise<AgencyChangeView> {
    return this.agencies.update(actor, code, dto);
  }
}
