import type { Routes } from '@angular/router';
import { provideFeatureDefaults } from '../../shared/ui/form-defaults.provider';

export const manageRoutes: Routes = [
  {
    path: '',
    providers: provideFeatureDefaults(),
    loadComponent: () => import('./manage.page').then((m) => m.ManagePage),
  },
];
