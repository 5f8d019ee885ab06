import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@gfmd/contracts';
import type { AuthUser } from './auth-user';

export const ROLES_KEY = 'gfmd:roles';
/** Staff roles allowed on a route (admin is always allowed). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The authenticated staff user, or undefined on a public route without a token. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser | undefined => {
  return ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user;
});
