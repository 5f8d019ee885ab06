import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ErrorStateMatcher } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { ConfirmService } from '@gfmd/web-shared-ui/confirm';
import { I18n, messageText, type ContentMessage } from '@gfmd/web-shared-util-i18n';
import { ChangedOrSubmittedErrorStateMatcher } from '@gfmd/web-shared-ui/form-defaults';
import { AgendaItemFactory, DialogueFactory, SpaceFactory } from '@gfmd/web-shared-util-testing';
import { AgendaBuilderPage } from './agenda-builder.page';

const settle = async (fixture: { whenStable(): Promise<unknown> }): Promise<void> => {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
};

interface FormLike {
  patchValue(v: object): void;
}

describe(AgendaBuilderPage.name, () => {
  let http: HttpTestingController;
  let store: DialogueStore;
  const ask = jest.fn<Promise<boolean>, [{ message: ContentMessage }]>();

  beforeEach(() => {
    ask.mockReset().mockResolvedValue(true);
    TestBed.configureTestingModule({
      imports: [AgendaBuilderPage],
      providers: [
        DialogueStore,
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: ConfirmService, useValue: { ask } },
        // as provideFeatureDefaults() does on the console routes
        { provide: ErrorStateMatcher, useClass: ChangedOrSubmittedErrorStateMatcher },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(DialogueStore);
    store.setDialogue(
      DialogueFactory.create({
        id: 'd1',
        startsAt: '2017-04-20T07:00:00Z',
        endsAt: '2017-04-21T16:00:00Z',
        timeZone: 'Europe/Zurich',
      }),
    );
    store.setSpaces([SpaceFactory.create({ id: 'biz', name: 'Business', rooms: ['Room XIX'] })]);
    store.setAgenda([
      AgendaItemFactory.create({
        id: 'a1',
        title: 'Opening plenary',
        spaceId: null,
        room: 'Room XX',
        startsAt: '2017-04-20T07:00:00Z',
        endsAt: '2017-04-20T08:00:00Z',
        speakers: [{ name: 'Ana Pérez', role: 'moderator' }],
      }),
    ]);
  });

  async function render() {
    const fixture = TestBed.createComponent(AgendaBuilderPage);
    await fixture.whenStable();
    http.match(() => true).forEach((r) => r.flush([]));
    await settle(fixture);
    return fixture;
  }

  it('draws the day grid with a column per space', async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;

    expect(Array.from(el.querySelectorAll('.col-head')).map((c) => c.textContent?.trim())).toEqual([
      'All participants',
      'Business',
    ]);
    expect(el.querySelector('button.item')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '09:00–10:00 Opening plenary, All participants, Room XX',
    );
  });

  it('names the item in its own language in the delete confirmation and the status message (an English dialogue, a French page)', async () => {
    const i18n = TestBed.inject(I18n);
    await i18n.loadStaff();
    await i18n.use('fr', { remember: false });
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;
    el.querySelector<HTMLButtonElement>('button.item')?.click();
    await settle(fixture);
    Array.from(el.querySelectorAll<HTMLButtonElement>('button'))
      .find((b) => b.textContent?.trim() === 'Supprimer')
      ?.click();
    await settle(fixture);

    expect(ask.mock.calls[0][0].message).toContainEqual({ text: 'Opening plenary', lang: 'en' });
    http.expectOne({ method: 'DELETE', url: '/api/v1/agenda-items/a1' }).flush(null);
    await settle(fixture);
    const status = el.querySelector('[role=status]')!;
    expect(status.textContent).toBe('Opening plenary est supprimé.');
    expect(status.querySelector('span[lang="en"]')?.textContent).toBe('Opening plenary');
  });

  it('refuses to save a clash and says why, without calling the API', async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;
    const sut = fixture.componentInstance as unknown as { form: FormLike; addSpeaker(name: string): void };
    sut.addSpeaker('ana pérez');
    sut.form.patchValue({
      title: 'Business roundtable',
      spaceId: 'biz',
      room: 'Room XIX',
      day: '2017-04-20',
      start: '09:30',
      end: '10:30',
    });
    await settle(fixture);

    el.querySelector<HTMLButtonElement>('form button[type=submit]')?.click();
    await settle(fixture);

    http.expectNone('/api/v1/dialogues/d1/agenda-items');
    expect(el.querySelector('#clash-list')?.textContent).toContain('Ana Pérez already speaks at Opening plenary');
  });

  it('shows the server 409 when it still finds an overlap', async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;
    const sut = fixture.componentInstance as unknown as { form: FormLike };
    sut.form.patchValue({
      title: 'Business lunch',
      spaceId: 'biz',
      room: '',
      day: '2017-04-20',
      start: '12:00',
      end: '13:00',
    });
    await settle(fixture);

    el.querySelector<HTMLButtonElement>('form button[type=submit]')?.click();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/dialogues/d1/agenda-items' });
    expect(req.request.body).toEqual(
      expect.objectContaining({
        spaceId: 'biz',
        startsAt: '2017-04-20T10:00:00.000Z',
        endsAt: '2017-04-20T11:00:00.000Z',
      }),
    );
    req.flush(
      { type: 'about:blank', title: 'Conflict', status: 409, detail: 'Overlaps "Press briefing" in Business' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);

    expect(el.querySelector('[role=alert]')?.textContent).toContain('Overlaps "Press briefing" in Business');
  });

  it("sends an item's title typed on the French tab, the source title shown as a hint", async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;
    const sut = fixture.componentInstance as unknown as { form: FormLike };
    sut.form.patchValue({
      title: 'Business lunch',
      spaceId: 'biz',
      room: '',
      day: '2017-04-20',
      start: '12:00',
      end: '13:00',
    });
    await settle(fixture);
    // The factory's dialogue lists English, French and Spanish: a tab for each other language.
    const tabs = [...el.querySelectorAll<HTMLButtonElement>('gfmd-translation-fields [role=tab]')];
    expect(tabs.map((t) => t.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'French ⚠ translation missing',
      'Spanish ⚠ translation missing',
    ]);
    expect(el.querySelector('gfmd-translation-fields [role=tabpanel]')?.textContent).toContain('Business lunch');
    const title = el.querySelector<HTMLInputElement>(
      'gfmd-translation-fields [role=tabpanel] input',
    ) as HTMLInputElement;
    title.value = 'Déjeuner des entreprises';
    title.dispatchEvent(new Event('input'));
    await settle(fixture);
    expect(tabs[0].textContent).not.toContain('translation missing');

    el.querySelector<HTMLButtonElement>('form button[type=submit]')?.click();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/dialogues/d1/agenda-items' });
    expect(req.request.body.translations).toEqual({
      fr: { title: 'Déjeuner des entreprises', description: '' },
      es: { title: '', description: '' },
    });
    req.flush(AgendaItemFactory.create({ id: 'a2', title: 'Business lunch' }));
    await settle(fixture);
  });

  describe('focus and field errors', () => {
    afterEach(() => (document.body.innerHTML = ''));

    async function renderAttached() {
      const fixture = await render();
      document.body.append(fixture.nativeElement as HTMLElement);
      const el = fixture.nativeElement as HTMLElement;
      return { fixture, el, title: el.querySelector<HTMLInputElement>('input[formcontrolname=title]') };
    }

    it('refuses an item without a title, focusing the title field; a new item starts without errors', async () => {
      const { fixture, el, title } = await renderAttached();
      (fixture.componentInstance as unknown as { form: FormLike }).form.patchValue({ title: '' });

      el.querySelector<HTMLButtonElement>('form button[type=submit]')?.click();
      await settle(fixture);
      const refused = { focused: document.activeElement === title, errors: el.querySelectorAll('mat-error').length };
      el.querySelector<HTMLButtonElement>('button.slot')?.click();
      await settle(fixture);

      http.expectNone({ method: 'POST', url: '/api/v1/dialogues/d1/agenda-items' });
      expect(refused).toEqual({ focused: true, errors: 1 });
      expect(el.querySelectorAll('mat-error')).toHaveLength(0);
    });

    it('gives the focus back to Save once an item is saved, and to the form after a delete', async () => {
      const { fixture, el } = await renderAttached();
      el.querySelector<HTMLButtonElement>('button.item')?.click();
      await settle(fixture);

      el.querySelector<HTMLButtonElement>('form button[type=submit]')?.click();
      http.expectOne({ method: 'PATCH', url: '/api/v1/agenda-items/a1' }).flush(store.agenda()[0]);
      await settle(fixture);
      const afterSave = document.activeElement;
      Array.from(el.querySelectorAll<HTMLButtonElement>('form button'))
        .find((b) => b.textContent?.trim() === 'Delete')
        ?.click();
      await settle(fixture);
      http.expectOne({ method: 'DELETE', url: '/api/v1/agenda-items/a1' }).flush(null);
      await settle(fixture);
      await settle(fixture); // the form takes the focus in a task of its own (focusForm)

      expect(afterSave).toBe(el.querySelector('form button[type=submit]'));
      expect(document.activeElement?.id).toBe('item-form-heading');
      expect(el.querySelector('[role=status]')?.textContent).toContain('Opening plenary');
    });
  });

  function sendButton(el: HTMLElement): HTMLButtonElement {
    const button = Array.from(el.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === 'Email the agenda to participants',
    );
    if (!button) {
      throw new Error('no send button');
    }
    return button;
  }

  it('counts who would get the agenda before asking to send it', async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;

    sendButton(el).click();
    http.expectOne({ method: 'POST', url: '/api/v1/dialogues/d1/agenda/send?dryRun=true' }).flush({
      wouldSend: 2,
      skipped: { addressNotConfirmed: 0, alreadySent: 1 },
    });
    await settle(fixture);

    expect(ask).toHaveBeenCalledTimes(1);
    expect(messageText(ask.mock.calls[0][0].message)).toContain(
      'This will email 2 people. Skipped: 1 who already have this agenda.',
    );
    http.expectOne({ method: 'POST', url: '/api/v1/dialogues/d1/agenda/send' }).flush({});
    await settle(fixture);
    expect(el.querySelector('[role=status]')?.textContent).toBe('The agenda emails are queued.');
  });

  it('says so when nobody would get the agenda, without offering to send it', async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;

    sendButton(el).click();
    http
      .expectOne({ method: 'POST', url: '/api/v1/dialogues/d1/agenda/send?dryRun=true' })
      .flush({ wouldSend: 0, skipped: { alreadySent: 3 } });
    await settle(fixture);

    expect(ask).not.toHaveBeenCalled();
    http.expectNone({ method: 'POST', url: '/api/v1/dialogues/d1/agenda/send' });
    expect(el.querySelector('[role=status]')?.textContent).toBe(
      'This will email nobody. Skipped: 3 who already have this agenda.',
    );
  });
});
