import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AppConfig } from '../../config.js';
import { APP_CONFIG } from '../tokens.js';
import type { Actor } from '../auth/actor.js';
import { CAMPAIGN_STAFF } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { campaignRef, positiveInt } from '../common/params.js';
import {
  CampaignDetailView,
  CampaignPageView,
  CampaignsQuery,
  CampaignStepView,
  CampaignView,
  CopyCampaignDto,
  CopyResultView,
  LaunchResultView,
  UpdateCampaignDto,
  UpdateStepDto,
} from './campaign.dto.js';
import { CampaignsService } from './campaigns.service.js';

const LAUNCHED_409 =
  'The campaign is launched: its plan is no longer edited here; deadlines are amended through its workflow.';

@ApiTags('campaigns')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' })
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List campaigns (any token: the plan is public to participants)' })
  @ApiOkResponse({ type: [CampaignView] })
  list(@Query() query: CampaignsQuery): Promise<CampaignView[]> {
    return this.campaigns.list(query.year);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A campaign with its step plan',
    description:
      "Steps ordered by number; each date as an ISO instant and as officials read it in the campaign's zone (dd/MM/yyyy). For admin and secretariat, workflowUrl links the campaign's workflow in the Temporal Web UI.",
  })
  @ApiOkResponse({ type: CampaignPageView })
  @ApiBadRequestResponse({ description: 'The id is not a UUID.' })
  @ApiNotFoundResponse({ description: 'No campaign with that id.' })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', campaignRef) id: string,
  ): Promise<CampaignPageView> {
    const campaign = await this.campaigns.get(id);
    const staff = CAMPAIGN_STAFF.includes(actor.role);
    return {
      ...campaign,
      workflowUrl:
        staff && campaign.workflowId
          ? `${this.config.temporalUiUrl}/namespaces/${encodeURIComponent(this.config.temporalNamespace)}/workflows/${encodeURIComponent(campaign.workflowId)}`
          : null,
    };
  }

  @Get(':id/steps')
  @ApiOperation({ summary: "The campaign's step plan, ordered by number" })
  @ApiOkResponse({ type: [CampaignStepView] })
  @ApiNotFoundResponse({ description: 'No campaign with that id.' })
  steps(@Param('id', campaignRef) id: string): Promise<CampaignStepView[]> {
    return this.campaigns.getSteps(id);
  }

  @Patch(':id')
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: "Edit a draft campaign's settings (admin, secretariat)",
    description:
      "Changing the time zone keeps the steps' local dates and times. Only before launch.",
  })
  @ApiOkResponse({ type: CampaignDetailView })
  @ApiBadRequestResponse({ description: 'Unknown field, wrong type, or nothing to change.' })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiNotFoundResponse({ description: 'No campaign with that id.' })
  @ApiConflictResponse({ description: LAUNCHED_409 })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', campaignRef) id: string,
    @Body() dto: UpdateCampaignDto,
  ): Promise<CampaignDetailView> {
    return this.campaigns.update(actor, id, dto);
  }

  @Patch(':id/steps/:number')
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Edit one step of a draft plan (admin, secretariat)',
    description:
      "Dates either as local days (opensOn / closesOn, 'YYYY-MM-DD': the window opens at 00:00 and closes at 23:59:59 in the campaign's zone) or as instants (opensAt / deadline, ISO with offset; null clears). Only before launch.",
  })
  @ApiOkResponse({ type: CampaignDetailView, description: 'The campaign with its whole plan.' })
  @ApiBadRequestResponse({
    description:
      'Unknown field, wrong type, both a local date and an instant, a window that closes before it opens.',
  })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiNotFoundResponse({ description: 'No campaign with that id, or no such step.' })
  @ApiConflictResponse({ description: LAUNCHED_409 })
  updateStep(
    @CurrentActor() actor: Actor,
    @Param('id', campaignRef) id: string,
    @Param('number') number: string,
    @Body() dto: UpdateStepDto,
  ): Promise<CampaignDetailView> {
    return this.campaigns.updateStep(actor, id, positiveInt('step number', number), dto);
  }

  @Post(':id/copy')
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: "Create another year's campaign from this one (admin, secretariat)",
    description:
      "Copies the step plan with every date moved by the year difference on the local calendar (24/12/2021 23:59:59 → 24/12/2022 23:59:59 local), the index sets with their criteria, and the participations (status registered). The copy is a draft with copiedFromId set. Its decisionRefs are left empty: each year's plan rests on a new decision, to be entered with PATCH.",
  })
  @ApiCreatedResponse({ type: CopyResultView })
  @ApiBadRequestResponse({
    description: 'Wrong types, unknown fields, or the same year as the source.',
  })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiNotFoundResponse({ description: 'No campaign with that id.' })
  @ApiConflictResponse({ description: 'A campaign with that code exists.' })
  copy(
    @CurrentActor() actor: Actor,
    @Param('id', campaignRef) id: string,
    @Body() dto: CopyCampaignDto,
  ): Promise<CopyResultView> {
    return this.campaigns.copy(actor, id, dto);
  }

  @Post(':id/launch')
  @HttpCode(200)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Launch the campaign: start its Temporal workflow (admin, secretariat)',
    description:
      'Starts workflow campaignWorkflow with id par-<year>-<code without its year> (vinhlong-2021 → par-2021-vinhlong) and search attribute ParCampaignYear. A plan is launchable when it has steps, each step has a deadline or starts after an earlier step, windows open before they close, there is one self-assessment step with a deadline, at least one unit takes part and every participating group has an index set.',
  })
  @ApiOkResponse({ type: LaunchResultView })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiNotFoundResponse({ description: 'No campaign with that id.' })
  @ApiConflictResponse({ description: 'Already launched.' })
  @ApiUnprocessableEntityResponse({
    description: 'The plan is not launchable; `errors` lists every problem.',
  })
  @ApiServiceUnavailableResponse({
    description: 'Temporal did not start the workflow; nothing changed.',
  })
  launch(
    @CurrentActor() actor: Actor,
    @Param('id', campaignRef) id: string,
  ): Promise<LaunchResultView> {
    return this.campaigns.launch(actor, id);
  }
}
