import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { catchError, throwError } from 'rxjs';
import { localizeProblemResponse } from './problem-language.util';

/**
 * Every API call asks for the page's language (`Accept-Language`), so problem+json comes back
 * in it; an error answered in another language is put in the app's own words.
 */
export const languageInterceptor: HttpInterceptorFn = (req, next) => {
  const i18n = inject(I18n);
  const language = i18n.language();
  const request = req.headers.has('Accept-Language') ? req : req.clone({ setHeaders: { 'Accept-Language': language } });
  return next(request).pipe(
    catchError((error: unknown) => throwError(() => localizeProblemResponse(error, language, (key) => i18n.t(key)))),
  );
};
