import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LANGUAGES,
  REGISTRATION_STATUSES,
  STAKEHOLDER_GROUPS,
  type Language,
  type RegistrationStatus,
  type StakeholderGroup,
} from '@gfmd/contracts';
import { hasControlChars } from '@gfmd/api-platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
  ValidationOptions,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimOrNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** One line of text without control characters (CR, LF, NUL…): names, organizations. */
export function IsOneLine(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isOneLine',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must not contain control characters or line breaks`, ...options },
      validator: {
        validate: (v: unknown) => v === null || v === undefined || (typeof v === 'string' && !hasControlChars(v)),
      },
    });
}

/** Free text that may span lines but holds no other control characters. */
export function IsMultilineText(options?: ValidationOptions) {
  // eslint-disable-next-line no-control-regex
  const re = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isMultilineText',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must not contain control characters`, ...options },
      validator: { validate: (v: unknown) => v === null || v === undefined || (typeof v === 'string' && !re.test(v)) },
    });
}

/** The details a participant may change through the manage link (not the email, not the group). */
export class RegistrationDetailsDto {
  @ApiPropertyOptional({ maxLength: 40, example: 'Dr' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(40)
  @IsOneLine()
  title?: string | null;

  @ApiProperty({ maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsOneLine()
  firstName: string;

  @ApiProperty({ maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsOneLine()
  lastName: string;

  @ApiProperty({ maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsOneLine()
  organization: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(200)
  @IsOneLine()
  jobTitle?: string | null;

  @ApiProperty({ example: 'CH', description: 'ISO 3166-1 alpha-2' })
  @Transform(upper)
  @IsString()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as CH' })
  country: string;

  @ApiProperty({ enum: LANGUAGES }) @IsIn(LANGUAGES) preferredLanguage: Language;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(2000)
  @IsMultilineText()
  accessibilityNeeds?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  spaceIds?: string[];
}

/** "registration in" of docs/http-contract.md. */
export class CreateRegistrationDto extends RegistrationDetailsDto {
  @ApiProperty({ maxLength: 254 })
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  @IsEmail({ allow_display_name: false, allow_ip_domain: false })
  @IsOneLine()
  email: string;

  @ApiProperty({ enum: STAKEHOLDER_GROUPS }) @IsIn(STAKEHOLDER_GROUPS) stakeholderGroup: StakeholderGroup;

  @ApiProperty({ enum: [true] }) @Equals(true, { message: 'consent must be true' }) consent: true;

  @ApiPropertyOptional({ description: 'The token of an invitation link' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'invitationToken is malformed' })
  invitationToken?: string;
}

/** PATCH through the manage link: every detail optional. */
export class UpdateManagedRegistrationDto {
  @ApiPropertyOptional()
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(40)
  @IsOneLine()
  title?: string | null;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsOneLine()
  firstName?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsOneLine()
  lastName?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsOneLine()
  organization?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(200)
  @IsOneLine()
  jobTitle?: string | null;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(upper)
  @IsString()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as CH' })
  country?: string;
  @ApiPropertyOptional({ enum: LANGUAGES }) @IsOptional() @IsIn(LANGUAGES) preferredLanguage?: Language;
  @ApiPropertyOptional()
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(2000)
  @IsMultilineText()
  accessibilityNeeds?: string | null;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'The complete new set of spaces' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  spaceIds?: string[];
}

export class ListRegistrationsQuery {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;
  @ApiPropertyOptional({ enum: STAKEHOLDER_GROUPS })
  @IsOptional()
  @IsIn(STAKEHOLDER_GROUPS)
  stakeholderGroup?: StakeholderGroup;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() spaceId?: string;
  @ApiPropertyOptional({ description: 'Free text: name, email, organization' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  @IsOneLine()
  q?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}

/** Body of approve / decline: a space seat, or (without) the registration (organizers) or every seat of the coordinator's spaces. */
export class SeatDecisionDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() spaceId?: string;
}

export class ParticipantQuery {
  @ApiProperty() @Transform(trim) @IsString() @MaxLength(254) @IsEmail() email: string;
}
