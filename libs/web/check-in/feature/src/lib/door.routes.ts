import type { Routes } from '@angular/router';
import { roleGuard } from '@gfmd/web-auth-data-access';
import { provideFeatureDefaults } from '@gfmd/web-shared-ui/form-defaults';

/** Door mode: for organizers, coordinators and door staff (the only page door staff have). */
export const doorRoutes: Routes = [
  {
    path: '',
    canActivate: [roleGuard('admin', 'organizer', 'coordinator', 'door')],
    providers: provideFeatureDefaults(),
    children: [
      { path: '', title: 'title.door', loadComponent: () => import('./door.page').then((m) => m.DoorPage) },
      { path: ':id', title: 'title.door', loadComponent: () => import('./door.page').then((m) => m.DoorPage) },
    ],
  },
];
