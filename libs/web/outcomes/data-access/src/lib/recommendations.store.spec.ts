import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RecommendationsStore } from './recommendations.store';

describe(RecommendationsStore.name, () => {
  let http: HttpTestingController;
  let store: RecommendationsStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [RecommendationsStore, provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(RecommendationsStore);
  });

  afterEach(() => http.verify());

  it('searches with the filters given, leaving out the empty ones', async () => {
    const searching = store.search({ q: 'travailleurs migrants', kind: 'good_practice', themeId: '', page: 2 });
    const req = http.expectOne((r) => r.url === '/api/v1/recommendations');
    expect(req.request.params.keys().sort()).toEqual(['kind', 'page', 'q']);
    expect(req.request.params.get('q')).toBe('travailleurs migrants');
    req.flush({ items: [], total: 0, page: 2, pageSize: 20 });
    await searching;
    expect(store.results()?.page).toBe(2);
    expect(store.loading()).toBe(false);
  });

  it('drops an answer overtaken by a newer search', async () => {
    const first = store.search({ q: 'a' });
    const second = store.search({ q: 'ab' });
    const [a, b] = http.match((r) => r.url === '/api/v1/recommendations');
    b.flush({ items: [], total: 2, page: 1, pageSize: 20 });
    a.flush({ items: [], total: 1, page: 1, pageSize: 20 });
    await Promise.all([first, second]);
    expect(store.results()?.total).toBe(2);
  });

  it('tells an unknown reference from another problem', async () => {
    const loading = store.load('GFMD-X-R01');
    http
      .expectOne('/api/v1/recommendations/GFMD-X-R01')
      .flush({ type: 'about:blank', title: 'Not Found', status: 404 }, { status: 404, statusText: 'Not Found' });
    await loading;
    expect(store.notFound()).toBe(true);
    expect(store.problem()).toBeNull();

    const again = store.load('GFMD-X-R02');
    http.expectOne('/api/v1/recommendations/GFMD-X-R02').flush(null, { status: 500, statusText: 'Error' });
    await again;
    expect(store.notFound()).toBe(false);
    expect(store.problem()?.status).toBe(500);
  });
});
