import { Module } from '@nestjs/common';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';

/** The documents of each step of the plan, as DOCX (and PDF with a converter). */
@Module({ controllers: [DocumentsController], providers: [DocumentsService] })
export class DocumentsModule {}
