import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsLocalDate } from '../common/dto-validators.js';

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
  @IsLocalDate()
  date: string;
}
