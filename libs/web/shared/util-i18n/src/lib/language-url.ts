import { DOCUMENT, Location } from '@angular/common';
import {
  DestroyRef,
  type EnvironmentProviders,
  Injectable,
  effect,
  inject,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
  untracked,
} from '@angular/core';
import { DefaultUrlSerializer, NavigationEnd, Router, type UrlTree, UrlSerializer } from '@angular/router';
import {
  RTL_LANGUAGES,
  URL_LANGUAGES,
  isIndexableWebPath,
  isPublicWebPath,
  languagePath,
  splitLanguagePath,
} from '@gfmd/contracts';
import { filter } from 'rxjs';
import { I18n, isLanguage, languageOfPath } from './i18n.service';

/**
 * Routes know no language prefix: a URL is read without it (`/fr/dialogues/1` → `dialogues/1`)
 * and a public page's URL is written with the page's language (`/es/dialogues/1`), so every
 * link (routerLink, navigate) of a public page points at the page in the language on screen.
 * Staff pages (console, workspace, door, login, account) have none.
 */
@Injectable()
export class LanguageUrlSerializer extends DefaultUrlSerializer {
  private readonly i18n = inject(I18n);

  override parse(url: string): UrlTree {
    return super.parse(splitLanguagePath(url).path);
  }

  override serialize(tree: UrlTree): string {
    const url = super.serialize(tree);
    return isPublicWebPath(url) ? languagePath(this.i18n.language(), url) : url;
  }
}

/**
 * Keeps the address bar, `<html lang dir>` and the head's links in step with the language: the
 * header's language menu moves a public page to its URL in the new language (the same history
 * entry); going back to a URL in another language switches to it; a public page gets a canonical
 * link and one `hreflang` alternate per language plus `x-default` (the bare path, which shows the
 * reader's own language).
 */
@Injectable({ providedIn: 'root' })
export class LanguageUrlSync {
  private readonly document = inject(DOCUMENT);
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  private readonly i18n = inject(I18n);

  start(): void {
    let navigated = false;
    const subscription = this.router.events
      .pipe(filter((event): event is NavigationEnd => event instanceof NavigationEnd))
      .subscribe(() => {
        navigated = true;
        this.updateHead();
      });
    // Back/forward to the page in another language: the URL's language wins.
    const popstate = this.location.subscribe((event) => {
      const language = languageOfPath(event.url);
      if (language && language !== this.i18n.language()) void this.i18n.use(language, { remember: false });
    });
    effect(() => {
      const language = this.i18n.language();
      untracked(() => {
        this.document.documentElement.dir = RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
        if (!navigated) return;
        const url = this.router.url;
        if (isPublicWebPath(splitLanguagePath(url).path) && !this.location.isCurrentPathEqualTo(url))
          this.location.replaceState(url);
        this.updateHead();
      });
    });
    inject(DestroyRef).onDestroy(() => {
      subscription.unsubscribe();
      popstate.unsubscribe();
    });
  }

  /** Canonical and hreflang links of the page on screen (none outside the public pages). */
  private updateHead(): void {
    const head = this.document.head;
    for (const link of Array.from(head.querySelectorAll('link[rel="canonical"], link[rel="alternate"][hreflang]')))
      link.remove();
    const path = splitLanguagePath(this.router.url.split('#')[0]).path;
    if (!isIndexableWebPath(path)) return;
    const origin = this.document.location?.origin ?? '';
    const add = (attributes: Record<string, string>) => {
      const link = this.document.createElement('link');
      for (const [name, value] of Object.entries(attributes)) link.setAttribute(name, value);
      head.appendChild(link);
    };
    add({ rel: 'canonical', href: origin + languagePath(this.i18n.language(), path) });
    for (const language of URL_LANGUAGES.filter(isLanguage))
      add({ rel: 'alternate', hreflang: language, href: origin + languagePath(language, path) });
    add({ rel: 'alternate', hreflang: 'x-default', href: origin + path });
  }
}

/** The router's URLs with a language prefix on public pages, and the sync above (app.config.ts). */
export function provideLanguageUrls(): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: UrlSerializer, useClass: LanguageUrlSerializer },
    provideEnvironmentInitializer(() => inject(LanguageUrlSync).start()),
  ]);
}
