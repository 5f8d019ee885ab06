import type { Routes } from '@angular/router';
import { staffGuard } from '@gfmd/web-auth-data-access';
import { provideFeatureDefaults } from '@gfmd/web-shared-ui/form-defaults';

export const authRoutes: Routes = [
  {
    path: '',
    title: 'title.login',
    providers: provideFeatureDefaults(),
    loadComponent: () => import('./login.page').then((m) => m.LoginPage),
  },
  {
    path: 'forgot',
    title: 'title.forgotPassword',
    providers: provideFeatureDefaults(),
    loadComponent: () => import('./forgot-password.page').then((m) => m.ForgotPasswordPage),
  },
];

/** Public: the page the emailed set-password link opens (invitation or reset). */
export const setPasswordRoutes: Routes = [
  {
    path: '',
    title: 'title.setPassword',
    providers: provideFeatureDefaults(),
    loadComponent: () => import('./set-password.page').then((m) => m.SetPasswordPage),
  },
];

/** The signed-in person's own account. */
export const accountRoutes: Routes = [
  {
    path: 'password',
    title: 'title.changePassword',
    canActivate: [staffGuard],
    providers: provideFeatureDefaults(),
    loadComponent: () => import('./change-password.page').then((m) => m.ChangePasswordPage),
  },
];
