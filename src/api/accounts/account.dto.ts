import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import type { Role } from '../../entities/index.js';
import { ROLES } from '../auth/actor.js';
import { IsOmittable } from '../common/dto-validators.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-hash.js';

const CODE = /^[A-Za-z0-9_.-]{1,32}$/;

export class SignInDto {
  @ApiProperty({ example: 'thuky@snv.example.gov.vn' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'mật-khẩu-đủ-dài', format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class SetPasswordDto {
  @ApiProperty({ description: 'The token of the invitation or reset link (its `token=`).' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'token is not a link token of this service' })
  token: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    format: 'password',
  })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, {
    message: `password must be at least ${PASSWORD_MIN_LENGTH} characters`,
  })
  @MaxLength(PASSWORD_MAX_LENGTH)
  @Matches(/\S/, { message: 'password must not be blank' })
  password: string;
}

export class PasswordResetDto {
  @ApiProperty({ example: 'thuky@snv.example.gov.vn' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  email: string;
}

export class InviteAccountDto {
  @ApiProperty({ example: 'cchc.snv@example.gov.vn' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'Nguyễn Văn A' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fullName: string;

  @ApiProperty({ enum: ROLES, example: 'unit' })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ example: 'SNV', description: 'For role "unit": the unit it acts for.' })
  @IsOptional()
  @Matches(CODE, { message: 'unitCode must be a unit code' })
  unitCode?: string;

  @ApiPropertyOptional({
    example: 'STP',
    description: 'For role "appraiser": the agency it appraises for.',
  })
  @IsOptional()
  @Matches(CODE, { message: 'agencyCode must be an agency code' })
  agencyCode?: string;
}

export class UpdateAccountDto {
  @ApiPropertyOptional({ example: 'Nguyễn Văn B' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fullName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOmittable()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: 'SNV', nullable: true })
  @IsOptional()
  @Matches(CODE, { message: 'unitCode must be a unit code' })
  unitCode?: string | null;

  @ApiPropertyOptional({ example: 'STP', nullable: true })
  @IsOptional()
  @Matches(CODE, { message: 'agencyCode must be an agency code' })
  agencyCode?: string | null;

  @ApiPropertyOptional({ description: 'true: signs the person out at once and refuses sign-in.' })
  @IsOmittable()
  @IsBoolean()
  disabled?: boolean;
}

export class AccountView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'cchc.snv@example.gov.vn' }) email: string;
  @ApiProperty({ example: 'Nguyễn Văn A' }) fullName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, nullable: true, example: 'SNV' }) unitCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) agencyCode: string | null;
  @ApiProperty({ description: 'Whether a password was set (false: invitation not yet used).' })
  passwordSet: boolean;
  @ApiProperty() disabled: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) disabledAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSignInAt: string | null;
}

/** Who is calling: a person's account (session) or a machine token. */
export class MeView {
  @ApiProperty({ enum: ['session', 'token'] }) via: 'session' | 'token';
  @ApiProperty({ type: AccountView, nullable: true, description: 'null for a machine token.' })
  account: AccountView | null;
  @ApiProperty({ example: 'Nguyễn Văn A <cchc.snv@example.gov.vn>' }) name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, nullable: true }) unitCode: string | null;
  @ApiProperty({ type: String, nullable: true }) agencyCode: string | null;
}

export class PasswordSetView {
  @ApiProperty({ example: 'cchc.snv@example.gov.vn' }) email: string;
  @ApiProperty({ example: 'Đã đặt mật khẩu. Vui lòng đăng nhập.' }) message: string;
}

export class AcceptedView {
  @ApiProperty({
    example: 'Nếu địa chỉ này có tài khoản, một liên kết đặt lại mật khẩu đã được gửi tới hộp thư.',
  })
  message: string;
}
