import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppConfig } from '../config/app-config';
import { logPath, requestLogLevel, requestLogLine } from '../logging/logging';
import { PinoNestLogger } from '../logging/pino-nest-logger';
import { msg } from '../i18n/catalogue';
import { registerRequestLanguage } from '../i18n/request-language';
import { ProblemDetailsFilter } from '../problem/problem-details.filter';
import { badRequest } from '../problem/problem.exception';
import { createValidationPipe } from '../problem/validation';
import { installLeanAsyncResourceBind } from './async-resource-bind';
import { registerBodyParsers } from './http-adapter';
import { helmetOptions, inlineScriptHashes, securityHeaders } from './security-headers';
import { WebShell } from './web-shell';

export const API_PREFIX = 'api/v1';
/** Health probes (every few seconds per replica) are not logged. */
const HEALTH_PATH = new RegExp(`^/${API_PREFIX}/health(?:/live|/ready)?$`);

/**
 * Everything the HTTP app needs besides its modules: security headers and a request id on
 * every response, one log line per request, body parsers and limits, the global pipe and
 * filter, OpenAPI, and (in production) the built web app on the same origin. Used by main.ts
 * and by the integration tests, so both run the same stack. Call before `app.init()`.
 */
export function configureHttpApp(app: NestFastifyApplication, config: AppConfig, { docs = true } = {}): void {
  installLeanAsyncResourceBind(); // Fastify binds a callback per request body: async-resource-bind.ts
  const fastify = app.getHttpAdapter().getInstance();
  const webDist = config.webDist ? resolve(config.webDist) : undefined;
  const shellHtml =
    webDist && existsSync(join(webDist, 'index.html')) ? readFileSync(join(webDist, 'index.html')) : undefined;
  registerBodyParsers(fastify);
  registerResponseHeaders(fastify, shellHtml ? inlineScriptHashes(shellHtml.toString('utf8')) : []);
  registerRequestLog(fastify, app.get(PinoNestLogger));
  registerRequestLanguage(fastify, (lang) =>
    badRequest(msg('platform.invalidLang', { lang }), [
      { field: 'lang', message: msg('platform.invalidLang.field'), code: 'isIn' },
    ]),
  );

  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: false });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['api/docs', 'api/docs-json', 'admin/queues'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();

  if (docs) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('GFMD Dialogues API')
        .setDescription(
          'Thematic dialogues ahead of UN informal thematic sessions: scheduling, agendas, registration, invitations and email. Errors are application/problem+json (RFC 9457). Every route takes ?lang= (ar, en, es, fr, ru, zh; else Accept-Language): problems, warnings, exports and seeded titles are answered in it (docs/i18n.md).',
        )
        .setVersion('1.0')
        .addBearerAuth()
        .build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
  }

  if (webDist && shellHtml)
    serveWebApp(
      fastify,
      webDist,
      new WebShell(shellHtml.toString('utf8'), fastify, config.publicUrl, config.webPrerenderTimeoutMs),
    );
}

/** Sign-in, and the routes whose path holds a secret token (manage link, invitation decline): never stored by a cache. */
const PRIVATE_PATH = new RegExp(`^/${API_PREFIX}/(?:auth/|registrations/manage/|invitations/decline/)`, 'i');

/**
 * Security headers (worked out once from helmet's policy; script-src allows the web app's
 * inline scripts by hash) and the request id, on every response. Responses to a request
 * carrying credentials (a Bearer token) or a manage token, and sign-in, are `no-store`
 * whatever the route set: set last, when the response is sent.
 */
function registerResponseHeaders(fastify: FastifyInstance, scriptHashes: string[]): void {
  const headers = Object.entries(securityHeaders(helmetOptions(scriptHashes)));
  fastify.addHook('onRequest', (request, reply, done) => {
    for (const [name, value] of headers) reply.header(name, value);
    reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.headers.authorization !== undefined || PRIVATE_PATH.test(request.url))
      reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}

/** One line per finished request (health checks aside): method, redacted path, status, time. */
function registerRequestLog(fastify: FastifyInstance, logger: PinoNestLogger): void {
  const pino = logger.pino;
  fastify.addHook('onResponse', (request, reply, done) => {
    const level = requestLogLevel(reply.statusCode, false);
    if (pino.isLevelEnabled(level) && !HEALTH_PATH.test(request.url)) {
      // The route's pattern (no value of the request in it); a 404 gets its path made safe.
      const path = logPath(request.routeOptions?.url, request.url);
      const line = requestLogLine(request.id, request.method, path, reply.statusCode, reply.elapsedTime);
      pino[level](line, 'request completed');
    }
    done();
  });
}

/**
 * The built Angular app: files compressed on the way out (about a third of their size) and,
 * being content-hashed by the build, cached for a year; every other GET outside /api and
 * /admin gets index.html (always revalidated), so deep links work, with the page's language and
 * head links, and the top of the public pages already in it (WebShell).
 */
function serveWebApp(fastify: FastifyInstance, webDist: string, shell: WebShell): void {
  const index = 'index.html';
  void fastify.register(fastifyCompress, { threshold: 1024, global: true });
  void fastify.register(fastifyStatic, {
    root: webDist,
    prefix: '/',
    index: false,
    wildcard: false,
    // Other parts (Swagger UI, the queue board) serve their own files with @fastify/static too.
    decorateReply: false,
    setHeaders: (reply, path) => {
      // esbuild names files like main-ABCD1234.js; Angular's chunk optimizer (rollup) names
      // lazy chunks with a base64url hash, e.g. chunk-B3-He5s9.js.
      const hashed = /-[A-Za-z0-9_-]{8}\.(js|css)$/.test(path);
      const shell = path.endsWith(index);
      reply.header(
        'Cache-Control',
        shell ? 'no-cache' : hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      );
    },
  });
  // A plugin of its own, so that it loads after @fastify/compress: a route added before the
  // plugin has loaded does not get its hook, and the painted dialogue page (about 17 kB with a
  // full agenda, 4 kB compressed) would then take two round trips on a slow phone instead of one.
  void fastify.register(async (app) => {
    app.get('/*', async (request, reply) => {
      if (/^\/(api|admin)(\/|$)/i.test(request.url)) return reply.callNotFound();
      // The page's language, head links and (public dialogue page, list) its content: web-shell.ts.
      const html = await shell.render(request.url, request.headers['accept-language']);
      return reply
        .type('text/html; charset=utf-8')
        .header('Cache-Control', 'no-cache')
        .header('Vary', 'Accept-Language')
        .send(html);
    });
  });
}
