import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  REGISTRATION_STATUSES,
  STAKEHOLDER_GROUPS,
  type CheckInScanRequest,
  type DoorStaffRequest,
  type RegistrationStatus,
  type StakeholderGroup,
} from '@gfmd/contracts';
import { IsPlainText, OptionalButNotNull } from '@gfmd/api-platform';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** POST /check-in/scan: a code read from a QR (or typed), the dialogue the door checks in for, and the device's scan id. */
export class ScanDto implements CheckInScanRequest {
  @ApiPropertyOptional({
    description:
      'The signed check-in code the QR holds (C1…, 50 characters), or the desk code a person types (XXXX-XXXX: ' +
      'any case, spaces allowed, O read as 0, I and L as 1), which needs dialogueId and is looked up only there',
    maxLength: 64,
  })
  @OptionalButNotNull()
  @Transform(trim)
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_ -]+$/, { message: 'code must be a check-in code' })
  code?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Manual check-in: the registration chosen by name' })
  @OptionalButNotNull()
  @IsUUID()
  registrationId?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The dialogue the door checks in for (422 other-dialogue otherwise)',
  })
  @OptionalButNotNull()
  @IsUUID()
  dialogueId?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Chosen by the device; a replay of the same id never counts twice',
  })
  @OptionalButNotNull()
  @IsUUID()
  scanId?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the device scanned (offline scans)' })
  @OptionalButNotNull()
  @IsISO8601({ strict: true })
  scannedAt?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Room mode: the agenda item at whose door the scan is made (not with spaceId)',
  })
  @OptionalButNotNull()
  @IsUUID()
  agendaItemId?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Room mode: the space at whose door the scan is made (not with agendaItemId)',
  })
  @OptionalButNotNull()
  @IsUUID()
  spaceId?: string;
}

export class UndoScanDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() scanId: string;
}

/** PUT /dialogues/:id/door-staff: the whole list of door users assigned to the dialogue. */
export class DoorStaffDto implements DoorStaffRequest {
  @ApiProperty({ type: [String], description: 'Active staff users with the door role (the whole list; [] for none).' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  userIds: string[];
}

export class SearchQuery {
  @ApiProperty({ description: 'Name, organization or email', minLength: 2, maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  @IsPlainText()
  q: string;
}

export const BADGE_LAYOUTS = ['a4', 'single'] as const;
export type BadgeLayout = (typeof BADGE_LAYOUTS)[number];

export class BadgeQuery {
  @ApiPropertyOptional({
    enum: BADGE_LAYOUTS,
    description: 'a4: 8 badges (2×4) per A4 sheet; single: one badge per page (badge printers)',
  })
  @OptionalButNotNull()
  @IsIn(BADGE_LAYOUTS)
  layout?: BadgeLayout;
}

export class BadgesQuery extends BadgeQuery {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES, description: 'Default confirmed' })
  @OptionalButNotNull()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;
  @ApiPropertyOptional({ enum: STAKEHOLDER_GROUPS })
  @OptionalButNotNull()
  @IsIn(STAKEHOLDER_GROUPS)
  stakeholderGroup?: StakeholderGroup;
  @ApiPropertyOptional({ format: 'uuid' }) @OptionalButNotNull() @IsUUID() spaceId?: string;
}
