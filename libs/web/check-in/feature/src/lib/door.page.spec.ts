import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { signal } from '@angular/core';
import { provideRouter } from '@angular/router';
import { AuthStore } from '@gfmd/web-auth-data-access';
import type { CheckInPerson, CheckInScanResult, Dialogue } from '@gfmd/contracts';
import { DoorPage, refusalOf, roomOf, verdictOf } from './door.page';

const D = { id: 'd1', title: 'Labour migration dialogue', status: 'published', timeZone: 'Europe/Zurich' } as Dialogue;
const PERSON: CheckInPerson = {
  id: 'r1',
  dialogueId: 'd1',
  name: 'Amina Diallo',
  organization: 'Migrant Forum',
  country: 'SN',
  stakeholderGroup: 'civil_society',
  status: 'confirmed',
  checkedInAt: '2026-12-06T08:00:00.000Z',
  spaces: [{ spaceId: 's1', name: 'Civil society space', status: 'confirmed' }],
};
const problem = (slug: string, status: number) => ({
  type: `https://gfmd-dialogues.org/problems/${slug}`,
  title: 'x',
  status,
});

describe(DoorPage.name, () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<DoorPage>;
  let sut: HTMLElement;

  const settle = async () => {
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
  };
  const attendance = () =>
    http
      .match('/api/v1/dialogues/d1/attendance')
      .forEach((r) => r.flush({ dialogueId: 'd1', expected: 2, arrived: 1, byGroup: {}, bySpace: [], at: '' }));

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [DoorPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DoorPage);
    fixture.componentRef.setInput('id', 'd1');
    sut = fixture.nativeElement;
    await fixture.whenStable();
    http.expectOne('/api/v1/dialogues/d1').flush(D);
    await settle();
    attendance();
    await settle();
  });
  afterEach(() => fixture?.destroy());

  const typeCode = async (code: string) => {
    const input = sut.querySelector<HTMLInputElement>('input[name="code"]')!;
    input.value = code;
    input.dispatchEvent(new Event('input'));
    sut.querySelector<HTMLFormElement>('form.manual')!.dispatchEvent(new Event('submit'));
    await settle();
  };

  it('shows green with the name, group and spaces, then amber on a second scan', async () => {
    await typeCode('C1abc');
    const req = http.expectOne('/api/v1/check-in/scan');
    expect(req.request.body).toMatchObject({ code: 'C1abc', dialogueId: 'd1', scanId: expect.any(String) });
    req.flush({ scanId: 's', registration: PERSON, alreadyCheckedIn: false, replayed: false } as CheckInScanResult);
    await settle();
    attendance();
    const result = sut.querySelector('[data-testid="door-result"]')!;
    expect(result.className).toContain('result--in');
    expect(result.textContent).toContain('Checked in');
    expect(result.textContent).toContain('Amina Diallo');
    expect(result.textContent).toContain('Civil society');
    expect(result.textContent).toContain('Civil society space');

    await typeCode('C1abc');
    http
      .expectOne('/api/v1/check-in/scan')
      .flush({ scanId: 't', registration: PERSON, alreadyCheckedIn: true, replayed: false });
    await settle();
    attendance();
    expect(result.className).toContain('result--again');
    expect(result.textContent).toContain('Already checked in');
  });

  it('in room mode, sends the room with each scan and shows what the scan did there', async () => {
    fixture.componentRef.setInput('room', 'agenda_item:a1');
    http.match('/api/v1/dialogues/d1/attendance').forEach((r) =>
      r.flush({
        dialogueId: 'd1',
        expected: 2,
        arrived: 1,
        byGroup: {},
        bySpace: [],
        byRoom: [
          {
            kind: 'agenda_item',
            id: 'a1',
            name: 'Working group 1',
            spaceId: 's2',
            startsAt: null,
            expected: 4,
            arrived: 3,
          },
        ],
        at: '',
      }),
    );
    await settle();
    await typeCode('C1abc');
    const req = http.expectOne('/api/v1/check-in/scan');
    expect(req.request.body).toMatchObject({ code: 'C1abc', dialogueId: 'd1', agendaItemId: 'a1' });
    req.flush({
      scanId: 's',
      registration: PERSON,
      alreadyCheckedIn: true,
      replayed: false,
      room: { kind: 'agenda_item', id: 'a1', name: 'Working group 1', outcome: 'not-registered' },
    } as CheckInScanResult);
    await settle();
    const result = sut.querySelector('[data-testid="door-result"]')!;
    expect(result.className).toContain('result--again');
    expect(result.textContent).toContain('Not registered here');
    expect(result.textContent).toContain('No seat in Working group 1');
  });

  it('shows red with the reason for a badge of another dialogue', async () => {
    await typeCode('C1other');
    http.expectOne('/api/v1/check-in/scan').flush(problem('other-dialogue', 422), { status: 422, statusText: 'x' });
    await settle();
    const result = sut.querySelector('[data-testid="door-result"]')!;
    expect(result.className).toContain('result--refused');
    expect(result.textContent).toContain('This badge is for another dialogue.');
  });

  it('keeps a scan made offline and sends it again, with the same scan id, when the network returns', async () => {
    await typeCode('C1offline');
    const first = http.expectOne('/api/v1/check-in/scan');
    const scanId = first.request.body.scanId;
    first.error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await settle();
    expect(sut.querySelector('[data-testid="door-result"]')!.className).toContain('result--queued');
    expect(JSON.parse(localStorage.getItem('gfmd.door.pendingScans')!)).toHaveLength(1);

    window.dispatchEvent(new Event('online'));
    await settle();
    const replay = http.expectOne('/api/v1/check-in/scan');
    expect(replay.request.body).toMatchObject({ code: 'C1offline', scanId });
    replay.flush({ scanId, registration: PERSON, alreadyCheckedIn: false, replayed: false });
    await settle();
    attendance();
    expect(JSON.parse(localStorage.getItem('gfmd.door.pendingScans')!)).toEqual([]);
  });
});

