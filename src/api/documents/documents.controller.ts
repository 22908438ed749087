import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { contentDisposition } from '../../domain/evidence-file-types.js';
import { DOCUMENT_KINDS } from '../../documents/document-kinds.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/auth.decorators.js';
import { campaignRef } from '../common/params.js';
import { DocumentQueryDto, DocumentsView } from './documents.dto.js';
import { DocumentsService } from './documents.service.js';

@ApiTags('documents')
@ApiBearerAuth()
@ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code, e.g. vinhlong-2021' })
@ApiResponse({ status: 401, description: 'No or unknown bearer token.' })
@ApiResponse({ status: 404, description: 'Unknown campaign.' })
@Controller('campaigns/:campaignId/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @ApiOperation({
    summary: 'The documents of each step: which can be produced now, and if not why',
    description:
      'Every kind (council_decision step 1, guidance_notice 2, self_assessment_report 3 per unit, round_1_summary 5, round_2_summary 8, chairman_dossier 10, commendation_proposal 11) with its step, whether the caller can get it now and, if not, why in Vietnamese.',
  })
  @ApiOkResponse({ type: DocumentsView })
  list(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
  ): Promise<DocumentsView> {
    return this.documents.list(actor, campaignId);
  }

  @Get(':kind')
  @ApiOperation({
    summary: 'A document as DOCX (Nghị định 30/2020 layout), or PDF with ?format=pdf',
    description:
      "Produced from the campaign's data as it stands. Who may read it follows the data it shows: the decision and the guidance everyone; a self-assessment report the unit itself, appraisers, the council and staff; the round summaries all but units; the Chairman's dossier staff and the council, others once results are announced; the commendation proposal staff only. 409 with the reason when it cannot be produced yet; 406 for ?format=pdf without DOCUMENT_PDF_CONVERTER.",
  })
  @ApiParam({ name: 'kind', enum: DOCUMENT_KINDS })
  @ApiProduces(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/pdf',
  )
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiResponse({
    status: 400,
    description: 'A per-unit document without unitCode, or the reverse.',
  })
  @ApiResponse({ status: 403, description: 'The document shows data the caller may not read.' })
  @ApiResponse({ status: 404, description: 'Unknown kind, or the unit does not take part.' })
  @ApiResponse({ status: 406, description: 'format=pdf without a configured converter.' })
  @ApiResponse({ status: 409, description: 'Cannot be produced yet; the message says why.' })
  @ApiResponse({ status: 503, description: 'The PDF converter failed.' })
  async get(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
    @Param('kind') kind: string,
    @Query() query: DocumentQueryDto,
  ): Promise<StreamableFile> {
    const file = await this.documents.produce(actor, campaignId, kind, query);
    return new StreamableFile(file.buffer, {
      type: file.type,
      disposition: contentDisposition(file.fileName),
      length: file.buffer.length,
    });
  }
}
