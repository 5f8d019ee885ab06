import { Directive, computed, inject, input } from '@angular/core';
import type { ReaderLanguage } from '@gfmd/contracts';
import { I18n } from './i18n.service';

/** Languages written right to left among the six content languages. */
const RTL: readonly string[] = ['ar'];

/**
 * The `lang` (and `dir`) of an element whose words came in another language than the page's
 * (docs/i18n.md, "Content in several languages"): the API says which with `titleLang`,
 * `summaryLang`…; nothing is set when the words are in the page's language.
 */
export function contentLangAttrs(
  fieldLang: ReaderLanguage | string | null | undefined,
  pageLang: string,
): { lang: string | null; dir: 'rtl' | 'ltr' | null } {
  if (!fieldLang || fieldLang === pageLang) return { lang: null, dir: null };
  const rtl = RTL.includes(fieldLang);
  // The direction only where it differs from the page's (an English title on an Arabic page too).
  return { lang: fieldLang, dir: rtl !== RTL.includes(pageLang) ? (rtl ? 'rtl' : 'ltr') : null };
}

/** `<h1 [gfmdContentLang]="d.titleLang">`: sets `lang` and `dir` from contentLangAttrs. */
@Directive({
  selector: '[gfmdContentLang]',
  host: { '[attr.lang]': 'attrs().lang', '[attr.dir]': 'attrs().dir' },
})
export class ContentLangDirective {
  private readonly i18n = inject(I18n);
  readonly gfmdContentLang = input<ReaderLanguage | string | null | undefined>(undefined);
  protected readonly attrs = computed(() => contentLangAttrs(this.gfmdContentLang(), this.i18n.language()));
}
