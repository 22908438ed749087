import { Account } from './account.entity.js';
import { Agency } from './agency.entity.js';
import { ApiToken } from './api-token.entity.js';
import { AppraisalScore } from './appraisal-score.entity.js';
import { AuditEntry } from './audit-entry.entity.js';
import { CalendarYearRecord } from './calendar-year.entity.js';
import { CampaignStep } from './campaign-step.entity.js';
import { Campaign } from './campaign.entity.js';
import { CampaignReport } from './campaign-report.entity.js';
import { CommendationNominee } from './commendation-nominee.entity.js';
import { CouncilAdjustment } from './council-adjustment.entity.js';
import { CouncilMember } from './council-member.entity.js';
import { Criterion } from './criterion.entity.js';
import { EvidenceFile } from './evidence-file.entity.js';
import { ExplanationRequest } from './explanation-request.entity.js';
import { IndexSet } from './index-set.entity.js';
import { Notification } from './notification.entity.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { Participation } from './participation.entity.js';
import { PasswordLink } from './password-link.entity.js';
import { SecretariatContact } from './secretariat-contact.entity.js';
import { PlanAmendment } from './plan-amendment.entity.js';
import { SelfAssessmentItem } from './self-assessment-item.entity.js';
import { SelfAssessment } from './self-assessment.entity.js';
import { Session } from './session.entity.js';
import { StepExtension } from './step-extension.entity.js';
import { SurveyScore } from './survey-score.entity.js';
import { UnitResult } from './unit-result.entity.js';
import { Unit } from './unit.entity.js';

export {
  Account,
  Agency,
  ApiToken,
  AppraisalScore,
  AuditEntry,
  CalendarYearRecord,
  Campaign,
  CampaignReport,
  CampaignStep,
  CommendationNominee,
  CouncilAdjustment,
  CouncilMember,
  Criterion,
  EvidenceFile,
  ExplanationRequest,
  IndexSet,
  Notification,
  OutboxMessage,
  Participation,
  PasswordLink,
  SecretariatContact,
  PlanAmendment,
  SelfAssessment,
  SelfAssessmentItem,
  Session,
  StepExtension,
  SurveyScore,
  Unit,
  UnitResult,
};
export type { DecisionReference } from './campaign.entity.js';
export type { SelfAssessmentStatus } from './self-assessment.entity.js';
export type { Role } from './api-token.entity.js';
export type { PasswordLinkPurpose } from './password-link.entity.js';
export type {
  AccountMailKind,
  NotificationAudience,
  NotificationKind,
  NotificationStatus,
} from './notification.entity.js';
export {
  ACCOUNT_MAIL_KINDS,
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
} from './notification.entity.js';
export type { AppraisalRound } from './appraisal-score.entity.js';
export type {
  ExplanationGround,
  ExplanationRequestOrigin,
  ExplanationRequestStatus,
} from './explanation-request.entity.js';
export type { CouncilRole } from './council-member.entity.js';
export { COUNCIL_ROLES } from './council-member.entity.js';
export type { CampaignReportKind } from './campaign-report.entity.js';
export { CAMPAIGN_REPORT_KINDS } from './campaign-report.entity.js';
export type { FieldResult } from './unit-result.entity.js';
export type { OutboxKind, OutboxOutcome } from './outbox-message.entity.js';

/** Every entity, for the DataSource. */
export const ENTITIES = [
  Unit,
  Agency,
  Campaign,
  CampaignStep,
  IndexSet,
  Criterion,
  Participation,
  StepExtension,
  SelfAssessment,
  SelfAssessmentItem,
  EvidenceFile,
  ApiToken,
  AuditEntry,
  Notification,
  OutboxMessage,
  AppraisalScore,
  ExplanationRequest,
  SurveyScore,
  CouncilAdjustment,
  UnitResult,
  Account,
  Session,
  PasswordLink,
  SecretariatContact,
  CalendarYearRecord,
  PlanAmendment,
  CouncilMember,
  CommendationNominee,
  CampaignReport,
];
