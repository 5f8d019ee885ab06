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
import { filter } from 'rxjs';
import { AuthStore } from '@gfmd/web-auth-data-access';
import { I18n, LabelPipe, TranslatePipe, type TranslationKey, type UiLanguage } from '@gfmd/web-shared-util-i18n';

type MenuName = 'nav' | 'language' | 'user';

interface NavLink {
  path: string;
  label: TranslationKey;
}

/** Language names written in their own language, so everyone can find theirs. */
const AUTONYMS: Record<UiLanguage, string> = { en: 'English', fr: 'Français', es: 'Español', ar: 'العربية' };

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
  protected readonly menuWanted = signal<MenuName | null>(null);
  /** The stand-in button that has the focus (or had it when the loaded menus replaced it). */
  private focusedStandIn: { menu: MenuName; standIn: HTMLElement } | null = null;

  protected readonly i18n = inject(I18n);
  protected readonly auth = inject(AuthStore);
  protected readonly autonyms = AUTONYMS;
  protected readonly links = computed<NavLink[]>(() => {
    // Door staff have one page: door mode.
    if (this.auth.role() === 'door') return [{ path: '/door', label: 'nav.door' }];
    const links: NavLink[] = [
      { path: '/dialogues', label: 'nav.dialogues' },
      { path: '/timeline', label: 'nav.timeline' },
      { path: '/recommendations', label: 'nav.recommendations' },
    ];
    if (this.auth.canOrganize()) {
      links.push({ path: '/console', label: 'nav.console' });
    }
    if (this.auth.isCoordinator()) {
      links.push({ path: '/workspace', label: 'nav.workspace' });
    }
    if (this.auth.user()) {
      // Rapporteurs are staff of any role: their outcomes are listed whatever else they do.
      links.push({ path: '/workspace/outcomes', label: 'nav.myOutcomes' });
    }
    return links;
  });

  constructor() {
    // The menu asked for early opens as soon as its real trigger is on the page.
    effect(() => {
      const wanted = this.menuWanted();
      if (!wanted) return;
      const trigger = this.trigger(wanted);
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
    // The focus a stand-in had goes to its real button, so a keyboard or screen-reader user who
    // reached the header before the menus came in keeps their place.
    effect(() => {
      const triggers = { nav: this.navButton(), language: this.languageButton(), user: this.userButton() };
      const focused = this.focusedStandIn;
      const trigger = focused && triggers[focused.menu];
      if (!focused || !trigger || focused.standIn.isConnected) return;
      this.focusedStandIn = null;
      afterNextRender(
        () => {
          if (focusIsNowhere()) trigger.nativeElement.focus();
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

  protected standInFocused(menu: MenuName, event: FocusEvent): void {
    if (event.target instanceof HTMLElement) this.focusedStandIn = { menu, standIn: event.target };
  }

  /**
   * A stand-in lost the focus: forgotten, unless it lost it by leaving the page (Chromium fires
   * `blur` then; other browsers do not) — the loaded menus replaced it.
   */
  protected standInBlurred(event: FocusEvent): void {
    const focused = this.focusedStandIn;
    if (!focused || focused.standIn !== event.target) return;
    if (event.relatedTarget) {
      this.focusedStandIn = null;
      return;
    }
    queueMicrotask(() => {
      if (this.focusedStandIn === focused && focused.standIn.isConnected) this.focusedStandIn = null;
    });
  }

  protected useLanguage(language: UiLanguage): void {
    void this.i18n.use(language);
  }

  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  protected logout(): void {
    this.auth.logout();
  }

  private trigger(menu: MenuName): ElementRef<HTMLButtonElement> | undefined {
    return menu === 'nav' ? this.navButton() : menu === 'language' ? this.languageButton() : this.userButton();
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

/** No element has the focus (it was on one that left the page). */
function focusIsNowhere(): boolean {
  return !document.activeElement || document.activeElement === document.body;
}
