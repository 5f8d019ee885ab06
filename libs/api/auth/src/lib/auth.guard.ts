import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@gfmd/contracts';
import { IS_PUBLIC, ProblemException } from '@gfmd/api-platform';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { ROLES_KEY } from './roles.decorator';

/**
 * Global guard: reads the Bearer token on every request; non-public routes need a valid one
 * (401) and, when @Roles is set, one of those roles (403). Admins pass every role check.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const req = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (match) {
      const user = await this.auth.verify(match[1]);
      if (user) req.user = user;
      else if (!isPublic) throw unauthorized('The access token is invalid or expired.');
    }
    if (isPublic) return true;
    if (!req.user) throw unauthorized('Sign in to do this.');
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
    if (roles?.length && req.user.role !== 'admin' && !roles.includes(req.user.role)) {
      throw new ProblemException(403, 'forbidden', 'Your role may not do this.');
    }
    return true;
  }
}

const unauthorized = (detail: string) => new ProblemException(401, 'unauthorized', detail);
