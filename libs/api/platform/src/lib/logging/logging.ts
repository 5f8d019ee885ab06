import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pino, { type Logger as Pino, type LoggerOptions } from 'pino';
import { AppConfig } from '../config/app-config';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A segment that may be a secret: URL-safe base64 of 20+ characters (tokens are 43) that is not an id. */
const SECRETISH = /^[a-z0-9_-]{20,}$/;
/** Segments whose next one is a secret whatever it looks like. */
const BEFORE_SECRET = new Set(['manage', 'decline', 'by-token']);

/** A path segment decoded (`%6d` → `m`), or as it is when its escapes are malformed. */
const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/**
 * What the request line logs of a path no route matched (404s): decoded, case-folded (routes
 * match case-insensitively, so `/MANAGE/x` and `/%6danage/x` are manage links too), the query
 * string dropped, and every segment that follows `manage` or `decline`, or looks like a token,
 * cut out.
 */
export function redactPath(url: string | undefined): string {
  const path = (url ?? '').split(/[?#]/)[0];
  const out: string[] = [];
  let secretNext = false;
  for (const raw of path.split('/')) {
    const segment = decode(raw).toLowerCase();
    const secret = secretNext || (SECRETISH.test(segment) && !UUID.test(segment)) || /[?#&=%/\\]/.test(segment);
    out.push(secret && segment ? '[redacted]' : segment);
    secretNext = BEFORE_SECRET.has(segment);
  }
  return out.join('/').slice(0, 300);
}

/**
 * The path a request line logs: the pattern of the route that answered (e.g.
 * `/api/v1/registrations/manage/:token`), which holds no value of the request; for a request no
 * route matched, its path made safe by redactPath. Never a query string.
 */
export function logPath(routeUrl: string | undefined, url: string | undefined): string {
  return routeUrl && routeUrl !== '/*' ? routeUrl : redactPath(url);
}

/** Fields of a database error that may carry the values of a row (query parameters, "Failing row contains (…)", "Key (email)=(…)"). */
const DB_VALUE_FIELDS = new Set(['parameters', 'query', 'driverError', 'detail', 'where', 'internalQuery', 'hint']);

/**
 * pino's error serializer, minus whatever may carry personal data or tokens: for a database error,
 * the query, its parameters and the driver's detail are dropped, and a value quoted in its message
 * (`invalid input syntax for type uuid: "…"`) is cut out. Kept: type, message, stack, code, table,
 * column, constraint.
 */
export function errSerializer(error: unknown): unknown {
  const out = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  if (!out || typeof out !== 'object') return out;
  const e = error as Record<string, unknown>;
  const isDbError = 'driverError' in e || 'parameters' in e || typeof e['routine'] === 'string';
  if (!isDbError) return out;
  for (const key of Object.keys(out)) if (DB_VALUE_FIELDS.has(key)) delete out[key];
  const scrub = (s: unknown) => (typeof s === 'string' ? s.replace(/(:\s*)"[^]*"/g, '$1"[redacted]"') : s);
  out['message'] = scrub(out['message']);
  if (typeof out['stack'] === 'string') {
    // The stack's first line repeats the message.
    const [first, ...rest] = (out['stack'] as string).split('\n');
    out['stack'] = [scrub(first), ...rest].join('\n');
  }
  return out;
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
    serializers: { err: errSerializer },
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

/** What the log line of a finished request holds: never a body, a header, a query string or a token (see logPath). */
export function requestLogLine(
  reqId: string,
  method: string,
  path: string,
  statusCode: number,
  responseTimeMs: number,
): Record<string, unknown> {
  return {
    reqId,
    req: { method, url: path },
    res: { statusCode },
    responseTime: Math.round(responseTimeMs),
  };
}
