import { Module } from '@nestjs/common';
import { CampaignStateModule } from '../campaign-state/campaign-state.module.js';
import { StepsController } from './steps.controller.js';
import { StepsService } from './steps.service.js';

/** Opening, closing and amending a running campaign's steps. */
@Module({
  imports: [CampaignStateModule],
  controllers: [StepsController],
  providers: [StepsService],
})
export class StepsModule {}
