import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Role } from '../../entities/index.js';
import { ROLES } from '../auth/actor.js';
import { IsLocalDate } from '../common/dto-validators.js';

const CODE = /^[A-Za-z0-9_.-]{1,32}$/;

export class IssueApiTokenDto {
  @ApiProperty({
    example: 'Phần mềm một cửa tỉnh',
    description: 'Who holds it: shown in the list and the audit log.',
  })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(255)
  name: string;

  @ApiProperty({ enum: ROLES, example: 'secretariat' })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'SNV',
    description: 'For role "unit": the unit it acts for.',
  })
  @IsOptional()
  @Matches(CODE, { message: 'unitCode must be a unit code' })
  unitCode?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'STP',
    description: 'For role "appraiser": the agency it appraises for.',
  })
  @IsOptional()
  @Matches(CODE, { message: 'agencyCode must be an agency code' })
  agencyCode?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2027-12-31',
    description:
      'The last day it works (until 23:59:59, Asia/Ho_Chi_Minh), today or later; omitted or null: it never expires.',
  })
  @IsOptional()
  @IsLocalDate()
  expiresOn?: string | null;
}

export const TOKEN_STATUSES = ['active', 'expired', 'revoked'] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

/** A machine token as listed: never the token itself, only its first characters. */
export class ApiTokenView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Phần mềm một cửa tỉnh' }) name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, nullable: true, example: null }) unitCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) agencyCode: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'par_AbC123',
    description: 'The first characters, to recognise it; null for tokens issued before hints.',
  })
  hint: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Who issued it; null when issued with `npm run token`.',
  })
  createdBy: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it was last accepted (to the minute).',
  })
  lastUsedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: never.' })
  expiresAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({
    enum: TOKEN_STATUSES,
    description: 'Whether the auth guard accepts it now (the same check).',
  })
  status: TokenStatus;
}

/** The token just issued: the only answer that carries it. */
export class IssuedApiTokenView {
  @ApiProperty({
    example: 'par_AbC123…',
    description: 'The bearer token, shown this once: it is stored only hashed.',
  })
  token: string;

  @ApiProperty({ type: ApiTokenView }) record: ApiTokenView;
}
