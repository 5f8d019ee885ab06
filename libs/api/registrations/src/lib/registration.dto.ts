import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  ATTENDANCE_MODES,
  AWAITING_FILTERS,
  LANGUAGES,
  REGISTRATION_STATUSES,
  STAKEHOLDER_GROUPS,
  type Answers,
  type AttendanceMode,
  type AwaitingFilter,
  type Language,
  type RegistrationStatus,
  type StakeholderGroup,
  type CreateRegistrationRequest,
  type ListRegistrationsRequest,
  type RegistrationDetailsRequest,
  type DeclineRequest,
  type SeatDecisionRequest,
  type UpdateManagedRegistrationRequest,
} from '@gfmd/contracts';
import {
  CursorQueryDto,
  EMAIL_MAX_LENGTH,
  IsEmailAddress,
  IsPersonName,
  IsPlainText,
  NAME_MAX_LENGTH,
  Nullable,
  OptionalButNotNull,
  PatchType,
  PrecompiledValidation,
} from '@gfmd/api-platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsISO31661Alpha2,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimOrNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
const trimOrUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || undefined : value;
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** Longest organization name (the web form has the same limit). */
export const ORGANIZATION_MAX_LENGTH = 150;

/** The details a participant may change through the manage link (not the email, not the group). */
export class RegistrationDetailsDto implements RegistrationDetailsRequest {
  @ApiPropertyOptional({ maxLength: 40, example: 'Dr', nullable: true })
  @Nullable()
  @Transform(trimOrNull)
  @IsPersonName(40)
  title?: string | null;

  @ApiProperty({ maxLength: NAME_MAX_LENGTH })
  @Transform(trim)
  @MinLength(1)
  @IsPersonName()
  firstName: string;

  @ApiProperty({ maxLength: NAME_MAX_LENGTH })
  @Transform(trim)
  @MinLength(1)
  @IsPersonName()
  lastName: string;

  @ApiProperty({ maxLength: ORGANIZATION_MAX_LENGTH })
  @Transform(trim)
  @MinLength(1)
  @IsPersonName(ORGANIZATION_MAX_LENGTH)
  organization: string;

  @ApiPropertyOptional({ maxLength: 200, nullable: true })
  @Nullable()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(200)
  @IsPlainText()
  jobTitle?: string | null;

  @ApiProperty({ example: 'CH', description: 'ISO 3166-1 alpha-2' })
  @Transform(upper)
  @IsString()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as CH' })
  country: string;

  @ApiProperty({ enum: LANGUAGES }) @IsIn(LANGUAGES) preferredLanguage: Language;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true })
  @Nullable()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(2000)
  @IsPlainText(true)
  accessibilityNeeds?: string | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'The spaces asked for (on the manage link: the complete new set)',
  })
  @OptionalButNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  spaceIds?: string[];
}

/**
 * "registration in" of docs/http-contract.md. The public form of a registration rush: its body
 * takes the validation pipe's precompiled fast path (same checks; see precompiled-validation.ts).
 */
@PrecompiledValidation()
export class CreateRegistrationDto extends RegistrationDetailsDto implements CreateRegistrationRequest {
  @ApiProperty({ maxLength: EMAIL_MAX_LENGTH })
  @Transform(trim)
  @IsEmailAddress()
  email: string;

  @ApiProperty({ enum: STAKEHOLDER_GROUPS }) @IsIn(STAKEHOLDER_GROUPS) stakeholderGroup: StakeholderGroup;

  @ApiProperty({ enum: [true] }) @Equals(true, { message: 'consent must be true' }) consent: true;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "Answers to the dialogue's own questions by key (GET /dialogues/:id/questions), checked on the server",
  })
  @OptionalButNotNull()
  @IsObject()
  answers?: Answers;

  @ApiPropertyOptional({
    enum: ATTENDANCE_MODES,
    description: 'Hybrid dialogues (required there; ignored elsewhere): in person or online, each with its own seats',
  })
  @OptionalButNotNull()
  @IsIn(ATTENDANCE_MODES)
  attendance?: AttendanceMode;

  @ApiPropertyOptional({ description: 'The token of an invitation link' })
  @OptionalButNotNull()
  @IsString()
  @MaxLength(128)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'invitationToken is malformed' })
  invitationToken?: string;
}

