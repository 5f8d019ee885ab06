import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { SetPasswordPage } from './set-password.page';

const settle = async (fixture: { whenStable(): Promise<unknown> }): Promise<void> => {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
};

describe(SetPasswordPage.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [SetPasswordPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  function type(el: HTMLElement, name: string, value: string): void {
    const input = el.querySelector<HTMLInputElement>(`input[formcontrolname=${name}], input[name=${name}]`);
    if (!input) throw new Error(`no ${name} field`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  async function open(token?: string) {
    const fixture = TestBed.createComponent(SetPasswordPage);
    if (token) fixture.componentRef.setInput('token', token);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('without a token offers to ask for a new link, and shows no form', async () => {
    const { el } = await open();
    expect(el.querySelector('form')).toBeNull();
    expect(el.querySelector('a[href="/login/forgot"]')).not.toBeNull();
  });

  it('refuses two different passwords without calling the API', async () => {
    const { fixture, el } = await open('t'.repeat(43));
    type(el, 'password', 'plum-orbit-lantern-97');
    type(el, 'repeat', 'plum-orbit-lantern-98');
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle(fixture);
    http.expectNone('/api/v1/auth/password-reset/confirm');
    expect(el.textContent).toContain('The two passwords differ.');
  });

  it('sends the token and the password, then points to sign-in', async () => {
    const { fixture, el } = await open('t'.repeat(43));
    type(el, 'password', 'plum-orbit-lantern-97');
    type(el, 'repeat', 'plum-orbit-lantern-97');
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await fixture.whenStable();
    const req = http.expectOne('/api/v1/auth/password-reset/confirm');
    expect(req.request.body).toEqual({ token: 't'.repeat(43), password: 'plum-orbit-lantern-97' });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(el.querySelector('[role=status]')?.textContent).toContain('Your password is saved');
    expect(el.querySelector('a[href="/login"]')).not.toBeNull();
  });

  it('a used or expired link (410) shows the problem and offers a new link', async () => {
    const { fixture, el } = await open('t'.repeat(43));
    type(el, 'password', 'plum-orbit-lantern-97');
    type(el, 'repeat', 'plum-orbit-lantern-97');
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await fixture.whenStable();
    http.expectOne('/api/v1/auth/password-reset/confirm').flush(
      {
        type: 'https://gfmd-dialogues.org/problems/password-link-gone',
        title: 'Gone',
        status: 410,
        detail: 'This link has been used or has expired. Ask for a new one.',
      },
      { status: 410, statusText: 'Gone' },
    );
    await settle(fixture);
    expect(el.querySelector('[role=alert]')?.textContent).toContain('has been used or has expired');
    expect(el.querySelector('a[href="/login/forgot"]')).not.toBeNull();
  });
});
