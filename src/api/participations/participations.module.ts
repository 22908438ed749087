import { Module } from '@nestjs/common';
import { CampaignStateModule } from '../campaign-state/campaign-state.module.js';
import { ExtensionsController } from './extensions.controller.js';
import { ExtensionsService } from './extensions.service.js';
import { ParticipationsController } from './participations.controller.js';
import { ParticipationsService } from './participations.service.js';

/** The units taking part in a campaign, and the extensions granted to them. */
@Module({
  imports: [CampaignStateModule],
  controllers: [ParticipationsController, ExtensionsController],
  providers: [ParticipationsService, ExtensionsService],
})
export class ParticipationsModule {}
