import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { AppConfig } from '../config/app-config';
import { ProblemDetailsFilter } from '../problem/problem-details.filter';
import { createValidationPipe } from '../problem/validation';

export const API_PREFIX = 'api/v1';

/**
 * Everything the HTTP app needs besides its modules: security headers, body limits, the
 * global pipe and filter, OpenAPI, and (in production) the built web app on the same origin.
 * Used by main.ts and by the integration tests, so both run the same stack.
 */
export function configureHttpApp(app: INestApplication, config: AppConfig, { docs = true } = {}): void {
  const express_ = app as NestExpressApplication;
  express_.set('trust proxy', config.trustProxy ? 1 : false);
  express_.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", "'unsafe-inline'"],
          styleSrc: ["'self'", "'unsafe-inline'", 'https:'],
          imgSrc: ["'self'", 'data:', 'https:'],
          fontSrc: ["'self'", 'https:', 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // Bulk invitations (up to 10,000 recipients, ~1.5 MB) get a larger JSON limit on that one route.
  express_.use(`/${API_PREFIX}/dialogues/:id/invitations`, express.json({ limit: '8mb', strict: true }));
  express_.useBodyParser('json', { limit: config.bodyLimit, strict: true });
  express_.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false });
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
          'Thematic dialogues ahead of UN informal thematic sessions: scheduling, agendas, registration, invitations and email. Errors are application/problem+json (RFC 9457).',
        )
        .setVersion('1.0')
        .addBearerAuth()
        .build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
  }

  const webDist = config.webDist ? resolve(config.webDist) : undefined;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    const index = join(webDist, 'index.html');
    // The app's files are compressed on the way out (about a third of their size) and, being
    // content-hashed by the build, cached for a year; index.html is always revalidated.
    express_.use(compression({ threshold: 1024 }));
    express_.use(
      express.static(webDist, {
        index: false,
        setHeaders: (res, path) => {
          // esbuild names files like main-ABCD1234.js; Angular's chunk optimizer (rollup) names
          // lazy chunks with a base64url hash, e.g. chunk-B3-He5s9.js.
          const hashed = /-[A-Za-z0-9_-]{8}\.(js|css)$/.test(path);
          res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
        },
      }),
    );
    // SPA fallback: every GET that is not an API, docs or admin path gets the app shell.
    express_.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || /^\/(api|admin)(\/|$)/.test(req.path)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
}
