import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsOmittable, IsUnitCode } from '../common/dto-validators.js';

const GROUP = /^[A-Za-z0-9_-]{1,32}$/;
const GROUP_MESSAGE =
  'group must be 1-32 letters, digits, "_" or "-", e.g. department, district, commune';

export class UnitsQuery {
  @ApiPropertyOptional({ example: 'department', description: 'Only units of this group.' })
  @IsOptional()
  @Matches(GROUP, { message: GROUP_MESSAGE })
  group?: string;
}

export class CreateUnitDto {
  @ApiProperty({ example: 'SNV', description: 'Short stable code, used in workflow IDs.' })
  @IsUnitCode()
  code: string;

  @ApiProperty({ example: 'Sở Nội vụ' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name: string;

  @ApiProperty({ example: 'department' })
  @Matches(GROUP, { message: GROUP_MESSAGE })
  group: string;

  @ApiPropertyOptional({ example: 'cchc.snv@example.vn', nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'focalEmail must be an e-mail address' })
  @MaxLength(320)
  focalEmail?: string | null;

  @ApiPropertyOptional({ example: 'giamdoc.snv@example.vn', nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'headEmail must be an e-mail address' })
  @MaxLength(320)
  headEmail?: string | null;
}

/** The code cannot change: workflow IDs and search attributes carry it. */
export class UpdateUnitDto {
  @ApiPropertyOptional({ example: 'Sở Nội vụ' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ example: 'department' })
  @IsOmittable()
  @Matches(GROUP, { message: GROUP_MESSAGE })
  group?: string;

  @ApiPropertyOptional({
    example: 'cchc.snv@example.vn',
    nullable: true,
    description: 'null clears it.',
  })
  @IsOptional()
  @IsEmail({}, { message: 'focalEmail must be an e-mail address' })
  @MaxLength(320)
  focalEmail?: string | null;

  @ApiPropertyOptional({
    example: 'giamdoc.snv@example.vn',
    nullable: true,
    description: 'null clears it.',
  })
  @IsOptional()
  @IsEmail({}, { message: 'headEmail must be an e-mail address' })
  @MaxLength(320)
  headEmail?: string | null;
}

export class UnitSummaryView {
  @ApiProperty({ example: 'SNV' }) code: string;
  @ApiProperty({ example: 'Sở Nội vụ' }) name: string;
  @ApiProperty({ example: 'department' }) group: string;
}

export class UnitView extends UnitSummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: 'cchc.snv@example.vn' }) focalEmail:
    string | null;
  @ApiProperty({ nullable: true, type: String, example: 'giamdoc.snv@example.vn' }) headEmail:
    string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

/**
 * An item of GET /units: one schema for both audiences (a `oneOf` of UnitView and
 * UnitSummaryView matched a staff item twice, since every UnitView is a UnitSummaryView).
 */
export class UnitListItemView extends UnitSummaryView {
  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only.' }) id?: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'cchc.snv@example.vn',
    description: 'Staff only.',
  })
  focalEmail?: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'giamdoc.snv@example.vn',
    description: 'Staff only.',
  })
  headEmail?: string | null;
  @ApiPropertyOptional({ description: 'Staff only.' }) createdAt?: string;
  @ApiPropertyOptional({ description: 'Staff only.' }) updatedAt?: string;
}

export class UnitsImportSummary {
  @ApiProperty({ enum: ['json', 'xlsx'] }) format: 'json' | 'xlsx';
  @ApiProperty({ nullable: true, type: String, example: 'don-vi-2022.xlsx' }) fileName:
    string | null;
  @ApiProperty({ type: [String], description: 'Codes of the units created.' }) created: string[];
  @ApiProperty({ type: [String], description: 'Codes of the units changed.' }) updated: string[];
  @ApiProperty({ type: [String], description: 'Codes of the units already as in the file.' })
  unchanged: string[];
}
