import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class AmendDeadlineDto {
  @ApiProperty({
    example: '2022-01-25T16:59:59.000Z',
    description: 'The new deadline, an ISO instant.',
  })
  @IsISO8601(
    { strict: true },
    { message: 'deadline must be an ISO 8601 instant, e.g. 2022-01-25T16:59:59Z' },
  )
  deadline: string;

  @ApiPropertyOptional({ example: 'Kế hoạch được điều chỉnh theo Công văn số …' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class GrantExtensionDto {
  @ApiProperty({ example: 3, description: 'The step (self-assessment or explanation) extended.' })
  @IsInt({ message: 'stepNumber must be an integer' })
  @Min(1)
  stepNumber: number;

  @ApiProperty({ example: '2021-12-28T16:59:59.000Z' })
  @IsISO8601(
    { strict: true },
    { message: 'deadline must be an ISO 8601 instant, e.g. 2021-12-28T16:59:59Z' },
  )
  deadline: string;

  @ApiPropertyOptional({ example: 'Đơn vị báo cáo khó khăn do thay đổi nhân sự đầu mối.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
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

export class CouncilApprovalDto {
  @ApiPropertyOptional({
    example: 'Hội đồng thẩm định thông qua kết quả tại cuộc họp ngày 16/02/2022.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class ChairmanDecisionDto {
  @ApiProperty({ example: '456/QĐ-UBND', description: 'Number of the Chairman’s decision.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  number: string;

  @ApiProperty({ example: '2022-02-28', description: 'Date of the decision (local date).' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a local date YYYY-MM-DD' })
  date: string;
}
