import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuditStore } from './audit.store';

describe(AuditStore.name, () => {
  let sut: AuditStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [AuditStore, provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(AuditStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('pages next and previous by cursor, a filter drops the cursor, a jump goes by number', async () => {
    const list = () => http.expectOne((r) => r.url === '/api/v1/audit');
    const page = (n: number) => ({ items: [], total: 150000, totalIsEstimate: true, page: n, pageSize: 50 });

    void sut.load();
    const first = list();
    expect([first.request.params.get('page'), first.request.params.has('after')]).toEqual(['1', false]);
    first.flush({ ...page(1), nextCursor: 'n1', prevCursor: null });
    await Promise.resolve();

    void sut.goToPage(1, 50); // "next": page 2 after page 1's last line
    const next = list();
    expect([next.request.params.get('page'), next.request.params.get('after')]).toEqual(['2', 'n1']);
    expect(next.request.params.has('before')).toBe(false);
    next.flush({ ...page(2), nextCursor: 'n2', prevCursor: 'p2' });
    await Promise.resolve();

    void sut.goToPage(2, 50);
    list().flush({ ...page(3), nextCursor: 'n3', prevCursor: 'p3' });
    await Promise.resolve();

    void sut.goToPage(1, 50); // "previous": page 2 before page 3's first line
    const previous = list();
    expect([previous.request.params.get('page'), previous.request.params.get('before')]).toEqual(['2', 'p3']);
    expect(previous.request.params.has('after')).toBe(false);
    previous.flush({ ...page(2), nextCursor: 'n2', prevCursor: 'p2' });
    await Promise.resolve();
    expect(sut.query().page).toBe(2);

    void sut.setQuery({ actor: 'u1' }); // a new filter: page 1, no cursor
    const filtered = list();
    expect(filtered.request.params.get('actor')).toBe('u1');
    expect(filtered.request.params.get('page')).toBe('1');
    expect(filtered.request.params.has('before') || filtered.request.params.has('after')).toBe(false);
    filtered.flush({ ...page(1), nextCursor: 'n1', prevCursor: null });
    await Promise.resolve();

    void sut.goToPage(2999, 50); // the last page: by number
    const last = list();
    expect([last.request.params.get('page'), last.request.params.has('after')]).toEqual(['3000', false]);
    expect(last.request.params.get('actor')).toBe('u1'); // the filter stays
    last.flush(page(3000));
    await Promise.resolve();

    void sut.goToPage(0, 100); // a new page size: page 1 by number
    const resized = list();
    expect([resized.request.params.get('page'), resized.request.params.get('pageSize')]).toEqual(['1', '100']);
    expect(resized.request.params.has('before') || resized.request.params.has('after')).toBe(false);
    resized.flush({ ...page(1), pageSize: 100 });
  });
});
