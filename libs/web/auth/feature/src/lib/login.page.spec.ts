import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { LoginPage, safeReturnUrl } from './login.page';

const settle = async (fixture: { whenStable(): Promise<unknown> }): Promise<void> => {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
};

describe(LoginPage.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  async function submit(fixture: ReturnType<typeof TestBed.createComponent<LoginPage>>): Promise<void> {
    const el = fixture.nativeElement as HTMLElement;
    for (const [name, value] of [
      ['email', 'org@example.org'],
      ['password', 'secret'],
    ]) {
      const input = el.querySelector<HTMLInputElement>(`input[formcontrolname=${name}]`);
      if (input) {
        input.value = value;
        input.dispatchEvent(new Event('input'));
      }
    }
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await fixture.whenStable();
  }

  it('shows the problem of a refused login', async () => {
    const fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();

    await submit(fixture);
    http
      .expectOne('/api/v1/auth/login')
      .flush(
        { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Wrong email or password' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle(fixture);

    expect((fixture.nativeElement as HTMLElement).querySelector('[role=alert]')?.textContent).toContain(
      'Wrong email or password',
    );
  });

  it('goes back to a safe return URL after signing in', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const fixture = TestBed.createComponent(LoginPage);
    fixture.componentRef.setInput('returnUrl', '/console/outbox');
    await fixture.whenStable();

    await submit(fixture);
    http.expectOne('/api/v1/auth/login').flush({
      accessToken: 't',
      expiresIn: 60,
      user: { id: 'u', email: 'org@example.org', name: 'Org', role: 'admin' },
    });
    await settle(fixture);

    expect(navigate).toHaveBeenCalledWith('/console/outbox');
  });
});

describe(safeReturnUrl.name, () => {
  it('refuses other sites', () => {
    expect(safeReturnUrl('//evil.example')).toBeNull();
    expect(safeReturnUrl('https://evil.example')).toBeNull();
    expect(safeReturnUrl('/console')).toBe('/console');
  });
});
