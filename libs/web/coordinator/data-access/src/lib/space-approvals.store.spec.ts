import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RegistrationFactory } from '@gfmd/web-shared-util-testing';
import { SpaceApprovalsStore } from './space-approvals.store';

const LIST = '/api/v1/dialogues/d1/registrations';

describe(SpaceApprovalsStore.name, () => {
  let sut: SpaceApprovalsStore;
  let http: HttpTestingController;

  const request = (id: string) =>
    RegistrationFactory.create({ id, status: 'confirmed', spaces: [{ spaceId: 's1', status: 'pending' }] });

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [SpaceApprovalsStore, provideHttpClient(), provideHttpClientTesting()],
    });
    sut = TestBed.inject(SpaceApprovalsStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(total = 2): Promise<void> {
    const opening = sut.open('d1', 's1');
    const req = http.expectOne((r) => r.url === LIST);
    expect(req.request.params.get('spaceId')).toBe('s1');
    expect(req.request.params.get('awaiting')).toBe('space');
    expect(req.request.params.has('status')).toBe(false);
    req.flush({ items: [request('r1'), request('r2')], total, page: 1, pageSize: 25 });
    await opening;
  }

  it("lists the space's pending requests with their count", async () => {
    await open();
    expect(sut.requests().map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(sut.count()).toBe(2);
    // Opening the same space again (the tab re-rendered) asks nothing more.
    await sut.open('d1', 's1');
  });

  it('approves through the space route; the request leaves the list and the count drops', async () => {
    await open();
    const deciding = sut.decide('approve', sut.requests()[0]);
    expect(sut.busy().has('r1')).toBe(true);
    http
      .expectOne({ method: 'POST', url: '/api/v1/registrations/r1/spaces/s1/approve' })
      .flush({ ...request('r1'), spaces: [{ spaceId: 's1', status: 'waitlisted' }] });
    expect(await deciding).toEqual({ seat: 'waitlisted', undoUntil: null });
    expect(sut.requests().map((r) => r.id)).toEqual(['r2']);
    expect(sut.count()).toBe(1);
    expect(sut.busy().size).toBe(0);
  });

  it('declines through the space route', async () => {
    await open();
    const deciding = sut.decide('decline', sut.requests()[1]);
    http
      .expectOne({ method: 'POST', url: '/api/v1/registrations/r2/spaces/s1/decline' })
      .flush({ ...request('r2'), spaces: [{ spaceId: 's1', status: 'declined' }] });
    expect(await deciding).toEqual({ seat: 'declined', undoUntil: null });
    expect(sut.requests().map((r) => r.id)).toEqual(['r1']);
  });

  it('answers the problem and reloads when the request was decided meanwhile', async () => {
    await open();
    const deciding = sut.decide('approve', sut.requests()[0]);
    http
      .expectOne({ method: 'POST', url: '/api/v1/registrations/r1/spaces/s1/approve' })
      .flush(
        { type: 'https://gfmd-dialogues.org/problems/no-pending-space-request', title: 'x', status: 422 },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    const result = await deciding;
    expect('problem' in result && result.problem.status).toBe(422);
    http.expectOne((r) => r.url === LIST).flush({ items: [request('r2')], total: 1, page: 1, pageSize: 25 });
    await Promise.resolve();
    expect(sut.count()).toBe(1);
  });

  it('loads the next requests when the last one on a page is decided while more wait', async () => {
    const opening = sut.open('d1', 's1');
    http.expectOne((r) => r.url === LIST).flush({ items: [request('r1')], total: 3, page: 1, pageSize: 25 });
    await opening;
    const deciding = sut.decide('approve', sut.requests()[0]);
    http
      .expectOne({ method: 'POST', url: '/api/v1/registrations/r1/spaces/s1/approve' })
      .flush({ ...request('r1'), spaces: [{ spaceId: 's1', status: 'confirmed' }] });
    await deciding;
    const next = http.expectOne((r) => r.url === LIST);
    expect(next.request.params.get('page')).toBe('1');
    next.flush({ items: [request('r2'), request('r3')], total: 2, page: 1, pageSize: 25 });
  });
});
