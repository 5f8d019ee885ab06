import { FastifyAdapter } from '@nestjs/platform-fastify';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import { parse as parseQueryString } from 'node:querystring';
import { AppConfig, BYTE_SIZE } from '../config/app-config';
import { requestIdOf } from '../logging/logging';
import { ProblemDetailsFilter } from '../problem/problem-details.filter';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './json-depth';

/** The routes that take a larger body than BODY_LIMIT (bulk invitations: up to 10,000 recipients). */
export const LARGE_BODY_ROUTES: readonly string[] = ['/api/v1/dialogues/:id/invitations'];
export const LARGE_BODY_LIMIT = 8 * 1024 * 1024;

/** The routes that take multipart/form-data (uploads, streamed by their handler); any other answers 415. */
export const MULTIPART_ROUTES: readonly string[] = ['/api/v1/documents', '/api/v1/dialogues/:id/contributions'];

/** The routes that take a text/csv body (imports, read as a string); any other answers 415. */
export const CSV_ROUTES: readonly string[] = ['/api/v1/dialogues/:id/registrations/import'];

/** '1mb', '512kb', '100000' → bytes. */
export function parseByteSize(value: string): number {
  const match = BYTE_SIZE.exec(value);
  if (!match) throw new Error(`not a byte size: ${value}`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(match[1]) * unit);
}

/** A client error Fastify's error path understands (status, code), shown as problem+json by the filter. */
function bodyError(statusCode: number, code: string, message: string): Error {
  return Object.assign(new Error(message), { statusCode, code });
}

const routerProblem = new ProblemDetailsFilter();

/**
 * The HTTP server: Fastify under NestJS. Paths match case-insensitively and with or without a
 * trailing slash (as they did on Express); the request id comes from a sane X-Request-Id or
 * is a new UUID; Fastify's own request logging is off (see configureHttpApp).
 */
export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter<RawServerDefault>({
    trustProxy: config.trustProxy ? 1 : false,
    bodyLimit: parseByteSize(config.bodyLimit),
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 500 },
    requestIdHeader: false,
    genReqId: requestIdOf,
    logger: false,
    return503OnClosing: true,
    // No Nest middleware in this app: hooks do their work, so @fastify/middie is not needed.
    skipMiddie: true,
    // Refusals of the router itself (a path that is not valid percent-encoded UTF-8, a path
    // segment over maxParamLength) come before Nest: they get problem+json here.
    frameworkErrors: (error: Error, _request: FastifyRequest, reply: FastifyReply) => {
      const problem = routerProblem.toProblem(error);
      void reply.code(problem.status).type('application/problem+json').send(JSON.stringify(problem));
    },
  });
}

/**
 * The request bodies the API reads: JSON (an object or an array; an empty body is no body;
 * `__proto__` and `constructor.prototype` keys refused; nesting deeper than MAX_JSON_DEPTH
 * refused before it is parsed, since the validation walks bodies recursively) and HTML forms (the invitation decline
 * page, RFC 8058 one-click unsubscribe), text/csv on CSV_ROUTES and, on MULTIPART_ROUTES only, multipart/form-data. Other media types get 415.
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  const json = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body as string;
    if (!text.trim()) return done(null, undefined);
    if (jsonNestsDeeperThan(text))
      return done(
        bodyError(400, 'BODY_TOO_DEEP', `The request body is nested too deeply (over ${MAX_JSON_DEPTH} levels).`),
        undefined,
      );
    void json(req, text, (error: Error | null, value?: unknown) => {
      if (error)
        return done(bodyError(400, 'FST_ERR_CTP_INVALID_JSON_BODY', 'The request body is not valid JSON.'), undefined);
      if (value === null || typeof value !== 'object')
        return done(
          bodyError(400, 'BODY_NOT_AN_OBJECT', 'The request body must be a JSON object or array.'),
          undefined,
        );
      done(null, value);
    });
  });
  fastify.addContentTypeParser('text/csv', { parseAs: 'string' }, (req, body, done) => {
    if (!CSV_ROUTES.includes(req.routeOptions?.url ?? ''))
      return done(
        bodyError(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', 'Send the request body as application/json.'),
        undefined,
      );
    done(null, body as string);
  });
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, { ...parseQueryString(body as string) });
  });
  // Uploads: @fastify/multipart hands the parts to the handler as streams (never buffered here);
  // the handler sets the file size limit (MAX_UPLOAD_MB). Other routes refuse multipart.
  void fastify.register(fastifyMultipart, { throwFileSizeLimit: true, limits: { files: 1, fields: 30, parts: 31 } });
  fastify.addHook('preValidation', (request, reply, done) => {
    if (request.isMultipart?.() && !MULTIPART_ROUTES.includes(request.routeOptions?.url ?? '')) {
      const problem = routerProblem.toProblem(
        bodyError(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', 'Send the request body as application/json.'),
      );
      void reply.code(415).type('application/problem+json').send(JSON.stringify(problem));
      return;
    }
    done();
  });
  // The bulk routes take a larger body (Fastify reads each route's limit when the route is added).
  fastify.addHook('onRoute', (route) => {
    if (LARGE_BODY_ROUTES.includes(route.url) || LARGE_BODY_ROUTES.includes(route.path))
      route.bodyLimit = LARGE_BODY_LIMIT;
  });
}
