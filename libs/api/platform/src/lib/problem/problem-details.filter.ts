import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { redactPath } from '../logging/logging';
import { CATALOGUES, isMessage, type Message, type MessageKey, msg, translate } from '../i18n/catalogue';
import { problemLanguages } from '../i18n/request-language';
import type { ProblemLanguage } from './messages/problem-catalogue';
import { PROBLEM_CATALOGUES, constraintMessage, isProblemSlug, isProblemStatus } from './messages/problem-language';
import { type FieldError, type FieldErrorInput, ProblemException, titleFor } from './problem.exception';

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
const HTTP_ERROR_DETAILS: Record<string, Message> = {
  FST_ERR_CTP_BODY_TOO_LARGE: msg('platform.bodyTooLarge'),
  FST_ERR_CTP_INVALID_JSON_BODY: msg('platform.invalidJson'),
  FST_ERR_CTP_EMPTY_JSON_BODY: msg('platform.emptyJson'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: msg('platform.mediaType'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: msg('platform.contentLength'),
  FST_ERR_BAD_URL: msg('platform.badUrl'),
  FST_ERR_MAX_PARAM_LENGTH: msg('platform.paramTooLong'),
};

/** A problem before it is written in a language: detail and field messages as thrown. */
interface RawProblem {
  type: string;
  title: string;
  status: number;
  detail: Message | string;
  errors?: FieldErrorInput[];
  [key: string]: unknown;
}

/**
 * The words of a refused constraint for one property (`validation.<property>.<constraint>` in
 * the catalogue: `sections.0.references.1` + `matches` → `validation.references.matches`), when
 * the catalogue has some: more precise than the constraint's generic words.
 */
function propertyMessage(language: ProblemLanguage, field: string, code: string | undefined): string | undefined {
  if (!code) return undefined;
  const property = field
    .split('.')
    .filter((p) => !/^\d+$/.test(p))
    .pop();
  const key = `validation.${property}.${code}`;
  return Object.prototype.hasOwnProperty.call(CATALOGUES[language], key)
    ? CATALOGUES[language][key as MessageKey]
    : undefined;
}

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
    const language = problemLanguages(req).text;
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
      .header('Vary', 'Accept-Language')
      .send(JSON.stringify({ ...body, instance: problemInstance(req.originalUrl ?? req.url) }));
  }

  /**
   * The problem of an error in a language. Catalogue messages (`msg(key, params)`) are written
   * in that language with their parameters; English text of a domain not moved to the catalogue
   * yet stays as it is for English readers, and other readers get the catalogue's words for the
   * slug (or the status) and for each field error's `code`.
   */
  toProblem(exception: unknown, language: ProblemLanguage = 'en'): ProblemBody {
    const raw = this.toRawProblem(exception);
    const catalogue = PROBLEM_CATALOGUES[language];
    const slug = raw.type.slice(PROBLEM_BASE.length);
    const statusSlug = SLUGS[raw.status];
    const genericDetail = isProblemSlug(slug)
      ? catalogue.details[slug]
      : isProblemSlug(statusSlug)
        ? catalogue.details[statusSlug]
        : catalogue.details.error;
    const detail = isMessage(raw.detail) || language === 'en' ? translate(raw.detail, language) : genericDetail;
    const errors = raw.errors?.map((e): FieldError => ({
      ...e,
      message:
        isMessage(e.message) || language === 'en'
          ? translate(e.message, language)
          : (propertyMessage(language, e.field, e.code) ?? constraintMessage(language, e.code, e.message)),
    }));
    const { errors: _raw, ...rest } = raw;
    return {
      ...rest,
      title: isProblemStatus(raw.status) ? catalogue.titles[raw.status] : raw.title,
      detail,
      ...(errors ? { errors } : {}),
    };
  }

  private toRawProblem(exception: unknown): RawProblem {
    if (exception instanceof ProblemException) {
      const status = exception.getStatus();
      const { detail, errors: messages } = exception.messages;
      const errors = exception.errors?.map((e, i) => ({ ...e, message: messages?.[i] ?? e.message }));
      return {
        type: PROBLEM_BASE + exception.slug,
        title: titleFor(status),
        status,
        detail,
        ...(errors?.length ? { errors } : {}),
        ...(exception.extra ?? {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      let detail: string | Message = exception.message;
      let errors: FieldError[] | undefined;
      if (typeof response === 'object' && response) {
        const r = response as { message?: unknown; errors?: FieldError[] };
        if (Array.isArray(r.errors)) errors = r.errors;
        if (typeof r.message === 'string') detail = r.message;
        else if (Array.isArray(r.message)) detail = r.message.join('; ');
      }
      // The router's "Cannot GET /path?query" would echo tokens and query values; `instance` has the safe path.
      if (status === 404 && /^Cannot [A-Z]+ /.test(detail)) detail = msg('platform.noRoute');
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
      if (code === '23505') return this.simple(409, msg('platform.db.unique'));
      if (code === '22P02' || code === '22007' || code === '22008') return this.simple(400, msg('platform.db.format'));
      if (code === '23503') return this.simple(422, msg('platform.db.reference'));
      if (code === '40001' || code === '40P01') return this.simple(503, msg('platform.db.busy'));
    }
    return this.simple(500, msg('platform.internal'));
  }

  private simple(status: number, detail: string | Message): RawProblem {
    return { type: PROBLEM_BASE + (SLUGS[status] ?? 'error'), title: titleFor(status), status, detail };
  }
}
