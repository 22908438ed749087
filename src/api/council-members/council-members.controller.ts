import {
  Body,
  Controller,
  Delete,
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
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type Actor, CAMPAIGN_STAFF } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import type { UploadedImportFile } from '../common/import-file.js';
import { ApiImportBody } from '../common/import-docs.js';
import { ImportFileInterceptor } from '../common/import-upload.js';
import { campaignRef } from '../common/params.js';
import {
  CouncilMembersImportSummary,
  CouncilMemberView,
  CreateCouncilMemberDto,
  UpdateCouncilMemberDto,
} from './council-member.dto.js';
import { COUNCIL_MEMBER_COLUMNS } from './council-members-import.js';
import { CouncilMembersService } from './council-members.service.js';

@ApiTags('council and Chairman')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' })
@ApiNotFoundResponse({ description: 'Unknown campaign (or member).' })
@ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code, e.g. vinhlong-2021' })
@Controller('campaigns/:campaignId/council-members')
export class CouncilMembersController {
  constructor(private readonly members: CouncilMembersService) {}

  @Get()
  @Roles('council', ...CAMPAIGN_STAFF)
  @ApiOperation({ summary: "The Appraisal Council's members, in the decision's order" })
  @ApiOkResponse({ type: [CouncilMemberView] })
  @ApiForbiddenResponse({ description: 'Not admin, secretariat or council.' })
  list(@Param('campaignId', campaignRef) campaignId: string): Promise<CouncilMemberView[]> {
    return this.members.list(campaignId);
  }

  @Post()
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({ summary: 'Add a member to the Appraisal Council (admin, secretariat)' })
  @ApiCreatedResponse({ type: CouncilMemberView })
  @ApiBadRequestResponse({ description: 'Missing or malformed fields; a second chair.' })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  create(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
    @Body() dto: CreateCouncilMemberDto,
  ): Promise<CouncilMemberView> {
    return this.members.create(actor, campaignId, dto);
  }

  @Post('import')
  @HttpCode(200)
  @Roles(...CAMPAIGN_STAFF)
  @UseInterceptors(ImportFileInterceptor())
  @ApiOperation({
    summary: "Replace the council's member list from JSON or XLSX (admin, secretariat)",
    description:
      'Columns: full_name, position, organisation, role (chair, vice_chair, member, secretary, or chủ tịch, phó chủ tịch, ủy viên, thư ký), email, order. Everything is validated before anything is written; a 422 lists every bad row with its column. The list replaces the stored one (a council is established as a whole).',
  })
  @ApiImportBody({
    listKey: 'members',
    columns: COUNCIL_MEMBER_COLUMNS,
    optionKeys: [],
    example: {
      members: [
        {
          full_name: 'Nguyễn Văn An',
          position: 'Phó Chủ tịch UBND tỉnh',
          organisation: 'UBND tỉnh Vĩnh Long',
          role: 'chair',
          email: 'nv.an@vinhlong.gov.vn',
        },
      ],
    },
  })
  @ApiOkResponse({ type: CouncilMembersImportSummary })
  @ApiBadRequestResponse({ description: 'No rows, malformed JSON, unreadable XLSX.' })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiUnprocessableEntityResponse({ description: '`errors`: [{ row, field, message }], all.' })
  import(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
    @UploadedFile() file: UploadedImportFile | undefined,
    @Body() body: unknown,
  ): Promise<CouncilMembersImportSummary> {
    return this.members.import(actor, campaignId, file, body);
  }

  @Patch(':memberId')
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({ summary: 'Change a member (admin, secretariat)' })
  @ApiParam({ name: 'memberId', description: "The member's id (UUID)" })
  @ApiOkResponse({ type: CouncilMemberView })
  @ApiBadRequestResponse({ description: 'Nothing to change, malformed fields, a second chair.' })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  update(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
    @Param('memberId') memberId: string,
    @Body() dto: UpdateCouncilMemberDto,
  ): Promise<CouncilMemberView> {
    return this.members.update(actor, campaignId, memberId, dto);
  }

  @Delete(':memberId')
  @HttpCode(204)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({ summary: 'Remove a member (admin, secretariat)' })
  @ApiParam({ name: 'memberId', description: "The member's id (UUID)" })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  remove(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
    @Param('memberId') memberId: string,
  ): Promise<void> {
    return this.members.remove(actor, campaignId, memberId);
  }
}
