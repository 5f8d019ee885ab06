import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { User } from '@gfmd/contracts';
import { authInterceptor } from './auth.interceptor';
import { AuthStore, TOKEN_STORAGE_KEY } from './auth.store';

const organizer: User = { id: 'u1', email: 'org@example.org', name: 'Olu Organizer', role: 'organizer' };

describe(AuthStore.name, () => {
  let sut: AuthStore;
  let http: HttpTestingController;

  function setUp(): void {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    sut = TestBed.inject(AuthStore);
    http = TestBed.inject(HttpTestingController);
  }

  beforeEach(() => sessionStorage.clear());
  afterEach(() => http.verify());

  it('logs in, keeps the token in sessionStorage and knows the role', async () => {
    setUp();

    const login = sut.login('org@example.org', 'secret');
    const req = http.expectOne('/api/v1/auth/login');
    expect(req.request.body).toEqual({ email: 'org@example.org', password: 'secret' });
    req.flush({ accessToken: 'tok', expiresIn: 3600, user: organizer });
    await login;

    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('tok');
    expect(sut.isLoggedIn()).toBe(true);
    expect(sut.canOrganize()).toBe(true);
    expect(sut.isAdmin()).toBe(false);
  });

  it('restores a stored session with GET /auth/me carrying the bearer token', async () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'stored');
    setUp();

    const restore = sut.restore();
    const req = http.expectOne('/api/v1/auth/me');
    expect(req.request.headers.get('Authorization')).toBe('Bearer stored');
    req.flush(organizer);
    await restore;

    expect(sut.user()).toEqual(organizer);
    expect(sut.ready()).toBe(true);
  });

  it('forgets a token the API refuses', async () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'stale');
    setUp();

    const restore = sut.restore();
    http
      .expectOne('/api/v1/auth/me')
      .flush({ title: 'Unauthorized', status: 401 }, { status: 401, statusText: 'Unauthorized' });
    await restore;

    expect(sut.isLoggedIn()).toBe(false);
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('ends the session and goes to login when a staff call answers 401', async () => {
    setUp();
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const login = sut.login('org@example.org', 'secret');
    http.expectOne('/api/v1/auth/login').flush({ accessToken: 'tok', expiresIn: 1, user: organizer });
    await login;

    const { HttpClient } = await import('@angular/common/http');
    TestBed.inject(HttpClient)
      .get('/api/v1/dialogues')
      .subscribe({ error: () => undefined });
    http.expectOne('/api/v1/dialogues').flush({}, { status: 401, statusText: 'Unauthorized' });

    expect(sut.isLoggedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(
      ['/login'],
      expect.objectContaining({ queryParams: expect.objectContaining({ expired: 1 }) }),
    );
  });

  it('signs out with POST /auth/logout carrying the token, then forgets it', async () => {
    setUp();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const login = sut.login('org@example.org', 'secret');
    http.expectOne('/api/v1/auth/login').flush({ accessToken: 'tok', expiresIn: 3600, user: organizer });
    await login;

    sut.logout();

    const req = http.expectOne('/api/v1/auth/logout');
    expect(req.request.method).toBe('POST');
    expect(req.request.headers.get('Authorization')).toBe('Bearer tok');
    req.flush(null, { status: 204, statusText: 'No Content' });
    expect(sut.isLoggedIn()).toBe(false);
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledWith('/');
  });
});
