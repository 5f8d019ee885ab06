import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SPACE_ACCESS,
  SPACE_KINDS,
  STAKEHOLDER_GROUPS,
  type ContentTranslations,
  type SpaceAccess,
  type SpaceKind,
  type SpaceTranslatedField,
  type StakeholderGroup,
  type CreateSpaceRequest,
  type UpdateSpaceRequest,
} from '@gfmd/contracts';
import { IsContentTranslations, IsPlainText, Nullable, OptionalButNotNull, PatchType } from '@gfmd/api-platform';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

/** The translated fields of a space and their limits (the same as the columns' own). */
export const SPACE_TRANSLATION_LIMITS = {
  name: { max: 200 },
  description: { max: 5000, multiline: true },
} satisfies Record<SpaceTranslatedField, { max: number; multiline?: boolean }>;

export class CreateSpaceDto implements CreateSpaceRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) @IsPlainText() name: string;
  @ApiProperty({ enum: SPACE_KINDS }) @IsIn(SPACE_KINDS) kind: SpaceKind;
  @ApiPropertyOptional({ enum: STAKEHOLDER_GROUPS, nullable: true })
  @Nullable()
  @IsIn(STAKEHOLDER_GROUPS)
  coordinatingGroup?: StakeholderGroup | null;
  @ApiPropertyOptional({ type: [String], description: 'Staff users with the coordinator role.' })
  @OptionalButNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  coordinatorUserIds?: string[];
  @ApiPropertyOptional({ nullable: true, description: 'Seats; null for no limit of its own.' })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(100000)
  capacity?: number | null;
  @ApiPropertyOptional({ enum: SPACE_ACCESS, default: 'open' })
  @OptionalButNotNull()
  @IsIn(SPACE_ACCESS)
  access?: SpaceAccess;
  @ApiPropertyOptional({
    enum: STAKEHOLDER_GROUPS,
    isArray: true,
    nullable: true,
    description: 'Required for group_only.',
  })
  @Nullable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(STAKEHOLDER_GROUPS, { each: true })
  allowedGroups?: StakeholderGroup[] | null;
  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsString()
  @MaxLength(5000)
  @IsPlainText(true)
  description?: string | null;
  @ApiPropertyOptional({ type: [String], description: 'Room names, unique (case-insensitive) and non-empty.' })
  @OptionalButNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  @IsPlainText(false, { each: true })
  rooms?: string[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { fr: { name: 'Plénière', description: '…' } },
    description:
      'The other languages\' words (keys: ar, en, es, fr, ru, zh; fields: name ≤ 200, description ≤ 5000); on a PATCH each field sent replaces the stored one, "" or null removes it. A coordinator of the space may send the description\'s only.',
  })
  @OptionalButNotNull()
  @IsContentTranslations(SPACE_TRANSLATION_LIMITS)
  translations?: ContentTranslations<SpaceTranslatedField>;
}

export class UpdateSpaceDto extends PatchType(CreateSpaceDto) implements UpdateSpaceRequest {}

/**
 * What a coordinator of the space may change; everything else is the organizer's. In
 * `translations`, only the description's (the name is the organizer's in every language).
 */
export const COORDINATOR_EDITABLE: readonly (keyof UpdateSpaceDto)[] = ['description', 'rooms', 'translations'];
export const COORDINATOR_TRANSLATABLE: readonly SpaceTranslatedField[] = ['description'];
