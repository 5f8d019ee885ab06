import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatDivider } from '@angular/material/divider';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { Language } from '@gfmd/contracts';
import { filter } from 'rxjs';
import { AuthStore } from '@gfmd/web-auth-data-access';
import { I18n, LabelPipe, TranslatePipe, type TranslationKey } from '@gfmd/web-shared-util-i18n';

interface NavLink {
  path: string;
  label: TranslationKey;
}

/** Language names written in their own language, so everyone can find theirs. */
const AUTONYMS: Record<Language, string> = { en: 'English', fr: 'Français', es: 'Español' };

@Component({
  selector: 'gfmd-shell',
  imports: [
    NgTemplateOutlet,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatDivider,
    TranslatePipe,
    LabelPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
})
export class ShellComponent {
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  /** The menus' trigger buttons, once the deferred menus are in (see the template). */
  private readonly navButton = viewChild<ElementRef<HTMLButtonElement>>('navButton');
  private readonly languageButton = viewChild<ElementRef<HTMLButtonElement>>('languageButton');
  private readonly userButton = viewChild<ElementRef<HTMLButtonElement>>('userButton');
  /** A menu asked for on a stand-in button, before the menus were loaded. */
  protected readonly menuWanted = signal<'nav' | 'language' | 'user' | null>(null);

  protected readonly i18n = inject(I18n);
  protected readonly auth = inject(AuthStore);
  protected readonly autonyms = AUTONYMS;
  protected readonly links = computed<NavLink[]>(() => {
    const links: NavLink[] = [
      { path: '/dialogues', label: 'nav.dialogues' },
      { path: '/timeline', label: 'nav.timeline' },
    ];
    if (this.auth.canOrganize()) {
      links.push({ path: '/console', label: 'nav.console' });
    }
    if (this.auth.isCoordinator()) {
      links.push({ path: '/workspace', label: 'nav.workspace' });
    }
    return links;
  });

  constructor() {
    // The menu asked for early opens as soon as its real trigger is on the page.
    effect(() => {
      const wanted = this.menuWanted();
      if (!wanted) return;
      const trigger = wanted === 'nav' ? this.navButton() : wanted === 'language' ? this.languageButton() : this.userButton();
      if (!trigger) return;
      untracked(() => this.menuWanted.set(null));
      // After this render, when the trigger has its menu.
      afterNextRender(
        () => {
          trigger.nativeElement.focus();
          trigger.nativeElement.click();
        },
        { injector: this.injector },
      );
    });
    let lastPath: string | undefined;
    this.router.events
      .pipe(
        filter((event): event is NavigationEnd => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe((event) => {
        const path = event.urlAfterRedirects.split(/[?#]/)[0];
        // Move focus only when the page changes, not when a filter rewrites the query string.
        if (lastPath !== undefined && path !== lastPath && !this.keepsFocus()) {
          afterNextRender(() => this.focusPageHeading(), { injector: this.injector });
        }
        lastPath = path;
      });
  }

  protected useLanguage(language: Language): void {
    void this.i18n.use(language);
  }

  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  protected logout(): void {
    this.auth.logout();
  }

  /** Tabs inside a page (route data `keepFocus`) leave focus on the tab the person chose. */
  private keepsFocus(): boolean {
    let route = this.router.routerState.snapshot.root;
    while (route.firstChild) {
      route = route.firstChild;
    }
    return route.data['keepFocus'] === true;
  }

  /** Puts keyboard and screen-reader focus on the new page's heading. */
  private focusPageHeading(): void {
    const main = this.main().nativeElement;
    const heading = main.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    } else {
      main.focus();
    }
  }
}
