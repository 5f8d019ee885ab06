import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MILESTONE_KINDS,
  PHASE_KINDS,
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
import { IsPlainText, Nullable, PatchType } from '@gfmd/api-platform';
import {
  IsIn,
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
import { IsTimeZone } from './validators';

export class CreateProcessDto implements CreateProcessRequest {
  @ApiProperty({ example: 'gcm-2027', description: 'lower-case letters, digits and dashes' })
  @IsString()
  @MinLength(2)
  @MaxLength(80)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'slug must be lower-case letters, digits and single dashes' })
  slug: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) @IsPlainText() title: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) endsAt: string;
}

export class UpdateProcessDto extends PatchType(CreateProcessDto) implements UpdateProcessRequest {}

export class CreatePhaseDto implements CreatePhaseRequest {
  @ApiProperty({ enum: PHASE_KINDS }) @IsIn(PHASE_KINDS) kind: PhaseKind;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) @IsPlainText() title: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) endsAt: string;
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
