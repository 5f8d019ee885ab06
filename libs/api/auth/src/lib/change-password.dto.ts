import { ApiProperty } from '@nestjs/swagger';
import type { ChangePasswordRequest } from '@gfmd/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** POST /auth/password: a signed-in staff member changes their own password. */
export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) currentPassword: string;
  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(200) newPassword: string;
}
