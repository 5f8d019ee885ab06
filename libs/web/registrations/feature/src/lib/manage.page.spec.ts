import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { UpdateManagedRegistrationRequest } from '@gfmd/contracts';
import type { AgendaItem, Dialogue, ManageView, Question } from '@gfmd/contracts';
import { ConfirmService } from '@gfmd/web-shared-ui/confirm';
import { I18n, messageText, type ContentMessage } from '@gfmd/web-shared-util-i18n';
import {
  AgendaItemFactory,
  AgendaViewFactory,
  DialogueFactory,
  RegistrationFactory,
  SpaceFactory,
} from '@gfmd/web-shared-util-testing';
import { ManagePage } from './manage.page';

async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

const space = SpaceFactory.create({ id: 'sp1', name: 'Civil society space' });
const text = (el: HTMLElement) => el.textContent?.replace(/\s+/g, ' ') ?? '';

describe(ManagePage.name, () => {
  let http: HttpTestingController;

  const confirm = { ask: jest.fn(async (_: { title: string; message: ContentMessage }) => true) };

  beforeEach(() => {
    confirm.ask.mockClear();
    TestBed.configureTestingModule({
      imports: [ManagePage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: ConfirmService, useValue: confirm },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(
    over: Partial<ManageView> = {},
    agenda: AgendaItem[] = [],
    questions: Question[] = [],
    dialogue: Partial<Dialogue> = {},
  ) {
    const fixture = TestBed.createComponent(ManagePage);
    fixture.componentRef.setInput('token', 'secret-token');
    await fixture.whenStable();
    http.expectOne('/api/v1/registrations/manage/secret-token').flush({
      ...RegistrationFactory.create({ dialogueId: 'd1', title: 'Dr', jobTitle: 'Director', country: 'SN' }),
      accessibilityNeeds: 'Step-free access',
      ...over,
    });
    await settle(fixture);
    http.expectOne('/api/v1/dialogues/d1').flush(DialogueFactory.create({ id: 'd1', ...dialogue }));
    http.expectOne('/api/v1/dialogues/d1/spaces').flush([space]);
    http.expectOne((r) => r.url === '/api/v1/dialogues/d1/agenda').flush(AgendaViewFactory.create(agenda));
    http.expectOne('/api/v1/dialogues/d1/questions').flush(questions);
    await settle(fixture);
    // The documents shared with registrants (a section of its own; none here).
    for (const req of http.match('/api/v1/registrations/manage/secret-token/documents')) req.flush([]);
    await settle(fixture);
    return fixture;
  }

  function clear(el: HTMLElement, selector: string): void {
    const field = el.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!field) {
      throw new Error(`no ${selector}`);
    }
    field.value = '';
    field.dispatchEvent(new Event('input'));
  }

  it('clears the optional details with null, as the API asks (an omitted field would stay as it was)', async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;
    clear(el, 'input[name=title]');
    clear(el, 'input[name=jobTitle]');
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);

    const req = http.expectOne({ method: 'PATCH', url: '/api/v1/registrations/manage/secret-token' });
    const body = req.request.body as UpdateManagedRegistrationRequest;
    expect(body.title).toBeNull();
    expect(body.jobTitle).toBeNull();
    expect(body.accessibilityNeeds).toBe('Step-free access');
    req.flush(RegistrationFactory.create({ dialogueId: 'd1' }));
    await settle(fixture);
  });

  it('shows the answers given, lets them be edited and sends the complete set; a switch of attendance', async () => {
    const questions: Question[] = [
      { key: 'diet', label: { en: 'Dietary needs' }, type: 'text', required: false },
      { key: 'mission', label: { en: 'Permanent mission' }, type: 'text', required: true, groups: ['government'] },
    ];
    const fixture = await render(
      { status: 'confirmed', answers: { diet: 'Vegetarian' }, attendance: 'in_person', waitlistPosition: null },
      [],
      questions,
    );
    const el = fixture.nativeElement as HTMLElement;
    const diet = el.querySelector<HTMLInputElement>('#manage-question-diet');
    expect(diet?.value).toBe('Vegetarian');
    expect(text(el)).not.toContain('Permanent mission');
    expect(text(el)).toContain('You take part in person.');
    if (diet) {
      diet.value = 'Vegan';
      diet.dispatchEvent(new Event('input'));
    }
    const form = (fixture.componentInstance as unknown as { form: { patchValue(v: object): void } }).form;
    form.patchValue({ attendance: 'online' });
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);
    const req = http.expectOne({ method: 'PATCH', url: '/api/v1/registrations/manage/secret-token' });
    const body = req.request.body as UpdateManagedRegistrationRequest;
    expect(body.answers).toEqual({ diet: 'Vegan' });
    expect(body.attendance).toBe('online');
    req.flush(RegistrationFactory.create({ dialogueId: 'd1' }));
    await settle(fixture);
  });

  it('tells a waitlisted person their place in the line and offers to leave the waiting list', async () => {
    const el = (await render({ status: 'waitlisted', waitlistPosition: 3 })).nativeElement as HTMLElement;

    expect(text(el)).toContain('You are number 3 on the waiting list.');
    expect(el.querySelector('#cancel-heading')?.textContent).toContain('Leave the waiting list');
    expect(text(el)).not.toContain('Cancel my registration');
  });

  it('offers a pending person to withdraw their request', async () => {
    const el = (await render({ status: 'pending', waitlistPosition: null })).nativeElement as HTMLElement;

    expect(el.querySelector('#cancel-heading')?.textContent).toContain('Withdraw your request');
    expect(text(el)).not.toContain('waiting list.');
  });

  it('tells a confirmed person their seat goes to the next one, and asks before cancelling', async () => {
    const fixture = await render({ status: 'confirmed', waitlistPosition: null });
    const el = fixture.nativeElement as HTMLElement;
    expect(text(el)).toContain('your seat goes to the next person');

    Array.from(el.querySelectorAll('button'))
      .find((b) => b.textContent?.includes('Cancel my registration'))
      ?.click();
    await settle(fixture);
    expect(confirm.ask).toHaveBeenCalledWith(expect.objectContaining({ title: 'Cancel your registration?' }));
    http
      .expectOne({ method: 'POST', url: '/api/v1/registrations/manage/secret-token/cancel' })
      .flush({ ...RegistrationFactory.create({ dialogueId: 'd1' }), status: 'cancelled', waitlistPosition: null });
    await settle(fixture);
    expect(text(el)).toContain('Your registration is cancelled.');
  });

  it("marks the dialogue's title, in English on a French page, on the page and in the cancel confirmation", async () => {
    await TestBed.inject(I18n).use('fr', { remember: false });
    const fixture = await render({ status: 'confirmed', waitlistPosition: null }, [], [], {
      title: 'Skills on the move',
      titleLang: 'en',
    });
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('.lead strong')?.getAttribute('lang')).toBe('en');

    Array.from(el.querySelectorAll('button'))
      .find((b) => b.textContent?.includes('Annuler mon inscription'))
      ?.click();
    await settle(fixture);
    const message = confirm.ask.mock.calls[0][0].message;
    expect(message).toContainEqual({ text: 'Skills on the move', lang: 'en' });
    expect(messageText(message)).toContain('Votre place à Skills on the move sera attribuée');
    http.expectOne({ method: 'POST', url: '/api/v1/registrations/manage/secret-token/cancel' }).flush({
      ...RegistrationFactory.create({ dialogueId: 'd1' }),
      status: 'cancelled',
      waitlistPosition: null,
    });
    await settle(fixture);
  });

  it('after cancelling, does not claim the published agenda is unpublished', async () => {
    const agenda = [AgendaItemFactory.create({ dialogueId: 'd1', spaceId: 'sp1', title: 'Space session' })];
    const el = (
      await render(
        {
          status: 'cancelled',
          spaces: [{ spaceId: 'sp1', status: 'cancelled', name: space.name }],
        } as Partial<ManageView>,
        agenda,
      )
    ).nativeElement as HTMLElement;

    expect(text(el)).not.toContain('has not been published');
    expect(text(el)).toContain('You no longer hold a place at this dialogue');
    expect(el.querySelector('a[href="/dialogues/d1"]')?.textContent).toContain('See the programme');
  });
});
