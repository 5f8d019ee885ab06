import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@gfmd/contracts';
import { IsEmail, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateUserDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) @Matches(/^[^\p{Cc}]*$/u, { message: 'name must not contain control characters' }) name: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(200) password: string;
}
