import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** One leaf's appraised score in a round: a score, or notApplicable: true. */
export class AppraisalItemDto {
  @ApiProperty({ example: '1.2.1', description: 'Code of an appraised leaf criterion.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  criterionCode: string;

  @ApiPropertyOptional({
    type: Number,
    example: 1,
    description:
      'Points given, 0..maxPoints with at most two decimals (for a penalty: points taken away, up to its cap).',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'score must be a number' })
  score?: number | null;

  @ApiPropertyOptional({ description: 'The criterion does not apply to the unit.' })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean({ message: 'notApplicable must be true or false' })
  notApplicable?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Kế hoạch ban hành chậm so với quy định (ngày 20/01/2021).',
    description: 'Nhận xét của cơ quan thẩm định.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  comment?: string | null;
}

export class SaveAppraisalDto {
  @ApiProperty({ type: [AppraisalItemDto], description: 'Scores to enter, merged by criterion.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'items must hold at least one score' })
  @ArrayMaxSize(5_000)
  @ValidateNested({ each: true })
  @Type(() => AppraisalItemDto)
  items: AppraisalItemDto[];
}

export class ProgressQueryDto {
  @ApiPropertyOptional({ enum: [1, 2], default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsIn([1, 2], { message: 'round must be 1 or 2' })
  round?: 1 | 2;
}
