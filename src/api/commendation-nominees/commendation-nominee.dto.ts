import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsOmittable } from '../common/dto-validators.js';

export class CreateCommendationNomineeDto {
  @ApiProperty({ example: 'Trần Thị Bình' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fullName: string;

  @ApiProperty({ example: 'Trưởng phòng Cải cách hành chính', description: 'Chức vụ.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  position: string;

  @ApiProperty({ example: 'Sở Nội vụ', description: 'Đơn vị công tác.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  unitName: string;

  @ApiProperty({
    example: 'Tham mưu hoàn thành xuất sắc công tác chấm điểm Chỉ số CCHC năm 2021',
    description: 'Thành tích.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  achievement: string;

  @ApiPropertyOptional({ example: 1, description: "Place in the proposal's list (default: last)." })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(10000)
  order?: number;
}

export class UpdateCommendationNomineeDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fullName?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  position?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  unitName?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  achievement?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(10000)
  order?: number;
}

export class CommendationNomineeView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'Trần Thị Bình' }) fullName: string;
  @ApiProperty({ example: 'Trưởng phòng Cải cách hành chính' }) position: string;
  @ApiProperty({ example: 'Sở Nội vụ' }) unitName: string;
  @ApiProperty() achievement: string;
  @ApiProperty({ example: 1 }) order: number;
}
