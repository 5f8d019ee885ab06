import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ProcessTimeline } from '@gfmd/contracts';
import { DialogueFactory, SessionFactory, ThemeFactory } from '@gfmd/web-shared-util-testing';
import { ProcessEditorPage } from './process-editor.page';

const settle = async (fixture: { whenStable(): Promise<unknown>; detectChanges(): void }): Promise<void> => {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
  fixture.detectChanges();
};

const theme = ThemeFactory.create({
  id: 't1',
  code: 'T7',
  title: 'Labour mobility',
  processId: 'p1',
  translations: { fr: { title: 'Mobilité de la main-d’œuvre' } },
});
const session = SessionFactory.create({
  id: 's1',
  processId: 'p1',
  number: 1,
  themeId: 't1',
  startsAt: '2027-06-14T08:00:00.000Z', // 10:00 in Geneva
  endsAt: '2027-06-15T16:00:00.000Z',
  timeZone: 'Europe/Zurich',
});
const timeline: ProcessTimeline = {
  process: {
    id: 'p1',
    slug: 'gfmd-2027',
    code: 'GFMD2027',
    title: 'GFMD 2027',
    startsAt: '2027-01-01T00:00:00.000Z',
    endsAt: '2028-01-01T00:00:00.000Z',
  },
  phases: [],
  milestones: [],
  themes: [theme],
  sessions: [session],
  dialogues: [],
};

type Page = {
  sessionForm: { patchValue(v: object): void };
  phaseForm: { patchValue(v: object): void; controls: Record<string, { errors: Record<string, unknown> | null }> };
};

