import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LANGUAGES,
  READER_LANGUAGES,
  RECOMMENDATION_KINDS,
  type AddSubscribersRequest,
  type ContentTranslations,
  type ReaderLanguage,
  type Language,
  type PutSynthesisRequest,
  type RecommendationKind,
  type SubscribeRequest,
  type SynthesisSection,
} from '@gfmd/contracts';
import {
  IsArrayOf,
  IsContentTranslations,
  IsEmailAddress,
  IsPersonName,
  IsPlainText,
  Nullable,
  OptionalButNotNull,
  translationsProperty,
} from '@gfmd/api-platform';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** A reference as outcomes give them (GFMD-GCM-T3-D12-R04); the check against published ones is the service's. */
const REFERENCE = /^[A-Za-z0-9-]{1,64}$/;

/** What may be translated in a section: its own title (300 characters in every language, one line). */
export const SECTION_TRANSLATION_LIMITS = { title: { max: 300 } };

export class SynthesisSectionDto implements SynthesisSection {
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) @Nullable() @IsUUID() themeId?: string | null;
  @ApiPropertyOptional({ nullable: true, enum: RECOMMENDATION_KINDS })
  @Nullable()
  @IsIn(RECOMMENDATION_KINDS)
  kind?: RecommendationKind | null;
  @ApiPropertyOptional({ nullable: true, description: 'A heading of its own in English (else: the theme and kind).' })
  @Nullable()
  @IsString()
  @MaxLength(300)
  @IsPlainText()
  title?: string | null;
  @ApiPropertyOptional(translationsProperty('title', { es: { title: 'Protección social' } }))
  @IsOptional()
  @IsContentTranslations(SECTION_TRANSLATION_LIMITS)
  translations?: ContentTranslations<'title'>;
  @ApiPropertyOptional({
    enum: READER_LANGUAGES,
    description: 'Read-only (the language `title` was read in); ignored.',
  })
  @IsOptional()
  @IsIn(READER_LANGUAGES)
  titleLang?: ReaderLanguage;
  @ApiPropertyOptional({ description: 'Read-only; ignored.' }) @IsOptional() @IsObject() missingTranslations?: object;
  @ApiProperty({ type: [String], description: 'References of published recommendations, in the order shown.' })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @Matches(REFERENCE, { each: true, message: 'each reference must look like GFMD-GCM-T3-D12-R04' })
  references: string[];
}

/**
 * The answer of GET, PUT and publish, as far as OpenAPI says: its heading (the other fields are
 * the `Synthesis` of @gfmd/contracts, docs/syntheses.md).
 */
export const SYNTHESIS_SCHEMA = {
  type: 'object',
  required: ['title', 'targetTitle', 'targetTitleLang'],
  properties: {
    title: {
      type: 'string',
      description:
        "The heading in the reader's language: a session's \"Informal thematic session {number}: {title}\" (the prefix in the server's words), a milestone's own title.",
    },
    titleLang: { type: 'string', enum: [...READER_LANGUAGES], description: 'The language `targetTitle` is in.' },
    sessionNumber: { type: 'integer', description: "A session's synthesis: the session's number." },
    targetTitle: {
      type: 'string',
      description:
        "The session's or milestone's own title, without the prefix, in the reader's language where translated: a client writes the heading in its own words around it.",
    },
    targetTitleLang: {
      type: 'string',
      enum: [...READER_LANGUAGES],
      description: 'The language `targetTitle` came in (else English, the source).',
    },
  },
};

/** What may be translated in a synthesis: its introduction (as long as the field itself). */
export const SYNTHESIS_TRANSLATION_LIMITS = { introduction: { max: 50_000, multiline: true } };

export class PutSynthesisDto implements PutSynthesisRequest {
  @ApiProperty() @IsString() @MaxLength(50_000) @IsPlainText(true) introduction: string;
  @ApiPropertyOptional(translationsProperty('introduction', { fr: { introduction: 'Les recommandations du FMMD…' } }))
  @IsOptional()
  @IsContentTranslations(SYNTHESIS_TRANSLATION_LIMITS)
  translations?: ContentTranslations<'introduction'>;
  @ApiPropertyOptional({ description: 'Read-only (the language `introduction` was read in); ignored.' })
  @IsOptional()
  @IsIn(READER_LANGUAGES)
  introductionLang?: ReaderLanguage;
  @ApiPropertyOptional({ description: 'Read-only; ignored.' }) @IsOptional() @IsObject() missingTranslations?: object;
  @ApiPropertyOptional({ nullable: true, description: 'null: the default, 7 days before the start.' })
  @Nullable()
  @IsISO8601({ strict: true })
  dueAt?: string | null;
  @ApiProperty({ type: [SynthesisSectionDto] })
  @IsArrayOf(() => SynthesisSectionDto)
  @ArrayMaxSize(100)
  sections: SynthesisSectionDto[];
  @ApiProperty({ description: 'The version read (0 before the first save); a stale one answers 409.' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  version: number;
}

export class SubscriberInDto {
  @ApiProperty() @IsEmailAddress() email: string;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @IsPersonName() name?: string | null;
  @ApiPropertyOptional({ enum: LANGUAGES }) @OptionalButNotNull() @IsIn(LANGUAGES) language?: Language;
}

export class AddSubscribersDto implements AddSubscribersRequest {
  @ApiProperty({ type: [SubscriberInDto] })
  @IsArrayOf(() => SubscriberInDto)
  @ArrayMaxSize(500)
  subscribers: SubscriberInDto[];
}

export class SubscribeDto implements SubscribeRequest {
  @ApiProperty() @IsEmailAddress() email: string;
  @ApiPropertyOptional({ enum: LANGUAGES }) @OptionalButNotNull() @IsIn(LANGUAGES) language?: Language;
}

export class SubscriptionTokenDto {
  @ApiProperty() @IsString() @Matches(/^[A-Za-z0-9_-]{20,128}$/) token: string;
}

export class DocumentQuery {
  /** Documented here; read by the platform for every route, which takes it out of the query (docs/i18n.md). */
  @ApiPropertyOptional({
    enum: READER_LANGUAGES,
    description:
      'The language of the document frame (headings, labels): ?lang=, else Accept-Language, else en (ar, ru, zh: English for now).',
  })
  lang?: Language;
  @ApiPropertyOptional({ description: 'Staff: the working copy instead of the published one.' })
  @OptionalButNotNull()
  @IsIn(['true', 'false'])
  preview?: 'true' | 'false';
}
