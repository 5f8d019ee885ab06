import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENDA_ITEM_KINDS,
  SPEAKER_ROLES,
  type AgendaItemKind,
  type AgendaItemTranslatedField,
  type ContentTranslations,
  type SpeakerRole,
  type AgendaItemRequest,
  type SpeakerRequest,
  type UpdateAgendaItemRequest,
} from '@gfmd/contracts';
import {
  IsArrayOf,
  IsContentTranslations,
  IsPlainText,
  Nullable,
  OptionalButNotNull,
  PatchType,
} from '@gfmd/api-platform';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

/**
 * An instant: ISO 8601 with a date, a time and an explicit offset or Z. A wall-clock time
 * without an offset would be ambiguous (whose zone?), so it is refused.
 */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const instantMessage = (field: string) =>
  `${field} must be an ISO 8601 instant with an offset, e.g. 2030-05-12T09:00:00+02:00 or …Z`;

export class SpeakerDto implements SpeakerRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) @IsPlainText() name: string;
  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsString()
  @MaxLength(200)
  @IsPlainText()
  organization?: string | null;
  @ApiProperty({ enum: SPEAKER_ROLES }) @IsIn(SPEAKER_ROLES) role: SpeakerRole;
}

/** The translated fields of an agenda item and their limits (the same as the columns' own). */
export const AGENDA_ITEM_TRANSLATION_LIMITS = {
  title: { max: 300 },
  description: { max: 5000, multiline: true },
} satisfies Record<AgendaItemTranslatedField, { max: number; multiline?: boolean }>;

export class CreateAgendaItemDto implements AgendaItemRequest {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Omit or null for the dialogue-wide programme.' })
  @Nullable()
  @IsUUID()
  spaceId?: string | null;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) @IsPlainText() title: string;
  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsString()
  @MaxLength(5000)
  @IsPlainText(true)
  description?: string | null;
  @ApiProperty({ enum: AGENDA_ITEM_KINDS }) @IsIn(AGENDA_ITEM_KINDS) kind: AgendaItemKind;
  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: instantMessage('startsAt') })
  @Matches(INSTANT, { message: instantMessage('startsAt') })
  startsAt: string;
  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: instantMessage('endsAt') })
  @Matches(INSTANT, { message: instantMessage('endsAt') })
  endsAt: string;
  @ApiPropertyOptional({
    nullable: true,
    description: "One of the space's rooms (or of any space's, for items without a space).",
  })
  @Nullable()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsPlainText()
  room?: string | null;
  @ApiPropertyOptional({ type: [SpeakerDto] })
  @OptionalButNotNull()
  @IsArrayOf(() => SpeakerDto)
  @ArrayMaxSize(50)
  speakers?: SpeakerDto[];
  @ApiPropertyOptional({ type: [String] })
  @OptionalButNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  themeIds?: string[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { fr: { title: 'Ouverture', description: '…' } },
    description:
      'The other languages\' words (keys: ar, en, es, fr, ru, zh; fields: title ≤ 300, description ≤ 5000); on a PATCH each field sent replaces the stored one, "" or null removes it.',
  })
  @OptionalButNotNull()
  @IsContentTranslations(AGENDA_ITEM_TRANSLATION_LIMITS)
  translations?: ContentTranslations<AgendaItemTranslatedField>;
}

export class UpdateAgendaItemDto extends PatchType(CreateAgendaItemDto) implements UpdateAgendaItemRequest {}

export class AgendaQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this space's items." })
  @OptionalButNotNull()
  @IsUUID()
  spaceId?: string;
}
