import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
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
import {
  CreateUnitDto,
  UnitListItemView,
  UnitsImportSummary,
  UnitsQuery,
  UnitSummaryView,
  UnitView,
  UpdateUnitDto,
} from './unit.dto.js';
import { UNIT_COLUMNS } from './units-import.js';
import { UnitsService } from './units.service.js';
import { ImportFileInterceptor } from '../common/import-upload.js';

@ApiTags('units')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' })
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOperation({
    summary: 'List units, optionally of one group',
    description: "A unit's token gets codes, names and groups only (no e-mail addresses).",
  })
  @ApiOkResponse({ type: [UnitListItemView] })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: UnitsQuery,
  ): Promise<Array<UnitView | UnitSummaryView>> {
    return this.units.list(actor, query.group);
  }

  @Post('import')
  @HttpCode(200)
  @Roles(...CAMPAIGN_STAFF)
  @UseInterceptors(ImportFileInterceptor())
  @ApiOperation({
    summary: 'Import a unit list from JSON or XLSX: upsert by code (admin, secretariat)',
    description:
      'Columns: code, name, group (required), focal_email, head_email. Everything is validated before anything is written; a 422 lists every error with its row (XLSX: the spreadsheet row, header = 1; JSON: the item, 1-based) and column. An empty e-mail keeps the stored one.',
  })
  @ApiImportBody({
    listKey: 'units',
    columns: UNIT_COLUMNS,
    optionKeys: [],
    example: {
      units: [
        {
          code: 'SNV',
          name: 'Sở Nội vụ',
          group: 'department',
          focal_email: 'cchc.snv@example.vn',
          head_email: 'giamdoc.snv@example.vn',
        },
      ],
    },
  })
  @ApiOkResponse({ type: UnitsImportSummary })
  @ApiBadRequestResponse({
    description: 'No rows, malformed JSON, unreadable XLSX, unknown property.',
  })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiUnprocessableEntityResponse({
    description: '`errors`: [{ row, field, message }], all of them.',
  })
  import(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedImportFile | undefined,
    @Body() body: unknown,
  ): Promise<UnitsImportSummary> {
    return this.units.import(actor, file, body);
  }

  @Get(':code')
  @ApiOperation({
    summary: 'One unit with its contact details',
    description: "A unit's token reads only its own unit (403 for another).",
  })
  @ApiOkResponse({ type: UnitView })
  @ApiForbiddenResponse({ description: "A unit's token asking for another unit." })
  @ApiNotFoundResponse({ description: 'No unit with that code.' })
  get(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<UnitView> {
    return this.units.get(actor, code);
  }

  @Post()
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({ summary: 'Create a unit (admin, secretariat)' })
  @ApiCreatedResponse({ type: UnitView })
  @ApiBadRequestResponse({ description: 'Missing or malformed fields, unknown fields.' })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiConflictResponse({ description: 'A unit with that code exists.' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUnitDto): Promise<UnitView> {
    return this.units.create(actor, dto);
  }

  @Patch(':code')
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({ summary: "Change a unit's name, group or e-mail addresses (admin, secretariat)" })
  @ApiOkResponse({ type: UnitView })
  @ApiBadRequestResponse({ description: 'Malformed or unknown fields (the code cannot change).' })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiNotFoundResponse({ description: 'No unit with that code.' })
  update(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() dto: UpdateUnitDto,
  ): Promise<UnitView> {
    return this.units.update(actor, code, dto);
  }
}
