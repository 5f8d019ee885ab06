import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ContentMessageComponent, contentMessage, messageText, type ContentMessage } from './content-message';
import { I18n } from './i18n.service';

@Component({
  imports: [ContentMessageComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p role="status"><gfmd-message [message]="message()" /></p>`,
})
class HostComponent {
  readonly message = signal<ContentMessage>('');
}

describe('contentMessage', () => {
  it("puts the content in its own part with its language, around the interface's words", async () => {
    const i18n = TestBed.inject(I18n);
    await i18n.use('fr');
    const parts = contentMessage(i18n, 'common.cancel', {}, { param: 'space', text: 'Business', lang: 'en' });
    expect(parts).toEqual([{ text: i18n.t('common.cancel') }]);

    // A made-up message through the formatter: the parameter at the start, in the middle, twice.
    jest
      .spyOn(i18n, 't')
      .mockImplementation((_key, params) => `${params?.['space']} : ${params?.['name']} pour ${params?.['space']}.`);
    expect(
      contentMessage(i18n, 'common.cancel', { name: 'Amina' }, { param: 'space', text: 'Business', lang: 'en' }),
    ).toEqual([
      { text: 'Business', lang: 'en' },
      { text: ' : Amina pour ' },
      { text: 'Business', lang: 'en' },
      { text: '.' },
    ]);
  });

  it('renders the whole sentence, the content marked only in another language than the page', async () => {
    await TestBed.inject(I18n).use('fr');
    const fixture = TestBed.createComponent(HostComponent);
    const p: HTMLElement = fixture.nativeElement.querySelector('p');
    const message: ContentMessage = [{ text: 'Approuvé pour ' }, { text: 'Business', lang: 'en' }, { text: '.' }];
    fixture.componentInstance.message.set(message);
    fixture.detectChanges();
    expect(p.textContent).toBe('Approuvé pour Business.');
    expect(messageText(message)).toBe('Approuvé pour Business.');
    expect(p.querySelector('span[lang="en"]')?.textContent).toBe('Business');
    expect(p.querySelector('span')?.hasAttribute('dir')).toBe(false);

    fixture.componentInstance.message.set([{ text: 'Approuvé pour ' }, { text: 'Entreprises', lang: 'fr' }]);
    fixture.detectChanges();
    expect(p.textContent).toBe('Approuvé pour Entreprises');
    expect(p.querySelector('[lang]')).toBeNull();

    fixture.componentInstance.message.set([{ text: 'عربي', lang: 'ar' }]);
    fixture.detectChanges();
    expect(p.querySelector('span')?.getAttribute('dir')).toBe('rtl');

    fixture.componentInstance.message.set('Enregistré.');
    fixture.detectChanges();
    expect(p.textContent).toBe('Enregistré.');
    expect(p.querySelector('gfmd-message')?.children).toHaveLength(0);
  });
});
