import { Module } from '@nestjs/common';
import { CampaignStateModule } from '../campaign-state/campaign-state.module.js';
import { AmendmentsController } from './amendments.controller.js';
import { AmendmentsService } from './amendments.service.js';

/** Amending a launched campaign's plan by an amending decision (sửa đổi, bổ sung kế hoạch). */
@Module({
  imports: [CampaignStateModule],
  controllers: [AmendmentsController],
  providers: [AmendmentsService],
})
export class AmendmentsModule {}
