import { Module } from '@nestjs/common';
import { AppraisalsController } from './appraisals.controller.js';
import { AppraisalsService } from './appraisals.service.js';

/** Appraisal rounds 1 and 2, their progress, the units' score sheets and the fixing of scores. */
@Module({
  controllers: [AppraisalsController],
  providers: [AppraisalsService],
  exports: [AppraisalsService],
})
export class AppraisalsModule {}
