import type { Routes } from '@angular/router';
import { provideFeatureDefaults } from '@gfmd/web-shared-ui/form-defaults';
import { loadRegisterPage, loadRegistrationResultPage } from '@gfmd/web-registrations-feature';

/** Public pages of a dialogue: list, registration and its result (the detail page is in app.routes). */
export const dialoguesRoutes: Routes = [
  {
    path: '',
    providers: provideFeatureDefaults(),
    children: [
      {
        path: '',
        title: 'title.dialogues',
        loadComponent: () => import('./dialogue-list.page').then((m) => m.DialogueListPage),
      },
      {
        path: ':id/register',
        title: 'title.register',
        loadComponent: loadRegisterPage,
      },
      {
        path: ':id/registered',
        title: 'title.registered',
        loadComponent: loadRegistrationResultPage,
      },
    ],
  },
];
