import { ApiProperty } from '@nestjs/swagger';
import { IsPlainText } from '@gfmd/api-platform';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class SpaceMessageDto {
  @ApiProperty({ description: 'Plain text; shown escaped in the email.', maxLength: 5000 })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  @IsPlainText(true)
  message: string;
}
