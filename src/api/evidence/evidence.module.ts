import { Module } from '@nestjs/common';
import { SelfAssessmentsModule } from '../self-assessments/self-assessments.module.js';
import { EvidenceController } from './evidence.controller.js';
import { EvidenceService } from './evidence.service.js';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor.js';

@Module({
  imports: [SelfAssessmentsModule],
  controllers: [EvidenceController],
  providers: [EvidenceService, EvidenceUploadInterceptor],
})
export class EvidenceModule {}
