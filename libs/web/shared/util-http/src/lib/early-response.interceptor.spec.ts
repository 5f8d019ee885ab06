import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { type EarlyResponse, earlyResponseInterceptor } from './early-response.interceptor';

/** What fetch() resolves to (jsdom has no Response). */
function jsonResponse(body: unknown, status = 200): EarlyResponse {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: '',
    url: '',
    json: () => Promise.resolve(body),
  };
}

describe(earlyResponseInterceptor.name, () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([earlyResponseInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    delete window.gfmdEarlyResponses;
    delete window.gfmdEarlyLanguage;
  });

  it('does not use an answer asked in another language than the app asks in', async () => {
    window.gfmdEarlyLanguage = 'fr';
    window.gfmdEarlyResponses = {
      '/api/v1/dialogues/d1': Promise.resolve(jsonResponse({ title: 'Dialogue' })),
      '/api/v1/dialogues/d2': Promise.resolve(jsonResponse({ title: 'Dialogue 2' })),
    };

    const inFrench = await firstValueFrom(http.get('/api/v1/dialogues/d2', { headers: { 'Accept-Language': 'fr' } }));
    expect(inFrench).toEqual({ title: 'Dialogue 2' });
    const inSpanish = firstValueFrom(http.get('/api/v1/dialogues/d1', { headers: { 'Accept-Language': 'es' } }));
    backend.expectOne('/api/v1/dialogues/d1').flush({ title: 'Diálogo' });
    await expect(inSpanish).resolves.toEqual({ title: 'Diálogo' });
  });

  it('answers a GET from its early fetch, once', async () => {
    window.gfmdEarlyResponses = { '/api/v1/dialogues/d1': Promise.resolve(jsonResponse({ id: 'd1' })) };

    const sut = await firstValueFrom(http.get('/api/v1/dialogues/d1'));

    expect(sut).toEqual({ id: 'd1' });
    expect(window.gfmdEarlyResponses).toEqual({});
    const again = firstValueFrom(http.get('/api/v1/dialogues/d1'));
    backend.expectOne('/api/v1/dialogues/d1').flush({ id: 'd1', fresh: true });
    await expect(again).resolves.toEqual({ id: 'd1', fresh: true });
  });

  it('hands the early answer over in a task of its own, not in the one that asked for it', async () => {
    window.gfmdEarlyResponses = { '/api/v1/themes': Promise.resolve(jsonResponse([{ id: 't1' }])) };
    let answer: unknown;
    http.get('/api/v1/themes').subscribe((body) => (answer = body));
    for (let i = 0; i < 10; i++) await Promise.resolve(); // every microtask of this task
    expect(answer).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve));
    expect(answer).toEqual([{ id: 't1' }]);
  });

  it('matches the query string as HttpClient writes it', async () => {
    window.gfmdEarlyResponses = { '/api/v1/dialogues?page=1&pageSize=100': Promise.resolve(jsonResponse([])) };

    const sut = await firstValueFrom(http.get('/api/v1/dialogues', { params: { page: 1, pageSize: 100 } }));

    expect(sut).toEqual([]);
  });

  it('asks the API again when the early answer is an error, so the error reaches the page as usual', async () => {
    window.gfmdEarlyResponses = { '/api/v1/dialogues/gone': Promise.resolve(jsonResponse({ status: 404 }, 404)) };

    const sut = firstValueFrom(http.get('/api/v1/dialogues/gone'));
    await new Promise((resolve) => setTimeout(resolve));
    backend
      .expectOne('/api/v1/dialogues/gone')
      .flush({ title: 'Not Found', status: 404 }, { status: 404, statusText: 'Not Found' });

    await expect(sut).rejects.toBeInstanceOf(HttpErrorResponse);
  });

  it('asks the API again when the early fetch failed', async () => {
    const failed = Promise.reject<EarlyResponse>(new TypeError('network'));
    failed.catch(() => undefined);
    window.gfmdEarlyResponses = { '/api/v1/themes': failed };

    const sut = firstValueFrom(http.get('/api/v1/themes'));
    await new Promise((resolve) => setTimeout(resolve));
    backend.expectOne('/api/v1/themes').flush([{ id: 't1' }]);

    await expect(sut).resolves.toEqual([{ id: 't1' }]);
  });

  it('leaves signed-in requests to the API', async () => {
    window.gfmdEarlyResponses = { '/api/v1/dialogues/d1': Promise.resolve(jsonResponse({ id: 'd1' })) };

    const sut = firstValueFrom(http.get('/api/v1/dialogues/d1', { headers: { Authorization: 'Bearer tok' } }));
    backend.expectOne('/api/v1/dialogues/d1').flush({ id: 'd1', draft: true });

    await expect(sut).resolves.toEqual({ id: 'd1', draft: true });
  });
});
