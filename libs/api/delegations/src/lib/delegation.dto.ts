import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DELEGATE_ROLES,
  LANGUAGES,
  STAKEHOLDER_GROUPS,
  type Answers,
  type CreateDelegationRequest,
  type DelegateRequest,
  type DelegateRole,
  type ImportDelegationsRequest,
  type Language,
  type StakeholderGroup,
  type UpdateDelegationRequest,
} from '@gfmd/contracts';
import { EMAIL_MAX_LENGTH, IsEmailAddress, IsPersonName, Nullable, OptionalButNotNull } from '@gfmd/api-platform';
import { RegistrationDetailsDto } from '@gfmd/api-registrations';
import { Transform } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsObject,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upperOrNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() || null : value;

/** Longest delegation name. */
export const DELEGATION_NAME_MAX_LENGTH = 150;
/** Most seats one delegation may hold (any dialogue's capacity bounds it further). */
export const DELEGATION_MAX_SEATS = 500;

/** "Delegation in" (POST /dialogues/:id/delegations). */
export class CreateDelegationDto implements CreateDelegationRequest {
  @ApiProperty({ maxLength: DELEGATION_NAME_MAX_LENGTH, example: 'Republic of Ghana' })
  @Transform(trim)
  @MinLength(1)
  @IsPersonName(DELEGATION_NAME_MAX_LENGTH)
  name: string;

  @ApiProperty({ enum: STAKEHOLDER_GROUPS }) @IsIn(STAKEHOLDER_GROUPS) stakeholderGroup: StakeholderGroup;

  @ApiPropertyOptional({ example: 'GH', nullable: true, description: 'ISO 3166-1 alpha-2' })
  @Nullable()
  @Transform(upperOrNull)
  @IsString()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as GH' })
  country?: string | null;

  @ApiProperty({ minimum: 1, maximum: DELEGATION_MAX_SEATS })
  @IsInt()
  @Min(1)
  @Max(DELEGATION_MAX_SEATS)
  seats: number;

  @ApiProperty({ maxLength: EMAIL_MAX_LENGTH, description: 'Receives the private link to the delegation' })
  @Transform(trim)
  @IsEmailAddress()
  focalPointEmail: string;

  @ApiPropertyOptional({
    enum: LANGUAGES,
    description:
      "The language of the focal point's emails and private link (/fr/…). Not sent: the dialogue's first language that emails are written in (en, fr, es, ar), else en.",
  })
  @OptionalButNotNull()
  @IsIn(LANGUAGES)
  focalPointLanguage?: Language;
}

/** PATCH /delegations/:id: a new focal point gets a new link (older ones stop working). */
export class UpdateDelegationDto implements UpdateDelegationRequest {
  @ApiPropertyOptional({ maxLength: DELEGATION_NAME_MAX_LENGTH })
  @OptionalButNotNull()
  @Transform(trim)
  @MinLength(1)
  @IsPersonName(DELEGATION_NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @Transform(upperOrNull)
  @IsString()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as GH' })
  country?: string | null;

  @ApiPropertyOptional({ minimum: 0, maximum: DELEGATION_MAX_SEATS, description: 'Never fewer than its delegates' })
  @OptionalButNotNull()
  @IsInt()
  @Min(0)
  @Max(DELEGATION_MAX_SEATS)
  seats?: number;

  @ApiPropertyOptional({ maxLength: EMAIL_MAX_LENGTH })
  @OptionalButNotNull()
  @Transform(trim)
  @IsEmailAddress()
  focalPointEmail?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @OptionalButNotNull()
  @IsIn(LANGUAGES)
  focalPointLanguage?: Language;
}

/** "delegate in": the registration fields (the group is the delegation's) and a role. */
export class DelegateDto extends RegistrationDetailsDto implements DelegateRequest {
  @ApiProperty({ maxLength: EMAIL_MAX_LENGTH })
  @Transform(trim)
  @IsEmailAddress()
  email: string;

  @ApiProperty({ enum: DELEGATE_ROLES }) @IsIn(DELEGATE_ROLES) role: DelegateRole;

  @ApiProperty({ enum: [true], description: 'The focal point confirms the delegate agreed to be registered' })
  @Equals(true, { message: 'consent must be true' })
  consent: true;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "Answers to the dialogue's own questions for the delegation's group, checked like the public form's",
  })
  @OptionalButNotNull()
  @IsObject()
  answers?: Answers;
}

/** Longest CSV accepted by the import (about 2,000 delegations). */
export const IMPORT_MAX_LENGTH = 200_000;

export class ImportDelegationsDto implements ImportDelegationsRequest {
  @ApiProperty({
    maxLength: IMPORT_MAX_LENGTH,
    description:
      "CSV with a header: name,stakeholderGroup,country,seats,focalPointEmail[,focalPointLanguage]. Without the column (or with an empty cell), a focal point's language is the dialogue's first language that emails are written in, else en.",
  })
  @IsString()
  @MinLength(1)
  @MaxLength(IMPORT_MAX_LENGTH)
  csv: string;

  @ApiPropertyOptional({ description: 'Check only: nothing is written' })
  @OptionalButNotNull()
  @IsBoolean()
  dryRun?: boolean;
}
