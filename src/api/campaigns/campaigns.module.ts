import { Module } from '@nestjs/common';
import { CampaignsController } from './campaigns.controller.js';
import { CampaignsService } from './campaigns.service.js';
import { ParticipationsController } from './participations.controller.js';
import { ParticipationsService } from './participations.service.js';

/** Campaigns, their step plan, copy to another year, launch, and the units taking part. */
@Module({
  controllers: [CampaignsController, ParticipationsController],
  providers: [CampaignsService, ParticipationsService],
})
export class CampaignsModule {}
