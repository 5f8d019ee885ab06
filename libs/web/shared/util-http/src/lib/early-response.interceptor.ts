import { type HttpEvent, HttpResponse, type HttpInterceptorFn } from '@angular/common/http';
import { DOCUMENT, inject } from '@angular/core';
import { type Observable, from, of, switchMap } from 'rxjs';

/**
 * Answers that the inline script of index.html started fetching before the app's scripts had
 * loaded, by URL (path and query, as HttpClient writes them). Only pages that people land on
 * from outside (the public dialogue page) have such requests.
 */
export type EarlyResponses = Record<string, Promise<EarlyResponse> | undefined>;

/** The part of a fetch() Response that is read here. */
export type EarlyResponse = Pick<Response, 'ok' | 'status' | 'statusText' | 'url' | 'json'>;

declare global {
  interface Window {
    gfmdEarlyResponses?: EarlyResponses;
    /** The language (Accept-Language) the early requests asked in. */
    gfmdEarlyLanguage?: string;
  }
}

/** Past this age (ms since the page loaded) an early answer is dropped and asked for again. */
export const EARLY_RESPONSE_MAX_AGE = 30_000;

async function toHttpResponse(response: EarlyResponse): Promise<HttpResponse<unknown> | null> {
  if (!response.ok) {
    return null;
  }
  try {
    return new HttpResponse({
      body: await response.json(),
      status: response.status,
      statusText: response.statusText,
      url: response.url,
    });
  } catch {
    return null;
  }
}

/**
 * Resolves in a task of its own: answers that arrived while the app booted would otherwise all
 * be handled, and the whole page rendered, in the one long task that started the app (what a
 * slow phone feels as a frozen screen: Total Blocking Time).
 */
const nextTask = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value)));

/**
 * Hands a GET its early answer (each answer once), so the first render does not wait for a
 * request that only starts once the app has booted. Anything unusual (an error status, a failed
 * fetch, a signed-in request, an old answer) falls through to a normal request, so errors reach
 * the page exactly as they would have.
 */
export const earlyResponseInterceptor: HttpInterceptorFn = (req, next) => {
  const view = inject(DOCUMENT).defaultView;
  const early = view?.gfmdEarlyResponses;
  const url = req.urlWithParams;
  const pending = early?.[url];
  if (!early || !pending) {
    return next(req);
  }
  delete early[url];
  const fresh = (view?.performance.now() ?? Infinity) < EARLY_RESPONSE_MAX_AGE;
  // Answers in another language than the app's (the script guessed the reader's language) are not used.
  const asked = req.headers.get('Accept-Language');
  const sameLanguage = !view?.gfmdEarlyLanguage || !asked || asked === view.gfmdEarlyLanguage;
  if (
    !fresh ||
    !sameLanguage ||
    req.method !== 'GET' ||
    req.responseType !== 'json' ||
    req.headers.has('Authorization')
  ) {
    return next(req);
  }
  return from(pending.then(toHttpResponse, () => null).then((response) => (response ? nextTask(response) : null))).pipe(
    switchMap((response): Observable<HttpEvent<unknown>> => (response ? of(response) : next(req))),
  );
};
