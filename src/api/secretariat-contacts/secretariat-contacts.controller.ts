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
import { uuidParam } from '../common/params.js';
import {
  CreateSecretariatContactDto,
  SecretariatContactsImportSummary,
  SecretariatContactView,
  UpdateSecretariatContactDto,
} from './secretariat-contact.dto.js';
import { SECRETARIAT_CONTACT_COLUMNS } from './secretariat-contacts-import.js';
import { SecretariatContactsService } from './secretariat-contacts.service.js';

@ApiTags('secretariat-contacts')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' })
@ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
@Roles(...CAMPAIGN_STAFF)
@Controller('secretariat-contacts')
export class SecretariatContactsController {
  constructor(private readonly contacts: SecretariatContactsService) {}

  @Get()
  @ApiOperation({
    summary: "The secretariat's contacts (Tổ thư ký): who its mails go to (admin, secretariat)",
    description:
      'Digests and delivery reports go to every active contact; escalations go to (or copy) the head (isHead), every active contact when none is marked.',
  })
  @ApiOkResponse({ type: [SecretariatContactView] })
  list(): Promise<SecretariatContactView[]> {
    return this.contacts.list();
  }

  @Post('import')
  @HttpCode(200)
  @UseInterceptors(ImportFileInterceptor())
  @ApiOperation({
    summary: "Import the secretariat's contacts from JSON, XLSX or CSV: upsert by e-mail",
    description:
      'Columns: name, email (required), title, phone, is_head, active (có/không). Everything is validated before anything is written; a 422 lists every error with its row and column.',
  })
  @ApiImportBody({
    listKey: 'contacts',
    columns: SECRETARIAT_CONTACT_COLUMNS,
    optionKeys: [],
    example: {
      contacts: [
        {
          name: 'Lê Thị Thư',
          title: 'Tổ trưởng Tổ thư ký',
          email: 'thuky.cchc@snv.example.gov.vn',
          is_head: 'có',
        },
      ],
    },
  })
  @ApiOkResponse({ type: SecretariatContactsImportSummary })
  @ApiBadRequestResponse({ description: 'No rows, malformed JSON, unreadable file.' })
  @ApiConflictResponse({ description: 'No active contact would be left.' })
  @ApiUnprocessableEntityResponse({
    description: '`errors`: [{ row, field, message }], all of them.',
  })
  import(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedImportFile | undefined,
    @Body() body: unknown,
  ): Promise<SecretariatContactsImportSummary> {
    return this.contacts.import(actor, file, body);
  }

  @Post()
  @ApiOperation({ summary: 'Add a contact of the secretariat (admin, secretariat)' })
  @ApiCreatedResponse({ type: SecretariatContactView })
  @ApiBadRequestResponse({ description: 'Missing or malformed fields, unknown fields.' })
  @ApiConflictResponse({ description: 'A contact with that address exists.' })
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateSecretariatContactDto,
  ): Promise<SecretariatContactView> {
    return this.contacts.create(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Correct a contact, make them the head, or stop their mail (active: false)',
  })
  @ApiOkResponse({ type: SecretariatContactView })
  @ApiBadRequestResponse({ description: 'Malformed or unknown fields, an id that is not a UUID.' })
  @ApiNotFoundResponse({ description: 'No contact with that id.' })
  @ApiConflictResponse({
    description: 'The address is another contact’s, or no active contact would be left.',
  })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('contact id')) id: string,
    @Body() dto: UpdateSecretariatContactDto,
  ): Promise<SecretariatContactView> {
    return this.contacts.update(actor, id, dto);
  }
}
