import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ContentLangDirective } from './content-lang.directive';
import { I18n } from './i18n.service';

@Component({
  imports: [ContentLangDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p [gfmdContentLang]="lang()">text</p>`,
})
class HostComponent {
  readonly lang = signal<string | null>(null);
}

describe(ContentLangDirective.name, () => {
  it('marks content in another language than the page with lang, and dir when the direction differs', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    const p = () => fixture.nativeElement.querySelector('p') as HTMLElement;
    const i18n = TestBed.inject(I18n);
    await i18n.use('fr', { remember: false });
    fixture.detectChanges();
    expect(p().hasAttribute('lang')).toBe(false);

    fixture.componentInstance.lang.set('fr');
    fixture.detectChanges();
    expect(p().hasAttribute('lang')).toBe(false);

    fixture.componentInstance.lang.set('en');
    fixture.detectChanges();
    expect(p().getAttribute('lang')).toBe('en');
    expect(p().hasAttribute('dir')).toBe(false);

    fixture.componentInstance.lang.set('ar');
    fixture.detectChanges();
    expect(p().getAttribute('lang')).toBe('ar');
    expect(p().getAttribute('dir')).toBe('rtl');
  });
});
