import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class GenerateProposalsDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['SNV', 'STP'],
    description: 'Only these units (default: every participating unit).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  unitCodes?: string[];
}

/** One line of the secretariat's edit of a unit's proposals. */
export class ProposalEditDto {
  @ApiProperty({ example: '1.2.1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  criterionCode: string;

  @ApiProperty({
    description:
      'true: ask the unit about it (added by hand if not proposed); false: strike it out.',
  })
  @IsBoolean({ message: 'include must be true or false' })
  include: boolean;

  @ApiPropertyOptional({
    example: 'Đề nghị bổ sung văn bản chứng minh việc ban hành kế hoạch đúng hạn.',
    description: 'The reason the unit reads (replaces the proposed one).',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(4000)
  reason?: string;
}

export class EditProposalsDto {
  @ApiProperty({ type: [ProposalEditDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'items must hold at least one criterion' })
  @ArrayMaxSize(5_000)
  @ValidateNested({ each: true })
  @Type(() => ProposalEditDto)
  items: ProposalEditDto[];
}

export class ConfirmProposalsDto {
  @ApiPropertyOptional({
    example: 'Đề nghị đơn vị giải trình, bổ sung tài liệu kiểm chứng các tiêu chí sau.',
    description:
      "The request's reason, sent to the unit workflow; each criterion keeps its own reason.",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(4000)
  reason?: string;
}

export class ProposalsQueryDto {
  @ApiPropertyOptional({ example: 'SNV' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  unitCode?: string;

  @ApiPropertyOptional({ enum: ['proposed', 'dismissed', 'confirmed'] })
  @IsOptional()
  @IsIn(['proposed', 'dismissed', 'confirmed'], {
    message: 'status must be proposed, dismissed or confirmed',
  })
  status?: 'proposed' | 'dismissed' | 'confirmed';
}
