import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { AgendaViewFactory, DialogueFactory, SpaceFactory } from '@gfmd/web-shared-util-testing';
import type { Dialogue, Question } from '@gfmd/contracts';
import { RegisterPage } from './register.page';

async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe(RegisterPage.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [RegisterPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  async function render(
    invitation?: string,
    prefill: object | null = null,
    questions: Question[] = [],
    format = 'in_person',
  ) {
    const fixture = TestBed.createComponent(RegisterPage);
    fixture.componentRef.setInput('id', 'd1');
    if (invitation) {
      fixture.componentRef.setInput('invitation', invitation);
    }
    await fixture.whenStable();
    if (invitation) {
      const req = http.expectOne(`/api/v1/invitations/by-token/${invitation}`);
      if (prefill) {
        req.flush(prefill);
      } else {
        req.flush({ status: 404 }, { status: 404, statusText: 'Not Found' });
      }
    }
    http.expectOne('/api/v1/dialogues/d1').flush(
      DialogueFactory.create({
        id: 'd1',
        title: 'Dialogue on labour mobility',
        registrationClosesAt: '2999-01-01T00:00:00Z',
        format: format as Dialogue['format'],
      }),
    );
    http.expectOne('/api/v1/dialogues/d1/questions').flush(questions);
    http
      .expectOne('/api/v1/dialogues/d1/spaces')
      .flush([
        SpaceFactory.create({ id: 's-open', name: 'Plenary', access: 'open' }),
        SpaceFactory.create({ id: 's-biz', name: 'Business', access: 'group_only', allowedGroups: ['private_sector'] }),
      ]);
    http.expectOne((r) => r.url === '/api/v1/dialogues/d1/agenda').flush(AgendaViewFactory.create());
    await settle(fixture);
    return fixture;
  }

  function fill(el: HTMLElement, selector: string, value: string): void {
    const input = el.querySelector<HTMLInputElement>(selector);
    if (!input) {
      throw new Error(`no ${selector}`);
    }
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('labels every control and explains the space rules', async () => {
    const fixture = await render();
    const sut = fixture.nativeElement as HTMLElement;

    expect(sut.querySelector('h1')?.textContent).toContain('Register for Dialogue on labour mobility');
    expect(sut.textContent).toContain('Open to all participants');
    for (const input of Array.from(sut.querySelectorAll('input:not([type=radio]):not([type=checkbox])'))) {
      expect(input.getAttribute('id')).toBeTruthy();
      expect(sut.querySelector(`label[for="${input.getAttribute('id')}"]`)).not.toBeNull();
    }
  });

  it('does not send an incomplete form and shows inline errors', async () => {
    const fixture = await render();
    const sut = fixture.nativeElement as HTMLElement;

    sut.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle(fixture);

    http.expectNone('/api/v1/dialogues/d1/registrations');
    expect(sut.querySelectorAll('mat-error').length).toBeGreaterThan(0);
  });

  it('sends the invitation token and maps a 400 problem onto the fields', async () => {
    const fixture = await render('tok-123');
    const sut = fixture.nativeElement as HTMLElement;
    fill(sut, 'input[formcontrolname=email]', 'amina@example.org');
    fill(sut, 'input[name=firstName]', 'Amina');
    fill(sut, 'input[name=lastName]', 'Diallo');
    fill(sut, 'input[name=organization]', 'Migrant Forum');
    const form = (fixture.componentInstance as unknown as { form: { patchValue(v: object): void } }).form;
    form.patchValue({ stakeholderGroup: 'civil_society', country: 'SN', consent: true });
    await settle(fixture);

    sut.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const req = http.expectOne('/api/v1/dialogues/d1/registrations');
    expect(req.request.body).toEqual(
      expect.objectContaining({
        email: 'amina@example.org',
        stakeholderGroup: 'civil_society',
        country: 'SN',
        consent: true,
        invitationToken: 'tok-123',
      }),
    );
    req.flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'organization', message: 'organization is too short' }],
      },
      { status: 400, statusText: 'Bad Request', headers: { 'content-type': 'application/problem+json' } },
    );
    await settle(fixture);

    expect(sut.textContent).toContain('organization is too short');
  });

  it("asks the organizer's questions for the chosen group and a hybrid dialogue's attendance, and sends the answers", async () => {
    const questions: Question[] = [
      {
        key: 'interpretation',
        label: { en: 'Interpretation', fr: 'Interprétation' },
        type: 'single_choice',
        options: [
          { value: 'fr', label: { en: 'French' } },
          { value: 'es', label: { en: 'Spanish' } },
        ],
        required: true,
      },
      { key: 'mission', label: { en: 'Permanent mission' }, type: 'text', required: true, groups: ['government'] },
      { key: 'visa', label: { en: 'Visa letter' }, type: 'checkbox', required: false },
    ];
    const fixture = await render(undefined, null, questions, 'hybrid');
    const sut = fixture.nativeElement as HTMLElement;
    expect(sut.textContent).toContain('Interpretation');
    expect(sut.textContent).not.toContain('Permanent mission');
    expect(sut.textContent).toContain('How will you take part?');
    fill(sut, 'input[formcontrolname=email]', 'amina@example.org');
    fill(sut, 'input[name=firstName]', 'Amina');
    fill(sut, 'input[name=lastName]', 'Diallo');
    fill(sut, 'input[name=organization]', 'Migrant Forum');
    const form = (fixture.componentInstance as unknown as { form: { patchValue(v: object): void } }).form;
    form.patchValue({ stakeholderGroup: 'government', country: 'SN', consent: true, attendance: 'online' });
    await settle(fixture);
    expect(sut.textContent).toContain('Permanent mission');

    // Required answers missing: nothing is sent.
    sut.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle(fixture);
    http.expectNone('/api/v1/dialogues/d1/registrations');

    form.patchValue({ answers: { interpretation: 'fr', mission: '  Mission of Senegal ' } });
    await settle(fixture);
    sut.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const req = http.expectOne('/api/v1/dialogues/d1/registrations');
    expect(req.request.body).toEqual(
      expect.objectContaining({
        attendance: 'online',
        answers: { interpretation: 'fr', mission: 'Mission of Senegal', visa: false },
      }),
    );
    req.flush({ id: 'r1', status: 'confirmed', spaces: [] });
    await settle(fixture);
  });

  it('prefills the form from the invitation of the link and locks its email', async () => {
    const fixture = await render('tok-456', {
      dialogueId: 'd1',
      email: 'jean@example.org',
      name: 'Jean Dupont',
      stakeholderGroup: 'private_sector',
      preferredLanguage: 'fr',
    });
    const sut = fixture.nativeElement as HTMLElement;
    const email = sut.querySelector<HTMLInputElement>('input[formcontrolname=email]');

    expect(email?.value).toBe('jean@example.org');
    expect(email?.disabled).toBe(true);
    expect(sut.querySelector<HTMLInputElement>('input[name=firstName]')?.value).toBe('Jean');
    expect(sut.querySelector<HTMLInputElement>('input[name=lastName]')?.value).toBe('Dupont');
    const form = (fixture.componentInstance as unknown as { form: { getRawValue(): Record<string, unknown> } }).form;
    expect(form.getRawValue()).toMatchObject({
      stakeholderGroup: 'private_sector',
      preferredLanguage: 'fr',
      invitationToken: 'tok-456',
    });
    // The page speaks the invitation's language (the reader chose none on this device).
    expect(sut.textContent).toContain('Votre invitation est pour cette adresse.');
  });

  it('ignores an invitation of another dialogue', async () => {
    const fixture = await render('tok-789', {
      dialogueId: 'other',
      email: 'jean@example.org',
      name: 'Jean Dupont',
      stakeholderGroup: null,
      preferredLanguage: 'fr',
    });
    const email = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>(
      'input[formcontrolname=email]',
    );
    expect(email?.value).toBe('');
    expect(email?.disabled).toBe(false);
  });

  it('catches an incomplete email address before sending', async () => {
    const fixture = await render();
    const sut = fixture.nativeElement as HTMLElement;
    fill(sut, 'input[formcontrolname=email]', 'amina@example');
    sut.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle(fixture);

    http.expectNone('/api/v1/dialogues/d1/registrations');
    expect(sut.textContent).toContain('Enter a complete address');
  });

  it('goes to the result page with the status', async () => {
    const fixture = await render();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const form = (fixture.componentInstance as unknown as { form: { patchValue(v: object): void } }).form;
    form.patchValue({
      email: 'a@example.org',
      firstName: 'A',
      lastName: 'B',
      organization: 'C',
      stakeholderGroup: 'academia',
      country: 'FR',
      consent: true,
    });
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('button[type=submit]')?.click();

    http.expectOne('/api/v1/dialogues/d1/registrations').flush({ id: 'r1', status: 'waitlisted', spaces: [] });
    await settle(fixture);

    expect(navigate).toHaveBeenCalledWith(
      ['/dialogues', 'd1', 'registered'],
      expect.objectContaining({ queryParams: { status: 'waitlisted' } }),
    );
  });
});
