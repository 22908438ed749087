import { Module } from '@nestjs/common';
import { UnitsController } from './units.controller.js';
import { UnitsService } from './units.service.js';

/** The scored units (sở, ban, ngành; UBND cấp huyện / xã) and their import. */
@Module({ controllers: [UnitsController], providers: [UnitsService] })
export class UnitsModule {}
