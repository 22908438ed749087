import { Module } from '@nestjs/common';
import { CouncilMembersController } from './council-members.controller.js';
import { CouncilMembersService } from './council-members.service.js';

/** The Appraisal Council's members per campaign, entered or imported. */
@Module({ controllers: [CouncilMembersController], providers: [CouncilMembersService] })
export class CouncilMembersModule {}
