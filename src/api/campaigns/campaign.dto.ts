import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  LATE_POLICIES,
  STEP_ACTORS,
  STEP_KINDS,
  UNIT_STATUSES,
  type CampaignStatus,
  type LatePolicy,
  type StepActor,
  type StepKind,
  type StepStatus,
  type UnitStatus,
} from '../../domain/words.js';
import type { ReminderPolicyInput } from '../../domain/reminders/reminder-policy.js';
import {
  IsCode,
  IsIanaTimeZone,
  IsInstant,
  IsLocalDate,
  IsOmittable,
  IsBoundedInt,
} from '../common/dto-validators.js';
import { IsReminderPolicy } from './reminder-policy.validator.js';
import {
  WORKING_DAY_RULES,
  type PlanDateField,
  type WorkingDayRule,
} from '../../domain/plan-working-days.js';

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

export class CampaignsQuery {
  @ApiPropertyOptional({
    description: 'Only campaigns of this year.',
    example: 2021,
    minimum: 2000,
    maximum: 2100,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year must be an integer such as 2021' })
  @IsBoundedInt(2000, 2100)
  year?: number;
}

export class DecisionRefDto {
  @ApiProperty({ example: '3176/QĐ-UBND' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  number: string;

  @ApiProperty({ example: '2021-11-18', description: 'Local date YYYY-MM-DD.' })
  @IsLocalDate()
  date: string;

  @ApiProperty({ example: 'Kế hoạch chấm điểm Chỉ số CCHC năm 2021' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  title: string;
}

export class UpdateCampaignDto {
  @ApiPropertyOptional({ example: 'Chấm điểm Chỉ số CCHC năm 2022' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({
    type: [DecisionRefDto],
    description: 'Replaces the whole list of deciding documents.',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DecisionRefDto)
  decisionRefs?: DecisionRefDto[];

  @ApiPropertyOptional({
    enum: LATE_POLICIES,
    description: 'Self-assessments after the deadline: accepted and flagged late, or refused.',
  })
  @IsOmittable()
  @IsIn(LATE_POLICIES)
  latePolicy?: LatePolicy;

  @ApiPropertyOptional({
    example: 'Asia/Ho_Chi_Minh',
    description:
      'IANA time zone of the plan. The steps keep their local dates and times: 24/12 23:59:59 stays 24/12 23:59:59 in the new zone.',
  })
  @IsOmittable()
  @IsIanaTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { daysBeforeDeadline: [5, 2, 1], sendTime: '07:30' },
    description:
      'When reminders, escalations and digests go out: the fields of the default policy to change (daysBeforeDeadline, countDaysIn, sendTime, escalateAtMissedDeadline, unitWindowOpened, overdueRepeatEveryWorkingDays, secretariatDigests, appraisalDaysBeforeOpening, appraisalDaysBeforeDeadline, councilDaysBeforeMeeting); null restores the default.',
  })
  @IsOptional()
  @IsReminderPolicy()
  reminderPolicy?: ReminderPolicyInput | null;
}

export class UpdateStepDto {
  @ApiPropertyOptional({ example: 'Thẩm định lần thứ nhất' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  titleVi?: string;

  @ApiPropertyOptional({ example: 'First appraisal' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  titleEn?: string;

  @ApiPropertyOptional({ enum: STEP_KINDS })
  @IsOmittable()
  @IsIn(STEP_KINDS)
  kind?: StepKind;

  @ApiPropertyOptional({ enum: STEP_ACTORS })
  @IsOmittable()
  @IsIn(STEP_ACTORS)
  actor?: StepActor;

  @ApiPropertyOptional({ example: 'Sở Nội vụ', description: 'Cơ quan chủ trì.' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  lead?: string;

  @ApiPropertyOptional({ example: 'Tổ thư ký', description: 'Cơ quan phối hợp.' })
  @IsOmittable()
  @IsString()
  @MaxLength(255)
  coordinating?: string;

  @ApiPropertyOptional({
    example: '2022-12-01',
    description: "First local day of the window; the step opens at 00:00 in the campaign's zone.",
  })
  @IsOmittable()
  @IsLocalDate()
  opensOn?: string;

  @ApiPropertyOptional({
    example: '2022-12-24',
    description:
      "Last local day of the window; the deadline is 23:59:59 that day in the campaign's zone.",
  })
  @IsOmittable()
  @IsLocalDate()
  closesOn?: string;

  @ApiPropertyOptional({
    example: '2022-11-30T17:00:00Z',
    nullable: true,
    description: 'Window opening as an instant (instead of opensOn); null: no opening date.',
  })
  @IsOptional()
  @IsInstant()
  opensAt?: string | null;

  @ApiPropertyOptional({
    example: '2022-12-24T16:59:59Z',
    nullable: true,
    description: 'Deadline as an instant (instead of closesOn); null: no deadline.',
  })
  @IsOptional()
  @IsInstant()
  deadline?: string | null;

  @ApiPropertyOptional({
    example: 10,
    nullable: true,
    description: 'The step opens when this earlier step completes; null: none.',
  })
  @IsOptional()
  @IsBoundedInt(1, 99)
  startsAfterStep?: number | null;

  @ApiPropertyOptional({ example: 'Từ ngày 01-24/12/2022', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  windowText?: string | null;
}

export class WorkingDaysDto {
  @ApiPropertyOptional({
    enum: WORKING_DAY_RULES,
    default: 'previous',
    description:
      "A deadline the year shift puts on a day off (weekend, holiday, Tết): 'previous' moves it to the working day before (default, units keep at least the time they had), 'next' to the working day after, 'keep' leaves it on the day off.",
  })
  @IsOmittable()
  @IsIn(WORKING_DAY_RULES)
  deadlines?: WorkingDayRule;

  @ApiPropertyOptional({
    enum: WORKING_DAY_RULES,
    default: 'next',
    description:
      "An opening the year shift puts on a day off: 'next' moves it to the working day after (default), 'previous' to the working day before, 'keep' leaves it.",
  })
  @IsOmittable()
  @IsIn(WORKING_DAY_RULES)
  openings?: WorkingDayRule;
}

export class CopyCampaignDto {
  @ApiProperty({
    example: 2022,
    description: 'Year of the new campaign; every date moves by the difference.',
  })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({
    example: 'vinhlong-2022',
    description:
      "Default: the source's code with its year replaced (vinhlong-2021 → vinhlong-2022).",
  })
  @IsOmittable()
  @IsCode(64)
  code?: string;

  @ApiPropertyOptional({ description: "Default: the source's name with its years shifted." })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({
    type: WorkingDaysDto,
    description:
      "How dates the year shift puts on a day off of the working-day calendar are placed; default { deadlines: 'previous', openings: 'next' }. The time of day is kept.",
  })
  @IsOmittable()
  @ValidateNested()
  @Type(() => WorkingDaysDto)
  workingDays?: WorkingDaysDto;
}

export class NewStepDto extends UpdateStepDto {
  @ApiPropertyOptional({
    example: 3,
    minimum: 1,
    maximum: 99,
    description:
      'Creating a campaign: the step number (default: its position in the list, from 1). Adding a step: insert at this number, later steps and the startsAfterStep naming them move up by one (default: after the last step).',
  })
  @IsOmittable()
  @IsBoundedInt(1, 99)
  number?: number;
}

export class CreateCampaignDto {
  @ApiProperty({
    example: 'vinhlong-2025',
    description: 'Unique code; the workflow id derives from it.',
  })
  @IsCode(64)
  code: string;

  @ApiProperty({ example: 'Vĩnh Long' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  province: string;

  @ApiProperty({ example: 2025, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ example: 'Chấm điểm Chỉ số CCHC năm 2025' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name: string;

  @ApiPropertyOptional({ example: 'Asia/Ho_Chi_Minh', default: 'Asia/Ho_Chi_Minh' })
  @IsOmittable()
  @IsIanaTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ enum: LATE_POLICIES, default: 'accept' })
  @IsOmittable()
  @IsIn(LATE_POLICIES)
  latePolicy?: LatePolicy;

  @ApiPropertyOptional({ type: [DecisionRefDto], description: 'The deciding documents.' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DecisionRefDto)
  decisionRefs?: DecisionRefDto[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Changes to the default reminder policy, as in PATCH /campaigns/{id}.',
  })
  @IsOptional()
  @IsReminderPolicy()
  reminderPolicy?: ReminderPolicyInput | null;

  @ApiPropertyOptional({
    type: [NewStepDto],
    description:
      'The plan, each step with the fields of PATCH /campaigns/{id}/steps/{n} (titleVi, kind, actor and lead required); empty or absent: a plan to fill step by step (POST /campaigns/{id}/steps).',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(99)
  @ValidateNested({ each: true })
  @Type(() => NewStepDto)
  steps?: NewStepDto[];
}

export class AddParticipationDto {
  @ApiPropertyOptional({ example: 'SNV', description: 'Code of the one unit that takes part.' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  unitCode?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['SNV', 'STC', 'UBND-XA-LONGHO'],
    description: 'Codes of many units that take part, in one request (at most 1000).',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(32, { each: true })
  unitCodes?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['commune'],
    description: 'Every unit of these groups takes part (department, district, commune, …).',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(32, { each: true })
  groups?: string[];
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export class CampaignStepView {
  @ApiProperty({ example: 3 }) number: number;
  @ApiProperty({ enum: STEP_KINDS }) kind: StepKind;
  @ApiProperty({
    example: 'Tổ chức tự đánh giá và xác định chỉ số CCHC tại các đơn vị, địa phương',
  })
  titleVi: string;
  @ApiProperty({ example: 'Units self-assess and submit report, explanations and evidence' })
  titleEn: string;
  @ApiProperty({ enum: STEP_ACTORS }) actor: StepActor;
  @ApiProperty({ example: 'Đơn vị, địa phương' }) lead: string;
  @ApiProperty({ example: 'Sở Nội vụ' }) coordinating: string;
  @ApiProperty({ nullable: true, type: String, example: '2021-11-30T17:00:00.000Z' })
  opensAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2021-12-24T16:59:59.000Z' })
  deadline: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '01/12/2021',
    description: 'Local date of the opening.',
  })
  opensOn: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '24/12/2021',
    description: 'Local date of the deadline.',
  })
  closesOn: string | null;
  @ApiProperty({ nullable: true, type: String, example: '01/12/2021 00:00' }) opensAtLocal:
    string | null;
  @ApiProperty({ nullable: true, type: String, example: '24/12/2021 23:59' }) deadlineLocal:
    string | null;
  @ApiProperty({ nullable: true, type: Number, example: null }) startsAfterStep: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'Từ ngày 01-24/12/2021' })
  windowText: string | null;
  @ApiProperty({
    enum: ['pending', 'open', 'closed'],
    description:
      'Where it stands now, by the campaign rules, from the plan as amended and every action on it (the workflow decides with the same rules).',
  })
  status: StepStatus;
  @ApiProperty({ nullable: true, type: String }) openedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'deadline',
    description: '"deadline", or who completed or closed it.',
  })
  closedBy: string | null;
  @ApiProperty({ description: 'Past its deadline and not yet completed by its actor.' })
  overdue: boolean;
}

export class CampaignView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'vinhlong-2021' }) code: string;
  @ApiProperty({ example: 'Vĩnh Long' }) province: string;
  @ApiProperty({ example: 2021 }) year: number;
  @ApiProperty() name: string;
  @ApiProperty({ type: [DecisionRefDto] }) decisionRefs: DecisionRefDto[];
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) timeZone: string;
  @ApiProperty({ enum: ['draft', 'launched', 'completed'] }) status: CampaignStatus;
  @ApiProperty({ enum: LATE_POLICIES }) latePolicy: LatePolicy;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'The highest-numbered open step (else the highest closed one), by the campaign rules.',
  })
  currentStep: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'par-2021-vinhlong' }) workflowId:
    string | null;
  @ApiProperty({ nullable: true, type: String }) launchedAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: '18/11/2021 09:30' }) launchedAtLocal:
    string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) copiedFromId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: "The campaign's changes to the default reminder policy; null: the default.",
  })
  reminderPolicy: ReminderPolicyInput | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class CampaignDetailView extends CampaignView {
  @ApiProperty({ type: [CampaignStepView], description: 'Ordered by step number.' })
  steps: CampaignStepView[];
}

export class CampaignPageView extends CampaignDetailView {
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'http://127.0.0.1:8233/namespaces/default/workflows/par-2021-vinhlong',
    description:
      "The campaign's workflow in the Temporal Web UI (TEMPORAL_UI_URL), for admin and secretariat; null before launch and for other roles.",
  })
  workflowUrl: string | null;
}

