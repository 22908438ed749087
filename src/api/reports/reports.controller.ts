import {
  applyDecorators,
  Controller,
  Get,
  Param,
  Post,
  Req,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
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
  contentDisposition,
  EVIDENCE_MIME_TYPES,
} from '../../domain/evidence-file-types.js';
import { type Actor, CAMPAIGN_STAFF } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { campaignRef } from '../common/params.js';
import type { HashedUpload } from '../evidence/hashing-disk-storage.js';
import { CampaignReportView } from './reports.dto.js';
import { ReportUploadInterceptor, type ReportUploadRequest } from './report-upload.interceptor.js';
import { ReportsService } from './reports.service.js';

/** The refusals both upload routes share. */
const UploadResponses = () =>
  applyDecorators(
    ApiResponse({
      status: 400,
      description: 'No file, an empty file, unexpected fields, no round.',
    }),
    ApiResponse({ status: 404, description: 'Unknown campaign, or the unit/agency is not in it.' }),
    ApiResponse({ status: 413, description: 'Larger than EVIDENCE_MAX_BYTES.' }),
    ApiResponse({ status: 415, description: 'A type not allowed, or content not what it claims.' }),
  );

@ApiTags('reports')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or unknown bearer token.' })
@ApiResponse({ status: 403, description: 'Another unit’s or agency’s reports.' })
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('campaigns/:campaignId/units/:unitCode/reports')
  @Roles('unit', ...CAMPAIGN_STAFF)
  @UseInterceptors(ReportUploadInterceptor)
  @ApiOperation({
    summary: "Upload a unit's signed self-assessment report (step 3)",
    description: `Multipart: the file in "file". Allowed types: ${ALLOWED_TYPES_TEXT} (as evidence), at most EVIDENCE_MAX_BYTES. Audited.`,
  })
  @ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code' })
  @ApiParam({ name: 'unitCode', description: 'Unit code, e.g. SNV' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: CampaignReportView })
  @UploadResponses()
  uploadUnitReport(
    @CurrentActor() actor: Actor,
    @Req() req: ReportUploadRequest,
  ): Promise<CampaignReportView> {
    return this.reports.completeUpload(
      actor,
      req.reportScope!,
      req.file as HashedUpload | undefined,
      { ...(req.body as Record<string, unknown> | undefined) },
    );
  }

  @Get('campaigns/:campaignId/units/:unitCode/reports')
  @Roles('unit', ...CAMPAIGN_STAFF)
  @ApiOperation({ summary: "A unit's uploaded self-assessment reports, oldest first" })
  @ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code' })
  @ApiParam({ name: 'unitCode', description: 'Unit code, e.g. SNV' })
  @ApiOkResponse({ type: [CampaignReportView] })
  @ApiResponse({ status: 404, description: 'Unknown campaign, or the unit is not in it.' })
  async listUnitReports(
    @Param('campaignId', campaignRef) campaignId: string,
    @Param('unitCode') unitCode: string,
  ): Promise<CampaignReportView[]> {
    return this.reports.list(await this.reports.unitScope(campaignId, unitCode));
  }

  @Post('campaigns/:campaignId/agencies/:agencyCode/reports')
  @Roles('appraiser', ...CAMPAIGN_STAFF)
  @UseInterceptors(ReportUploadInterceptor)
  @ApiOperation({
    summary: "Upload an agency's field appraisal report of round 1 (step 4) or 2 (step 7)",
    description: `Multipart: the file in "file" and the round in "round" (1 or 2). An appraiser uploads its own agency's only. Allowed types: ${ALLOWED_TYPES_TEXT}, at most EVIDENCE_MAX_BYTES. Audited.`,
  })
  @ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code' })
  @ApiParam({ name: 'agencyCode', description: 'Agency code, e.g. STP' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'round'],
      properties: {
        file: { type: 'string', format: 'binary' },
        round: { type: 'string', enum: ['1', '2'] },
      },
    },
  })
  @ApiCreatedResponse({ type: CampaignReportView })
  @UploadResponses()
  uploadAgencyReport(
    @CurrentActor() actor: Actor,
    @Req() req: ReportUploadRequest,
  ): Promise<CampaignReportView> {
    return this.reports.completeUpload(
      actor,
      req.reportScope!,
      req.file as HashedUpload | undefined,
      { ...(req.body as Record<string, unknown> | undefined) },
    );
  }

  @Get('campaigns/:campaignId/agencies/:agencyCode/reports')
  @Roles('appraiser', ...CAMPAIGN_STAFF)
  @ApiOperation({ summary: "An agency's uploaded field appraisal reports, oldest first" })
  @ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code' })
  @ApiParam({ name: 'agencyCode', description: 'Agency code, e.g. STP' })
  @ApiOkResponse({ type: [CampaignReportView] })
  @ApiResponse({
    status: 404,
    description: 'Unknown campaign, or the agency appraises nothing in it.',
  })
  async listAgencyReports(
    @CurrentActor() actor: Actor,
    @Param('campaignId', campaignRef) campaignId: string,
    @Param('agencyCode') agencyCode: string,
  ): Promise<CampaignReportView[]> {
    return this.reports.list(await this.reports.agencyScope(actor, campaignId, agencyCode));
  }

  @Get('reports/:id/download')
  @Roles('unit', 'appraiser', ...CAMPAIGN_STAFF)
  @ApiOperation({
    summary: 'Download an uploaded report (the unit or agency concerned, and staff)',
    description: 'Checked against the SHA-256 recorded at upload first.',
  })
  @ApiProduces(...EVIDENCE_MIME_TYPES)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 404, description: 'No report with this id.' })
  @ApiResponse({ status: 500, description: 'The stored file is missing or altered.' })
  async download(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<StreamableFile> {
    const { report, stream } = await this.reports.openForDownload(actor, id);
    return new StreamableFile(stream, {
      type: report.mimeType,
      disposition: contentDisposition(report.fileName),
      length: report.sizeBytes,
    });
  }
}
