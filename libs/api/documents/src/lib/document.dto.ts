import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DOCUMENT_KINDS,
  DOCUMENT_LANGUAGES,
  DOCUMENT_OWNER_TYPES,
  DOCUMENT_VISIBILITIES,
  type DocumentKind,
  type DocumentLanguage,
  type DocumentOwnerType,
  type DocumentVisibility,
  type PatchDocumentRequest,
  type ReaderLanguage,
} from '@gfmd/contracts';
import { IsPlainText, Nullable } from '@gfmd/api-platform';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

/**
 * The text fields of `POST /documents` (multipart/form-data, beside the `file` part). Titles per
 * language are fields `title.en`, `title.fr`… (`title` alone is the title in the file's language).
 */
export class UploadDocumentDto {
  @ApiProperty({ enum: DOCUMENT_OWNER_TYPES }) @IsIn(DOCUMENT_OWNER_TYPES) ownerType!: DocumentOwnerType;
  @ApiProperty({ format: 'uuid', description: "The owner's id (an outcome: its dialogue's id)." })
  @IsUUID()
  ownerId!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) @IsIn(DOCUMENT_KINDS) kind!: DocumentKind;
  @ApiProperty({ enum: DOCUMENT_VISIBILITIES }) @IsIn(DOCUMENT_VISIBILITIES) visibility!: DocumentVisibility;
  @ApiProperty({ enum: DOCUMENT_LANGUAGES }) @IsIn(DOCUMENT_LANGUAGES) language!: DocumentLanguage;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) @IsPlainText() title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) @IsPlainText() 'title.en'?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) @IsPlainText() 'title.fr'?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) @IsPlainText() 'title.es'?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) @IsPlainText() 'title.ar'?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) @IsPlainText() 'title.ru'?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) @IsPlainText() 'title.zh'?: string;
}

/** The multipart body as OpenAPI shows it. */
export class UploadDocumentBody extends UploadDocumentDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'The file (MAX_UPLOAD_MB, type checked from its bytes).',
  })
  file!: unknown;
}

/** A document's title in the six languages; null or "" removes one (a language outside the six is an unknown field). */
export class DocumentTitlesDto implements Partial<Record<ReaderLanguage, string | null>> {
  @ApiPropertyOptional({ nullable: true }) @Nullable() @IsString() @MaxLength(300) @IsPlainText() en?: string | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @IsString() @MaxLength(300) @IsPlainText() fr?: string | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @IsString() @MaxLength(300) @IsPlainText() es?: string | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @IsString() @MaxLength(300) @IsPlainText() ar?: string | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @IsString() @MaxLength(300) @IsPlainText() ru?: string | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @IsString() @MaxLength(300) @IsPlainText() zh?: string | null;
}

/** PATCH /documents/:id: the title in some languages (merged over the stored ones). */
export class PatchDocumentDto implements PatchDocumentRequest {
  @ApiProperty({
    type: DocumentTitlesDto,
    example: { fr: 'Note conceptuelle', ar: 'مذكرة مفاهيمية', es: null },
    description: 'A language sent replaces its title; "" or null removes it; languages not sent are kept.',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => DocumentTitlesDto)
  title!: DocumentTitlesDto;
}
