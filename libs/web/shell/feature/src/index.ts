// The shell is in the initial bundle; its error pages load lazily.
export * from './lib/shell.component';
export const loadForbiddenPage = () => import('./lib/forbidden.page').then((m) => m.ForbiddenPage);
export const loadNotFoundPage = () => import('./lib/not-found.page').then((m) => m.NotFoundPage);