/**
 * POST /dialogues/:id/registrations/staff: the public form's fields, without the consent box
 * (it is the participant's, not the staff member's) and without an invitation token.
 */
export class StaffCreateRegistrationDto extends OmitType(CreateRegistrationDto, [
  'consent',
  'invitationToken',
] as const) {}

/** ?dryRun of POST /dialogues/:id/registrations/import (a preview unless `false`). */
export class ImportRegistrationsQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'true', description: 'true: a preview, nothing written' })
  @OptionalButNotNull()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

/** PATCH through the manage link: any of the details; null clears title, jobTitle and accessibilityNeeds. */
export class UpdateManagedRegistrationDto
  extends PatchType(RegistrationDetailsDto)
  implements UpdateManagedRegistrationRequest
{
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      "The complete new set of answers to the dialogue's questions, checked like the form's (until the registration window closes)",
  })
  @OptionalButNotNull()
  @IsObject()
  answers?: Answers;

  @ApiPropertyOptional({
    enum: ATTENDANCE_MODES,
    description:
      'Hybrid dialogues: switch mode. A confirmed seat moves only when the other mode has room (409 attendance-full); a waiting or pending registration changes queue',
  })
  @OptionalButNotNull()
  @IsIn(ATTENDANCE_MODES)
  attendance?: AttendanceMode;
}

/** The registrations list's filters and page; the keyset cursor comes from CursorQueryDto. */
class RegistrationFilters {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @OptionalButNotNull()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;
  @ApiPropertyOptional({ enum: STAKEHOLDER_GROUPS })
  @OptionalButNotNull()
  @IsIn(STAKEHOLDER_GROUPS)
  stakeholderGroup?: StakeholderGroup;
  @ApiPropertyOptional({ format: 'uuid' }) @OptionalButNotNull() @IsUUID() spaceId?: string;
  @ApiPropertyOptional({
    enum: AWAITING_FILTERS,
    description:
      'space: confirmed registrations with a seat request pending approval (in spaceId, else in the spaces the caller may decide on); approval: that, or the registration itself pending',
  })
  @OptionalButNotNull()
  @IsIn(AWAITING_FILTERS)
  awaiting?: AwaitingFilter;
  @ApiPropertyOptional({ description: 'Free text: name, email, organization' })
  @OptionalButNotNull()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  @IsPlainText()
  q?: string;
  @ApiPropertyOptional({
    description: 'key:value — registrations whose answer to a choice or checkbox question is (or includes) value',
    example: 'interpretation:fr',
  })
  @OptionalButNotNull()
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,39}:[A-Za-z0-9_-]{1,60}$/, { message: 'answer must be key:value' })
  answer?: string;
  @ApiPropertyOptional() @OptionalButNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional() @OptionalButNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}

export class ListRegistrationsQuery
  extends CursorQueryDto(RegistrationFilters, {
    after: 'The rows after it in arrival order',
    before: 'The rows just before it, in arrival order',
    note: 'Ignored by the CSV export.',
  })
  implements ListRegistrationsRequest {}

/** Body of approve / decline: a space seat, or (without) the registration (organizers) or every seat of the coordinator's spaces. */
export class SeatDecisionDto implements SeatDecisionRequest {
  @ApiPropertyOptional({ format: 'uuid' }) @OptionalButNotNull() @IsUUID() spaceId?: string;
}

/** Longest decline reason (plain text, put in the decline email). */
export const DECLINE_REASON_MAX_LENGTH = 1000;

/** Body of decline: a seat (see SeatDecisionDto) and an optional reason for the email. */
export class DeclineDto extends SeatDecisionDto implements DeclineRequest {
  @ApiPropertyOptional({
    maxLength: DECLINE_REASON_MAX_LENGTH,
    description: 'Plain text, included in the decline email; never logged',
  })
  @OptionalButNotNull()
  @Transform(trimOrUndefined)
  @IsString()
  @MaxLength(DECLINE_REASON_MAX_LENGTH)
  @IsPlainText(true)
  reason?: string;
}

export class ParticipantQuery {
  @ApiProperty() @Transform(trim) @IsEmailAddress() email: string;
}
