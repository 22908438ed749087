import { Module } from '@nestjs/common';
import { CampaignWorkflowModule } from '../campaign-workflow/campaign-workflow.module.js';
import { SelfAssessmentsController } from './self-assessments.controller.js';
import { SelfAssessmentsService } from './self-assessments.service.js';
import { UnitScopeService } from './unit-scope.service.js';

@Module({
  imports: [CampaignWorkflowModule],
  controllers: [SelfAssessmentsController],
  providers: [SelfAssessmentsService, UnitScopeService],
  exports: [UnitScopeService, SelfAssessmentsService],
})
export class SelfAssessmentsModule {}
