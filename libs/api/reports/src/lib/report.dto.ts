import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsUUID } from 'class-validator';
import type { BalanceReportQuery } from '@gfmd/contracts';
import { IsEmailAddress, OptionalButNotNull } from '@gfmd/api-platform';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class BalanceQuery implements BalanceReportQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Dialogues starting inside this phase of the process.' })
  @OptionalButNotNull()
  @IsUUID()
  phaseId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Dialogues tagged with this theme.' })
  @OptionalButNotNull()
  @IsUUID()
  themeId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'One dialogue of the process.' })
  @OptionalButNotNull()
  @IsUUID()
  dialogueId?: string;
}

export class HistoryQuery {
  @ApiProperty({ description: 'The person’s address, compared as registration compares it (case-insensitively).' })
  @Transform(trim)
  @IsEmailAddress()
  email: string;
}
