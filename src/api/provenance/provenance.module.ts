import { Module } from '@nestjs/common';
import { ProvenanceController } from './provenance.controller.js';
import { ProvenanceService } from './provenance.service.js';

/** Where a unit's score for a criterion came from, stage by stage. */
@Module({ controllers: [ProvenanceController], providers: [ProvenanceService] })
export class ProvenanceModule {}
