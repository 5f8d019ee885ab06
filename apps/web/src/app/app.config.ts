import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  APP_BOOTSTRAP_LISTENER,
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import {
  Router,
  TitleStrategy,
  provideRouter,
  withComponentInputBinding,
  withDisabledInitialNavigation,
  withInMemoryScrolling,
  withRouterConfig,
} from '@angular/router';
import { AuthStore, authInterceptor } from '@gfmd/web-auth-data-access';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { I18nTitleStrategy, provideLanguageUrls } from '@gfmd/web-shared-util-i18n';
import { earlyResponseInterceptor, languageInterceptor } from '@gfmd/web-shared-util-http';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // Every call asks for the page's language; the auth interceptor runs before the early
    // fetches, so a signed-in request is never answered from them.
    provideHttpClient(withFetch(), withInterceptors([languageInterceptor, authInterceptor, earlyResponseInterceptor])),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'enabled', anchorScrolling: 'enabled' }),
      // child tabs see their parents' :id / :spaceId as inputs
      withRouterConfig({ paramsInheritanceStrategy: 'always' }),
      // Started below, once the shell is on screen.
      withDisabledInitialNavigation(),
    ),
    // The page of the first URL renders in a task after the one that rendered the shell (header
    // and footer), not in the same one: shorter tasks on a slow phone (Total Blocking Time).
    {
      provide: APP_BOOTSTRAP_LISTENER,
      multi: true,
      useFactory: () => {
        const router = inject(Router);
        return () => setTimeout(() => router.initialNavigation());
      },
    },
    // Public pages have a URL per language (/fr/dialogues/…): the router reads and writes the prefix.
    provideLanguageUrls(),
    { provide: TitleStrategy, useExisting: I18nTitleStrategy },
    // The chosen language's dictionary is loaded before the first render (no flash of English).
    provideAppInitializer(() => inject(I18n).init()),
    // The session is checked in the background; guards wait for it.
    provideAppInitializer(() => {
      void inject(AuthStore).restore();
    }),
    // The first render starts in a task of its own, after the one that set the app up: two
    // shorter tasks instead of one long one on a slow phone (Total Blocking Time).
    provideAppInitializer(() => new Promise<void>((resolve) => setTimeout(resolve))),
  ],
};
