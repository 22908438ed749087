import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsBoundedInt, PG_INT_MAX } from '../common/dto-validators.js';
import { SEND_AUDIENCES, type SendAudience } from '../../domain/reminders/planned-send.js';
import type { ReminderPolicy } from '../../domain/reminders/reminder-policy.js';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  type NotificationKind,
  type NotificationStatus,
} from '../../entities/index.js';

const AUDIENCES = [...SEND_AUDIENCES];
export const PLANNED_KINDS = NOTIFICATION_KINDS.filter(
  (kind) => kind !== 'explanation_request' && kind !== 'results',
);

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

class UnitFilter {
  @ApiPropertyOptional({ example: 'SNV', description: "Only this unit's messages." })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  unitCode?: string;

  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS })
  @IsOptional()
  @IsIn(NOTIFICATION_KINDS, {
    message: `kind must be one of ${NOTIFICATION_KINDS.join(', ')}`,
  })
  kind?: NotificationKind;

  @ApiPropertyOptional({ example: 3, minimum: 1, maximum: 99 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'stepNumber must be a step number such as 3' })
  @Min(1, { message: 'stepNumber must be a step number such as 3' })
  @IsBoundedInt(1, 99)
  stepNumber?: number;

  @ApiPropertyOptional({
    example: 0,
    minimum: 0,
    maximum: PG_INT_MAX,
    description: 'Rows to skip (default 0).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number 0 or more' })
  @Min(0, { message: 'offset must be a whole number 0 or more' })
  @IsBoundedInt(0, PG_INT_MAX)
  offset?: number;
}

export class NotificationLogQuery extends UnitFilter {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only this participation (instead of unitCode).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'participationId must be a UUID' })
  participationId?: string;

  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES })
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES, {
    message: `status must be one of ${NOTIFICATION_STATUSES.join(', ')}`,
  })
  status?: NotificationStatus;

  @ApiPropertyOptional({ example: 50, description: 'Page size, 1–500 (default 50).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number 1–500' })
  @Min(1, { message: 'limit must be a whole number 1–500' })
  @Max(500, { message: 'limit must be a whole number 1–500' })
  limit?: number;
}

export class ForecastQuery extends UnitFilter {
  @ApiPropertyOptional({ example: 1000, description: 'Page size, 1–5000 (default 1000).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number 1–5000' })
  @Min(1, { message: 'limit must be a whole number 1–5000' })
  @Max(5000, { message: 'limit must be a whole number 1–5000' })
  limit?: number;
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '…/unit:SNV/step-3/reminder/wd-7/2021-12-24T16:59:59.000Z' })
  businessKey: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: NotificationKind;
  @ApiProperty({ nullable: true, type: Number, example: 3 }) stepNumber: number | null;
  @ApiProperty({ enum: AUDIENCES }) audience: SendAudience;
  @ApiProperty({ nullable: true, type: String, example: 'SNV' }) unitCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Sở Nội vụ' }) unitName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) participationId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'STP' }) agencyCode: string | null;
  @ApiProperty({ type: [String] }) to: string[];
  @ApiProperty({ type: [String] }) cc: string[];
  @ApiProperty() subject: string;
  @ApiProperty({ enum: NOTIFICATION_STATUSES }) status: NotificationStatus;
  @ApiProperty({ description: 'Attempts that handed it to SMTP.' }) attempts: number;
  @ApiProperty({ description: 'When the plan meant it to go out.' }) scheduledFor: string;
  @ApiProperty({ example: '15/12/2021 08:00' }) scheduledForLocal: string;
  @ApiProperty({ nullable: true, type: String }) sentAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: '15/12/2021 08:00' }) sentAtLocal:
    string | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String, example: '250 Message queued' }) smtpResponse:
    string | null;
  @ApiProperty({ nullable: true, type: String }) messageId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class NotificationPageView {
  @ApiProperty({ description: 'Rows matching the filters, over all pages.' }) total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
  @ApiProperty({ type: [NotificationView], description: 'Newest first.' })
  items: NotificationView[];
}

export class ForecastLogView {
  @ApiProperty({ enum: NOTIFICATION_STATUSES }) status: NotificationStatus;
  @ApiProperty({ nullable: true, type: String }) sentAt: string | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
}

export class ForecastItemView {
  @ApiProperty() businessKey: string;
  @ApiProperty({ enum: PLANNED_KINDS }) kind: NotificationKind;
  @ApiProperty({ enum: AUDIENCES }) audience: SendAudience;
  @ApiProperty({ example: 3 }) stepNumber: number;
  @ApiProperty({ nullable: true, type: String, example: 'SNV' }) unitCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Sở Nội vụ' }) unitName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) participationId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'STP' }) agencyCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Sở Tư pháp' }) agencyName: string | null;
  @ApiProperty({
    type: [String],
    description: "Known addresses: the unit's focal point or head, the agency's; [] otherwise.",
  })
  to: string[];
  @ApiProperty({ description: 'The secretariat is in copy (escalations).' })
  copySecretariat: boolean;
  @ApiProperty({ example: '2021-12-15T01:00:00.000Z' }) sendAt: string;
  @ApiProperty({ example: '15/12/2021 08:00' }) sendAtLocal: string;
  @ApiProperty({ description: 'The deadline it is about.' }) deadline: string;
  @ApiProperty({ example: '24/12/2021 23:59' }) deadlineLocal: string;
  @ApiPropertyOptional({ example: 7 }) daysBefore?: number;
  @ApiPropertyOptional({ enum: ['deadline', 'opening'] }) anchor?: 'deadline' | 'opening';
  @ApiPropertyOptional({ example: 1 }) repeat?: number;
  @ApiPropertyOptional({
    example: '2021-12-18',
    description: 'The day first computed, when it was a day off and the send moved earlier.',
  })
  movedFrom?: string;
  @ApiProperty({ description: "The unit's extension moved the deadline this send is about." })
  extended: boolean;
  @ApiProperty({ description: 'Its time has come (the workflow sent or skipped it).' })
  due: boolean;
  @ApiProperty({
    type: ForecastLogView,
    nullable: true,
    description: 'What the notification log holds for its business key; null: nothing yet.',
  })
  notification: ForecastLogView | null;
}

export class ForecastView {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) timeZone: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The policy in force: the default with the campaign's changes.",
  })
  policy: ReminderPolicy;
  @ApiProperty() generatedAt: string;
  @ApiProperty({ description: 'Sends matching the filters, over all pages.' }) total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
  @ApiProperty({
    type: [Number],
    example: [2028],
    description:
      "Years of the plan (its steps' dates and the sends) the working-day calendar holds no data for: there the sends are planned on Monday–Friday, holidays unknown. Load the year with PUT /calendar-years/{year} or POST /calendar-years/import.",
  })
  weekdaysOnlyYears: number[];
  @ApiProperty({
    type: [String],
    description: 'One warning in Vietnamese per year of weekdaysOnlyYears.',
  })
  warnings: string[];
  @ApiProperty({ type: [ForecastItemView], description: 'By send time.' })
  items: ForecastItemView[];
}
