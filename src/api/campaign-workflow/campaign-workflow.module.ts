import { Module } from '@nestjs/common';
import { CampaignWorkflowController } from './campaign-workflow.controller.js';
import { CampaignWorkflowService } from './campaign-workflow.service.js';
import { ExplanationRequestStore } from '../explanations/explanation-request.store.js';

@Module({
  controllers: [CampaignWorkflowController],
  providers: [CampaignWorkflowService, ExplanationRequestStore],
  exports: [CampaignWorkflowService],
})
export class CampaignWorkflowModule {}
