import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { IsCode, IsOmittable } from '../common/dto-validators.js';

/** Fields of an agency the secretariat maintains (all but the code). */
class AgencyFields {
  @ApiPropertyOptional({
    example: 'thamdinh.stp@example.vn',
    nullable: true,
    description: "The appraisal contact's address: the round's reminders go to it.",
  })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email?: string | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['chuyenvien.stp@example.vn'],
    description: 'Further addresses of the appraisal contact, in copy of the same mails.',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(10)
  @IsEmail({}, { each: true, message: 'ccEmails must be a list of e-mail addresses' })
  @MaxLength(320, { each: true })
  ccEmails?: string[];

  @ApiPropertyOptional({ example: 'Trần Thị B', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  contactName?: string | null;

  @ApiPropertyOptional({ example: 'Nguyễn Văn A', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  headName?: string | null;

  @ApiPropertyOptional({ example: 'Giám đốc', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  headTitle?: string | null;

  @ApiPropertyOptional({
    example: 'giamdoc.stp@example.vn',
    nullable: true,
    description: "The head's address: escalations of a late round go to it.",
  })
  @IsOptional()
  @IsEmail({}, { message: 'headEmail must be an e-mail address' })
  @MaxLength(320)
  headEmail?: string | null;
}

export class CreateAgencyDto extends AgencyFields {
  @ApiProperty({ example: 'STP', description: 'Short stable code the index sets name.' })
  @IsCode(32)
  code: string;

  @ApiProperty({ example: 'Sở Tư pháp' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name: string;
}

/** The code cannot change: index sets, accounts and the notification log name it. */
export class UpdateAgencyDto extends AgencyFields {
  @ApiPropertyOptional({ example: 'Sở Tư pháp' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({
    description:
      'false: the agency no longer exists (no mail goes to it; a plan naming it cannot be launched). true restores it.',
  })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    example: 'SNV',
    description:
      'The active agency that took over its work: marks this one inactive and re-points the criteria of draft campaigns to it.',
  })
  @IsOmittable()
  @IsCode(32)
  mergedInto?: string;
}

export class AgencyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SNV' }) code: string;
  @ApiProperty({ example: 'Sở Nội vụ' }) name: string;
  @ApiProperty({ nullable: true, type: String, example: 'thamdinh.snv@example.vn' })
  email: string | null;
  @ApiProperty({ type: [String] }) ccEmails: string[];
  @ApiProperty({ nullable: true, type: String }) contactName: string | null;
  @ApiProperty({ nullable: true, type: String }) headName: string | null;
  @ApiProperty({ nullable: true, type: String }) headTitle: string | null;
  @ApiProperty({ nullable: true, type: String }) headEmail: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ nullable: true, type: String }) mergedInto: string | null;
  @ApiProperty() updatedAt: string;
}

export class AgencyChangeView extends AgencyView {
  @ApiPropertyOptional({
    type: [String],
    description:
      'With mergedInto: the criteria of draft campaigns re-pointed to the new agency ("campaign/group/code").',
  })
  repointed?: string[];
  @ApiPropertyOptional({
    type: [String],
    description:
      'Launched campaigns whose index sets still name the inactive agency: their criteria keep it (scores already entered keep their agency).',
  })
  launchedCampaignsNamingIt?: string[];
}

export class AgenciesImportSummary {
  @ApiProperty({ enum: ['json', 'xlsx', 'csv'] }) format: 'json' | 'xlsx' | 'csv';
  @ApiProperty({ nullable: true, type: String }) fileName: string | null;
  @ApiProperty({ type: [String] }) created: string[];
  @ApiProperty({ type: [String] }) updated: string[];
  @ApiProperty({ type: [String] }) unchanged: string[];
}
