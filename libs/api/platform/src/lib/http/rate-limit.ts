import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { ProblemException } from '../problem/problem.exception';
import { msg } from '../i18n/catalogue';
import { RedisService } from '../redis/redis.service';

export type RateLimitBucket = 'default' | 'login' | 'register' | 'none';
export const RATE_LIMIT = 'gfmd:rate-limit';
/** Chooses the rate-limit bucket of a route (default: 'default'). */
export const RateLimit = (bucket: RateLimitBucket) => SetMetadata(RATE_LIMIT, bucket);

/**
 * Fixed-window rate limit per client IP and bucket, counted in Redis so that it holds across
 * API replicas. When Redis is unreachable it lets requests through: registration must keep
 * working while Redis is down.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly redis: RedisService,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const bucket =
      this.reflector.getAllAndOverride<RateLimitBucket>(RATE_LIMIT, [context.getHandler(), context.getClass()]) ??
      'default';
    if (bucket === 'none') return true;
    const limits = this.config.rateLimits;
    const limit =
      bucket === 'login' ? limits.loginPerMinute : bucket === 'register' ? limits.registerPerMinute : limits.perMinute;
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const res = context.switchToHttp().getResponse<FastifyReply>();
    const window = Math.floor(Date.now() / 60000);
    const key = `${this.config.queuePrefix}:rl:${bucket}:${req.ip ?? 'unknown'}:${window}`;
    let count: number;
    try {
      if (this.redis.client.status !== 'ready') return true;
      count = await this.redis.hit(key, 61);
    } catch {
      return true;
    }
    res.header('RateLimit-Limit', String(limit));
    res.header('RateLimit-Remaining', String(Math.max(0, limit - count)));
    if (count > limit) {
      res.header('Retry-After', String(60 - (Math.floor(Date.now() / 1000) % 60)));
      throw new ProblemException(429, 'too-many-requests', msg('platform.tooManyRequests'));
    }
    return true;
  }
}
