import { Module } from '@nestjs/common';
import { CampaignStateModule } from '../campaign-state/campaign-state.module.js';
import { MyWorkController } from './my-work.controller.js';
import { MyWorkService } from './my-work.service.js';

/** Việc của tôi: what is due for the caller. */
@Module({
  imports: [CampaignStateModule],
  controllers: [MyWorkController],
  providers: [MyWorkService],
})
export class MyWorkModule {}
