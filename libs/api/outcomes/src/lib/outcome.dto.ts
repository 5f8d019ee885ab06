import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  keyMessageField,
  OUTCOME_STATUSES,
  type OutcomeTranslatedField,
  READER_LANGUAGES,
  type ReaderLanguage,
  RECOMMENDATION_KINDS,
  STAKEHOLDER_GROUPS,
  type ContentTranslations,
  type LinkContributionsRequest,
  type ListRecommendationsRequest,
  type OutcomeStatus,
  type PatchOutcomeRequest,
  type PutOutcomeRequest,
  type RecommendationKind,
  type RecommendationRequest,
  type ReturnOutcomeRequest,
  type StakeholderGroup,
} from '@gfmd/contracts';
import {
  IsArrayOf,
  IsContentTranslations,
  IsPlainText,
  Nullable,
  OptionalButNotNull,
  translationsProperty,
} from '@gfmd/api-platform';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class RecommendationDto implements RecommendationRequest {
  @ApiPropertyOptional({ description: 'The id of a recommendation of this outcome; none for a new one.' })
  @OptionalButNotNull()
  @IsUUID()
  id?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(5000) @IsPlainText(true) text: string;
  @ApiProperty({ enum: RECOMMENDATION_KINDS }) @IsIn(RECOMMENDATION_KINDS) kind: RecommendationKind;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  themeIds: string[];
  @ApiProperty({ enum: STAKEHOLDER_GROUPS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(STAKEHOLDER_GROUPS, { each: true })
  addressedTo: StakeholderGroup[];
  @ApiPropertyOptional({ nullable: true, description: 'The space it came from.' })
  @Nullable()
  @IsUUID()
  spaceId?: string | null;
  @ApiPropertyOptional(
    translationsProperty('text', { fr: { text: 'Les États devraient…' } }, "the dialogue's first language"),
  )
  @IsOptional()
  @IsContentTranslations({ text: { max: 5000, multiline: true } })
  translations?: ContentTranslations<'text'>;
  @ApiPropertyOptional({ description: 'Read-only (the language `text` was read in); ignored.' })
  @IsOptional()
  @IsIn(READER_LANGUAGES)
  textLang?: ReaderLanguage;
  @ApiPropertyOptional({ description: 'Read-only; ignored.' }) @IsOptional() @IsObject() missingTranslations?: object;
  @ApiPropertyOptional({
    type: [String],
    description: 'Read-only (the languages translated that the dialogue does not list); ignored.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsIn(READER_LANGUAGES, { each: true })
  unlistedLanguages?: ReaderLanguage[];
}

/** What may be translated in an outcome: the summary and each key message by position (as long as the field itself). */
export const OUTCOME_TRANSLATION_LIMITS: Record<string, { max: number; multiline: boolean }> = {
  summary: { max: 20000, multiline: true },
  ...Object.fromEntries(
    Array.from({ length: 50 }, (_, i) => [keyMessageField(i), { max: 2000, multiline: true }] as const),
  ),
};

export class PutOutcomeDto implements PutOutcomeRequest {
  @ApiPropertyOptional() @OptionalButNotNull() @IsString() @MaxLength(20000) @IsPlainText(true) summary?: string;
  @ApiPropertyOptional({ type: [String] })
  @OptionalButNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(2000, { each: true })
  @IsPlainText(true, { each: true })
  keyMessages?: string[];
  @ApiPropertyOptional(
    translationsProperty(
      'summary, "keyMessages.0", "keyMessages.1"…',
      { fr: { summary: 'Le dialogue a…', 'keyMessages.0': 'La mobilité est une responsabilité partagée.' } },
      "the dialogue's first language",
    ),
  )
  @IsOptional()
  @IsContentTranslations(OUTCOME_TRANSLATION_LIMITS)
  translations?: ContentTranslations<OutcomeTranslatedField>;
  @ApiPropertyOptional({ description: 'Read-only (the language `summary` was read in); ignored.' })
  @IsOptional()
  @IsIn(READER_LANGUAGES)
  summaryLang?: ReaderLanguage;
  @ApiPropertyOptional({ description: 'Read-only (the language of each key message as read); ignored.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsIn(READER_LANGUAGES, { each: true })
  keyMessagesLang?: ReaderLanguage[];
  @ApiPropertyOptional({ description: 'Read-only; ignored.' }) @IsOptional() @IsObject() missingTranslations?: object;
  @ApiPropertyOptional({
    type: [String],
    description: 'Read-only (the languages translated that the dialogue does not list); ignored.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsIn(READER_LANGUAGES, { each: true })
  unlistedLanguages?: ReaderLanguage[];
  @ApiPropertyOptional({ type: [String], description: 'Staff users who draft the outcome (organizers only).' })
  @OptionalButNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  rapporteurUserIds?: string[];
  @ApiProperty({ type: [RecommendationDto] })
  @IsArrayOf(() => RecommendationDto)
  @ArrayMaxSize(500)
  recommendations: RecommendationDto[];
  @ApiPropertyOptional({ enum: OUTCOME_STATUSES, description: 'Read-only; ignored.' })
  @OptionalButNotNull()
  @IsIn(OUTCOME_STATUSES)
  status?: OutcomeStatus;
  @ApiProperty({ description: 'The version this copy was read at (0 for a new outcome).' })
  @IsInt()
  @Min(0)
  version: number;
}

export class PatchOutcomeDto implements PatchOutcomeRequest {
  @ApiPropertyOptional({ type: [String] })
  @OptionalButNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  rapporteurUserIds?: string[];
  @ApiProperty() @IsInt() @Min(0) version: number;
}

export class ReturnOutcomeDto implements ReturnOutcomeRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(5000) @IsPlainText(true) comment: string;
}

export class OutcomeDiffQuery {
  @ApiPropertyOptional() @OptionalButNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000) from?: number;
  @ApiPropertyOptional() @OptionalButNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000) to?: number;
}

export class ListRecommendationsQuery implements ListRecommendationsRequest {
  @ApiPropertyOptional({ description: 'Full text, in English, French or Spanish.' })
  @OptionalButNotNull()
  @IsString()
  @MaxLength(200)
  @IsPlainText()
  q?: string;
  @ApiPropertyOptional() @OptionalButNotNull() @IsUUID() themeId?: string;
  @ApiPropertyOptional() @OptionalButNotNull() @IsUUID() informalSessionId?: string;
  @ApiPropertyOptional() @OptionalButNotNull() @IsUUID() dialogueId?: string;
  @ApiPropertyOptional({ enum: RECOMMENDATION_KINDS })
  @OptionalButNotNull()
  @IsIn(RECOMMENDATION_KINDS)
  kind?: RecommendationKind;
  @ApiPropertyOptional({ enum: STAKEHOLDER_GROUPS })
  @OptionalButNotNull()
  @IsIn(STAKEHOLDER_GROUPS)
  addressedTo?: StakeholderGroup;
  @ApiPropertyOptional() @OptionalButNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional() @OptionalButNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

/** PUT /dialogues/:id/outcome/recommendations/:recommendationId/contributions */
export class LinkContributionsDto implements LinkContributionsRequest {
  @ApiProperty({
    type: [String],
    description: 'Accepted contributions of this dialogue (replaces the list; [] unlinks all).',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  contributionIds: string[];
}
