import { Module } from '@nestjs/common';
import { CampaignPlansController } from './campaign-plans.controller.js';
import { CampaignPlansService } from './campaign-plans.service.js';
import { CampaignsController } from './campaigns.controller.js';
import { CampaignsService } from './campaigns.service.js';

/** Campaigns, their step plan (created, imported, edited), copy to another year, and launch. */
@Module({
  controllers: [CampaignPlansController, CampaignsController],
  providers: [CampaignsService, CampaignPlansService],
})
export class CampaignsModule {}
