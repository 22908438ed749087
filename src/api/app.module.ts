import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config.js';
import { dataSourceOptions } from '../db/data-source.js';
import { AgenciesModule } from './agencies/agencies.module.js';
import { AppraisalsModule } from './appraisals/appraisals.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthGuard } from './auth/auth.guard.js';
import { CampaignWorkflowModule } from './campaign-workflow/campaign-workflow.module.js';
import { CampaignsModule } from './campaigns/campaigns.module.js';
import { createValidationPipe } from './common/validation.js';
import { EvidenceModule } from './evidence/evidence.module.js';
import { ExplanationsModule } from './explanations/explanations.module.js';
import { HealthModule } from './health/health.module.js';
import { IndexSetsModule } from './index-sets/index-sets.module.js';
import { MailModule } from './mail/mail.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ProvenanceModule } from './provenance/provenance.module.js';
import { ResultsModule } from './results/results.module.js';
import { SelfAssessmentsModule } from './self-assessments/self-assessments.module.js';
import { TemporalModule } from './temporal/temporal.module.js';
import { UnitsModule } from './units/units.module.js';
import { APP_CONFIG } from './tokens.js';

@Global()
@Module({})
class ConfigModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), retryAttempts: 3 }),
        TemporalModule,
        MailModule,
        AuditModule,
        HealthModule,
        CampaignsModule,
        CampaignWorkflowModule,
        UnitsModule,
        AgenciesModule,
        IndexSetsModule,
        SelfAssessmentsModule,
        EvidenceModule,
        NotificationsModule,
        AppraisalsModule,
        ExplanationsModule,
        ResultsModule,
        ProvenanceModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
