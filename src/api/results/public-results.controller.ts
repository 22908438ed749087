import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators.js';
import { download } from './download.js';
import { publicResultsFile, readPublicResults } from './public-results.js';
import { ExportQueryDto } from './results.dto.js';
import { PublicResultsView } from './public-results.views.js';

/** Results anyone reads without signing in, once the Chairman's decision announced them. */
@ApiTags('public')
@Public()
@ApiParam({ name: 'campaignId', description: 'Campaign id (UUID) or code, e.g. vinhlong-2021' })
@Controller('public/campaigns/:campaignId')
export class PublicResultsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('results')
  @ApiOperation({
    summary: 'The announced results: the ranking per unit group, with ties and bands (no token)',
    description:
      'Readable by anyone once the Chairman’s decision announced the results; until then (and for an unknown campaign) 404 with a Vietnamese message.',
  })
  @ApiResponse({ status: 200, type: PublicResultsView })
  @ApiResponse({ status: 404, description: 'Not announced yet, or no such campaign.' })
  results(@Param('campaignId') campaignId: string): Promise<PublicResultsView> {
    return readPublicResults(this.dataSource.manager, campaignId);
  }

  @Get('results/export')
  @ApiOperation({
    summary: 'The announced results as XLSX (a sheet per unit group) or CSV (no token)',
    description:
      'The file staff download, readable by anyone once the results are announced; 404 before, as for the results.',
  })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiResponse({ status: 200, description: 'The file, named "Kết quả Chỉ số CCHC <code>".' })
  @ApiResponse({ status: 404, description: 'Not announced yet, or no such campaign.' })
  async export(@Param('campaignId') campaignId: string, @Query() query: ExportQueryDto) {
    return download(
      await publicResultsFile(this.dataSource.manager, campaignId, query.format ?? 'xlsx'),
    );
  }
}
