import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LANGUAGES,
  ROLES,
  type AdminPasswordResetRequest,
  type ConfirmPasswordResetRequest,
  type InviteUserRequest,
  type Language,
  type RequestPasswordResetRequest,
  type Role,
} from '@gfmd/contracts';
import { IsEmailAddress, IsPlainText, OptionalButNotNull } from '@gfmd/api-platform';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** POST /users/invitations: an admin invites a staff member by email. */
export class InviteUserDto implements InviteUserRequest {
  @ApiProperty() @IsEmailAddress() email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) @IsPlainText() name: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
  @ApiPropertyOptional({ enum: LANGUAGES }) @OptionalButNotNull() @IsIn(LANGUAGES) language?: Language;
}

/** POST /auth/password-reset: anyone asks for a reset link. */
export class RequestPasswordResetDto implements RequestPasswordResetRequest {
  @ApiProperty() @IsEmailAddress() email: string;
  @ApiPropertyOptional({ enum: LANGUAGES }) @OptionalButNotNull() @IsIn(LANGUAGES) language?: Language;
}

/** POST /users/:id/password-reset: an admin sends a reset link. */
export class AdminPasswordResetDto implements AdminPasswordResetRequest {
  @ApiPropertyOptional({ enum: LANGUAGES }) @OptionalButNotNull() @IsIn(LANGUAGES) language?: Language;
}

/** POST /auth/password-reset/confirm: sets the password from an emailed link. */
export class ConfirmPasswordResetDto implements ConfirmPasswordResetRequest {
  @ApiProperty() @IsString() @Matches(/^[A-Za-z0-9_-]{20,100}$/) token: string;
  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(200) password: string;
}
