import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiExtraModels,
  getSchemaPath,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CAMPAIGN_STAFF } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { campaignRef } from '../common/params.js';
import {
  AddParticipationDto,
  ParticipationsAddedView,
  ParticipationView,
} from '../campaigns/campaign.dto.js';
import { ParticipationsService } from './participations.service.js';

@ApiTags('participations')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' })
@Controller('campaigns/:id/participations')
export class ParticipationsController {
  constructor(private readonly participations: ParticipationsService) {}

  @Get()
  @ApiOperation({
    summary: 'Units taking part, with their status',
    description: "Staff, appraisers and the council see all; a unit's token sees only its own.",
  })
  @ApiOkResponse({ type: [ParticipationView] })
  @ApiNotFoundResponse({ description: 'No campaign with that id.' })
  list(
    @CurrentActor() actor: Actor,
    @Param('id', campaignRef) id: string,
  ): Promise<ParticipationView[]> {
    return this.participations.list(actor, id);
  }

  @Post()
  @Roles(...CAMPAIGN_STAFF)
  @ApiExtraModels(ParticipationView, ParticipationsAddedView)
  @ApiOperation({
    summary: 'Register units in a draft campaign (admin, secretariat)',
    description:
      'Send exactly one of: unitCode (one unit; answers the participation), unitCodes (many units in one request) or groups (every unit of these groups), or unitCodes with groups together. Many units: all or nothing; every unknown code, code given twice or unit already taking part is named, and none is added. Units of a group already taking part are left as they are.',
  })
  @ApiCreatedResponse({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(ParticipationView) },
        { $ref: getSchemaPath(ParticipationsAddedView) },
      ],
    },
  })
  @ApiBadRequestResponse({
    description: 'Nothing named, unknown unit codes or codes given twice (each named).',
  })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiNotFoundResponse({ description: 'No campaign with that id, or no unit with that code.' })
  @ApiConflictResponse({
    description: 'The unit(s) take part already (each named), or the campaign is launched.',
  })
  add(
    @CurrentActor() actor: Actor,
    @Param('id', campaignRef) id: string,
    @Body() dto: AddParticipationDto,
  ): Promise<ParticipationView | ParticipationsAddedView> {
    const many = dto.unitCodes !== undefined || dto.groups !== undefined;
    if (dto.unitCode !== undefined && many) {
      throw new BadRequestException(
        'Chỉ gửi unitCode (một đơn vị) hoặc unitCodes/groups (nhiều đơn vị), không gửi cả hai.',
      );
    }
    if (dto.unitCode !== undefined) return this.participations.add(actor, id, dto.unitCode);
    if (!many || (dto.unitCodes?.length ?? 0) + (dto.groups?.length ?? 0) === 0) {
      throw new BadRequestException(
        'Hãy gửi unitCode (mã một đơn vị), unitCodes (danh sách mã đơn vị) hoặc groups (các nhóm đơn vị).',
      );
    }
    return this.participations.addMany(actor, id, dto);
  }

  @Delete(':unitCode')
  @HttpCode(204)
  @Roles(...CAMPAIGN_STAFF)
  @ApiOperation({ summary: 'Remove a unit from a draft campaign (admin, secretariat)' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiForbiddenResponse({ description: 'Not admin or secretariat.' })
  @ApiNotFoundResponse({ description: 'No such campaign, unit, or participation.' })
  @ApiConflictResponse({ description: 'The campaign is launched.' })
  remove(
    @CurrentActor() actor: Actor,
    @Param('id', campaignRef) id: string,
    @Param('unitCode') unitCode: string,
  ): Promise<void> {
    return this.participations.remove(actor, id, unitCode);
  }
}
