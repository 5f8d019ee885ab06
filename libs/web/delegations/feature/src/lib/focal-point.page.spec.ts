import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { Delegate, FocalPointView } from '@gfmd/contracts';
import { FocalPointPage } from './focal-point.page';

async function settle(fixture: { whenStable(): Promise<unknown>; detectChanges(): void }): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    await fixture.whenStable();
  }
}

const TOKEN = 'F'.repeat(43);
const BASE = `/api/v1/delegations/manage/${TOKEN}`;

const view = (delegates: Partial<Delegate>[] = []): FocalPointView => ({
  delegation: {
    id: 'del1',
    name: 'Republic of Ghana',
    stakeholderGroup: 'government',
    country: 'GH',
    seats: 3,
    used: 0,
  },
  dialogue: {
    id: 'd1',
    title: 'Labour mobility corridors',
    titleLang: 'en',
    languages: ['en'],
    startsAt: '2030-05-10T08:00:00Z',
    endsAt: '2030-05-10T16:00:00Z',
    timeZone: 'Europe/Zurich',
    venue: 'Geneva',
    status: 'published',
  },
  delegates: delegates as Delegate[],
});

describe(FocalPointPage.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [FocalPointPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('names a delegate and offers an empty form for the next one, without an error on its fields', async () => {
    const fixture = TestBed.createComponent(FocalPointPage);
    fixture.componentRef.setInput('token', TOKEN);
    await settle(fixture);
    http.expectOne({ method: 'GET', url: BASE }).flush(view());
    await settle(fixture);
    http.expectOne('/api/v1/dialogues/d1/questions').flush([]);
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;

    fixture.componentInstance['form'].patchValue({
      firstName: 'Kofi',
      lastName: 'Mensah',
      email: 'kofi@mission.example.org',
      consent: true,
    });
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle(fixture);
    const kofi = {
      registrationId: 'r1',
      firstName: 'Kofi',
      lastName: 'Mensah',
      email: 'kofi@mission.example.org',
      role: 'delegate',
      status: 'confirmed',
    };
    http
      .expectOne({ method: 'POST', url: `${BASE}/delegates` })
      .flush({ ...view([kofi]), delegation: { ...view().delegation, used: 1 } });
    await settle(fixture);

    expect(el.textContent).toContain('Kofi Mensah is registered');
    const first = el.querySelector<HTMLInputElement>('input[name=firstName]');
    expect(first?.value).toBe('');
    // A submitted form stays "submitted" through a plain reset: Material then marked every empty field.
    expect([...el.querySelectorAll('mat-error')].map((e) => e.textContent?.trim())).toEqual([]);
    expect(el.querySelector('.mat-form-field-invalid')).toBeNull();
  }, 30_000);
});
