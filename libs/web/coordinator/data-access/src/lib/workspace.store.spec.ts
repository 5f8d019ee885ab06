import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthStore } from '@gfmd/web-auth-data-access';
import { DialogueFactory, PageFactory, SpaceFactory } from '@gfmd/web-shared-util-testing';
import { WorkspaceStore } from './workspace.store';

describe(WorkspaceStore.name, () => {
  let sut: WorkspaceStore;
  let http: HttpTestingController;

  const flushAll = async (): Promise<void> => {
    for (let i = 0; i < 5; i++) {
      await Promise.resolve();
    }
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(WorkspaceStore);
    http = TestBed.inject(HttpTestingController);
    const login = TestBed.inject(AuthStore).login('c@example.org', 'x');
    http.expectOne('/api/v1/auth/login').flush({
      accessToken: 't',
      expiresIn: 1,
      user: { id: 'me', email: 'c@example.org', name: 'Coordinator', role: 'coordinator' },
    });
    await login;
  });

  it('keeps only the spaces I coordinate, with their pending approvals', async () => {
    const loading = sut.load();
    http.expectOne('/api/v1/themes').flush([]);
    http.expectOne('/api/v1/informal-sessions').flush([]);
    http
      .expectOne((r) => r.url === '/api/v1/dialogues')
      .flush(PageFactory.create([DialogueFactory.create({ id: 'd1' })]));
    await flushAll();
    http
      .expectOne('/api/v1/dialogues/d1/spaces')
      .flush([
        SpaceFactory.create({ id: 'mine', name: 'Business', coordinatorUserIds: ['me'] }),
        SpaceFactory.create({ id: 'theirs', name: 'Civil society', coordinatorUserIds: ['other'] }),
      ]);
    await flushAll();
    const pending = http.expectOne((r) => r.url === '/api/v1/dialogues/d1/registrations');
    expect(pending.request.params.get('spaceId')).toBe('mine');
    expect(pending.request.params.get('awaiting')).toBe('space');
    expect(pending.request.params.has('status')).toBe(false);
    pending.flush({ items: [], total: 4, page: 1, pageSize: 1 });
    await loading;

    expect(sut.spaces().map((s) => [s.space.name, s.pending])).toEqual([['Business', 4]]);
    expect(sut.pendingTotal()).toBe(4);
    http.verify();
  });
});
