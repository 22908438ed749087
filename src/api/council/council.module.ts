import { Module } from '@nestjs/common';
import { CampaignStateModule } from '../campaign-state/campaign-state.module.js';
import { CouncilController } from './council.controller.js';
import { CouncilService } from './council.service.js';

/** Steps 9 and 10: the council's approval and the Chairman's decision. */
@Module({
  imports: [CampaignStateModule],
  controllers: [CouncilController],
  providers: [CouncilService],
})
export class CouncilModule {}
