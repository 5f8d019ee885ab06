import type { Routes } from '@angular/router';
import { provideFeatureDefaults } from '@gfmd/web-shared-ui/form-defaults';

export const manageRoutes: Routes = [
  {
    path: '',
    providers: provideFeatureDefaults(),
    loadComponent: () => import('./manage.page').then((m) => m.ManagePage),
  },
];
