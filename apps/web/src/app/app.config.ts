import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import {
  TitleStrategy,
  provideRouter,
  withComponentInputBinding,
  withInMemoryScrolling,
  withRouterConfig,
} from '@angular/router';
import { AuthStore, authInterceptor } from './auth/data-access';
import { I18n } from './shared/util-i18n/i18n.service';
import { I18nTitleStrategy } from './shared/util-i18n/i18n-title.strategy';
import { earlyResponseInterceptor } from './shared/util-http/early-response.interceptor';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // The auth interceptor runs first, so a signed-in request is never answered from the early fetches.
    provideHttpClient(withFetch(), withInterceptors([authInterceptor, earlyResponseInterceptor])),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'enabled', anchorScrolling: 'enabled' }),
      // child tabs see their parents' :id / :spaceId as inputs
      withRouterConfig({ paramsInheritanceStrategy: 'always' }),
    ),
    { provide: TitleStrategy, useExisting: I18nTitleStrategy },
    // The chosen language's dictionary is loaded before the first render (no flash of English).
    provideAppInitializer(() => inject(I18n).init()),
    // The session is checked in the background; guards wait for it.
    provideAppInitializer(() => {
      void inject(AuthStore).restore();
    }),
  ],
};
