import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DIALOGUE_FORMATS,
  DIALOGUE_STATUSES,
  READER_LANGUAGES,
  type ContentTranslations,
  type DialogueFormat,
  type DialogueStatus,
  type DialogueTranslatedField,
  type ReaderLanguage,
  type StakeholderQuotas,
  type CreateDialogueRequest,
  type ListDialoguesRequest,
  type UpdateDialogueRequest,
} from '@gfmd/contracts';
import { IsContentTranslations, IsPlainText, Nullable, OptionalButNotNull, PatchType } from '@gfmd/api-platform';
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
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsStakeholderQuotas, IsTimeZone } from './validators';

/** The translated fields of a dialogue and their limits (the same as the columns' own). */
export const DIALOGUE_TRANSLATION_LIMITS = {
  title: { max: 200 },
  summary: { max: 10000, multiline: true },
} satisfies Record<DialogueTranslatedField, { max: number; multiline?: boolean }>;

export class CreateDialogueDto implements CreateDialogueRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) @IsPlainText() title: string;
  @ApiPropertyOptional() @OptionalButNotNull() @IsString() @MaxLength(10000) @IsPlainText(true) summary?: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() informalSessionId: string;
  @ApiPropertyOptional({ type: [String] })
  @OptionalButNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  themeIds?: string[];
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) endsAt: string;
  @ApiProperty({ example: 'Europe/Zurich' }) @IsTimeZone() timeZone: string;
  @ApiPropertyOptional() @OptionalButNotNull() @IsString() @MaxLength(300) @IsPlainText() venue?: string;
  @ApiProperty({ enum: DIALOGUE_FORMATS }) @IsIn(DIALOGUE_FORMATS) format: DialogueFormat;
  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  onlineUrl?: string | null;
  @ApiProperty({ description: 'Seats; for a hybrid dialogue, the in-person seats' })
  @IsInt()
  @Min(0)
  @Max(100000)
  capacity: number;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Hybrid dialogues: the online seats, with their own waiting list (null: unlimited)',
  })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(100000)
  onlineCapacity?: number | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  @Nullable()
  @IsISO8601({ strict: true })
  registrationOpensAt?: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  @Nullable()
  @IsISO8601({ strict: true })
  registrationClosesAt?: string | null;
  @ApiPropertyOptional() @OptionalButNotNull() @IsBoolean() approvalRequired?: boolean;
  @ApiPropertyOptional({ example: { government: 40, civil_society: 30 }, nullable: true })
  @Nullable()
  @IsStakeholderQuotas()
  stakeholderQuotas?: StakeholderQuotas | null;
  @ApiPropertyOptional({
    enum: READER_LANGUAGES,
    isArray: true,
    default: ['en'],
    description:
      'The content languages, in order; the first is the source language `title` and `summary` are written in (and the fallback of every reader).',
  })
  @OptionalButNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(READER_LANGUAGES.length)
  @ArrayUnique()
  @IsIn(READER_LANGUAGES, { each: true })
  languages?: ReaderLanguage[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { fr: { title: 'Dialogue sur la mobilité', summary: '…' }, ar: { title: '…' } },
    description:
      'The other languages\' words (keys: ar, en, es, fr, ru, zh; fields: title ≤ 200, summary ≤ 10000). On a PATCH each field sent replaces the stored one, "" or null removes it. A language the dialogue does not list is accepted and named in `unlistedLanguages`.',
  })
  @OptionalButNotNull()
  @IsContentTranslations(DIALOGUE_TRANSLATION_LIMITS)
  translations?: ContentTranslations<DialogueTranslatedField>;
}

export class UpdateDialogueDto extends PatchType(CreateDialogueDto) implements UpdateDialogueRequest {}

export class ListDialoguesQuery implements ListDialoguesRequest {
  @ApiPropertyOptional({ enum: DIALOGUE_STATUSES })
  @OptionalButNotNull()
  @IsIn(DIALOGUE_STATUSES)
  status?: DialogueStatus;
  @ApiPropertyOptional() @OptionalButNotNull() @IsUUID() informalSessionId?: string;
  @ApiPropertyOptional() @OptionalButNotNull() @IsUUID() themeId?: string;
  @ApiPropertyOptional() @OptionalButNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional() @OptionalButNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}
