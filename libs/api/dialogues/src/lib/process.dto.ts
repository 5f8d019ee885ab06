import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MILESTONE_KINDS,
  PHASE_KINDS,
  type ContentTranslations,
  type CreateMilestoneRequest,
  type CreatePhaseRequest,
  type CreateProcessRequest,
  type CreateThemeRequest,
  type MilestoneKind,
  type PhaseKind,
  type ShiftDialogueRequest,
  type UpdateMilestoneRequest,
  type UpdatePhaseRequest,
  type UpdateProcessRequest,
  type UpdateThemeRequest,
} from '@gfmd/contracts';
import {
  IsContentTranslations,
  translationsProperty,
  IsPlainText,
  Nullable,
  OptionalButNotNull,
  PatchType,
} from '@gfmd/api-platform';
import {
  IsIn,
  IsOptional,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  NotEquals,
} from 'class-validator';

const TITLE_300 = { title: { max: 300 } };
const TITLE_500 = { title: { max: 500 } };
import { IsTimeZone } from './validators';

/** A process code: 2 to 10 upper-case letters and digits, starting with a letter. */
export const PROCESS_CODE_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;

/** `gfmd-2027` → `GFMD2027`: the default code of a process, from its slug. */
export function processCodeFromSlug(slug: string): string {
  const letters = slug.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const code = (/^[A-Z]/.test(letters) ? letters : `P${letters}`).slice(0, 10);
  return code.length >= 2 ? code : `${code}X`;
}

export class CreateProcessDto implements CreateProcessRequest {
  @ApiProperty({ example: 'gcm-2027', description: 'lower-case letters, digits and dashes' })
  @IsString()
  @MinLength(2)
  @MaxLength(80)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'slug must be lower-case letters, digits and single dashes' })
  slug: string;
  @ApiPropertyOptional({
    example: 'GCM',
    description:
      'In recommendation references (GFMD-<code>-T3-D12-R04): 2 to 10 upper-case letters and digits, unique. ' +
      'Default: made from the slug. References already published never change.',
  })
  @OptionalButNotNull()
  @IsString()
  @Matches(PROCESS_CODE_PATTERN, {
    message: 'code must be 2 to 10 upper-case letters and digits, starting with a letter',
  })
  code?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) @IsPlainText() title: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) endsAt: string;
  @ApiPropertyOptional(translationsProperty('title', { fr: { title: 'Processus…' } }))
  @IsOptional()
  @IsContentTranslations(TITLE_300)
  translations?: ContentTranslations<'title'>;
}

export class UpdateProcessDto extends PatchType(CreateProcessDto) implements UpdateProcessRequest {}

export class CreatePhaseDto implements CreatePhaseRequest {
  @ApiProperty({ enum: PHASE_KINDS }) @IsIn(PHASE_KINDS) kind: PhaseKind;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) @IsPlainText() title: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) endsAt: string;
  @ApiPropertyOptional(translationsProperty('title', { fr: { title: 'Consultations' } }))
  @IsOptional()
  @IsContentTranslations(TITLE_300)
  translations?: ContentTranslations<'title'>;
}

export class UpdatePhaseDto extends PatchType(CreatePhaseDto) implements UpdatePhaseRequest {}

export class CreateMilestoneDto implements CreateMilestoneRequest {
  @ApiProperty({ enum: MILESTONE_KINDS }) @IsIn(MILESTONE_KINDS) kind: MilestoneKind;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) @IsPlainText() title: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) startsAt: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  @Nullable()
  @IsISO8601({ strict: true })
  endsAt?: string | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @IsString() @MaxLength(300) @IsPlainText() venue?: string | null;
  @ApiProperty({ example: 'Africa/Casablanca' }) @IsTimeZone() timeZone: string;
  @ApiPropertyOptional(
    translationsProperty('title, venue', { fr: { title: 'Conférence', venue: 'Marrakech (Maroc)' } }),
  )
  @IsOptional()
  @IsContentTranslations({ title: { max: 300 }, venue: { max: 300 } })
  translations?: ContentTranslations<'title' | 'venue'>;
}

export class UpdateMilestoneDto extends PatchType(CreateMilestoneDto) implements UpdateMilestoneRequest {}

export class CreateThemeDto implements CreateThemeRequest {
  @ApiProperty({ example: 'T7' })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'code must be letters, digits, dots, dashes or underscores' })
  code: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) @IsPlainText() title: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @Nullable() @IsUUID() processId?: string | null;
  @ApiPropertyOptional(translationsProperty('title', { fr: { title: 'Migration et développement' } }))
  @IsOptional()
  @IsContentTranslations(TITLE_500)
  translations?: ContentTranslations<'title'>;
}

export class UpdateThemeDto extends PatchType(CreateThemeDto) implements UpdateThemeRequest {}

export class ShiftDialogueDto implements ShiftDialogueRequest {
  @ApiProperty({ description: 'whole minutes, negative to move earlier; at most a year either way' })
  @IsInt()
  @NotEquals(0)
  @Min(-527_040)
  @Max(527_040)
  byMinutes: number;
}
