import { Module } from '@nestjs/common';
import { CommendationNomineesController } from './commendation-nominees.controller.js';
import { CommendationNomineesService } from './commendation-nominees.service.js';

/** Individuals proposed for commendation in step 11. */
@Module({ controllers: [CommendationNomineesController], providers: [CommendationNomineesService] })
export class CommendationNomineesModule {}
