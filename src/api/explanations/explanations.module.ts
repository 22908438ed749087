import { Module } from '@nestjs/common';
import { CampaignStateModule } from '../campaign-state/campaign-state.module.js';
import { ExplanationActionsService } from './explanation-actions.service.js';
import { ExplanationProposalsService } from './explanation-proposals.service.js';
import { ExplanationRequestStore } from './explanation-request.store.js';
import { ExplanationsController } from './explanations.controller.js';

/**
 * The explanation round: the aggregation's proposals and the secretariat's edits and
 * confirmation (step 5), the requests sent and the units' answers (step 6).
 */
@Module({
  imports: [CampaignStateModule],
  controllers: [ExplanationsController],
  providers: [ExplanationProposalsService, ExplanationActionsService, ExplanationRequestStore],
})
export class ExplanationsModule {}
