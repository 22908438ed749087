import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config.js';
import { dataSourceOptions } from '../db/data-source.js';
import { AccountsModule } from './accounts/accounts.module.js';
import { AgenciesModule } from './agencies/agencies.module.js';
import { SecretariatContactsModule } from './secretariat-contacts/secretariat-contacts.module.js';
import { AppraisalsModule } from './appraisals/appraisals.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthGuard } from './auth/auth.guard.js';
import { UnitOwnershipGuard } from './auth/unit-ownership.guard.js';
import { CalendarYearsModule } from './calendar-years/calendar-years.module.js';
import { CampaignStateModule } from './campaign-state/campaign-state.module.js';
import { CouncilModule } from './council/council.module.js';
import { CouncilMembersModule } from './council-members/council-members.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { CommendationNomineesModule } from './commendation-nominees/commendation-nominees.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { ParticipationsModule } from './participations/participations.module.js';
import { StepsModule } from './steps/steps.module.js';
import { AmendmentsModule } from './amendments/amendments.module.js';
import { CampaignsModule } from './campaigns/campaigns.module.js';
import { PathParamsInterceptor } from './common/path-params.interceptor.js';
import { createValidationPipe } from './common/validation.js';
import { WriteRateLimitGuard } from './common/write-rate-limit.guard.js';
import { WriteRateLimitModule } from './common/write-rate-limit.module.js';
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
import { APP_CONFIG, CLOCK } from './tokens.js';
import { type Clock, SYSTEM_CLOCK } from './clock.js';
import { OutboxModule } from './outbox/outbox.module.js';
import { MyWorkModule } from './my-work/my-work.module.js';
import { ApiTokensModule } from './tokens/api-tokens.module.js';

@Global()
@Module({})
class ConfigModule {
  static register(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
      ],
      exports: [APP_CONFIG, CLOCK],
    };
  }
}

@Module({})
export class AppModule {
  static register(config: AppConfig, clock: Clock = SYSTEM_CLOCK): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config, clock),
        WriteRateLimitModule,
        OutboxModule,
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), retryAttempts: 3 }),
        TemporalModule,
        MailModule,
        AuditModule,
        HealthModule,
        AccountsModule,
        CampaignsModule,
        CampaignStateModule,
        StepsModule,
        AmendmentsModule,
        ParticipationsModule,
        CouncilModule,
        CouncilMembersModule,
        DocumentsModule,
        CommendationNomineesModule,
        ReportsModule,
        UnitsModule,
        AgenciesModule,
        SecretariatContactsModule,
        CalendarYearsModule,
        IndexSetsModule,
        SelfAssessmentsModule,
        EvidenceModule,
        NotificationsModule,
        AppraisalsModule,
        ExplanationsModule,
        ResultsModule,
        ProvenanceModule,
        MyWorkModule,
        ApiTokensModule,
      ],
      providers: [
        // In this order: who calls, then (for a unit) whether the route is its own unit's.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: UnitOwnershipGuard },
        { provide: APP_INTERCEPTOR, useClass: PathParamsInterceptor },
        // After the auth guard: writes are counted per token.
        { provide: APP_GUARD, useClass: WriteRateLimitGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
