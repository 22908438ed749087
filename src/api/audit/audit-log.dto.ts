import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ROLES } from '../auth/actor.js';
import { IsLocalDate } from '../common/dto-validators.js';

export class AuditLogQuery {
  @ApiPropertyOptional({
    example: 'vinhlong-2021',
    description:
      "Only entries about this campaign (its id or code): the campaign itself, its steps, index sets, units' participations, self-assessments and evidence.",
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    message: 'campaign must be a campaign id or code such as vinhlong-2021',
  })
  campaign?: string;

  @ApiPropertyOptional({
    example: 'Nguyễn Văn A',
    description:
      "Who acted: part of the person's or token's name or e-mail (any case), or an account's or token's id.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  actor?: string;

  @ApiPropertyOptional({
    example: 'api_token',
    description:
      'An action code ("api_token.issue") or its first words ("api_token", "campaign.step").',
  })
  @IsOptional()
  @Matches(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, {
    message: 'action must be an action code such as campaign.launch',
  })
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({
    example: '2021-12-01',
    description: 'From this local day (Asia/Ho_Chi_Minh).',
  })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ example: '2021-12-31', description: 'Up to this local day, included.' })
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({ example: 1, minimum: 1, description: 'Page, from 1 (default 1).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number 1–100000' })
  @Min(1, { message: 'page must be a whole number 1–100000' })
  @Max(100_000, { message: 'page must be a whole number 1–100000' })
  page?: number;

  @ApiPropertyOptional({ example: 50, description: 'Entries per page, 1–200 (default 50).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number 1–200' })
  @Min(1, { message: 'pageSize must be a whole number 1–200' })
  @Max(200, { message: 'pageSize must be a whole number 1–200' })
  pageSize?: number;
}

export class AuditActorView {
  @ApiProperty({
    enum: ['account', 'token'],
    description: 'A person signed in (account) or a machine token.',
  })
  kind: 'account' | 'token';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id: string | null;
  @ApiProperty({
    example: 'Nguyễn Văn A',
    description: "The person's name (as the account has it now) or the token's name.",
  })
  name: string;
  @ApiProperty({ example: 'Nguyễn Văn A <thuky@snv.example.gov.vn>', description: 'As recorded.' })
  recordedName: string;
  @ApiProperty({ enum: ROLES }) role: string;
}

export class AuditEntryView {
  @ApiProperty({ example: '1042' }) id: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
  @ApiProperty({ example: '24/12/2021 23:59', description: 'In Asia/Ho_Chi_Minh.' })
  atLocal: string;
  @ApiProperty({ type: AuditActorView }) actor: AuditActorView;
  @ApiProperty({ example: 'api_token.issue' }) action: string;
  @ApiProperty({ example: 'api_token' }) entityType: string;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'What the action recorded (its fields differ by action).',
  })
  details: Record<string, unknown> | null;
}

export class AuditPageView {
  @ApiProperty({ type: [AuditEntryView], description: 'Newest first.' }) items: AuditEntryView[];
  @ApiProperty({ description: 'Entries matching the filters.' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
