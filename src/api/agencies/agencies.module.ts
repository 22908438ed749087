import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies.controller.js';
import { AgenciesService } from './agencies.service.js';

/** The appraising agencies: listed to everyone, maintained by the admin and the secretariat. */
@Module({ controllers: [AgenciesController], providers: [AgenciesService] })
export class AgenciesModule {}
