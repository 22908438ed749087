import { Module } from '@nestjs/common';
import { CampaignWorkflowModule } from '../campaign-workflow/campaign-workflow.module.js';
import { ExplanationProposalsService } from './explanation-proposals.service.js';
import { ExplanationsController } from './explanations.controller.js';

/** Aggregation of round 1: explanation proposals, the secretariat's edits and confirmation. */
@Module({
  imports: [CampaignWorkflowModule],
  controllers: [ExplanationsController],
  providers: [ExplanationProposalsService],
})
export class ExplanationsModule {}
