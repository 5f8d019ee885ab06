import { computed, Directive, inject, input } from '@angular/core';
import { I18n } from './i18n.service';

/** Languages written right to left among the six content languages. */
const RTL = new Set(['ar']);

/**
 * Marks content that came in another language than the page's (docs/i18n.md, "Content in several
 * languages"): `<p [gfmdContentLang]="rec.textLang">{{ rec.text }}</p>` sets `lang="en"` on a
 * French page when the text fell back to English, and `dir` when the direction differs (Arabic
 * text on a left-to-right page, or the reverse), so screen readers and the browser's bidi layout
 * read it right. Nothing is set when the content is in the page's language or its language is unknown.
 */
@Directive({
  selector: '[gfmdContentLang]',
  host: { '[attr.lang]': 'lang()', '[attr.dir]': 'dir()' },
})
export class ContentLangDirective {
  private readonly i18n = inject(I18n);
  readonly gfmdContentLang = input<string | null | undefined>();

  protected readonly lang = computed(() => {
    const lang = this.gfmdContentLang();
    return lang && lang !== this.i18n.language() ? lang : null;
  });

  protected readonly dir = computed(() => {
    const lang = this.lang();
    if (!lang) return null;
    const rtl = RTL.has(lang);
    return rtl === RTL.has(this.i18n.language()) ? null : rtl ? 'rtl' : 'ltr';
  });
}
