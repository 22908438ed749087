import { Module } from '@nestjs/common';
import { CampaignWorkflowController } from './campaign-workflow.controller.js';
import { CampaignWorkflowService } from './campaign-workflow.service.js';

@Module({
  controllers: [CampaignWorkflowController],
  providers: [CampaignWorkflowService],
  exports: [CampaignWorkflowService],
})
export class CampaignWorkflowModule {}
