import { Module } from '@nestjs/common';
import { CampaignActions } from './campaign-action.js';
import { CampaignStateController } from './campaign-state.controller.js';
import { CampaignStateService } from './campaign-state.service.js';

/** A running campaign's state, and the way every action on it is carried out. */
@Module({
  controllers: [CampaignStateController],
  providers: [CampaignActions, CampaignStateService],
  exports: [CampaignActions, CampaignStateService],
})
export class CampaignStateModule {}
