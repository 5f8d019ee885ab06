import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AuthService } from '@gfmd/api-auth';
import { AppConfig, RedisService } from '@gfmd/api-platform';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardFastifyAdapter } from '@bull-board/fastify';
import { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import { MailQueue } from '../queue/mail-queue';
import { QueueName } from '../queue/queue.constants';
import { BOARD_COOKIE, BOARD_PATH, readCookie, verifyBoardToken } from './board-token';

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
    this.connection = new Redis(
      this.config.redisUrl,
      RedisService.options({ maxRetriesPerRequest: 1, enableOfflineQueue: false }),
    );
    this.connection.on('error', () => undefined);
    this.maintenance = new Queue(QueueName.Maintenance, {
      connection: this.connection,
      prefix: this.config.queuePrefix,
    });
    this.maintenance.on('error', () => undefined);
    const serverAdapter = new BoardFastifyAdapter();
    serverAdapter.setBasePath(BOARD_PATH);
    createBullBoard({
      queues: [new BullMQAdapter(this.mailQueue.queue), new BullMQAdapter(this.maintenance, { readOnlyMode: true })],
      serverAdapter,
      options: { uiConfig: { boardTitle: 'GFMD queues' } },
    });
    const fastify = http.getInstance<FastifyInstance>();
    // The guard hook belongs to the board's own plugin scope: it runs for the board's routes only.
    void fastify.register(
      async (scope) => {
        scope.addHook('onRequest', (req, reply) => this.guard(req, reply));
        await scope.register(serverAdapter.registerPlugin());
      },
      { prefix: BOARD_PATH },
    );
  }

  /** Resolves to the reply when it has answered (401/403/503), which ends the request there. */
  private async guard(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
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
      if (!role)
        return problem(
          reply,
          401,
          'Sign in as an admin: send a Bearer token, or open POST /api/v1/admin/queues/session first.',
        );
      if (role !== 'admin') return problem(reply, 403, 'Only admins may see the queues.');
      reply.header('Cache-Control', 'no-store');
      return undefined;
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'queue board guard failed');
      return problem(reply, 503, 'The queue board is unavailable.');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.maintenance?.close().catch(() => undefined);
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }
}

function problem(reply: FastifyReply, status: number, detail: string): FastifyReply {
  const slug = status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'unavailable';
  const title = status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Service Unavailable';
  return reply
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: `https://gfmd-dialogues.org/problems/${slug}`, title, status, detail }));
}