export class CopyCountsView {
  @ApiProperty() steps: number;
  @ApiProperty() indexSets: number;
  @ApiProperty() criteria: number;
  @ApiProperty() participations: number;
}

export class PlanDateMoveView {
  @ApiProperty({ example: 3 }) step: number;
  @ApiProperty({ enum: ['opensAt', 'deadline'], description: 'Which date of the step.' })
  date: PlanDateField;
  @ApiProperty({ enum: WORKING_DAY_RULES, description: 'The rule applied.' })
  rule: WorkingDayRule;
  @ApiProperty({ example: '24/12/2022', description: 'The local date a plain year shift gave.' })
  yearShiftOn: string;
  @ApiProperty({ example: '2022-12-24T16:59:59.000Z' }) yearShiftAt: string;
  @ApiProperty({ example: '23/12/2022', description: 'The local date chosen.' })
  chosenOn: string;
  @ApiProperty({ example: '2022-12-23T16:59:59.000Z' }) chosenAt: string;
  @ApiProperty({
    example: 'Thứ Bảy',
    description:
      "Why the year shift's day is not a working day: 'Thứ Bảy', 'Chủ nhật', or the day off's name in the calendar ('Tết Nguyên đán Quý Mão').",
  })
  reason: string;
}

export class CopyWorkingDaysView {
  @ApiProperty({ type: WorkingDaysDto, description: 'The rules applied.' })
  rules: WorkingDaysDto;
  @ApiProperty({ type: [PlanDateMoveView], description: 'Every date moved off a day off.' })
  moves: PlanDateMoveView[];
  @ApiProperty({
    type: [PlanDateMoveView],
    description: "Dates left on a day off by the 'keep' rule.",
  })
  kept: PlanDateMoveView[];
  @ApiProperty({
    type: [String],
    description: 'Years without working-day calendar data (planned on weekdays only).',
  })
  warnings: string[];
}

