import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { redactPath } from '../logging/logging';
import type { ProblemLanguage } from './messages/problem-catalogue';
import {
  PROBLEM_CATALOGUES,
  constraintMessage,
  isProblemSlug,
  isProblemStatus,
  negotiateProblemLanguage,
} from './messages/problem-language';
import { type FieldError, ProblemException, titleFor } from './problem.exception';

export const PROBLEM_BASE = 'https://gfmd-dialogues.org/problems/';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [key: string]: unknown;
}

const SLUGS: Record<number, string> = {
  400: 'invalid-input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  422: 'domain-rule',
  429: 'too-many-requests',
  503: 'unavailable',
};

/** What a client is told about the HTTP layer's own refusals (Fastify's codes). */
const HTTP_ERROR_DETAILS: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Send the request body as application/json.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The Content-Length header does not match the body.',
  FST_ERR_BAD_URL: 'The request path is malformed.',
  FST_ERR_MAX_PARAM_LENGTH: 'A segment of the request path is too long.',
};

/** The path of the request, with secret segments cut out however spelled (manage links, invitation tokens), no query. */
const problemInstance = (url: string) => redactPath(url);

/** Turns every error into RFC 9457 problem+json. Unknown errors are logged and become a bare 500. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<FastifyReply>();
    const req = http.getRequest<FastifyRequest>();
    const language = negotiateProblemLanguage(req.headers['accept-language']);
    const body = this.toProblem(exception, language);
    if (body.status >= 500) {
      this.logger.error({ err: exception, status: body.status, reqId: req.id }, 'unhandled error');
    }
    if (res.sent) return;
    if (body.status === 429 && !res.hasHeader('Retry-After')) res.header('Retry-After', '60');
    res
      .status(body.status)
      .type('application/problem+json')
      .header('Content-Language', language)
      .send(JSON.stringify({ ...body, instance: problemInstance(req.originalUrl ?? req.url) }));
  }

  /**
   * The problem of an error in a language: English keeps the precise detail and field messages
   * of the code; French and Spanish take the catalogue's words for the slug (or the status) and
   * for each field error's `code`.
   */
  toProblem(exception: unknown, language: ProblemLanguage = 'en'): ProblemBody {
    const body = this.toEnglishProblem(exception);
    if (language === 'en') return body;
    const catalogue = PROBLEM_CATALOGUES[language];
    const slug = body.type.slice(PROBLEM_BASE.length);
    const statusSlug = SLUGS[body.status];
    const detail = isProblemSlug(slug)
      ? catalogue.details[slug]
      : isProblemSlug(statusSlug)
        ? catalogue.details[statusSlug]
        : catalogue.details.error;
    return {
      ...body,
      title: isProblemStatus(body.status) ? catalogue.titles[body.status] : body.title,
      detail,
      ...(body.errors
        ? { errors: body.errors.map((e) => ({ ...e, message: constraintMessage(language, e.code, e.message) })) }
        : {}),
    };
  }

  private toEnglishProblem(exception: unknown): ProblemBody {
    if (exception instanceof ProblemException) {
      const status = exception.getStatus();
      return {
        type: PROBLEM_BASE + exception.slug,
        title: titleFor(status),
        status,
        detail: exception.message,
        ...(exception.errors?.length ? { errors: exception.errors } : {}),
        ...(exception.extra ?? {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      let detail = exception.message;
      let errors: FieldError[] | undefined;
      if (typeof response === 'object' && response) {
        const r = response as { message?: unknown; errors?: FieldError[] };
        if (Array.isArray(r.errors)) errors = r.errors;
        if (typeof r.message === 'string') detail = r.message;
        else if (Array.isArray(r.message)) detail = r.message.join('; ');
      }
      // The router's "Cannot GET /path?query" would echo tokens and query values; `instance` has the safe path.
      if (status === 404 && /^Cannot [A-Z]+ /.test(detail)) detail = 'No route matches this path.';
      return { ...this.simple(status, detail), ...(errors ? { errors } : {}) };
    }
    // Errors of the HTTP layer (malformed JSON, body too large, media type) carry a status.
    const e = exception as { status?: number; statusCode?: number; code?: string; message?: string };
    const status = e?.status ?? e?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return this.simple(status, HTTP_ERROR_DETAILS[e.code ?? ''] ?? e.message ?? titleFor(status));
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception as QueryFailedError & { code?: string }).code;
      if (code === '23505') return this.simple(409, 'This conflicts with an existing record.');
      if (code === '22P02' || code === '22007' || code === '22008')
        return this.simple(400, 'A value has the wrong format.');
      if (code === '23503') return this.simple(422, 'A referenced record does not exist.');
      if (code === '40001' || code === '40P01') return this.simple(503, 'The server is busy; please retry.');
    }
    return this.simple(500, 'Something went wrong on our side. It has been logged.');
  }

  private simple(status: number, detail: string): ProblemBody {
    return { type: PROBLEM_BASE + (SLUGS[status] ?? 'error'), title: titleFor(status), status, detail };
  }
}
