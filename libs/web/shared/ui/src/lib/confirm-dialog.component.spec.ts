import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { ConfirmDialogComponent, type ConfirmDialogData } from './confirm-dialog.component';

describe(ConfirmDialogComponent.name, () => {
  async function render(message: ConfirmDialogData['message']): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [ConfirmDialogComponent],
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: { title: 'Refuser ?', message, confirm: 'Refuser', cancel: 'Annuler' } },
        { provide: MatDialogRef, useValue: { close: jest.fn() } },
      ],
    });
    await TestBed.inject(I18n).use('fr', { remember: false });
    const fixture = TestBed.createComponent(ConfirmDialogComponent);
    fixture.detectChanges();
    return fixture.nativeElement;
  }

  it('marks content named in the message that is in another language than the page', async () => {
    const el = await render([
      { text: 'Sa demande pour ' },
      { text: 'Business space', lang: 'en' },
      { text: ' est refusée.' },
    ]);
    const p = el.querySelector('p')!;
    expect(p.textContent).toBe('Sa demande pour Business space est refusée.');
    expect(p.querySelector('span[lang="en"]')?.textContent).toBe('Business space');
  });

  it('shows a plain message as it is', async () => {
    const el = await render('Les modifications seront perdues.');
    expect(el.querySelector('p')?.textContent).toBe('Les modifications seront perdues.');
    expect(el.querySelector('p [lang]')).toBeNull();
  });
});
