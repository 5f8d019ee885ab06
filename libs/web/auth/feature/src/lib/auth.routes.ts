import type { Routes } from '@angular/router';
import { provideFeatureDefaults } from '@gfmd/web-shared-ui/form-defaults';

export const authRoutes: Routes = [
  {
    path: '',
    title: 'title.login',
    providers: provideFeatureDefaults(),
    loadComponent: () => import('./login.page').then((m) => m.LoginPage),
  },
];
