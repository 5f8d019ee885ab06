import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { TranslatePipe } from '@gfmd/web-shared-util-i18n';

/** @deprecated With ContentLanguageTabsComponent. The six content languages, each named in itself (a reader finds their own). */
export const CONTENT_LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
  ru: 'Русский',
  zh: '中文',
};

/**
 * @deprecated Use `TranslationFieldsComponent` (`@gfmd/web-shared-ui/translation-fields`), the one
 * translation editor (issue 17): this remains only for the outcome editor until it moves, and is
 * removed then.
 *
 * One tab per language of a record's content (docs/i18n.md, "Content in several languages"): the
 * source first, then the others; a tab whose language lacks some of the source's fields says so in
 * words and with a sign (not colour only). The fields of the selected language are projected into
 * the tab panel.
 *
 * ```html
 * <gfmd-content-language-tabs [languages]="['en','fr','es','ar','ru','zh']" source="en"
 *   [missing]="missingByLanguage()" [(selected)]="editLanguage">…fields…</gfmd-content-language-tabs>
 * ```
 */
@Component({
  selector: 'gfmd-content-language-tabs',
  imports: [MatTabNav, MatTabLink, MatTabNavPanel, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    nav {
      margin-bottom: 1rem;
    }
    .missing {
      margin-inline-start: 0.4rem;
    }
  `,
  template: `
    <nav
      mat-tab-nav-bar
      class="gfmd-tab-nav"
      [tabPanel]="panel"
      [disablePagination]="true"
      [attr.aria-label]="'editor.translations.languages' | t"
    >
      @for (lang of ordered(); track lang) {
        <a mat-tab-link href="" [active]="selected() === lang" [attr.data-lang]="lang" (click)="choose($event, lang)"
          ><span [attr.lang]="lang">{{ name(lang) }}</span>
          @if (lang === source()) {
            <span class="gfmd-muted missing">({{ 'editor.translations.source' | t }})</span>
          } @else if (missing()[lang]; as count) {
            <span class="gfmd-chip gfmd-chip--warn missing"
              ><span aria-hidden="true">⚠ </span>{{ 'editor.translations.missingCount' | t: { count } }}</span
            >
          }
        </a>
      }
    </nav>
    <mat-tab-nav-panel #panel>
      <ng-content />
    </mat-tab-nav-panel>
  `,
})
export class ContentLanguageTabsComponent {
  /** The languages offered: the source first, then English, French, Spanish, Arabic, Russian, Chinese. */
  readonly languages = input<readonly string[]>(['en', 'fr', 'es', 'ar', 'ru', 'zh']);
  /** The language the record's own fields are written in. */
  readonly source = input('en');
  /** Per language, how many fields written in the source are not translated (0 or absent: complete). */
  readonly missing = input<Readonly<Record<string, number>>>({});
  readonly selected = model('en');

  protected ordered(): string[] {
    const source = this.source();
    const order = Object.keys(CONTENT_LANGUAGE_NAMES);
    const rank = (l: string) => (order.includes(l) ? order.indexOf(l) : order.length);
    return [source, ...this.languages().filter((l) => l !== source)].sort((a, b) =>
      a === source ? -1 : b === source ? 1 : rank(a) - rank(b),
    );
  }

  protected name(lang: string): string {
    return CONTENT_LANGUAGE_NAMES[lang] ?? lang;
  }

  protected choose(event: Event, lang: string): void {
    event.preventDefault();
    this.selected.set(lang);
  }
}

/** @deprecated With ContentLanguageTabsComponent. A field's translation state for a marker under it: written in the source but empty in this language. */
export const isMissingTranslation = (source: string | null | undefined, translated: string | null | undefined) =>
  !!source?.trim() && !translated?.trim();
