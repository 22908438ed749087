import {
  Body,
  Controller,
  Delete,
  Param,
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
import { ApiImportBody } from '../common/import-docs.js';
import type { UploadedImportFile } from '../common/import-file.js';
import { ImportFileInterceptor } from '../common/import-upload.js';
import { campaignRef, positiveInt } from '../common/params.js';
import { CampaignDetailView, CreateCampaignDto, NewStepDto } from './campaign.dto.js';
import { CampaignPlansService } from './campaign-plans.service.js';
import { PLAN_CAMPAIGN_FIELDS, PLAN_STEP_COLUMNS } from './plan-import.js';

const LAUNCHED_409 =
  'The campaign is launched: its plan is no longer edited here (amendments after launch go through their own routes).';

/** A campaign created from scratch or from a file, and a draft's steps added and removed. */
@ApiTags('campaigns')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' })
@Controller('campaigns')
export class CampaignPlansController {
  constructor(private readonly plans: CampaignPlansService) {}

  @Post()
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Create a campaign from scratch (admin, secretariat)',
    description:
      'A draft with its settings and its plan: each step with the fields of PATCH /campaigns/{id}/steps/{n} (titleVi, kind, actor, lead required; dates as local days opensOn/closesOn or instants opensAt/deadline; startsAfterStep naming an earlier step), or no steps yet. Every problem of the plan is listed at once. Whether it can be launched is decided at launch (POST /campaigns/{id}/launch).',
  })
  @ApiCreatedResponse({ type: CampaignDetailView })
  @ApiBadRequestResponse({
    description: 'Unknown field, wrong type, or problems in the steps: `fields` names each.',
  })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiConflictResponse({ description: 'A campaign with that code exists.' })
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateCampaignDto,
  ): Promise<CampaignDetailView> {
    return this.plans.create(actor, dto);
  }

  @Post('import')
  @Roles(...CAMPAIGN_STAFF)
  @UseInterceptors(ImportFileInterceptor())
  @ApiOperation({
    summary: 'Create a campaign from a plan file, JSON or XLSX (admin, secretariat)',
    description: `The campaign's fields (${PLAN_CAMPAIGN_FIELDS.join(', ')}; code, province, year, name required) as JSON properties beside "steps" or as multipart fields beside the file; its steps as rows (XLSX: first sheet, row 1 names the columns ${PLAN_STEP_COLUMNS.join(', ')}; dates YYYY-MM-DD or dd/MM/yyyy). Everything is checked before anything is written: a 422 lists every problem with its row (0: the campaign's fields) and column. The campaign is a draft.`,
  })
  @ApiImportBody({
    listKey: 'steps',
    columns: PLAN_STEP_COLUMNS,
    optionKeys: PLAN_CAMPAIGN_FIELDS,
    example: {
      code: 'vinhlong-2025',
      province: 'Vĩnh Long',
      year: '2025',
      name: 'Chấm điểm Chỉ số CCHC năm 2025',
      steps: [
        {
          number: 1,
          title_vi: 'Tổ chức tự đánh giá',
          kind: 'self_assessment',
          actor: 'units',
          lead: 'Đơn vị, địa phương',
          opens_on: '2025-12-01',
          closes_on: '2025-12-24',
        },
      ],
    },
  })
  @ApiCreatedResponse({ type: CampaignDetailView })
  @ApiBadRequestResponse({ description: 'Malformed JSON, unreadable XLSX, unknown property.' })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiConflictResponse({ description: 'A campaign with that code exists.' })
  @ApiUnprocessableEntityResponse({
    description: '`errors`: [{ row, field, message }], all of them.',
  })
  importPlan(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedImportFile | undefined,
    @Body() body: unknown,
  ): Promise<CampaignDetailView> {
    return this.plans.importPlan(actor, file, body);
  }

  @Post(':id/steps')
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: "Add a step to a draft's plan (admin, secretariat)",
    description:
      'Appended after the last step, or inserted at `number`: later steps move up by one, and every startsAfterStep naming a moved step follows it. startsAfterStep in the request names a step as the plan numbers it before the insertion. Only before launch.',
  })
  @ApiCreatedResponse({
    type: CampaignDetailView,
    description: 'The campaign with its whole plan.',
  })
  @ApiBadRequestResponse({ description: 'Missing or wrong fields, each named.' })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiNotFoundResponse({ description: 'No campaign with that id.' })
  @ApiConflictResponse({ description: LAUNCHED_409 })
  addStep(
    @CurrentActor() actor: Actor,
    @Param('id', campaignRef) id: string,
    @Body() dto: NewStepDto,
  ): Promise<CampaignDetailView> {
    return this.plans.addStep(actor, id, dto);
  }

  @Delete(':id/steps/:number')
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: "Remove a step from a draft's plan (admin, secretariat)",
    description:
      'Later steps move down by one, with every startsAfterStep naming them. Refused (409) while another step starts after the one removed. Only before launch.',
  })
  @ApiOkResponse({ type: CampaignDetailView, description: 'The campaign with its whole plan.' })
  @ApiBadRequestResponse({ description: 'Malformed step number.' })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiNotFoundResponse({ description: 'No campaign with that id, or no such step.' })
  @ApiConflictResponse({
    description: `${LAUNCHED_409} Or another step starts after this one.`,
  })
  removeStep(
    @CurrentActor() actor: Actor,
    @Param('id', campaignRef) id: string,
    @Param('number') number: string,
  ): Promise<CampaignDetailView> {
    return this.plans.removeStep(actor, id, positiveInt('step number', number));
  }
}
