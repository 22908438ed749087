import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsOmittable } from '../common/dto-validators.js';

const PHONE = /^[0-9+().\s-]{3,32}$/;
const PHONE_MESSAGE = 'phone must be 3-32 digits, spaces, "+", "-", ".", "(" or ")"';

export class CreateSecretariatContactDto {
  @ApiProperty({ example: 'Lê Thị Thư' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name: string;

  @ApiPropertyOptional({ example: 'Phó Trưởng phòng CCHC, Tổ trưởng Tổ thư ký', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  title?: string | null;

  @ApiProperty({ example: 'thuky.cchc@snv.example.gov.vn' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email: string;

  @ApiPropertyOptional({ example: '0270 3822 123', nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @ApiPropertyOptional({
    default: false,
    description: 'Trưởng / Tổ trưởng Tổ thư ký: escalations go (or are copied) to the head.',
  })
  @IsOmittable()
  @IsBoolean()
  isHead?: boolean;

  @ApiPropertyOptional({ default: true, description: 'Only active contacts receive mail.' })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

export class UpdateSecretariatContactDto {
  @ApiPropertyOptional({ example: 'Lê Thị Thư' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ nullable: true, description: 'null clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  title?: string | null;

  @ApiPropertyOptional({ example: 'thuky.cchc@snv.example.gov.vn' })
  @IsOmittable()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ nullable: true, description: 'null clears it.' })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  isHead?: boolean;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

export class SecretariatContactView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty() email: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty() isHead: boolean;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class SecretariatContactsImportSummary {
  @ApiProperty({ enum: ['json', 'xlsx', 'csv'] }) format: 'json' | 'xlsx' | 'csv';
  @ApiProperty({ nullable: true, type: String }) fileName: string | null;
  @ApiProperty({ type: [String], description: 'Addresses of the contacts created.' })
  created: string[];
  @ApiProperty({ type: [String], description: 'Addresses of the contacts changed.' })
  updated: string[];
  @ApiProperty({ type: [String] }) unchanged: string[];
}
