import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AuthService } from '@gfmd/api-auth';
import { AppConfig, RedisService } from '@gfmd/api-platform';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import Redis from 'ioredis';
import { MailQueue } from '../queue/mail-queue';
import { QueueName } from '../queue/queue.constants';
import { BOARD_COOKIE, BOARD_PATH, readCookie, verifyBoardToken } from './board-token';

type BoardServerAdapter = Parameters<typeof createBullBoard>[0]['serverAdapter'];

/**
 * Bull Board at /admin/queues, for admins only: a staff admin Bearer token (curl, API clients),
 * or the short-lived HttpOnly cookie set by POST /api/v1/admin/queues/session (browsers).
 * Anything else gets 401/403 as problem+json, before the board sees the request.
 */
@Injectable()
export class QueueBoard implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(QueueBoard.name);
  private maintenance?: Queue;
  private connection?: Redis;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    private readonly mailQueue: MailQueue,
  ) {}

  onModuleInit() {
    const http = this.adapterHost.httpAdapter;
    if (!http) return; // an application context without HTTP (the worker)
    this.connection = new Redis(this.config.redisUrl, RedisService.options({ maxRetriesPerRequest: 1, enableOfflineQueue: false }));
    this.connection.on('error', () => undefined);
    this.maintenance = new Queue(QueueName.Maintenance, {
      connection: this.connection,
      prefix: this.config.queuePrefix,
    });
    this.maintenance.on('error', () => undefined);
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(BOARD_PATH);
    createBullBoard({
      queues: [new BullMQAdapter(this.mailQueue.queue), new BullMQAdapter(this.maintenance, { readOnlyMode: true })],
      // @bull-board/express 9.10.1 ships its own copy of @bull-board/api 9.10.1 beside our 9.10.2:
      // the same classes at runtime, two declarations for TypeScript (an `npm dedupe` removes this cast).
      serverAdapter: serverAdapter as unknown as BoardServerAdapter,
      options: { uiConfig: { boardTitle: 'GFMD queues' } },
    });
    const app = http.getInstance<{ use: (path: string, ...handlers: unknown[]) => void }>();
    app.use(BOARD_PATH, (req: Request, res: Response, next: NextFunction) => void this.guard(req, res, next), serverAdapter.getRouter());
  }

  private async guard(req: Request, res: Response, next: NextFunction): Promise<void> {
    try {
      const header = req.headers.authorization;
      const bearer = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
      let role: string | undefined;
      if (bearer) {
        role = (await this.auth.verify(bearer))?.role;
      } else {
        const token = readCookie(req.headers.cookie, BOARD_COOKIE);
        const userId = token ? verifyBoardToken(this.config.jwtSecret, token) : null;
        if (userId) role = (await this.auth.usersByIds([userId]))[0]?.role;
      }
      if (!role) return problem(res, 401, 'Sign in as an admin: send a Bearer token, or open POST /api/v1/admin/queues/session first.');
      if (role !== 'admin') return problem(res, 403, 'Only admins may see the queues.');
      res.setHeader('Cache-Control', 'no-store');
      next();
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'queue board guard failed');
      problem(res, 503, 'The queue board is unavailable.');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.maintenance?.close().catch(() => undefined);
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }
}

function problem(res: Response, status: number, detail: string) {
  const slug = status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'unavailable';
  const title = status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Service Unavailable';
  res.status(status).type('application/problem+json').send(JSON.stringify({ type: `https://gfmd-dialogues.org/problems/${slug}`, title, status, detail }));
}
