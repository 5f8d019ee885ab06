import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PublishedOutcome, PublishedRecommendation } from '@gfmd/contracts';
import { CatalogStore } from '@gfmd/web-dialogues-data-access';
import { PublicOutcomePage } from './public-outcome.page';

const rec = (n: number, over: Partial<PublishedRecommendation> = {}): PublishedRecommendation => ({
  reference: `GFMD-GCM-T3-D12-R0${n}`,
  text: `Recommendation number ${n}.`,
  kind: 'policy_recommendation',
  themeIds: ['t1'],
  addressedTo: ['government'],
  spaceId: null,
  dialogueId: 'd12',
  dialogueTitle: 'Labour migration dialogue',
  dialogueStartsAt: '2026-10-01T08:00:00Z',
  informalSessionId: 's1',
  firstPublishedAt: '2026-10-20T10:00:00Z',
  publishedAt: '2026-10-20T10:00:00Z',
  withdrawn: false,
  url: `https://example.org/recommendations/GFMD-GCM-T3-D12-R0${n}`,
  cite: `GFMD-GCM-T3-D12-R0${n}. “Labour migration dialogue”, GFMD thematic dialogue, 1 October 2026.`,
  ...over,
});

const OUTCOME: PublishedOutcome = {
  dialogueId: 'd12',
  dialogueTitle: 'Labour migration dialogue',
  dialogueStartsAt: '2026-10-01T08:00:00Z',
  summary: 'Participants discussed fair recruitment.',
  keyMessages: ['Recruitment fees fall on employers.', 'Skills travel with people.'],
  status: 'published',
  version: 9,
  publishedVersion: 9,
  publishedAt: '2026-10-20T10:00:00Z',
  recommendations: [rec(1), rec(2, { kind: 'good_practice', addressedTo: [] })],
};

describe(PublicOutcomePage.name, () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<PublicOutcomePage>;
  let sut: HTMLElement;

  async function open(dialogueId: string): Promise<void> {
    TestBed.configureTestingModule({
      imports: [PublicOutcomePage],
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
    fixture = TestBed.createComponent(PublicOutcomePage);
    fixture.componentRef.setInput('id', dialogueId);
    sut = fixture.nativeElement;
    await fixture.whenStable();
  }

  async function settle(): Promise<void> {
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('shows the summary, key messages and each recommendation with its reference link and citation', async () => {
    await open('d12');
    http.expectOne('/api/v1/dialogues/d12/outcome/published').flush(OUTCOME);
    await settle();
    expect(sut.querySelector('h1')?.textContent).toContain('Labour migration dialogue');
    expect(sut.textContent).toContain('Participants discussed fair recruitment.');
    expect([...sut.querySelectorAll('.messages li')].map((li) => li.textContent?.trim())).toEqual(OUTCOME.keyMessages);
    const items = [...sut.querySelectorAll('.recommendations > li')];
    expect(items).toHaveLength(2);
    expect(items[0].querySelector('h3 a')?.getAttribute('href')).toBe('/recommendations/GFMD-GCM-T3-D12-R01');
    expect(items[0].querySelector('blockquote')?.textContent).toContain('Recommendation number 1.');
    expect(items[0].textContent).toContain('Government');
    expect(items[0].textContent).toContain('T3');
    expect(items[1].querySelector('gfmd-cite-box')?.textContent).toContain(OUTCOME.recommendations[1].cite);
    // one heading id per citation box: no duplicate ids on the page
    const ids = [...sut.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sut.querySelector('a[href="/dialogues/d12"]')).not.toBeNull();
  });

  it('says when the outcome is not published yet', async () => {
    await open('d13');
    http
      .expectOne('/api/v1/dialogues/d13/outcome/published')
      .flush({ type: 'about:blank', title: 'Not Found', status: 404 }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(sut.querySelector('h1')?.textContent).toContain('No outcome published yet');
  });
});
