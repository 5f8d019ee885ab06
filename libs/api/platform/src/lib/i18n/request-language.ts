import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FieldTranslations } from '@gfmd/contracts';
import { translate, type Message } from './catalogue';
import { DEFAULT_LANGUAGES, requestLanguages, type RequestLanguages, type ServerLanguage } from './languages';

/**
 * The reader's languages, carried by the async context of a request (set by the `preHandler`
 * hook below, read anywhere below the controller: mappers, warnings, CSV). Outside a request
 * (the worker, the seed, unit tests) it is English unless `inLanguage` says otherwise.
 */
const languageContext = new AsyncLocalStorage<RequestLanguages>();

/** The languages of the request under way (English outside a request). */
export const currentLanguages = (): RequestLanguages => languageContext.getStore() ?? DEFAULT_LANGUAGES;

/** Runs `work` as if a request had asked for `languages` (tests, jobs acting for a reader). */
export const inLanguage = <T>(languages: RequestLanguages, work: () => T): T => languageContext.run(languages, work);

/** A message in the current reader's language. */
export const t = (message: Message | string): string => translate(message, currentLanguages().text);

/**
 * The languages of a request: `?lang=` (one of ar, en, es, fr, ru, zh) wins over
 * `Accept-Language`; `{ invalid }` for a `lang` outside the six.
 */
export function languagesOfRequest(
  req: Pick<FastifyRequest, 'query' | 'headers'>,
): RequestLanguages | { invalid: string } {
  const query = (req.query ?? {}) as Record<string, unknown>;
  return requestLanguages(query['lang'], req.headers['accept-language']);
}

/**
 * Reads the language of every request before its handler (guards, pipes, controller and
 * filter run inside it), then takes `lang` out of the query so the routes' query DTOs, which
 * refuse unknown fields, never see it. A `lang` outside the six fails the request with
 * `invalidLang` (a 400 problem, written by the problem filter).
 */
export function registerRequestLanguage(fastify: FastifyInstance, invalidLang: (lang: string) => Error): void {
  fastify.addHook('preHandler', (request, _reply, done) => {
    const languages = languagesOfRequest(request);
    const query = request.query as Record<string, unknown> | undefined;
    if (query && typeof query === 'object' && 'lang' in query) delete query['lang'];
    if ('invalid' in languages) return done(invalidLang(languages.invalid));
    const sourceContent = !languages.explicit && request.headers.authorization !== undefined;
    languageContext.run({ ...languages, sourceContent }, done);
  });
  // Answers of the API depend on Accept-Language: a shared cache must keep one per language.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/')) {
      const vary = reply.getHeader('vary');
      if (!vary) reply.header('vary', 'Accept-Language');
      else if (!/accept-language|\*/i.test(String(vary))) reply.header('vary', `${String(vary)}, Accept-Language`);
    }
    done(null, payload);
  });
}

/** The languages a problem is written in: the request's, or read from it when the error came before the handler. */
export function problemLanguages(req: Pick<FastifyRequest, 'query' | 'headers'>): RequestLanguages {
  const current = languageContext.getStore();
  if (current) return current;
  const read = languagesOfRequest(req);
  return 'invalid' in read ? (requestLanguages(undefined, req.headers['accept-language']) as RequestLanguages) : read;
}

/**
 * A record's title in the reader's language: its translation when it has one (`translations`
 * jsonb beside the record, `{ fr: { title } }`), else its own (English) words; `titleLang` says
 * which. Staff requests without `?lang=` always read the record's own words (see RequestLanguages).
 */
export function localizedTitle(record: { title: string; translations?: FieldTranslations | null }): {
  title: string;
  titleLang: ServerLanguage;
} {
  const { language, sourceContent } = currentLanguages();
  const translated = sourceContent || language === 'en' ? undefined : record.translations?.[language]?.title;
  return translated ? { title: translated, titleLang: language } : { title: record.title, titleLang: 'en' };
}
