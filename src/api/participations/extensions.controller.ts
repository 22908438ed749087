import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Actor, CAMPAIGN_STAFF } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { campaignRef } from '../common/params.js';
import { GrantExtensionDto } from './extension.dto.js';
import { ExtensionsService } from './extensions.service.js';

@ApiTags('participations')
@ApiBearerAuth()
@ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code, e.g. vinhlong-2021' })
@Controller('campaigns/:campaignId/units/:unitCode/extensions')
export class ExtensionsController {
  constructor(private readonly extensions: ExtensionsService) {}

  @Post()
  @HttpCode(201)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Grant one unit a later deadline for one of its steps',
    description:
      'Stored, then told to the unit’s workflow and its reminders (delivery: "delivered", or "pending" while Temporal does not answer; it is delivered as soon as it does). 422 for a step that is not the units’ own, or a deadline not after the step’s or already past; 409 once the step was closed early or the results announced. `warnings` names the year of the new deadline when the working-day calendar has no data for it (reminders there go Monday–Friday).',
  })
  grant(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
    @Param('unitCode') unitCode: string,
    @Body() body: GrantExtensionDto,
  ) {
    return this.extensions.grant(
      actor,
      campaignId,
      unitCode,
      body.stepNumber,
      new Date(body.deadline),
      body.reason,
    );
  }
}
