import { Controller, Get, Param, Post, Req, StreamableFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ALLOWED_TYPES_TEXT,
  EVIDENCE_MIME_TYPES,
  contentDisposition,
} from '../../domain/evidence-file-types.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { EvidenceView } from './evidence.dto.js';
import { EvidenceService } from './evidence.service.js';
import { EvidenceUploadInterceptor, type UploadRequest } from './evidence-upload.interceptor.js';
import type { HashedUpload } from './hashing-disk-storage.js';

@ApiTags('evidence')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or unknown bearer token.' })
@ApiResponse({ status: 403, description: "A unit token on another unit's evidence." })
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post('campaigns/:campaignId/units/:unitCode/evidence')
  @Roles('admin', 'secretariat', 'unit')
  @UseInterceptors(EvidenceUploadInterceptor)
  @ApiOperation({
    summary: 'Upload an evidence file (tài liệu kiểm chứng)',
    description: `Multipart upload: the file in the field "file", optionally "criterionCode" (a self-scored leaf it supports). Allowed types: ${ALLOWED_TYPES_TEXT}; the largest size is EVIDENCE_MAX_BYTES (20 MiB by default); per unit and campaign at most EVIDENCE_QUOTA_MB in all (200 MiB by default) and EVIDENCE_MAX_FILES files (300). With CLAMD_URL set, the file is scanned by clamd before it is stored. Link it to a criterion's score with its id in the draft's evidenceIds.`,
  })
  @ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code' })
  @ApiParam({ name: 'unitCode', description: 'Unit code, e.g. SNV' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        criterionCode: { type: 'string', example: '1.2.1' },
      },
    },
  })
  @ApiCreatedResponse({ type: EvidenceView })
  @ApiResponse({ status: 400, description: 'No file, an empty file, unexpected fields.' })
  @ApiResponse({ status: 404, description: 'Unknown campaign or unit, or not participating.' })
  @ApiResponse({
    status: 409,
    description:
      'quota_exceeded: the unit already keeps EVIDENCE_MAX_FILES files in this campaign (the message gives used/limit).',
  })
  @ApiResponse({
    status: 413,
    description:
      'Larger than EVIDENCE_MAX_BYTES; or quota_exceeded: the file does not fit in what is left of the unit’s EVIDENCE_QUOTA_MB in this campaign (the message gives used/limit).',
  })
  @ApiResponse({
    status: 415,
    description:
      'A file type that is not allowed, or content that is not what the extension claims (a PDF must start with %PDF-; file_rejected: a .docx/.xlsx ZIP without [Content_Types].xml and its word/ or xl/ part, an .odt/.ods without its mimetype entry).',
  })
  @ApiResponse({
    status: 422,
    description:
      'criterionCode is not a self-scored leaf; or file_rejected: clamd found malware (the message names the signature).',
  })
  @ApiResponse({
    status: 503,
    description:
      'service_unavailable: CLAMD_URL is set and clamd could not scan the file in time; nothing is stored unscanned.',
  })
  upload(@CurrentActor() actor: Actor, @Req() req: UploadRequest): Promise<EvidenceView> {
    return this.evidence.completeUpload(
      actor,
      req.evidenceScope!,
      req.file as HashedUpload | undefined,
      { ...(req.body as Record<string, unknown> | undefined) },
    );
  }

  @Get('campaigns/:campaignId/units/:unitCode/evidence')
  @ApiOperation({ summary: "A unit's evidence files in a campaign, oldest first" })
  @ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code' })
  @ApiParam({ name: 'unitCode', description: 'Unit code, e.g. SNV' })
  @ApiOkResponse({ type: [EvidenceView] })
  list(
    @CurrentActor() actor: Actor,
    @Param('campaignId') campaignId: string,
    @Param('unitCode') unitCode: string,
  ): Promise<EvidenceView[]> {
    return this.evidence.list(actor, campaignId, unitCode);
  }

  @Get('evidence/:id')
  @ApiOperation({ summary: "An evidence file's record" })
  @ApiOkResponse({ type: EvidenceView })
  @ApiResponse({ status: 404, description: 'No evidence file with this id.' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<EvidenceView> {
    return this.evidence.get(actor, id);
  }

  @Get('evidence/:id/download')
  @ApiOperation({
    summary: 'Download an evidence file',
    description:
      "Streams the bytes with their type and a Content-Disposition carrying the UTF-8 name (filename*=UTF-8''…). The content is checked against the SHA-256 recorded at upload first: 500 when the stored file is missing or altered.",
  })
  // The bytes are served with the file's own type, one of the evidence types.
  @ApiProduces(...EVIDENCE_MIME_TYPES)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 404, description: 'No evidence file with this id.' })
  @ApiResponse({ status: 500, description: 'The stored file is missing or altered.' })
  async download(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<StreamableFile> {
    const { file, stream } = await this.evidence.openForDownload(actor, id);
    return new StreamableFile(stream, {
      type: file.mimeType,
      disposition: contentDisposition(file.fileName),
      length: file.sizeBytes,
    });
  }
}
