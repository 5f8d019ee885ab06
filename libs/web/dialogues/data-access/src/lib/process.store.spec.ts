import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ProcessTimeline } from '@gfmd/contracts';
import { DialogueFactory, SessionFactory } from '@gfmd/web-shared-util-testing';
import { ProcessStore } from './process.store';

const session = SessionFactory.create({
  id: 's1',
  processId: 'p1',
  startsAt: '2027-06-14T08:00:00.000Z',
  endsAt: '2027-06-15T16:00:00.000Z',
});
const timeline = (): ProcessTimeline => ({
  process: {
    id: 'p1',
    slug: 'gfmd-2027',
    code: 'GCM',
    title: 'GFMD 2027',
    startsAt: '2027-01-01T00:00:00.000Z',
    endsAt: '2028-01-01T00:00:00.000Z',
  },
  phases: [],
  milestones: [],
  themes: [],
  sessions: [session],
  dialogues: [],
});

describe(ProcessStore.name, () => {
  let sut: ProcessStore;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(ProcessStore);
    http = TestBed.inject(HttpTestingController);
    const load = sut.load('p1');
    http.expectOne('/api/v1/processes/p1/timeline').flush(timeline());
    await load;
  });

  /** Answers the catalogue's reload (the store keeps the public catalogue in step). */
  const flushCatalog = () => {
    for (const r of http.match((req) => ['/api/v1/themes', '/api/v1/informal-sessions'].includes(req.url))) r.flush([]);
    for (const r of http.match((req) => req.url === '/api/v1/dialogues')) {
      r.flush({ items: [], total: 0, page: 1, pageSize: 100 });
    }
  };

  it('after a session move, lists the dialogues ahead of it and moves none of them on its own', async () => {
    const save = sut.saveSession('s1', { startsAt: '2027-06-21T09:00:00.000Z', endsAt: '2027-06-22T16:00:00.000Z' });
    const req = http.expectOne({ method: 'PATCH', url: '/api/v1/informal-sessions/s1' });
    req.flush({
      ...session,
      startsAt: '2027-06-21T09:00:00.000Z',
      endsAt: '2027-06-22T16:00:00.000Z',
      affectedDialogues: [
        {
          id: 'd1',
          title: 'A',
          status: 'published',
          startsAt: '',
          endsAt: '',
          timeZone: 'UTC',
          leadTimeDays: 21,
          schedulingWarnings: [],
        },
        {
          id: 'd2',
          title: 'B',
          status: 'draft',
          startsAt: '',
          endsAt: '',
          timeZone: 'UTC',
          leadTimeDays: 9,
          schedulingWarnings: [],
        },
      ],
    });
    await save;
    flushCatalog();

    expect(sut.move()?.byMinutes).toBe(7 * 24 * 60 + 60);
    expect(sut.move()?.dialogues.map((d) => [d.id, d.choice])).toEqual([
      ['d1', 'pending'],
      ['d2', 'pending'],
    ]);
    expect(sut.sessions()[0].startsAt).toBe('2027-06-21T09:00:00.000Z');
    http.expectNone((r) => r.url.endsWith('/shift'));

    sut.keep('d2');
    const shift = sut.shift('d1');
    const shiftReq = http.expectOne({ method: 'POST', url: '/api/v1/dialogues/d1/shift' });
    expect(shiftReq.request.body).toEqual({ byMinutes: 7 * 24 * 60 + 60 });
    shiftReq.flush(DialogueFactory.create({ id: 'd1' }));
    await shift;

    expect(sut.move()?.dialogues.map((d) => [d.id, d.choice])).toEqual([
      ['d1', 'moved'],
      ['d2', 'kept'],
    ]);
    http.verify();
  });

  it('opens no move when no dialogue is ahead of the session', async () => {
    const save = sut.saveSession('s1', { title: 'Renamed' });
    http
      .expectOne({ method: 'PATCH', url: '/api/v1/informal-sessions/s1' })
      .flush({ ...session, title: 'Renamed', affectedDialogues: [] });
    await save;
    flushCatalog();
    expect(sut.move()).toBeNull();
    expect(sut.sessions()[0].title).toBe('Renamed');
  });

  it('adds phases and milestones to the loaded process and keeps the problem of a refused one', async () => {
    const add = sut.savePhase(null, {
      kind: 'consultation',
      title: 'Consultations',
      startsAt: '2027-02-01T00:00:00.000Z',
      endsAt: '2027-06-01T00:00:00.000Z',
    });
    http.expectOne({ method: 'POST', url: '/api/v1/processes/p1/phases' }).flush({
      id: 'ph1',
      processId: 'p1',
      kind: 'consultation',
      title: 'Consultations',
      startsAt: '2027-02-01T00:00:00.000Z',
      endsAt: '2027-06-01T00:00:00.000Z',
    });
    await add;
    expect(sut.phases().map((p) => p.id)).toEqual(['ph1']);

    const refused = sut.saveMilestone(null, {
      kind: 'deadline',
      title: 'Late',
      startsAt: '2029-01-01T00:00:00.000Z',
      timeZone: 'UTC',
    });
    http.expectOne({ method: 'POST', url: '/api/v1/processes/p1/milestones' }).flush(
      {
        type: 'https://gfmd-dialogues.org/problems/outside-process',
        title: 'Unprocessable',
        status: 422,
        errors: [{ field: 'startsAt', message: 'startsAt must lie within the process' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await expect(refused).rejects.toBeTruthy();
    expect(sut.milestones()).toEqual([]);
  });
});
