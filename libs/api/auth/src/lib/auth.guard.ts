import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@gfmd/contracts';
import { IS_PUBLIC, ProblemException, msg, type Message } from '@gfmd/api-platform';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { ROLES_KEY } from './roles.decorator';

/**
 * Global guard: reads the Bearer token on every request; non-public routes need a valid one
 * (401) and, when @Roles is set, one of those roles (403). Admins pass every role check.
 * Door staff reach only the routes whose @Roles names `door` (everything else: 403); on a
 * public route they are treated as anonymous visitors (a staff view of drafts is not theirs).
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
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
    if (match) {
      const user = await this.auth.verify(match[1]);
      if (user && !(isPublic && user.role === 'door' && !roles?.includes('door'))) req.user = user;
      else if (!user && !isPublic) throw unauthorized(msg('auth.tokenInvalid'));
    }
    if (isPublic) return true;
    if (!req.user) throw unauthorized(msg('auth.signIn'));
    if (req.user.role === 'door' && !roles?.includes('door')) {
      throw new ProblemException(403, 'forbidden', msg('auth.doorOnly'));
    }
    if (roles?.length && req.user.role !== 'admin' && !roles.includes(req.user.role)) {
      throw new ProblemException(403, 'forbidden', msg('auth.roleForbidden'));
    }
    return true;
  }
}

const unauthorized = (detail: Message) => new ProblemException(401, 'unauthorized', detail);
