import type { Route } from '@angular/router';

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'dialogues' },
  {
    path: 'login',
    title: 'title.login',
    loadComponent: () => import('./auth/feature/login.page').then((m) => m.LoginPage),
  },
  {
    path: 'forbidden',
    title: 'title.forbidden',
    loadComponent: () => import('./shell/feature/forbidden.page').then((m) => m.ForbiddenPage),
  },
  {
    path: '**',
    title: 'title.notFound',
    loadComponent: () => import('./shell/feature/not-found.page').then((m) => m.NotFoundPage),
  },
];
