import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import type { CommendationPolicy, RatingBand } from '../../domain/scoring/index.js';
import { commendationPolicyInputProblems, ratingBandsInputProblems } from './scoring-policy.js';

/**
 * A council decision (step 9): a leaf's final score (score, or notApplicable: true), or points
 * added to / taken from the total (no criterionCode), always with its reason.
 */
export class CouncilAdjustmentDto {
  @ApiProperty({ example: 'SNV' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  unitCode: string;

  @ApiPropertyOptional({
    example: '1.2.1',
    description: 'The leaf adjusted; leave it out to adjust the total.',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  criterionCode?: string;

  @ApiPropertyOptional({ example: 1.5, description: "The leaf's new final score (0..max)." })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'score must be a number' })
  score?: number;

  @ApiPropertyOptional({ description: 'The leaf does not apply to the unit.' })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean({ message: 'notApplicable must be true or false' })
  notApplicable?: boolean;

  @ApiPropertyOptional({
    example: -0.5,
    description:
      'Points added to the total achieved points (negative: taken away); without criterionCode.',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'points must be a number' })
  points?: number;

  @ApiProperty({ example: 'Hội đồng thẩm định thống nhất tại cuộc họp ngày 16/02/2022: …' })
  @IsString({ message: 'reason must be a text' })
  @IsNotEmpty({ message: 'reason must say why the council adjusts the result' })
  @MaxLength(4000)
  reason: string;
}

function IsInput(name: string, problems: (value: unknown, name: string) => string[]) {
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => problems(value, name).length === 0,
      defaultMessage: (args) => problems(args?.value, args?.property ?? name).join('; '),
    },
  });
}

export class ScoringPolicyDto {
  @ApiPropertyOptional({
    nullable: true,
    example: [
      { label: 'Xuất sắc', min: 90, max: null },
      { label: 'Tốt', min: 80, max: 90 },
      { label: 'Khá', min: 70, max: 80 },
      { label: 'Trung bình', min: 50, max: 70 },
      { label: 'Yếu', min: null, max: 50 },
    ],
    description:
      'Bands on the index: min inclusive, max exclusive, null min = from 0, null max = no upper bound; together they cover every index once. null: the illustrative default.',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsInput('ratingBands', ratingBandsInputProblems)
  ratingBands?: RatingBand[] | null;

  @ApiPropertyOptional({
    nullable: true,
    example: { rule: 'top_or_threshold', top: 3, minIndex: 90 },
    description:
      'Who is proposed for commendation: {rule: "top", top}, {rule: "threshold", minIndex}, {rule: "top_and_threshold" | "top_or_threshold", top, minIndex}. null: the default (top 3).',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsInput('commendationPolicy', commendationPolicyInputProblems)
  commendationPolicy?: CommendationPolicy | null;
}

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'], { message: 'format must be xlsx or csv' })
  format?: 'xlsx' | 'csv';
}
