import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INVITATION_STATUSES,
  LANGUAGES,
  STAKEHOLDER_GROUPS,
  type InvitationStatus,
  type Language,
  type StakeholderGroup,
} from '@gfmd/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** Up to this many recipients in one call. */
export const MAX_RECIPIENTS = 10_000;

// No control characters (CR/LF, NUL…) in a name: it is shown in emails and must never become a header.
// eslint-disable-next-line no-control-regex
const PLAIN = /^[^\u0000-\u001F\u007F-\u009F\u2028\u2029]*$/;

export class InvitationRecipientDto {
  @ApiProperty()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) @Matches(PLAIN, { message: 'name must be plain text' }) name?: string;
  @ApiPropertyOptional({ enum: STAKEHOLDER_GROUPS }) @IsOptional() @IsIn(STAKEHOLDER_GROUPS) stakeholderGroup?: StakeholderGroup;
  @ApiPropertyOptional({ enum: LANGUAGES }) @IsOptional() @IsIn(LANGUAGES) preferredLanguage?: Language;
}

export class CreateInvitationsDto {
  @ApiProperty({ type: [InvitationRecipientDto], maxItems: MAX_RECIPIENTS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RECIPIENTS)
  @ValidateNested({ each: true })
  @Type(() => InvitationRecipientDto)
  recipients: InvitationRecipientDto[];

  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) spaceIds?: string[];
  /** A personal note from the organizers, shown in the email (plain text, line breaks kept). */
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) message?: string;
}

export class ListInvitationsQuery {
  @ApiPropertyOptional({ enum: INVITATION_STATUSES }) @IsOptional() @IsIn(INVITATION_STATUSES) status?: InvitationStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(254) q?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}
