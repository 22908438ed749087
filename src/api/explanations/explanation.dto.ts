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
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
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

export class ExplanationRequestDto {
  @ApiProperty({
    example: ['1.1.1', '3.2.1'],
    description: 'Criterion codes the unit must explain.',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'criteria must name at least one criterion code' })
  @IsString({ each: true })
  @Matches(/^\d+(\.\d+)*$/, { each: true, message: 'each criterion must be a code like 1.2.3' })
  criteria: string[];

  @ApiProperty({ example: 'Điểm thẩm định thấp hơn điểm tự chấm; thiếu tài liệu kiểm chứng.' })
  @IsString()
  @IsNotEmpty({ message: 'reason must say why an explanation is needed' })
  @MaxLength(4000)
  reason: string;
}

/** The unit's explanation of one requested criterion, with any extra evidence. */
export class ExplanationAnswerDto {
  @ApiProperty({ example: '1.2.1', description: 'A criterion the unit was asked to explain.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  criterionCode: string;

  @ApiProperty({ example: 'Kế hoạch ban hành ngày 15/01/2021, kèm theo Quyết định số 12/QĐ-SNV.' })
  @IsString()
  @IsNotEmpty({ message: 'each answer needs a text' })
  @MaxLength(20000)
  text: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Extra evidence files uploaded for this unit (POST …/evidence).',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'each evidence id must be a UUID' })
  evidenceIds?: string[];
}

export class ExplanationDto {
  @ApiPropertyOptional({
    example: 'Đơn vị bổ sung Quyết định số … kèm theo tài liệu kiểm chứng.',
    description:
      'A general explanation: answers every requested criterion not answered one by one.',
  })
  @ValidateIf((dto: ExplanationDto, value) => value !== undefined || dto.answers === undefined)
  @IsString({ message: 'text must be a string: send text, answers, or both' })
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(20000)
  text?: string;

  @ApiPropertyOptional({
    type: [ExplanationAnswerDto],
    description: 'One answer per requested criterion, with text and extra evidence.',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(5_000)
  @ValidateNested({ each: true })
  @Type(() => ExplanationAnswerDto)
  answers?: ExplanationAnswerDto[];
}
