import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { CatalogStore } from '@gfmd/web-dialogues-data-access';
import { RecommendationSearchPage } from './recommendation-search.page';

describe(RecommendationSearchPage.name, () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<RecommendationSearchPage>;
  let sut: HTMLElement;
  let navigate: jest.SpyInstance;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [RecommendationSearchPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: CatalogStore,
          useValue: { load: () => Promise.resolve(), themes: signal([]), sessions: signal([]) },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(RecommendationSearchPage);
    fixture.componentRef.setInput('q', 'travailleurs migrants');
    fixture.componentRef.setInput('kind', 'good_practice');
    fixture.componentRef.setInput('page', '2');
    sut = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function settle(): Promise<void> {
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
  }

  it('searches with the URL’s query and renders highlighted results safely, with paging', async () => {
    const req = http.expectOne((r) => r.url === '/api/v1/recommendations');
    expect(req.request.params.get('q')).toBe('travailleurs migrants');
    expect(req.request.params.get('kind')).toBe('good_practice');
    expect(req.request.params.get('page')).toBe('2');
    req.flush({
      items: [
        {
          reference: 'GFMD-GCM-T3-D12-R04',
          text: 'Protéger les travailleurs migrants <img src=x>',
          highlight: 'Protéger les <mark>travailleurs</mark> <mark>migrants</mark> <img src=x>',
          kind: 'good_practice',
          dialogueId: 'd12',
          dialogueTitle: 'Dialogue',
          publishedAt: '2026-11-02T10:00:00Z',
        },
      ],
      total: 45,
      page: 2,
      pageSize: 20,
    });
    await settle();
    expect([...sut.querySelectorAll('.result mark')].map((m) => m.textContent)).toEqual(['travailleurs', 'migrants']);
    expect(sut.querySelector('.result img')).toBeNull();
    expect(sut.querySelector('[role=status]')?.textContent).toContain('45 recommendations found');
    expect(sut.querySelector('.paging')?.textContent).toContain('Page 2 of 3');
    expect(sut.querySelector('a[href="/recommendations/GFMD-GCM-T3-D12-R04"]')).not.toBeNull();

    const next = [...sut.querySelectorAll('button')].find((b) => b.textContent?.includes('Next page'));
    next?.click();
    expect(navigate).toHaveBeenCalledWith([], { queryParams: { page: '3' }, queryParamsHandling: 'merge' });
  });

  it('puts a new search in the URL and starts again from the first page', async () => {
    http.expectOne((r) => r.url === '/api/v1/recommendations').flush({ items: [], total: 0, page: 2, pageSize: 20 });
    await settle();
    expect(sut.textContent).toContain('No published recommendation matches');
    const input = sut.querySelector('input[type=search]') as HTMLInputElement;
    expect(input.value).toBe('travailleurs migrants');
    input.value = '  viviendas  ';
    input.dispatchEvent(new Event('input'));
    sut.querySelector('form')?.dispatchEvent(new Event('submit'));
    expect(navigate).toHaveBeenCalledWith([], {
      queryParams: { q: 'viviendas', page: null },
      queryParamsHandling: 'merge',
    });
  });
});