describe(verdictOf.name, () => {
  const answer = (over: Partial<CheckInScanResult>) =>
    ({ scanId: 's', registration: PERSON, alreadyCheckedIn: false, replayed: false, ...over }) as CheckInScanResult;
  const room = (outcome: 'counted' | 'again' | 'not-registered') => ({
    kind: 'space' as const,
    id: 's1',
    name: 'x',
    outcome,
  });
  it('is green for a first check-in or a first entry into the room, amber otherwise', () => {
    expect(verdictOf(answer({}))).toBe('in');
    expect(verdictOf(answer({ alreadyCheckedIn: true }))).toBe('again');
    expect(verdictOf(answer({ alreadyCheckedIn: true, room: room('counted') }))).toBe('in');
    expect(verdictOf(answer({ room: room('again') }))).toBe('again');
    expect(verdictOf(answer({ room: room('not-registered') }))).toBe('again');
  });
});

describe(roomOf.name, () => {
  it('reads the room of the URL', () => {
    expect(roomOf('space:s1')).toEqual({ spaceId: 's1' });
    expect(roomOf('agenda_item:a1')).toEqual({ agendaItemId: 'a1' });
    expect(roomOf('nonsense')).toEqual({});
    expect(roomOf(undefined)).toEqual({});
  });
});

describe(refusalOf.name, () => {
  it('names each refusal', () => {
    expect(refusalOf(problem('other-dialogue', 422))).toBe('door.refusedOtherDialogue');
    expect(refusalOf(problem('not-confirmed', 422))).toBe('door.refusedNotConfirmed');
    expect(refusalOf(problem('not-found', 404))).toBe('door.refusedUnknown');
    expect(refusalOf(problem('forbidden', 403))).toBe('door.refusedForbidden');
    expect(refusalOf(problem('error', 500))).toBe('door.refusedOther');
  });
});

describe(`${DoorPage.name} for door staff`, () => {
  const setUp = async (id: string | undefined) => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [DoorPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthStore, useValue: { role: signal('door') } },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DoorPage);
    if (id) fixture.componentRef.setInput('id', id);
    await fixture.whenStable();
    http.expectOne('/api/v1/check-in/dialogues').flush({ all: false, dialogueIds: ['d1'] });
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    return { http, fixture, sut: fixture.nativeElement as HTMLElement };
  };

  it('says so when a door user opens a dialogue they are not assigned to', async () => {
    const { http, fixture, sut } = await setUp('d2');
    http.expectNone('/api/v1/dialogues/d2');
    expect(sut.querySelector('[data-testid="door-not-assigned"]')?.textContent).toContain(
      "You are not assigned to this dialogue's door.",
    );
    fixture.destroy();
  });

  it('lists only the dialogues assigned to a door user', async () => {
    const { http, fixture, sut } = await setUp(undefined);
    http
      .expectOne((r) => r.url === '/api/v1/dialogues')
      .flush({ items: [D, { ...D, id: 'd2', title: 'Another dialogue' }], total: 2, page: 1, pageSize: 100 });
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    const links = [...sut.querySelectorAll('ul.dialogues a')].map((a) => a.textContent?.trim());
    expect(links).toEqual(['Labour migration dialogue']);
    fixture.destroy();
  });
});
