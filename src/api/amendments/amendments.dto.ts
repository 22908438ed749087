import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  PLAN_AMENDMENT_KINDS,
  type PlanAmendmentKind,
} from '../../domain/campaign-rules/amendments.js';
import { STEP_ACTORS, STEP_KINDS, type StepActor, type StepKind } from '../../domain/words.js';
import {
  CODE_PATTERN,
  IsBoundedInt,
  IsInstant,
  IsLocalDate,
  IsOmittable,
} from '../common/dto-validators.js';
import { MAX_STEP_NUMBER } from '../common/params.js';

const forKinds =
  (...kinds: PlanAmendmentKind[]) =>
  (dto: PlanAmendmentDto) =>
    kinds.includes(dto.kind);

/** A step added after launch: its title, kind, actor and window. */
export class AddedStepDto {
  @ApiProperty({ example: 'Tập huấn bổ sung cho các xã mới sáp nhập' })
  @IsString({ message: 'titleVi must be a string' })
  @IsNotEmpty({ message: 'titleVi must not be empty' })
  @MaxLength(500)
  titleVi: string;

  @ApiProperty({
    enum: STEP_KINDS,
    example: 'other',
    description:
      'Not a unit window (self_assessment, explanation, appraisal_round_1) and not a kind the plan already has, except other.',
  })
  @IsIn(STEP_KINDS, { message: `kind must be one of ${STEP_KINDS.join(', ')}` })
  kind: StepKind;

  @ApiProperty({ enum: STEP_ACTORS, example: 'secretariat' })
  @IsIn(STEP_ACTORS, { message: `actor must be one of ${STEP_ACTORS.join(', ')}` })
  actor: StepActor;

  @ApiPropertyOptional({
    example: '2022-01-10T00:00:00+07:00',
    description: 'The opening, an instant; or give opensOn.',
  })
  @IsOmittable()
  @IsInstant()
  opensAt?: string;

  @ApiPropertyOptional({
    example: '2022-01-10',
    description: "The opening as a local date: 00:00 that day in the campaign's zone.",
  })
  @IsOmittable()
  @IsLocalDate()
  opensOn?: string;

  @ApiPropertyOptional({
    example: '2022-01-14T23:59:59+07:00',
    description: 'The deadline, an instant; or give closesOn.',
  })
  @IsOmittable()
  @IsInstant()
  deadline?: string;

  @ApiPropertyOptional({
    example: '2022-01-14',
    description: "The deadline as a local date: 23:59:59 that day in the campaign's zone.",
  })
  @IsOmittable()
  @IsLocalDate()
  closesOn?: string;

  @ApiPropertyOptional({ example: 'Sở Nội vụ' })
  @IsOmittable()
  @IsString()
  @MaxLength(255)
  lead?: string;
}

/**
 * One amendment of a launched campaign's plan, by `kind`; each carries the amending decision's
 * number and date and a reason.
 */
export class PlanAmendmentDto {
  @ApiProperty({ enum: PLAN_AMENDMENT_KINDS, example: 'unit_joins' })
  @IsIn(PLAN_AMENDMENT_KINDS, {
    message: `kind must be one of ${PLAN_AMENDMENT_KINDS.join(', ')}`,
  })
  kind: PlanAmendmentKind;

  @ApiProperty({
    example: '125/QĐ-UBND',
    description: 'Số quyết định sửa đổi, bổ sung kế hoạch (required).',
  })
  @IsString({ message: 'decisionNumber must be the amending decision’s number, e.g. 125/QĐ-UBND' })
  @Matches(/\S/, { message: 'decisionNumber must not be blank' })
  @MaxLength(64)
  decisionNumber: string;

  @ApiProperty({ example: '2022-01-05', description: 'Ngày ký of the amending decision.' })
  @IsLocalDate()
  decisionDate: string;

  @ApiProperty({ example: 'Sáp nhập đơn vị hành chính cấp xã theo Nghị quyết số …' })
  @IsString({ message: 'reason must say why the plan is amended' })
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['XA-MOI-01'],
    description: 'unit_joins, unit_leaves: the units (1–500 codes).',
  })
  @ValidateIf(forKinds('unit_joins', 'unit_leaves'))
  @IsArray({ message: 'unitCodes must be a list of unit codes' })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @Matches(CODE_PATTERN, { each: true, message: 'each unit code must be a code such as SNV' })
  @MaxLength(32, { each: true })
  unitCodes?: string[];

  @ApiPropertyOptional({ type: AddedStepDto, description: 'step_added: the new step.' })
  @ValidateIf(forKinds('step_added'))
  @IsObject({ message: 'step must be an object with titleVi, kind, actor and its window' })
  @ValidateNested()
  @Type(() => AddedStepDto)
  step?: AddedStepDto;

  @ApiPropertyOptional({ example: 4, description: 'opening_moved: the pending step.' })
  @ValidateIf(forKinds('opening_moved'))
  @IsBoundedInt(1, MAX_STEP_NUMBER, 'stepNumber')
  stepNumber?: number;

  @ApiPropertyOptional({
    example: '2022-01-03T00:00:00+07:00',
    description: 'opening_moved: the new opening, an instant; or give opensOn.',
  })
  @IsOmittable()
  @IsInstant()
  opensAt?: string;

  @ApiPropertyOptional({
    example: '2022-01-03',
    description: "opening_moved: the new opening as a local date (00:00 in the campaign's zone).",
  })
  @IsOmittable()
  @IsLocalDate()
  opensOn?: string;
}

export class AmendedUnitView {
  @ApiProperty({ example: 'XA-MOI-01' }) code: string;
  @ApiProperty({ example: 'Xã Tân Hòa' }) name: string;
}

export class PlanAmendmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PLAN_AMENDMENT_KINDS }) kind: PlanAmendmentKind;
  @ApiProperty({ example: '125/QĐ-UBND' }) decisionNumber: string;
  @ApiProperty({ example: '2022-01-05' }) decisionDate: string;
  @ApiProperty() reason: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'What changed: unitCodes; or the step added (number, titleVi, kind, actor, opensAt, deadline); or stepNumber, from, to.',
  })
  details: Record<string, unknown>;
  @ApiProperty({ example: 'Tổ thư ký' }) recordedBy: string;
  @ApiProperty() recordedAt: string;
}

export class PlanAmendmentResult extends PlanAmendmentView {
  @ApiProperty({
    enum: ['delivered', 'pending'],
    description: 'Whether the campaign’s workflows have it yet (the relay keeps trying).',
  })
  delivery: 'delivered' | 'pending';

  @ApiProperty({
    type: [String],
    description:
      'Warnings about the amendment’s dates (e.g. a year without working-day calendar data); empty when none.',
  })
  warnings: string[];
}
