import { ApiProperty } from '@nestjs/swagger';
import type { SpaceMessageRequest } from '@gfmd/contracts';
import { IsPlainText } from '@gfmd/api-platform';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class SpaceMessageDto implements SpaceMessageRequest {
  @ApiProperty({ description: 'Plain text; shown escaped in the email.', maxLength: 5000 })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  @IsPlainText(true)
  message: string;
}