describe(ProcessEditorPage.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ProcessEditorPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  const open = async () => {
    const fixture = TestBed.createComponent(ProcessEditorPage);
    fixture.componentRef.setInput('id', 'p1');
    fixture.detectChanges();
    http.expectOne('/api/v1/processes/p1/timeline').flush(timeline);
    await settle(fixture);
    return { fixture, page: fixture.componentInstance as unknown as Page, el: fixture.nativeElement as HTMLElement };
  };
  const flushCatalog = () => {
    for (const r of http.match((req) => ['/api/v1/themes', '/api/v1/informal-sessions'].includes(req.url))) r.flush([]);
    for (const r of http.match((req) => req.url === '/api/v1/dialogues')) {
      r.flush({ items: [], total: 0, page: 1, pageSize: 100 });
    }
  };
  const click = (el: HTMLElement, text: string) => {
    const button = [...el.querySelectorAll('button')].find((b) => b.textContent?.includes(text));
    if (!button) throw new Error(`no button "${text}"`);
    button.click();
  };

  it('shows the process code and sends a new one with the details; a malformed code is not sent', async () => {
    const { fixture, el } = await open();
    flushCatalog();
    const code = el.querySelector<HTMLInputElement>('input[formcontrolname="code"]')!;
    expect(code.value).toBe('GFMD2027');
    code.value = 'gfmd-27';
    code.dispatchEvent(new Event('input'));
    el.querySelector<HTMLFormElement>('section[aria-labelledby="details-heading"] form')!.dispatchEvent(
      new Event('submit'),
    );
    await settle(fixture);
    http.expectNone((r) => r.method === 'PATCH');
    code.value = 'gr27';
    code.dispatchEvent(new Event('input'));
    el.querySelector<HTMLFormElement>('section[aria-labelledby="details-heading"] form')!.dispatchEvent(
      new Event('submit'),
    );
    await settle(fixture);
    http.expectNone((r) => r.method === 'PATCH');
    code.value = 'GR27';
    code.dispatchEvent(new Event('input'));
    el.querySelector<HTMLFormElement>('section[aria-labelledby="details-heading"] form')!.dispatchEvent(
      new Event('submit'),
    );
    await settle(fixture);
    const req = http.expectOne((r) => r.method === 'PATCH' && r.url === '/api/v1/processes/p1');
    expect(req.request.body).toMatchObject({ code: 'GR27', slug: 'gfmd-2027' });
    req.flush({ ...timeline.process, code: 'GR27', phases: [], milestones: [] });
  });

  it('moves a session on its venue clock, then lets the organizer keep or move each dialogue ahead of it', async () => {
    const { fixture, page, el } = await open();
    expect(el.textContent).toContain('GFMD 2027');
    expect(el.textContent).toContain('T7');

    // The last Edit button is the session's (the theme above has one too).
    const edits = [...el.querySelectorAll('button')].filter((b) => b.textContent?.includes('Edit'));
    edits[edits.length - 1].click();
    await settle(fixture);
    page.sessionForm.patchValue({ startsAt: '2027-06-21T11:00', endsAt: '2027-06-22T18:00' });
    await settle(fixture);
    const form = el.querySelectorAll('form')[4] as HTMLFormElement;
    form.dispatchEvent(new Event('submit'));
    const req = http.expectOne({ method: 'PATCH', url: '/api/v1/informal-sessions/s1' });
    expect(req.request.body).toEqual(
      expect.objectContaining({
        startsAt: '2027-06-21T09:00:00.000Z',
        endsAt: '2027-06-22T16:00:00.000Z',
        timeZone: 'Europe/Zurich',
      }),
    );
    req.flush({
      ...session,
      startsAt: '2027-06-21T09:00:00.000Z',
      endsAt: '2027-06-22T16:00:00.000Z',
      affectedDialogues: [
        {
          id: 'd1',
          title: 'Dialogue on labour mobility',
          status: 'published',
          startsAt: '2027-06-01T07:00:00.000Z',
          endsAt: '2027-06-01T15:00:00.000Z',
          timeZone: 'Europe/Zurich',
          leadTimeDays: 20,
          schedulingWarnings: [],
        },
        {
          id: 'd2',
          title: 'Dialogue on remittances',
          status: 'draft',
          startsAt: '2027-06-10T07:00:00.000Z',
          endsAt: '2027-06-10T15:00:00.000Z',
          timeZone: 'Europe/Zurich',
          leadTimeDays: 11,
          schedulingWarnings: [],
        },
      ],
    });
    await settle(fixture);
    flushCatalog();
    await settle(fixture);

    expect(el.textContent).toContain('Informal session 1 moved');
    expect(el.textContent).toContain('Dialogue on labour mobility');
    http.expectNone((r) => r.url.endsWith('/shift')); // nothing moves without a choice

    click(el, 'Keep'); // the first dialogue stays
    await settle(fixture);
    click(el, 'Move by the same amount (+7 d 1 h)');
    const shift = http.expectOne({ method: 'POST', url: '/api/v1/dialogues/d2/shift' });
    expect(shift.request.body).toEqual({ byMinutes: 7 * 24 * 60 + 60 });
    shift.flush(DialogueFactory.create({ id: 'd2' }));
    await settle(fixture);
    expect(el.textContent).toContain('Kept where it is.');
    expect(el.textContent).toContain('Moved: its participants are told.');
  });

  it('maps the server’s refusal of a phase outside the process onto its fields', async () => {
    const { fixture, page, el } = await open();
    page.phaseForm.patchValue({ kind: 'negotiation', title: 'Too late', startsAt: '2027-11-01', endsAt: '2028-02-01' });
    (el.querySelectorAll('form')[1] as HTMLFormElement).dispatchEvent(new Event('submit'));
    const req = http.expectOne({ method: 'POST', url: '/api/v1/processes/p1/phases' });
    expect(req.request.body).toEqual({
      kind: 'negotiation',
      title: 'Too late',
      startsAt: '2027-11-01T00:00:00.000Z',
      endsAt: '2028-02-02T00:00:00.000Z',
      translations: {},
    });
    req.flush(
      {
        type: 'https://gfmd-dialogues.org/problems/outside-process',
        title: 'Unprocessable',
        status: 422,
        errors: [{ field: 'endsAt', message: 'endsAt must lie within the process' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    expect(page.phaseForm.controls['endsAt'].errors).toEqual({ server: 'endsAt must lie within the process' });
  });

  it("writes a theme's and a session's words in other languages on their tabs, what is missing marked", async () => {
    const { fixture, el } = await open();
    flushCatalog();
    const section = (id: string) => el.querySelector(`section[aria-labelledby="${id}"]`) as HTMLElement;
    const tab = (s: HTMLElement, name: string) =>
      [...s.querySelectorAll<HTMLButtonElement>('[role=tab]')].find((t) => t.textContent?.includes(name))!;
    const input = (s: HTMLElement, label: string) =>
      [...s.querySelectorAll<HTMLInputElement>('[role=tabpanel] input')].find((f) =>
        f.labels?.[0]?.textContent?.includes(label),
      )!;
    const type = async (field: HTMLInputElement, text: string) => {
      field.value = text;
      field.dispatchEvent(new Event('input'));
      await settle(fixture);
    };

    // Every form has the five other languages (English is the source, the fields above).
    const themes = section('themes-heading');
    expect([...themes.querySelectorAll('[role=tab]')].map((t) => t.textContent?.trim().split(/\s/)[0])).toEqual([
      'Arabic',
      'Spanish',
      'French',
      'Russian',
      'Chinese',
    ]);
    click(themes, 'Edit');
    await settle(fixture);
    // French is stored; Spanish is missing, in words and with a sign.
    expect(tab(themes, 'French').textContent).not.toContain('translation missing');
    expect(tab(themes, 'Spanish').textContent).toContain('⚠');
    expect(tab(themes, 'Spanish').textContent).toContain('translation missing');
    tab(themes, 'Spanish').click();
    await settle(fixture);
    const spanish = input(themes, 'Title');
    expect(spanish.getAttribute('lang')).toBe('es');
    expect(themes.querySelector('[role=tabpanel]')?.textContent).toContain('Labour mobility');
    expect(themes.querySelector('[role=tabpanel]')?.textContent).toContain('Not translated yet');
    await type(spanish, 'Movilidad laboral');
    expect(tab(themes, 'Spanish').textContent).not.toContain('translation missing');
    themes.querySelector('form')!.dispatchEvent(new Event('submit'));
    const saveTheme = http.expectOne({ method: 'PATCH', url: '/api/v1/themes/t1' });
    expect(saveTheme.request.body.translations).toEqual({
      es: { title: 'Movilidad laboral' },
      fr: { title: 'Mobilité de la main-d’œuvre' },
    });
    saveTheme.flush({ ...theme, translations: saveTheme.request.body.translations });
    await settle(fixture);
    flushCatalog();

    // A session: its title and venue; a server error on a translation shows under its field.
    const sessions = section('sessions-heading');
    click(sessions, 'Edit');
    await settle(fixture);
    tab(sessions, 'French').click();
    await settle(fixture);
    expect(input(sessions, 'Venue').getAttribute('lang')).toBe('fr');
    await type(input(sessions, 'Venue'), 'Genève');
    sessions.querySelector('form')!.dispatchEvent(new Event('submit'));
    const saveSession = http.expectOne({ method: 'PATCH', url: '/api/v1/informal-sessions/s1' });
    expect(saveSession.request.body.translations).toEqual({ fr: { title: '', venue: 'Genève' } });
    saveSession.flush(
      {
        type: 'https://gfmd-dialogues.org/problems/invalid-input',
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'translations.ar.title', code: 'isPlainText', message: 'Plain text only.' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(tab(sessions, 'Arabic').getAttribute('aria-selected')).toBe('true');
    const arabic = input(sessions, 'Title');
    expect(arabic.getAttribute('dir')).toBe('rtl');
    expect(arabic.getAttribute('aria-invalid')).toBe('true');
    const error = el.querySelector(`#${arabic.getAttribute('aria-describedby')!.split(' ')[0]}`);
    expect(error?.textContent).toContain('Plain text only.');
  });
});
