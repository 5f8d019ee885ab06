import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@gfmd/contracts';
import { IsEmailAddress } from '@gfmd/api-platform';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin@gfmd.local' })
  @IsEmailAddress()
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}
