import { Module } from '@nestjs/common';
import { SelfAssessmentsController } from './self-assessments.controller.js';
import { SelfAssessmentsService } from './self-assessments.service.js';
import { UnitScopeService } from './unit-scope.service.js';

@Module({
  controllers: [SelfAssessmentsController],
  providers: [SelfAssessmentsService, UnitScopeService],
  exports: [UnitScopeService, SelfAssessmentsService],
})
export class SelfAssessmentsModule {}
