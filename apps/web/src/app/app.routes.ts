import type { Route } from '@angular/router';

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'dialogues' },
  {
    path: 'dialogues',
    loadChildren: () => import('./dialogues/feature/dialogues.routes').then((m) => m.dialoguesRoutes),
  },
  {
    path: 'timeline',
    title: 'title.timeline',
    loadComponent: () => import('./timeline/feature/timeline.page').then((m) => m.TimelinePage),
  },
  {
    path: 'manage/:token',
    title: 'title.manage',
    loadChildren: () => import('./registrations/feature/manage.routes').then((m) => m.manageRoutes),
  },
  {
    path: 'console',
    loadChildren: () => import('./console/feature/console.routes').then((m) => m.consoleRoutes),
  },
  {
    path: 'workspace',
    loadChildren: () => import('./coordinator/feature/workspace.routes').then((m) => m.workspaceRoutes),
  },
  {
    path: 'login',
    loadChildren: () => import('./auth/feature/auth.routes').then((m) => m.authRoutes),
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
