import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { catchError, from, switchMap, throwError } from 'rxjs';

/**
 * Every API call asks for the page's language (`Accept-Language`), so problem+json comes back
 * in it. An error answered in another language (`Content-Language`) is put in the app's own
 * words; that mapping loads only then, so it stays out of the first load.
 */
export const languageInterceptor: HttpInterceptorFn = (req, next) => {
  const i18n = inject(I18n);
  const language = i18n.language();
  const request = req.headers.has('Accept-Language') ? req : req.clone({ setHeaders: { 'Accept-Language': language } });
  return next(request).pipe(
    catchError((error: unknown) => {
      const answered = error instanceof HttpErrorResponse ? error.headers?.get('Content-Language') : null;
      if (
        !(error instanceof HttpErrorResponse) ||
        error.status === 0 ||
        answered?.slice(0, 2).toLowerCase() === language
      ) {
        return throwError(() => error);
      }
      return from(import('./problem-language.util')).pipe(
        switchMap((m) => throwError(() => m.localizeProblemResponse(error, language, (key) => i18n.t(key)))),
      );
    }),
  );
};
