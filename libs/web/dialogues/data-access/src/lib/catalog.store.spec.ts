import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DialogueFactory, SessionFactory, ThemeFactory } from '@gfmd/web-shared-util-testing';
import { CatalogStore } from './catalog.store';

describe(CatalogStore.name, () => {
  let sut: CatalogStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(CatalogStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function loadWith(): Promise<{ s1: string; s2: string; t1: string }> {
    const t1 = ThemeFactory.create({ code: 'T1' });
    const s1 = SessionFactory.create({ number: 1, themeId: t1.id });
    const s2 = SessionFactory.create({ number: 2 });
    const load = sut.load();
    http.expectOne('/api/v1/themes').flush([t1]);
    http.expectOne('/api/v1/informal-sessions').flush([s2, s1]);
    http
      .expectOne((r) => r.url === '/api/v1/dialogues')
      .flush({
        items: [
          DialogueFactory.create({ title: 'B', informalSessionId: s2.id, startsAt: '2017-06-01T00:00:00Z' }),
          DialogueFactory.create({ title: 'A2', informalSessionId: s1.id, startsAt: '2017-04-21T00:00:00Z' }),
          DialogueFactory.create({ title: 'A1', informalSessionId: s1.id, startsAt: '2017-04-20T00:00:00Z' }),
        ],
        total: 3,
        page: 1,
        pageSize: 200,
      });
    await load;
    return { s1: s1.id, s2: s2.id, t1: t1.id };
  }

  it('groups dialogues under their informal session in session and date order', async () => {
    await loadWith();

    const groups = sut.grouped({});

    expect(groups.map((g) => g.session?.number)).toEqual([1, 2]);
    expect(groups[0].dialogues.map((d) => d.title)).toEqual(['A1', 'A2']);
  });

  it('filters by session and by theme (the session theme counts)', async () => {
    const { s2, t1 } = await loadWith();

    expect(sut.grouped({ informalSessionId: s2 }).flatMap((g) => g.dialogues.map((d) => d.title))).toEqual(['B']);
    expect(sut.grouped({ themeId: t1 }).flatMap((g) => g.dialogues.map((d) => d.title))).toEqual(['A1', 'A2']);
  });

  it('keeps the problem when the API fails', async () => {
    const load = sut.load();
    http
      .expectOne('/api/v1/themes')
      .flush(
        { type: 'about:blank', title: 'Too Many Requests', status: 429 },
        { status: 429, statusText: 'Too Many Requests' },
      );
    http.match(() => true).forEach((r) => r.cancelled || r.flush([]));
    await load;

    expect(sut.problem()?.status).toBe(429);
    expect(sut.loaded()).toBe(false);
  });

  it('follows the pages when the API paginates dialogues', async () => {
    const load = sut.load();
    http.expectOne('/api/v1/themes').flush([]);
    http.expectOne('/api/v1/informal-sessions').flush([]);
    http
      .expectOne((r) => r.url === '/api/v1/dialogues' && r.params.get('page') === '1')
      .flush({ items: [DialogueFactory.create({ title: 'first' })], total: 101, page: 1, pageSize: 100 });
    http
      .expectOne((r) => r.url === '/api/v1/dialogues' && r.params.get('page') === '2')
      .flush({ items: [DialogueFactory.create({ title: 'second' })], total: 101, page: 2, pageSize: 100 });
    await load;

    expect(sut.dialogues().map((d) => d.title)).toEqual(['first', 'second']);
  });
});
