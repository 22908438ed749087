import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';

export class AmendDeadlineDto {
  @ApiProperty({
    example: '2022-01-25T16:59:59.000Z',
    description:
      "The new deadline, an ISO instant; after the step opens and after now, and within 3 years of the campaign's year (400 otherwise).",
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

export class CloseStepDto {
  @ApiPropertyOptional({
    description:
      'Close it although a gate the plan lets the secretariat pass is not met (see docs/campaign-rules.md); needs a reason.',
  })
  @IsOptional()
  @IsBoolean({ message: 'overrideGates must be true or false' })
  overrideGates?: boolean;

  @ApiPropertyOptional({
    example: 'Tổng hợp vòng 2 thực hiện trên giấy theo chỉ đạo của UBND tỉnh.',
  })
  @ValidateIf((dto: CloseStepDto) => dto.overrideGates === true)
  @IsString({ message: 'reason must say why the gate is passed' })
  @IsNotEmpty({ message: 'reason must say why the gate is passed' })
  @MaxLength(2000)
  reason?: string;
}
