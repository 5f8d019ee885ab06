import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { Role } from '@gfmd/contracts';
import { AuthStore } from './auth.store';

/** Lets signed-in staff with one of `roles` through; others go to the login page (or home). */
export function roleGuard(...roles: Role[]): CanActivateFn {
  return async (_route, state) => {
    const auth = inject(AuthStore);
    const router = inject(Router);
    await auth.restore();
    if (!auth.isLoggedIn()) {
      return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
    }
    return auth.hasRole(roles) ? true : router.createUrlTree(['/forbidden']);
  };
}

export const staffGuard: CanActivateFn = roleGuard('admin', 'organizer', 'coordinator');
export const organizerGuard: CanActivateFn = roleGuard('admin', 'organizer');
export const adminGuard: CanActivateFn = roleGuard('admin');
