import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Synthesis, SynthesisRecommendation } from '@gfmd/contracts';
import { CatalogStore } from '@gfmd/web-dialogues-data-access';
import { ConfirmService } from '@gfmd/web-shared-ui/confirm';
import { SynthesisBuilderPage } from './synthesis-builder.page';

const rec = (reference: string): SynthesisRecommendation => ({
  reference,
  text: `Text of ${reference}`,
  kind: 'policy_recommendation',
  themeIds: [],
  addressedTo: [],
  dialogueId: 'd1',
  dialogueTitle: 'Dialogue one',
  dialogueStartsAt: '2027-01-05T08:00:00Z',
  informalSessionId: 's1',
  languages: ['en'],
  withdrawn: false,
  url: `https://example.org/recommendations/${reference}`,
});

const SAVED: Synthesis = {
  informalSessionId: 's1',
  title: 'Informal thematic session 1: Human rights',
  sessionNumber: 1,
  targetTitle: 'Human rights',
  targetTitleLang: 'en',
  introduction: 'Intro',
  dueAt: '2027-02-01T00:00:00.000Z',
  dueAtSet: false,
  status: 'draft',
  version: 3,
  sections: [{ title: 'First', references: ['R-1', 'R-2'] }],
  publishedVersion: null,
  publishedAt: null,
  late: false,
};

describe(SynthesisBuilderPage.name, () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<SynthesisBuilderPage>;
  let sut: HTMLElement;
  const confirm = { ask: jest.fn(() => Promise.resolve(true)) };

  const settle = async () => {
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
  };
  const button = (label: string) =>
    [...sut.querySelectorAll('button')].find(
      (b) => b.getAttribute('aria-label') === label || b.textContent?.trim() === label,
    ) as HTMLButtonElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SynthesisBuilderPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: ConfirmService, useValue: confirm },
        { provide: CatalogStore, useValue: { load: () => Promise.resolve(), themes: signal([]) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SynthesisBuilderPage);
    fixture.componentRef.setInput('target', 'informal-sessions');
    fixture.componentRef.setInput('id', 's1');
    sut = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne('/api/v1/informal-sessions/s1/synthesis').flush(SAVED);
    http.expectOne('/api/v1/informal-sessions/s1/synthesis/candidates').flush([rec('R-1'), rec('R-2'), rec('R-3')]);
    http.expectOne('/api/v1/informal-sessions/s1/synthesis/subscribers').flush([]);
    await settle();
  });
  afterEach(() => http.verify());

  it('orders with the keyboard buttons, adds from the candidates, and saves with the version read', async () => {
    expect(sut.querySelector('h1')?.textContent).toContain('Informal thematic session 1');
    expect([...sut.querySelectorAll('.ref strong')].map((e) => e.textContent)).toEqual(['R-1', 'R-2']);
    expect(button('Move R-1 up').disabled).toBe(true);
    button('Move R-1 down').click();
    await settle();
    expect([...sut.querySelectorAll('.ref strong')].map((e) => e.textContent)).toEqual(['R-2', 'R-1']);
    expect(sut.querySelector('[role="status"]')?.textContent).toContain('Move R-1 down');

    button('Add R-3 to section 1').click();
    await settle();
    button('Save').click();
    const put = http.expectOne({ method: 'PUT', url: '/api/v1/informal-sessions/s1/synthesis' });
    expect(put.request.body).toMatchObject({
      introduction: 'Intro',
      dueAt: null,
      version: 3,
      sections: [{ title: 'First', references: ['R-2', 'R-1', 'R-3'] }],
    });
    put.flush({ ...SAVED, version: 4, sections: put.request.body.sections });
    await settle();
    expect(sut.textContent).toContain('Saved.');
  });

  it('has a tab per language other than English for the introduction, and saves the French one', async () => {
    const fields = sut.querySelector('gfmd-translation-fields') as HTMLElement;
    const tabs = [...fields.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    const names = tabs.map((t) => t.textContent?.replace(/⚠.*/s, '').trim());
    expect([...names].sort()).toEqual(['Arabic', 'Chinese', 'French', 'Russian', 'Spanish']);
    const tab = tabs[names.indexOf('French')];
    expect(tab.textContent).toContain('translation missing');
    tab.click();
    await settle();
    const french = fields.querySelector('[role=tabpanel] textarea') as HTMLTextAreaElement;
    expect(french.getAttribute('lang')).toBe('fr');
    expect(fields.querySelector('[role=tabpanel]')?.textContent).toContain('Intro');
    french.value = 'Introduction en français';
    french.dispatchEvent(new Event('input'));
    await settle();
    expect(tab.textContent).not.toContain('translation missing');
    button('Save').click();
    const put = http.expectOne({ method: 'PUT', url: '/api/v1/informal-sessions/s1/synthesis' });
    expect(put.request.body.translations).toEqual({
      fr: { introduction: 'Introduction en français' },
      es: { introduction: '' },
      ar: { introduction: '' },
      ru: { introduction: '' },
      zh: { introduction: '' },
    });
    put.flush({ ...SAVED, version: 4, translations: { fr: { introduction: 'Introduction en français' } } });
    await settle();
  });

  it('publishes after confirming, and refuses to publish unsaved changes', async () => {
    button('Remove R-2').click();
    await settle();
    button('Publish').click();
    await settle();
    expect(confirm.ask).not.toHaveBeenCalled();
    expect(sut.textContent).toContain('Save your changes before publishing.');
    button('Save').click();
    http.expectOne({ method: 'PUT' }).flush({ ...SAVED, version: 4, sections: [{ references: ['R-1'] }] });
    await settle();
    button('Publish').click();
    await settle();
    expect(confirm.ask).toHaveBeenCalled();
    http
      .expectOne({ method: 'POST', url: '/api/v1/informal-sessions/s1/synthesis/publish' })
      .flush({ ...SAVED, version: 4, status: 'published', publishedVersion: 4 });
    await settle();
    expect(sut.textContent).toContain('Published: the subscribers are being emailed.');
  });
});
