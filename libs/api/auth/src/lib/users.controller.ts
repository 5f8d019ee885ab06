import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ROLES, type Role } from '@gfmd/contracts';
import { badRequest, uuidPipe, msg } from '@gfmd/api-platform';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { CreateUserDto } from './create-user.dto';
import { CurrentUser, Roles } from './roles.decorator';
import { UpdateUserDto } from './update-user.dto';

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

  /** Admins change a role or deactivate an account; it takes effect on that person's next request. */
  @Roles('admin')
  @Patch(':id')
  update(@CurrentUser() actor: AuthUser, @Param('id', uuidPipe) id: string, @Body() body: UpdateUserDto) {
    if (body.role === undefined && body.active === undefined) {
      throw badRequest(msg('auth.giveRoleOrActive'), [{ field: 'role', message: msg('auth.giveRoleOrActive.field') }]);
    }
    return this.auth.updateUser(id, { role: body.role, active: body.active }, actor.id);
  }

  /** Organizers list staff to pick space coordinators. */
  @Roles('organizer')
  @ApiQuery({ name: 'role', required: false, enum: ROLES })
  @Get()
  async list(@Query('role') role?: string) {
    if (role !== undefined && !(ROLES as readonly string[]).includes(role)) {
      throw badRequest(msg('auth.unknownRole'), [
        { field: 'role', message: msg('auth.unknownRole.field', { roles: ROLES.join(', ') }) },
      ]);
    }
    const items = await this.auth.listUsers(role as Role | undefined);
    return { items, total: items.length, page: 1, pageSize: items.length };
  }
}
