import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role, type CreateUserRequest } from '@gfmd/contracts';
import { IsEmailAddress, IsPlainText } from '@gfmd/api-platform';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty() @IsEmailAddress() email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) @IsPlainText() name: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(200) password: string;
}
