import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Clipboard } from '@angular/cdk/clipboard';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { DialogueFactory, PageFactory, SessionFactory } from '@gfmd/web-shared-util-testing';
import { DialogueEditorPage } from './dialogue-editor.page';

const settle = async (fixture: { whenStable(): Promise<unknown> }): Promise<void> => {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
};

describe(DialogueEditorPage.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [DialogueEditorPage],
      // DialogueStore holds no dialogue until a test sets one: the page creates a draft.
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), DialogueStore],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => (document.body.innerHTML = ''));

  it('creates a draft with times typed on the venue clock sent as UTC instants, and warns about lead time', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(DialogueEditorPage);
    await fixture.whenStable();
    http.expectOne('/api/v1/themes').flush([]);
    http
      .expectOne('/api/v1/informal-sessions')
      .flush([SessionFactory.create({ id: 's1', startsAt: '2017-05-08T08:00:00Z', endsAt: '2017-05-09T16:00:00Z' })]);
    http.expectOne((r) => r.url === '/api/v1/dialogues').flush(PageFactory.create([]));
    await settle(fixture);

    const form = (fixture.componentInstance as unknown as { form: { patchValue(v: object): void } }).form;
    form.patchValue({
      title: 'Dialogue on human rights',
      summary: 'Ahead of the first informal session',
      informalSessionId: 's1',
      timeZone: 'America/New_York',
      startsAt: '2017-05-10T09:00',
      endsAt: '2017-05-10T17:00',
    });
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent).toContain('does not end before its informal session starts');

    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/dialogues' });
    expect(req.request.body).toEqual(
      expect.objectContaining({
        timeZone: 'America/New_York',
        startsAt: '2017-05-10T13:00:00.000Z',
        endsAt: '2017-05-10T21:00:00.000Z',
        stakeholderQuotas: null,
        languages: ['en', 'fr', 'es'],
      }),
    );
    req.flush(DialogueFactory.create({ id: 'new-id' }));
    await settle(fixture);

    expect(navigate).toHaveBeenCalledWith(['/console/dialogues', 'new-id']);
  });

  it('refuses an empty draft and brings the first invalid field into view with the focus', async () => {
    const fixture = TestBed.createComponent(DialogueEditorPage);
    document.body.append(fixture.nativeElement as HTMLElement);
    await fixture.whenStable();
    http.expectOne('/api/v1/themes').flush([]);
    http.expectOne('/api/v1/informal-sessions').flush([]);
    http.expectOne((r) => r.url === '/api/v1/dialogues').flush(PageFactory.create([]));
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;

    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle(fixture);

    http.expectNone({ method: 'POST', url: '/api/v1/dialogues' });
    expect(document.activeElement).toBe(el.querySelector('input[formcontrolname=title]'));
    expect(el.querySelectorAll('mat-error').length).toBeGreaterThan(0);
  });

  describe('in the workspace of a published dialogue', () => {
    async function renderPublished() {
      const store = TestBed.inject(DialogueStore);
      const fixture = TestBed.createComponent(DialogueEditorPage);
      document.body.append(fixture.nativeElement as HTMLElement);
      store.setDialogue(DialogueFactory.create({ id: 'd1', status: 'published' }));
      await fixture.whenStable();
      http.expectOne('/api/v1/themes').flush([]);
      http.expectOne('/api/v1/informal-sessions').flush([]);
      http.expectOne((r) => r.url === '/api/v1/dialogues').flush(PageFactory.create([]));
      await settle(fixture);
      return { fixture, store, el: fixture.nativeElement as HTMLElement };
    }

    it('shows the public page link to share, with a Copy button that says it copied', async () => {
      const copy = jest.spyOn(TestBed.inject(Clipboard), 'copy').mockReturnValue(true);
      const { fixture, el } = await renderPublished();
      const link = el.querySelector<HTMLInputElement>('#public-link');

      el.querySelector<HTMLButtonElement>('.share__copy')?.click();
      await settle(fixture);

      expect(link?.value).toBe(`${document.baseURI.replace(/\/$/, '')}/dialogues/d1`);
      expect(el.querySelector('.share__view')?.getAttribute('href')).toBe('/dialogues/d1');
      expect(copy).toHaveBeenCalledWith(link?.value);
      expect(el.querySelector('[role=status]')?.textContent).toContain('Link copied.');
    });

    it('closes registration, then reopens it, keeping the focus on the publication panel', async () => {
      const { fixture, store, el } = await renderPublished();

      el.querySelector<HTMLButtonElement>('button.close-registration')?.click();
      http
        .expectOne({ method: 'POST', url: '/api/v1/dialogues/d1/close-registration' })
        .flush(DialogueFactory.create({ id: 'd1', status: 'registration_closed' }));
      await settle(fixture);
      const afterClose = {
        status: store.dialogue()?.status,
        message: el.querySelector('[role=status]')?.textContent?.trim(),
        focused: document.activeElement?.id,
        shared: !!el.querySelector('#public-link'),
      };
      el.querySelector<HTMLButtonElement>('button.reopen-registration')?.click();
      http
        .expectOne({ method: 'POST', url: '/api/v1/dialogues/d1/publish' })
        .flush(DialogueFactory.create({ id: 'd1', status: 'published' }));
      await settle(fixture);

      expect(afterClose).toEqual({
        status: 'registration_closed',
        message: 'Registration is closed.',
        focused: 'status-heading',
        shared: true,
      });
      expect(store.dialogue()?.status).toBe('published');
      expect(el.querySelector('[role=status]')?.textContent?.trim()).toBe('Registration is open again.');
      expect(el.querySelector('button.close-registration')).not.toBeNull();
    });

    it('shows no share link while the dialogue is a draft', async () => {
      const { fixture, store, el } = await renderPublished();

      store.setDialogue(DialogueFactory.create({ id: 'd1', status: 'draft' }));
      await settle(fixture);

      expect(el.querySelector('#public-link')).toBeNull();
      expect(el.querySelector('button.close-registration')).toBeNull();
    });
  });

  it('edits a translation on its language tab, the source text as a hint and missing fields marked', async () => {
    const store = TestBed.inject(DialogueStore);
    const fixture = TestBed.createComponent(DialogueEditorPage);
    document.body.append(fixture.nativeElement as HTMLElement);
    store.setDialogue(
      DialogueFactory.create({
        id: 'd1',
        title: 'Labour mobility',
        summary: 'Why skills travel.',
        languages: ['en', 'fr', 'ar'],
        translations: { fr: { title: 'Mobilité de la main-d’œuvre' } },
      }),
    );
    await fixture.whenStable();
    http.expectOne('/api/v1/themes').flush([]);
    http.expectOne('/api/v1/informal-sessions').flush([]);
    http.expectOne((r) => r.url === '/api/v1/dialogues').flush(PageFactory.create([]));
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    const panel = () => el.querySelector('gfmd-translation-fields [role=tabpanel]') as HTMLElement;
    const field = (label: string) =>
      [...panel().querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].find((f) =>
        f.labels?.[0]?.textContent?.includes(label),
      ) as HTMLInputElement;

    // The source's own fields stay above; one tab per other listed language, French first.
    expect(el.querySelector<HTMLInputElement>('input[formcontrolname=title]')?.getAttribute('lang')).toBe('en');
    const tabs = [...el.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false']);
    // French lacks its summary, Arabic everything: said in words on the tab, not by colour alone.
    expect(tabs[0].textContent).toContain('French');
    expect(tabs[0].textContent).toContain('translation missing');
    expect(tabs[1].textContent).toContain('translation missing');

    const title = field('Title');
    const summary = field('Summary') as unknown as HTMLTextAreaElement;
    expect(title.value).toBe('Mobilité de la main-d’œuvre');
    expect(title.getAttribute('lang')).toBe('fr');
    expect(summary.tagName).toBe('TEXTAREA');
    const described = (f: HTMLElement) =>
      (f.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    expect(described(summary)).toContain('Why skills travel.');
    expect(described(summary)).toContain('Not translated yet');
    expect(described(title)).not.toContain('Not translated yet');

    summary.value = 'Pourquoi les compétences voyagent.';
    summary.dispatchEvent(new Event('input'));
    await settle(fixture);
    expect(described(summary)).not.toContain('Not translated yet');
    expect(tabs[0].textContent).not.toContain('translation missing');

    // The keyboard moves between the tabs (the tablist pattern).
    tabs[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await settle(fixture);
    expect(tabs[1].getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs[1]);
    expect(field('Title').getAttribute('dir')).toBe('rtl');

    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const req = http.expectOne({ method: 'PATCH', url: '/api/v1/dialogues/d1' });
    expect(req.request.body).toEqual(
      expect.objectContaining({
        languages: ['en', 'fr', 'ar'],
        translations: {
          fr: { title: 'Mobilité de la main-d’œuvre', summary: 'Pourquoi les compétences voyagent.' },
          ar: { title: '', summary: '' },
        },
      }),
    );
    req.flush(DialogueFactory.create({ id: 'd1' }));
    await settle(fixture);
  });
});
