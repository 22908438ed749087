import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { COUNCIL_ROLES, type CouncilRole } from '../../entities/index.js';
import { IsOmittable } from '../common/dto-validators.js';

const ROLE_MESSAGE = `role must be one of ${COUNCIL_ROLES.join(', ')}`;

export class CreateCouncilMemberDto {
  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fullName: string;

  @ApiProperty({ example: 'Phó Chủ tịch UBND tỉnh', description: 'Chức vụ.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  position: string;

  @ApiProperty({ example: 'Ủy ban nhân dân tỉnh Vĩnh Long', description: 'Cơ quan công tác.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  organisation: string;

  @ApiProperty({ enum: COUNCIL_ROLES, description: 'Chủ tịch / phó chủ tịch / ủy viên / thư ký.' })
  @IsIn(COUNCIL_ROLES, { message: ROLE_MESSAGE })
  role: CouncilRole;

  @ApiPropertyOptional({ example: 'nv.an@vinhlong.gov.vn', nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email?: string | null;

  @ApiPropertyOptional({ example: 1, description: "Place in the decision's list (default: last)." })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(10000)
  order?: number;
}

export class UpdateCouncilMemberDto {
  @ApiPropertyOptional({ example: 'Nguyễn Văn An' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fullName?: string;

  @ApiPropertyOptional({ example: 'Giám đốc Sở Nội vụ' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  position?: string;

  @ApiPropertyOptional({ example: 'Sở Nội vụ' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  organisation?: string;

  @ApiPropertyOptional({ enum: COUNCIL_ROLES })
  @IsOmittable()
  @IsIn(COUNCIL_ROLES, { message: ROLE_MESSAGE })
  role?: CouncilRole;

  @ApiPropertyOptional({ nullable: true, description: 'null clears it.' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email?: string | null;

  @ApiPropertyOptional({ example: 2 })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(10000)
  order?: number;
}

export class CouncilMemberView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'Nguyễn Văn An' }) fullName: string;
  @ApiProperty({ example: 'Phó Chủ tịch UBND tỉnh' }) position: string;
  @ApiProperty({ example: 'Ủy ban nhân dân tỉnh Vĩnh Long' }) organisation: string;
  @ApiProperty({ enum: COUNCIL_ROLES }) role: CouncilRole;
  @ApiProperty({ example: 'Chủ tịch Hội đồng' }) roleVi: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ example: 1 }) order: number;
}

export class CouncilMembersImportSummary {
  @ApiProperty({ enum: ['json', 'xlsx'] }) format: string;
  @ApiProperty({ nullable: true, type: String }) fileName: string | null;
  @ApiProperty({ description: 'Members before the import (all replaced).' }) replaced: number;
  @ApiProperty({ type: [CouncilMemberView] }) members: CouncilMemberView[];
}
