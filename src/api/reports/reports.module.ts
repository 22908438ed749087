import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller.js';
import { ReportUploadInterceptor } from './report-upload.interceptor.js';
import { ReportsService } from './reports.service.js';

/** Signed reports uploaded per campaign: units' self-assessment reports, agencies' field reports. */
@Module({
  controllers: [ReportsController],
  providers: [ReportsService, ReportUploadInterceptor],
})
export class ReportsModule {}
