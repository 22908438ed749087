import { Module } from '@nestjs/common';
import { AppraisalsController } from './appraisals.controller.js';
import { AppraisalSheetService } from './appraisal-sheet.service.js';
import { AppraisalsService } from './appraisals.service.js';

/** Appraisal rounds 1 and 2, their progress, the units' score sheets and the fixing of scores. */
@Module({
  controllers: [AppraisalsController],
  providers: [AppraisalsService, AppraisalSheetService],
  exports: [AppraisalsService],
})
export class AppraisalsModule {}
