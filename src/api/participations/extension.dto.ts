import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsBoundedInt } from '../common/dto-validators.js';

export class GrantExtensionDto {
  @ApiProperty({
    example: 3,
    minimum: 1,
    maximum: 99,
    description: 'The step (self-assessment or explanation) extended.',
  })
  @IsInt({ message: 'stepNumber must be an integer' })
  @IsBoundedInt(1, 99)
  stepNumber: number;

  @ApiProperty({
    example: '2021-12-28T16:59:59.000Z',
    description: "After the step's deadline and now, within 3 years of the campaign's year.",
  })
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
