import { Module } from '@nestjs/common';
import { IndexSetsController } from './index-sets.controller.js';
import { IndexSetsService } from './index-sets.service.js';

/** Index sets (Bộ Chỉ số CCHC) per campaign and unit group, and their import. */
@Module({ controllers: [IndexSetsController], providers: [IndexSetsService] })
export class IndexSetsModule {}
