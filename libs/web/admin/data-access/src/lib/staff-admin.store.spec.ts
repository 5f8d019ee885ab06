import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { User } from '@gfmd/contracts';
import { StaffAdminStore } from './staff-admin.store';

const ana: User = { id: 'u1', email: 'ana@example.org', name: 'Ana', role: 'admin', active: true };
const ben: User = { id: 'u2', email: 'ben@example.org', name: 'Ben', role: 'organizer', active: true };

describe(StaffAdminStore.name, () => {
  let http: HttpTestingController;
  let sut: StaffAdminStore;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [StaffAdminStore, provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    sut = TestBed.inject(StaffAdminStore);
    const loading = sut.load();
    http.expectOne('/api/v1/users').flush({ items: [ana, ben], total: 2, page: 1, pageSize: 2 });
    await loading;
  });

  it('changes a role and shows the account as the API answers it', async () => {
    const done = sut.setRole(ben, 'coordinator');
    const req = http.expectOne('/api/v1/users/u2');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ role: 'coordinator' });
    req.flush({ ...ben, role: 'coordinator' });
    expect(await done).toBe(true);
    expect(sut.users().find((u) => u.id === 'u2')?.role).toBe('coordinator');
  });

  it('keeps a refused change as the problem and the account unchanged (the last admin)', async () => {
    const done = sut.setActive(ana, false);
    http.expectOne('/api/v1/users/u1').flush(
      {
        type: 'https://gfmd-dialogues.org/problems/last-admin',
        title: 'Unprocessable Content',
        status: 422,
        detail: 'This is the last active admin: make another admin first.',
      },
      { status: 422, statusText: 'Unprocessable Content' },
    );
    expect(await done).toBe(false);
    expect(sut.problem()).toMatchObject({ status: 422 });
    expect(sut.users().find((u) => u.id === 'u1')).toEqual(ana);
    expect(sut.busy().size).toBe(0);
  });

  it('invites, adding the pending account to the list in name order', async () => {
    const done = sut.invite({ email: 'al@example.org', name: 'Al', role: 'coordinator', language: 'fr' });
    const req = http.expectOne('/api/v1/users/invitations');
    expect(req.request.body).toEqual({ email: 'al@example.org', name: 'Al', role: 'coordinator', language: 'fr' });
    req.flush({
      id: 'u3',
      email: 'al@example.org',
      name: 'Al',
      role: 'coordinator',
      active: true,
      invitationPending: true,
    });
    await done;
    expect(sut.users().map((u) => u.name)).toEqual(['Al', 'Ana', 'Ben']);
  });

  it('sends a reset link in the chosen language', async () => {
    const done = sut.sendReset(ben, 'es');
    const req = http.expectOne('/api/v1/users/u2/password-reset');
    expect(req.request.body).toEqual({ language: 'es' });
    req.flush(null, { status: 202, statusText: 'Accepted' });
    expect(await done).toBe(true);
  });
});
