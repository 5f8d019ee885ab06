import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { firstValueFrom } from 'rxjs';
import { languageInterceptor } from './language.interceptor';

describe('languageInterceptor', () => {
  it('sends the page language and puts an English problem in the page words', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([languageInterceptor])), provideHttpClientTesting()],
    });
    await TestBed.inject(I18n).use('fr');
    const http = TestBed.inject(HttpClient);
    const httpTesting = TestBed.inject(HttpTestingController);
    const call = firstValueFrom(http.get('/api/v1/x')).catch((e: unknown) => e);
    const req = httpTesting.expectOne('/api/v1/x');
    expect(req.request.headers.get('Accept-Language')).toBe('fr');
    req.flush(
      {
        type: 'https://gfmd-dialogues.org/problems/registration-closed',
        title: 'Unprocessable Content',
        status: 422,
        detail: 'Registration is closed.',
      },
      { status: 422, statusText: 'Unprocessable Content', headers: { 'Content-Language': 'en' } },
    );
    expect(await call).toMatchObject({
      status: 422,
      error: { detail: 'Les inscriptions ne sont pas ouvertes pour ce dialogue.' },
    });
  });
});
