import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PublishedRecommendation } from '@gfmd/contracts';
import { CatalogStore } from '@gfmd/web-dialogues-data-access';
import { RecommendationPage } from './recommendation.page';

const REC: PublishedRecommendation = {
  reference: 'GFMD-GCM-T3-D12-R04',
  text: 'Protect migrant workers in every supply chain.',
  kind: 'policy_recommendation',
  themeIds: ['t1'],
  addressedTo: ['government', 'private_sector'],
  spaceId: null,
  dialogueId: 'd12',
  dialogueTitle: 'Labour migration dialogue',
  dialogueStartsAt: '2026-10-01T08:00:00Z',
  informalSessionId: 's1',
  firstPublishedAt: '2026-10-20T10:00:00Z',
  publishedAt: '2026-11-02T10:00:00Z',
  withdrawn: true,
  url: 'https://example.org/recommendations/GFMD-GCM-T3-D12-R04',
  cite: 'GFMD (2026). Labour migration dialogue. GFMD-GCM-T3-D12-R04.',
  history: [
    {
      text: 'Protect migrant workers.',
      kind: 'good_practice',
      themeIds: [],
      addressedTo: [],
      publishedAt: '2026-10-20T10:00:00Z',
    },
  ],
};

describe(RecommendationPage.name, () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<RecommendationPage>;
  let sut: HTMLElement;

  async function open(reference: string): Promise<void> {
    TestBed.configureTestingModule({
      imports: [RecommendationPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: CatalogStore,
          useValue: {
            load: () => Promise.resolve(),
            themesById: signal(new Map([['t1', { id: 't1', code: 'T3', title: 'Labour migration' }]])),
          },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RecommendationPage);
    fixture.componentRef.setInput('reference', reference);
    sut = fixture.nativeElement;
    await fixture.whenStable();
  }

  async function settle(): Promise<void> {
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('shows the recommendation, its facts, citation, corrections and withdrawn state', async () => {
    await open(REC.reference);
    http.expectOne(`/api/v1/recommendations/${REC.reference}`).flush(REC);
    await settle();
    expect(sut.querySelector('h1')?.textContent).toContain(REC.reference);
    expect(sut.querySelector('blockquote')?.textContent).toContain(REC.text);
    expect(sut.textContent).toContain('Withdrawn');
    expect(sut.textContent).toContain('T3 · Labour migration');
    expect(sut.textContent).toContain('Government, Private sector');
    expect(sut.querySelector('a[href="/dialogues/d12"]')?.textContent).toContain('Labour migration dialogue');
    expect(sut.querySelector('gfmd-cite-box')?.textContent).toContain(REC.cite);
    expect(sut.querySelector('.history')?.textContent).toContain('Protect migrant workers.');
  });

  it('answers an unknown reference with a not-found page', async () => {
    await open('GFMD-NOPE');
    http
      .expectOne('/api/v1/recommendations/GFMD-NOPE')
      .flush({ type: 'about:blank', title: 'Not Found', status: 404 }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(sut.querySelector('h1')?.textContent).toContain('Recommendation not found');
    expect(sut.textContent).toContain('GFMD-NOPE');
    expect(sut.querySelector('a[href="/recommendations"]')).not.toBeNull();
  });

  it('lists the public contributions it draws on, each linked to its page', async () => {
    await open(REC.reference);
    http.expectOne(`/api/v1/recommendations/${REC.reference}`).flush({
      ...REC,
      contributions: [
        {
          id: 'c1',
          dialogueId: 'd12',
          title: 'Portable <b>pensions</b>',
          organization: 'Migrant Forum in Asia',
          stakeholderGroup: 'civil_society',
          name: null,
        },
      ],
    });
    await settle();
    const link = sut.querySelector('.contributions a[href="/contributions/c1"]');
    expect(link?.textContent).toContain('Portable <b>pensions</b>');
    expect(sut.querySelector('.contributions b')).toBeNull();
    expect(sut.querySelector('.contributions')?.textContent).toContain('Migrant Forum in Asia');
  });
});
