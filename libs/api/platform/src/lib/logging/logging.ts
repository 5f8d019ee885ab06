import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pino, { type Logger as Pino, type LoggerOptions } from 'pino';
import { AppConfig } from '../config/app-config';

/** Secret path segments (manage links, invitation tokens) are cut out of every logged URL. */
export function redactUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  return url
    .replace(/(\/manage\/)[^/?#]+/g, '$1[token]')
    .replace(/(\/invitations\/(?:decline|by-token)\/)[^/?#]+/g, '$1[token]')
    .replace(/([?&](?:invitation|token|invitationToken|email|q)=)[^&#]*/gi, '$1[redacted]');
}

/** A sane incoming X-Request-Id is kept (tracing across a proxy); anything else gets a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
}

/** pino options shared by the API and the worker: JSON lines, credentials never written. */
export function pinoOptions(config: AppConfig): LoggerOptions {
  return {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'],
      remove: true,
    },
    serializers: { err: pino.stdSerializers.err },
  };
}

/** The process's one root logger (every line of the process goes through it). */
export function createRootLogger(config: AppConfig): Pino {
  return pino(pinoOptions(config));
}

/** The level a finished request is logged at: 5xx error, 4xx warn, the rest info. */
export function requestLogLevel(statusCode: number, failed: boolean): 'error' | 'warn' | 'info' {
  return failed || statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
}

/** What the log line of a finished request holds: never a body, a header or a token. */
export function requestLogLine(
  reqId: string,
  method: string,
  url: string,
  statusCode: number,
  responseTimeMs: number,
): Record<string, unknown> {
  return {
    reqId,
    req: { method, url: redactUrl(url) },
    res: { statusCode },
    responseTime: Math.round(responseTimeMs),
  };
}
