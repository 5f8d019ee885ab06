import type { Routes } from '@angular/router';
import { provideFeatureDefaults } from '../../shared/ui/form-defaults.provider';

export const authRoutes: Routes = [
  {
    path: '',
    title: 'title.login',
    providers: provideFeatureDefaults(),
    loadComponent: () => import('./login.page').then((m) => m.LoginPage),
  },
];
