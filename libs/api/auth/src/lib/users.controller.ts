import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ROLES, type Role } from '@gfmd/contracts';
import { badRequest } from '@gfmd/api-platform';
import { AuthService } from './auth.service';
import { CreateUserDto } from './create-user.dto';
import { Roles } from './roles.decorator';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly auth: AuthService) {}

  /** Admins create staff accounts. */
  @Roles('admin')
  @Post()
  create(@Body() body: CreateUserDto) {
    return this.auth.createUser(body);
  }

  /** Organizers list staff to pick space coordinators. */
  @Roles('organizer')
  @ApiQuery({ name: 'role', required: false, enum: ROLES })
  @Get()
  async list(@Query('role') role?: string) {
    if (role !== undefined && !(ROLES as readonly string[]).includes(role)) {
      throw badRequest('Unknown role.', [{ field: 'role', message: `role must be one of ${ROLES.join(', ')}` }]);
    }
    const items = await this.auth.listUsers(role as Role | undefined);
    return { items, total: items.length, page: 1, pageSize: items.length };
  }
}
