import { ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role, type UpdateUserRequest } from '@gfmd/contracts';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

/** PATCH /users/:id: an admin changes a staff member's role or deactivates (or reactivates) them. */
export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}