export class CopyResultView extends CampaignDetailView {
  @ApiProperty({ type: CopyCountsView }) copied: CopyCountsView;
  @ApiProperty({ type: CopyWorkingDaysView }) workingDays: CopyWorkingDaysView;
}

export class LaunchResultView extends CampaignDetailView {
  @ApiProperty({
    type: [String],
    description:
      'Things worth knowing that did not stop the launch, e.g. deadlines already past, or a year of the plan the working-day calendar has no data for (its reminders go Monday–Friday).',
  })
  warnings: string[];

  @ApiProperty({
    description:
      'The campaign workflow has started. False when Temporal did not answer in time: the launch is recorded and the workflow starts as soon as Temporal answers.',
  })
  workflowStarted: boolean;
}

export class ParticipationUnitView {
  @ApiProperty({ example: 'SNV' }) code: string;
  @ApiProperty({ example: 'Sở Nội vụ' }) name: string;
  @ApiProperty({ example: 'department' }) group: string;
}

export class ParticipationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ type: ParticipationUnitView }) unit: ParticipationUnitView;
  @ApiProperty({ enum: UNIT_STATUSES, example: 'registered' }) status: UnitStatus;
  @ApiProperty() createdAt: string;
}

export class ParticipationsAddedView {
  @ApiProperty({ description: 'How many units were registered.' }) added: number;
  @ApiProperty({ type: [ParticipationView], description: 'The new participations.' })
  participations: ParticipationView[];
}
