import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ContentTranslations, CreateInformalSessionRequest, UpdateInformalSessionRequest } from '@gfmd/contracts';
import {
  IsContentTranslations,
  translationsProperty,
  IsPlainText,
  OptionalButNotNull,
  PatchType,
} from '@gfmd/api-platform';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsTimeZone } from './validators';

export class CreateInformalSessionDto implements CreateInformalSessionRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'default: the GCM 2017–2018 process' })
  @OptionalButNotNull()
  @IsUUID()
  processId?: string;
  @ApiProperty() @IsInt() @Min(1) @Max(1_000_000) number: number;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) @IsPlainText() title: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() themeId: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) endsAt: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) @IsPlainText() venue: string;
  @ApiProperty({ example: 'Europe/Zurich' }) @IsTimeZone() timeZone: string;
  @ApiPropertyOptional(
    translationsProperty('title, venue', { fr: { title: 'Session thématique informelle…', venue: 'Genève' } }),
  )
  @IsOptional()
  @IsContentTranslations({ title: { max: 500 }, venue: { max: 300 } })
  translations?: ContentTranslations<'title' | 'venue'>;
}

export class UpdateInformalSessionDto
  extends PatchType(CreateInformalSessionDto)
  implements UpdateInformalSessionRequest {}
