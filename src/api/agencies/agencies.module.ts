import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies.controller.js';

/** The appraising agencies. Read-only here: the seed and administrators maintain them. */
@Module({ controllers: [AgenciesController] })
export class AgenciesModule {}
