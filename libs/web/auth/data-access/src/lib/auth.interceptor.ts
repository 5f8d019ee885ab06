import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { AuthStore } from './auth.store';

/** Adds `Authorization: Bearer` to calls of our API and ends the session on a 401. */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthStore);
  const token = auth.token();
  const isApi = req.url.startsWith('/api/');
  const request = token && isApi ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
  return next(request).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        token &&
        isApi &&
        !req.url.endsWith('/auth/login') &&
        !req.url.endsWith('/auth/me')
      ) {
        auth.expire();
      }
      return throwError(() => error);
    }),
  );
};
