import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmailAddress, IsPersonName, IsPlainText, Nullable } from '@gfmd/api-platform';
import { LANGUAGES, STAKEHOLDER_GROUPS, type Language, type StakeholderGroup } from '@gfmd/contracts';
import { Transform } from 'class-transformer';
import { Equals, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** `POST /dialogues/:id/contributions`: JSON, or multipart/form-data with these fields and an optional `file`. */
export class CreateContributionDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(3) @MaxLength(200) @IsPlainText() title!: string;
  @ApiProperty({ maxLength: 20000, description: 'Plain text (shown escaped).' })
  @IsString()
  @MinLength(20)
  @MaxLength(20000)
  @IsPlainText(true)
  text!: string;
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsPlainText()
  organization?: string;
  @ApiProperty({ enum: STAKEHOLDER_GROUPS }) @IsIn(STAKEHOLDER_GROUPS) stakeholderGroup!: StakeholderGroup;
  @ApiProperty() @IsEmailAddress() email!: string;
  @ApiProperty() @MinLength(1) @IsPersonName(200) name!: string;
  @ApiPropertyOptional({ enum: LANGUAGES }) @IsOptional() @IsIn(LANGUAGES) language?: Language;
  @ApiProperty({
    description: 'Whether the text may stay public (attributed to the organization) if the person is erased.',
  })
  @Transform(toBool)
  @IsBoolean()
  consentToPublish!: boolean;
  @ApiProperty({ description: 'Agreement to the processing of the data given (required).' })
  @Transform(toBool)
  @Equals(true, { message: 'consent must be true' })
  consent!: boolean;
}

export class DecideContributionDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @IsPlainText(true)
  reason?: string;
}

export class ContributionWindowDto {
  @ApiProperty({ nullable: true, description: 'Until when contributions are taken; null closes them.' })
  @Nullable()
  @IsISO8601({ strict: true })
  contributionsCloseAt!: string | null;
}

export class ListContributionsQuery {
  @ApiPropertyOptional({ enum: ['submitted', 'accepted', 'rejected'] })
  @IsOptional()
  @IsIn(['submitted', 'accepted', 'rejected'])
  status?: 'submitted' | 'accepted' | 'rejected';
}
