import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import type { Dialogue } from '@gfmd/contracts';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { DelegationsConsolePage } from './delegations-console.page';

const LIST = '/api/v1/dialogues/d1/delegations';

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    await fixture.whenStable();
  }
}

/** The focal point's language: preselected from the dialogue's first language, as the API's default. */
describe(DelegationsConsolePage.name, () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<DelegationsConsolePage>;
  const dialogue = signal<Pick<Dialogue, 'id' | 'languages'> | null>(null);

  const selected = () =>
    (fixture.nativeElement as HTMLElement).querySelector('mat-select[name=focalPointLanguage]')?.textContent?.trim();

  beforeEach(async () => {
    dialogue.set(null);
    TestBed.configureTestingModule({
      imports: [DelegationsConsolePage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: DialogueStore, useValue: { dialogue } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DelegationsConsolePage);
    fixture.componentRef.setInput('id', 'd1');
    await settle(fixture);
    http.expectOne(LIST).flush({ items: [], total: 0, page: 1, pageSize: 50 });
  });

  afterEach(() => http.verify());

  it("preselects the dialogue's first language once the dialogue is read, and sends it", async () => {
    dialogue.set({ id: 'd1', languages: ['fr', 'en'] });
    await settle(fixture);
    expect(selected()).toBe('French');

    fixture.componentInstance['form'].patchValue({
      name: 'Mission du Sénégal',
      focalPointEmail: 'focal@sn.example.org',
    });
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle(fixture);
    const post = http.expectOne({ method: 'POST', url: LIST });
    expect(post.request.body).toMatchObject({ focalPointLanguage: 'fr' });
    post.flush({ id: 'x', name: 'Mission du Sénégal' });
    await settle(fixture);
    http.expectOne(LIST).flush({ items: [], total: 0, page: 1, pageSize: 50 });
    await settle(fixture);
    // The next delegation starts from the dialogue's language again.
    expect(fixture.componentInstance['form'].controls.focalPointLanguage.value).toBe('fr');
  }, 30_000);

  it("skips a first language emails are not written in, and keeps the organizer's own choice", async () => {
    dialogue.set({ id: 'd1', languages: ['ru', 'es'] });
    await settle(fixture);
    expect(selected()).toBe('Spanish');

    const control = fixture.componentInstance['form'].controls.focalPointLanguage;
    control.setValue('ar');
    control.markAsDirty();
    dialogue.set({ id: 'd1', languages: ['fr'] });
    await settle(fixture);
    expect(control.value).toBe('ar');
  }, 30_000);
});
