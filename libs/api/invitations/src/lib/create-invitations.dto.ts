import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INVITATION_STATUSES,
  LANGUAGES,
  STAKEHOLDER_GROUPS,
  type InvitationStatus,
  type Language,
  type StakeholderGroup,
  type CreateInvitationsRequest,
  type InvitationRecipientRequest,
  type ListInvitationsRequest,
} from '@gfmd/contracts';
import {
  EMAIL_MAX_LENGTH,
  IsArrayOf,
  IsEmailAddress,
  IsPersonName,
  IsPlainText,
  NAME_MAX_LENGTH,
  OptionalButNotNull,
} from '@gfmd/api-platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** Up to this many recipients in one call. */
export const MAX_RECIPIENTS = 10_000;

export class InvitationRecipientDto implements InvitationRecipientRequest {
  @ApiProperty({ maxLength: EMAIL_MAX_LENGTH })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmailAddress()
  email: string;
  /** Shown in the greeting of the email: a name, never a link (no control characters, so never a header either). */
  @ApiPropertyOptional({ maxLength: NAME_MAX_LENGTH }) @OptionalButNotNull() @IsPersonName() name?: string;
  @ApiPropertyOptional({ enum: STAKEHOLDER_GROUPS })
  @OptionalButNotNull()
  @IsIn(STAKEHOLDER_GROUPS)
  stakeholderGroup?: StakeholderGroup;
  @ApiPropertyOptional({ enum: LANGUAGES }) @OptionalButNotNull() @IsIn(LANGUAGES) preferredLanguage?: Language;
}

export class CreateInvitationsDto implements CreateInvitationsRequest {
  @ApiProperty({ type: [InvitationRecipientDto], maxItems: MAX_RECIPIENTS })
  @IsArrayOf(() => InvitationRecipientDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RECIPIENTS)
  recipients: InvitationRecipientDto[];

  @ApiPropertyOptional({ type: [String] })
  @OptionalButNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  spaceIds?: string[];
  /** A personal note from the organizers, shown in the email (plain text, line breaks kept). */
  @ApiPropertyOptional() @OptionalButNotNull() @IsString() @MaxLength(5000) @IsPlainText(true) message?: string;
}

export class ListInvitationsQuery implements ListInvitationsRequest {
  @ApiPropertyOptional({ enum: INVITATION_STATUSES })
  @OptionalButNotNull()
  @IsIn(INVITATION_STATUSES)
  status?: InvitationStatus;
  @ApiPropertyOptional() @OptionalButNotNull() @IsString() @MaxLength(254) @IsPlainText() q?: string;
  @ApiPropertyOptional() @OptionalButNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional() @OptionalButNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}
