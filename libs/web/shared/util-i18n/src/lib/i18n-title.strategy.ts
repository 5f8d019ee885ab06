import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18n, isTranslationKey } from './i18n.service';

/**
 * Route `title`s are translation keys; the document title follows the language.
 * Pages with a data-driven title (a dialogue's name) call `setDynamic`.
 */
@Injectable({ providedIn: 'root' })
export class I18nTitleStrategy extends TitleStrategy {
  private readonly i18n = inject(I18n);
  private readonly title = inject(Title);
  private readonly key = signal<string | undefined>(undefined);
  private readonly dynamic = signal<string | undefined>(undefined);

  constructor() {
    super();
    effect(() => {
      const appName = this.i18n.t('app.name');
      const key = this.key();
      const page = this.dynamic() ?? (key && isTranslationKey(key) ? this.i18n.t(key) : undefined);
      this.title.setTitle(page ? `${page} · ${appName}` : appName);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.dynamic.set(undefined);
    this.key.set(this.buildTitle(snapshot));
  }

  setDynamic(text: string | undefined): void {
    this.dynamic.set(text);
  }
}
