import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RegistrationFactory } from '@gfmd/web-shared-util-testing';
import { fileNameOf, pendingSpaceRequests, RegistrationsTableStore } from './registrations-table.store';

describe(RegistrationsTableStore.name, () => {
  let sut: RegistrationsTableStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [RegistrationsTableStore, provideHttpClient(), provideHttpClientTesting()],
    });
    sut = TestBed.inject(RegistrationsTableStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(): Promise<void> {
    const opening = sut.open('d1');
    http
      .expectOne((r) => r.url === '/api/v1/dialogues/d1/registrations')
      .flush({ items: [RegistrationFactory.create({ id: 'r1', status: 'pending' })], total: 1, page: 1, pageSize: 25 });
    http.expectOne('/api/v1/dialogues/d1/stats').flush({ byStatus: { pending: 1 }, byGroup: {}, bySpace: {} });
    await opening;
  }

  it('sends filters and paging as query parameters, back to page 1 on a new filter', async () => {
    await open();

    const filtering = sut.setQuery({ status: 'pending', q: 'diallo' });
    const req = http.expectOne((r) => r.url === '/api/v1/dialogues/d1/registrations');
    // "Pending" lists everything waiting for a decision: pending registrations and space requests.
    expect(req.request.params.has('status')).toBe(false);
    expect(req.request.params.get('awaiting')).toBe('approval');
    expect(req.request.params.get('q')).toBe('diallo');
    expect(req.request.params.get('page')).toBe('1');
    req.flush({ items: [], total: 0, page: 1, pageSize: 25 });
    await filtering;

    void sut.setQuery({ page: 3 });
    const pageReq = http.expectOne((r) => r.url === '/api/v1/dialogues/d1/registrations');
    expect(pageReq.request.params.get('page')).toBe('3');
    pageReq.flush({ items: [], total: 0, page: 3, pageSize: 25 });
  });

  it('pages next and previous by cursor, a filter drops the cursor, a jump goes by number', async () => {
    await open();
    const list = () => http.expectOne((r) => r.url === '/api/v1/dialogues/d1/registrations');
    const page = (n: number) => ({ items: [], total: 120000, totalIsEstimate: true, page: n, pageSize: 25 });

    void sut.setQuery({ page: 7 });
    list().flush({ ...page(7), nextCursor: 'n7', prevCursor: 'p7' });
    await Promise.resolve();

    void sut.goToPage(7, 25); // "next": page 8 after page 7's last row
    const next = list();
    expect([next.request.params.get('page'), next.request.params.get('after')]).toEqual(['8', 'n7']);
    expect(next.request.params.has('before')).toBe(false);
    next.flush({ ...page(8), nextCursor: 'n8', prevCursor: 'p8' });
    await Promise.resolve();

    void sut.goToPage(6, 25); // "previous": page 7 before page 8's first row
    const previous = list();
    expect([previous.request.params.get('before'), previous.request.params.has('after')]).toEqual(['p8', false]);
    previous.flush({ ...page(7), nextCursor: 'n7', prevCursor: 'p7' });
    await Promise.resolve();

    void sut.setQuery({ q: 'diallo' }); // a new filter: page 1, no cursor
    const filtered = list();
    expect(filtered.request.params.has('before') || filtered.request.params.has('after')).toBe(false);
    filtered.flush({ ...page(1), nextCursor: 'n1', prevCursor: null });
    await Promise.resolve();

    void sut.goToPage(4799, 25); // the last page: by number
    const last = list();
    expect([last.request.params.get('page'), last.request.params.has('after')]).toEqual(['4800', false]);
    last.flush(page(4800));
  });

  it('approves a row in place and refreshes the balance', async () => {
    await open();

    const approving = sut.act('approve', sut.rows()[0]);
    http.expectOne({ method: 'POST', url: '/api/v1/registrations/r1/approve' }).flush({ status: 'confirmed' });
    await approving;

    expect(sut.rows()[0].status).toBe('confirmed');
    http.expectOne('/api/v1/dialogues/d1/stats').flush({ byStatus: { confirmed: 1 }, byGroup: {}, bySpace: {} });
  });

  it('approves and declines one space request through its own route', async () => {
    await open();
    const row = { ...sut.rows()[0], status: 'confirmed' as const };

    const approving = sut.act('approveSpace', row, 's1');
    const approve = http.expectOne({ method: 'POST', url: '/api/v1/registrations/r1/spaces/s1/approve' });
    approve.flush({ status: 'confirmed', spaces: [{ spaceId: 's1', status: 'confirmed' }] });
    expect(await approving).toMatchObject({ ok: true });
    expect(sut.rows()[0].spaces).toEqual([{ spaceId: 's1', status: 'confirmed' }]);
    const stats = http.expectOne('/api/v1/dialogues/d1/stats');
    stats.flush({ byStatus: {}, byGroup: {}, bySpace: {}, awaiting: { registrations: 0, bySpace: { s1: 2, s2: 1 } } });
    await Promise.resolve();
    expect(sut.awaitingSpaceRequests()).toBe(3);

    const declining = sut.act('declineSpace', row, 's1');
    http
      .expectOne({ method: 'POST', url: '/api/v1/registrations/r1/spaces/s1/decline' })
      .flush(
        { type: 'https://gfmd-dialogues.org/problems/no-pending-space-request', title: 'x', status: 422 },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    expect(await declining).toMatchObject({ ok: false, problem: { status: 422 } });
  });

  it('finds the seat requests a confirmed registration awaits, none for a pending one', () => {
    const r = RegistrationFactory.create({
      status: 'confirmed',
      spaces: [
        { spaceId: 'a', status: 'pending' },
        { spaceId: 'b', status: 'confirmed' },
      ],
    });
    expect(pendingSpaceRequests(r).map((s) => s.spaceId)).toEqual(['a']);
    expect(pendingSpaceRequests({ ...r, status: 'pending' })).toEqual([]);
  });

  it('declines with a reason and answers until when it may be undone; undoes', async () => {
    await open();

    const declining = sut.act('decline', sut.rows()[0], undefined, { reason: 'Kept for delegations' });
    const req = http.expectOne({ method: 'POST', url: '/api/v1/registrations/r1/decline' });
    expect(req.request.body).toEqual({ reason: 'Kept for delegations' });
    req.flush({ status: 'declined', undoUntil: '2030-01-01T00:00:15.000Z' });
    const result = await declining;

    expect(result).toMatchObject({ ok: true, undoUntil: '2030-01-01T00:00:15.000Z' });
    expect(sut.rows()[0].status).toBe('declined');
    expect(sut.rows()[0]).not.toHaveProperty('undoUntil');
    http.expectOne('/api/v1/dialogues/d1/stats').flush({ byStatus: {}, byGroup: {}, bySpace: {} });

    const undoing = sut.act('undoDecline', sut.rows()[0]);
    http.expectOne({ method: 'POST', url: '/api/v1/registrations/r1/undo-decline' }).flush({ status: 'pending' });
    expect(await undoing).toMatchObject({ ok: true, undoUntil: null });
    expect(sut.rows()[0].status).toBe('pending');
    http.expectOne('/api/v1/dialogues/d1/stats').flush({ byStatus: {}, byGroup: {}, bySpace: {} });
  });

  it('exports the CSV under the name the API gives', async () => {
    await open();

    const exporting = sut.exportCsv();
    http
      .expectOne((r) => r.url === '/api/v1/dialogues/d1/registrations.csv')
      .flush(new Blob(['a']), {
        headers: {
          'content-disposition': `attachment; filename="inscriptions-dialogue-2030-05-12.csv"; filename*=UTF-8''inscriptions%20-%20Dialogue%20r%C3%A9gional%20-%202030-05-12.csv`,
        },
      });

    expect(await exporting).toMatchObject({ fileName: 'inscriptions - Dialogue régional - 2030-05-12.csv' });
  });
});

describe(fileNameOf.name, () => {
  it('prefers filename*, falls back to filename, and drops path separators', () => {
    expect(fileNameOf(`attachment; filename="a.csv"; filename*=UTF-8''b%C3%A9.csv`)).toBe('bé.csv');
    expect(fileNameOf('attachment; filename="a.csv"')).toBe('a.csv');
    expect(fileNameOf(`attachment; filename*=UTF-8''..%2F..%2Fx.csv`)).toBe('.. .. x.csv');
    expect(fileNameOf(null)).toBeNull();
  });
});
