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
} from '@gfmd/contracts';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

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
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) 'title.en'?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) 'title.fr'?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) 'title.es'?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) 'title.ar'?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) 'title.ru'?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) 'title.zh'?: string;
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
