import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ContentTranslations, ReaderLanguage } from '@gfmd/contracts';
import { I18n } from '@gfmd/web-shared-util-i18n';
import {
  TranslationDraft,
  TranslationFieldsComponent,
  translationsToSend,
  type TranslatedField,
} from './translation-fields.component';

@Component({
  imports: [TranslationFieldsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<gfmd-translation-fields
    [languages]="languages"
    source="en"
    [fields]="fields"
    [sourceValues]="{ title: 'Labour mobility', summary: '' }"
    [value]="value()"
    (valueChange)="sent.push($event)"
  />`,
})
class HostComponent {
  readonly languages: ReaderLanguage[] = ['en', 'fr', 'es', 'ar'];
  readonly fields: TranslatedField[] = [
    { key: 'title', label: 'Title', max: 200 },
    { key: 'summary', label: 'Summary', max: 5000, multiline: true },
  ];
  readonly value = signal<ContentTranslations>({ fr: { title: 'Mobilité' } });
  readonly sent: ContentTranslations[] = [];
}

describe(TranslationFieldsComponent.name, () => {
  afterEach(() => (document.body.innerHTML = ''));

  async function render() {
    const fixture = TestBed.createComponent(HostComponent);
    document.body.append(fixture.nativeElement as HTMLElement);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const tabs = () => [...el.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    const selected = () =>
      tabs()
        .find((t) => t.getAttribute('aria-selected') === 'true')
        ?.textContent?.trim();
    const key = async (name: string) => {
      const tab = tabs().find((t) => t.tabIndex === 0) as HTMLButtonElement;
      tab.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
      await fixture.whenStable();
    };
    return { fixture, el, tabs, selected, key, host: fixture.componentInstance };
  }

  it('is a tablist with one tab stop: arrows, Home and End move and select; the panel is labelled by its tab', async () => {
    const { el, tabs, selected, key } = await render();
    expect(el.querySelector('[role=tablist]')?.getAttribute('aria-label')).toBe('Languages of the content');
    expect(tabs().map((t) => t.textContent?.trim().split(/\s/)[0])).toEqual(['French', 'Spanish', 'Arabic']);
    expect(tabs().map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    await key('ArrowRight');
    expect(selected()).toMatch(/^Spanish/);
    expect(document.activeElement).toBe(tabs()[1]);
    await key('End');
    expect(selected()).toMatch(/^Arabic/);
    await key('ArrowRight'); // wraps round
    expect(selected()).toMatch(/^French/);
    await key('ArrowLeft');
    expect(selected()).toMatch(/^Arabic/);
    await key('Home');
    expect(selected()).toMatch(/^French/);
    const panel = el.querySelector('[role=tabpanel]') as HTMLElement;
    expect(panel.getAttribute('aria-labelledby')).toBe(tabs()[0].id);
    expect(tabs()[0].getAttribute('aria-controls')).toBe(panel.id);
  });

  it('arrows follow the page direction: in Arabic the right arrow goes back', async () => {
    await TestBed.inject(I18n).use('ar');
    const { selected, key, tabs } = await render();
    const names = tabs().map((t) => t.textContent?.trim());
    await key('ArrowLeft'); // the next tab, on its left in a right-to-left page
    expect(selected()).toBe(names[1]);
    await key('ArrowRight');
    expect(selected()).toBe(names[0]);
    await TestBed.inject(I18n).use('en');
  });

  it('a textarea for a multiline field, lang and dir of its language, a new value replacing what was typed', async () => {
    const { fixture, el, tabs, host } = await render();
    const summary = el.querySelector<HTMLTextAreaElement>('[role=tabpanel] textarea') as HTMLTextAreaElement;
    expect(summary.getAttribute('lang')).toBe('fr');
    expect(summary.getAttribute('dir')).toBe('ltr');
    summary.value = 'Pourquoi';
    summary.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(host.sent.at(-1)).toEqual({ fr: { title: 'Mobilité', summary: 'Pourquoi' } });

    tabs()[2].click();
    await fixture.whenStable();
    expect(el.querySelector('[role=tabpanel] input')?.getAttribute('dir')).toBe('rtl');

    // Another record opened: its stored translations replace what was typed.
    host.value.set({ fr: { title: 'Autre' } });
    tabs()[0].click();
    await fixture.whenStable();
    expect(el.querySelector<HTMLInputElement>('[role=tabpanel] input')?.value).toBe('Autre');
    expect(el.querySelector<HTMLTextAreaElement>('[role=tabpanel] textarea')?.value).toBe('');
  });
});

describe(translationsToSend.name, () => {
  it('sends every listed language but the source, trimmed, "" to remove; others are not sent', () => {
    expect(
      translationsToSend({ fr: { title: ' Titre ' }, ru: { title: 'x' } }, ['en', 'fr', 'es'], ['title', 'summary']),
    ).toEqual({ fr: { title: 'Titre', summary: '' }, es: { title: '', summary: '' } });
  });

  it('TranslationDraft: opened with a record, typed, reset for a new one; languages never written not sent', () => {
    const draft = new TranslationDraft();
    draft.open({ fr: { title: 'Titre' } });
    expect(draft.stored()).toEqual({ fr: { title: 'Titre' } });
    draft.type({ fr: { title: 'Nouveau' }, ar: { title: '' } });
    expect(draft.toSend(['en', 'fr', 'es', 'ar'], ['title'])).toEqual({ fr: { title: 'Nouveau' }, ar: { title: '' } });
    draft.open();
    expect(draft.toSend(['en', 'fr'], ['title'])).toEqual({});
  });
});
