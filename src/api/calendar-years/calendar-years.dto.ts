import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export type CalendarYearOrigin = 'built-in' | 'data';

export class CalendarYearSummaryView {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty({
    enum: ['built-in', 'data'],
    description:
      'built-in: shipped with the service (src/domain/calendar); data: loaded by the secretariat (it replaces the built-in year of the same number).',
  })
  origin: CalendarYearOrigin;
  @ApiProperty({
    description: 'A built-in year of the same number exists (replaced when origin is data).',
  })
  builtIn: boolean;
  @ApiProperty({ example: 'Việt Nam — cơ quan hành chính nhà nước' }) scope: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Thông báo số 5015/TB-LĐTBXH ngày 22/11/2023 của Bộ Lao động – Thương binh và Xã hội',
  })
  sourceDecision: string | null;
  @ApiProperty({
    description: 'Not checked against the published text, or not decreed yet (e.g. 2027).',
  })
  provisional: boolean;
  @ApiProperty({ description: 'Days off listed (a run of days counts each day).' }) daysOff: number;
  @ApiProperty({ description: 'Make-up working days (ngày làm bù).' }) makeUpWorkingDays: number;
  @ApiProperty({ nullable: true, type: String, description: 'When it was loaded (data only).' })
  updatedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Who loaded it (data only).' })
  updatedBy: string | null;
}

export class CalendarYearView extends CalendarYearSummaryView {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The year as PUT /calendar-years/{year} takes it: year, scope, weekend, daysOff [{date, to?, name, kind, substituteFor?, note?}], makeUpWorkingDays [{date, name, replaces?, note?}], sources, sourceDecision, provisional.',
  })
  data: Record<string, unknown>;
}

export class CalendarYearSavedView extends CalendarYearSummaryView {
  // Not an enum: a nullable enum's null fails schema validation without null among its values.
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'built-in',
    description:
      'What the loaded year replaced: "built-in" (the built-in year), "data" (an earlier load), or null (nothing).',
  })
  replaced: CalendarYearOrigin | null;
  @ApiPropertyOptional({ enum: ['json', 'xlsx'], description: 'The imported file’s format.' })
  format?: 'json' | 'xlsx';
}

export class CalendarYearDeletedView {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'built-in',
    description:
      'What counts for the year now: "built-in" (the built-in year), or null (the year is planned on Monday–Friday).',
  })
  nowInForce: 'built-in' | null;
}
