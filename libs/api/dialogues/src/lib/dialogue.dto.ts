import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  DIALOGUE_FORMATS,
  DIALOGUE_STATUSES,
  LANGUAGES,
  type DialogueFormat,
  type DialogueStatus,
  type Language,
  type StakeholderQuotas,
} from '@gfmd/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsPlainText, IsStakeholderQuotas, IsTimeZone } from './validators';

export class CreateDialogueDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) @IsPlainText() title: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) @IsPlainText(true) summary?: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() informalSessionId: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('all', { each: true })
  themeIds?: string[];
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) endsAt: string;
  @ApiProperty({ example: 'Europe/Zurich' }) @IsTimeZone() timeZone: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) @IsPlainText() venue?: string;
  @ApiProperty({ enum: DIALOGUE_FORMATS }) @IsIn(DIALOGUE_FORMATS) format: DialogueFormat;
  @ApiPropertyOptional()
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsUrl({ protocols: ['https', 'http'], require_protocol: true }) @MaxLength(500)
  onlineUrl?: string | null;
  @ApiProperty() @IsInt() @Min(0) @Max(100000) capacity: number;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsISO8601({ strict: true })
  registrationOpensAt?: string | null;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsISO8601({ strict: true })
  registrationClosesAt?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() approvalRequired?: boolean;
  @ApiPropertyOptional({ example: { government: 40, civil_society: 30 } })
  @IsOptional() @IsStakeholderQuotas()
  stakeholderQuotas?: StakeholderQuotas | null;
  @ApiPropertyOptional({ enum: LANGUAGES, isArray: true })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(LANGUAGES, { each: true })
  languages?: Language[];
}

export class UpdateDialogueDto extends PartialType(CreateDialogueDto) {}

export class ListDialoguesQuery {
  @ApiPropertyOptional({ enum: DIALOGUE_STATUSES }) @IsOptional() @IsIn(DIALOGUE_STATUSES) status?: DialogueStatus;
  @ApiPropertyOptional() @IsOptional() @IsUUID() informalSessionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() themeId?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}
