import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  AgendaItemFactory,
  AgendaViewFactory,
  DialogueFactory,
  RegistrationFactory,
  SpaceFactory,
} from '@gfmd/web-shared-util-testing';
import { ManageStore } from './manage.store';

describe(ManageStore.name, () => {
  let sut: ManageStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [ManageStore, provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(ManageStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function load(): Promise<void> {
    const business = SpaceFactory.create({ id: 'biz' });
    const civil = SpaceFactory.create({ id: 'cso' });
    const loading = sut.load('secret-token');
    http.expectOne('/api/v1/registrations/manage/secret-token').flush(
      RegistrationFactory.create({
        dialogueId: 'd1',
        spaces: [
          { spaceId: 'biz', status: 'confirmed' },
          { spaceId: 'cso', status: 'pending' },
        ],
      }),
    );
    await Promise.resolve();
    http.expectOne('/api/v1/dialogues/d1').flush(DialogueFactory.create({ id: 'd1' }));
    http.expectOne('/api/v1/dialogues/d1/spaces').flush([business, civil]);
    http
      .expectOne((r) => r.url === '/api/v1/dialogues/d1/agenda')
      .flush(
        AgendaViewFactory.create([
          AgendaItemFactory.create({ title: 'Opening', spaceId: null }),
          AgendaItemFactory.create({ title: 'Business roundtable', spaceId: 'biz' }),
          AgendaItemFactory.create({ title: 'Civil society caucus', spaceId: 'cso' }),
        ]),
      );
    http
      .expectOne('/api/v1/dialogues/d1/questions')
      .flush([{ key: 'diet', label: { en: 'Diet' }, type: 'text', required: false }]);
    await loading;
    expect(sut.questions().map((q) => q.key)).toEqual(['diet']);
  }

  it('builds the personal agenda from shared items and confirmed spaces', async () => {
    await load();

    expect(sut.personalAgenda().map((i) => i.title)).toEqual(['Opening', 'Business roundtable']);
    expect(sut.icsUrl()).toBe('/api/v1/registrations/manage/secret-token/agenda.ics');
  });

  it('cancels through the manage link', async () => {
    await load();

    const cancelling = sut.cancel();
    http.expectOne({ method: 'POST', url: '/api/v1/registrations/manage/secret-token/cancel' }).flush({});
    const problem = await cancelling;

    expect(problem).toBeNull();
    expect(sut.registration()?.status).toBe('cancelled');
    expect(sut.isActive()).toBe(false);
  });

  it('reports an unknown link as a 404 problem', async () => {
    const loading = sut.load('nope');
    http
      .expectOne('/api/v1/registrations/manage/nope')
      .flush({ type: 'about:blank', title: 'Not Found', status: 404 }, { status: 404, statusText: 'Not Found' });
    await loading;

    expect(sut.problem()?.status).toBe(404);
  });
});
