import { Module } from '@nestjs/common';
import { PublicResultsController } from './public-results.controller.js';
import { ResultsController } from './results.controller.js';
import { ResultsService } from './results.service.js';
import { SurveyScoresService } from './survey-scores.service.js';

/**
 * Survey points, results (compute, council adjustments, rating), the scoring policy,
 * commendation proposals and the files officials download.
 */
@Module({
  controllers: [ResultsController, PublicResultsController],
  providers: [ResultsService, SurveyScoresService],
})
export class ResultsModule {}
