import { BreakpointObserver, type BreakpointState } from '@angular/cdk/layout';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal, type WritableSignal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { Dialogue, Registration, Space } from '@gfmd/contracts';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { DialogueFactory, RegistrationFactory, SpaceFactory } from '@gfmd/web-shared-util-testing';
import { BehaviorSubject, map } from 'rxjs';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { RegistrationDecisions, UNDO_VISIBLE_MS } from './registration-decisions';
import { COMPACT_QUERY, RegistrationsTablePage } from './registrations-table.page';

async function settle(fixture: { whenStable(): Promise<unknown>; detectChanges(): void }): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    await fixture.whenStable();
  }
}

describe(RegistrationsTablePage.name, () => {
  let http: HttpTestingController;
  /** The breakpoint the page watches: true on a phone. */
  let narrow: BehaviorSubject<boolean>;
  let dialogue: WritableSignal<Dialogue>;
  let spaces: WritableSignal<Space[]>;

  beforeEach(() => {
    narrow = new BehaviorSubject(false);
    const breakpoints: Partial<BreakpointObserver> = {
      observe: (query) => {
        expect(query).toBe(COMPACT_QUERY);
        return narrow.pipe(map((matches): BreakpointState => ({ matches, breakpoints: {} })));
      },
    };
    TestBed.configureTestingModule({
      imports: [RegistrationsTablePage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: BreakpointObserver, useValue: breakpoints },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    dialogue = signal(DialogueFactory.create({ id: 'd1', capacity: 1 }));
    spaces = signal([]);
    TestBed.overrideProvider(DialogueStore, { useValue: { dialogue, spaces } });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => (e.innerHTML = ''));
    jest.useRealTimers();
  });

  const people = (): Registration[] => [
    RegistrationFactory.create({ id: 'r1', firstName: 'Amina', lastName: 'Diallo', status: 'confirmed' }),
    RegistrationFactory.create({ id: 'r2', firstName: 'Luis', lastName: 'Pérez', status: 'waitlisted' }),
  ];

  async function render(rows = people()) {
    const fixture = TestBed.createComponent(RegistrationsTablePage);
    fixture.detectChanges();
    await fixture.whenStable();
    http
      .expectOne((r) => r.url === '/api/v1/dialogues/d1/registrations')
      .flush({ items: rows, total: rows.length, page: 1, pageSize: 25 });
    http.expectOne('/api/v1/dialogues/d1/stats').flush({ byStatus: {}, byGroup: {}, bySpace: {} });
    await settle(fixture);
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  const button = (root: ParentNode, text: string, within = ''): HTMLButtonElement => {
    const found = [...root.querySelectorAll<HTMLButtonElement>(`${within} button`)].find((b) =>
      b.textContent?.includes(text),
    );
    if (!found) throw new Error(`no button "${text}"`);
    return found;
  };
  const stats = () =>
    http.match('/api/v1/dialogues/d1/stats').forEach((r) => r.flush({ byStatus: {}, byGroup: {}, bySpace: {} }));

  it("shows space names and question labels in the page's language, else the dialogue's languages in order, marked", async () => {
    // A dialogue written in Spanish, then French; the page is in English. Staff reads carry the translations.
    dialogue.set(DialogueFactory.create({ id: 'd1', languages: ['es', 'fr'] }));
    spaces.set([
      SpaceFactory.create({ id: 's1', name: 'Espacio empresarial', translations: { en: { name: 'Business space' } } }),
      SpaceFactory.create({ id: 's2', name: 'Sociedad civil', translations: { fr: { name: 'Société civile' } } }),
    ]);
    const person = RegistrationFactory.create({
      id: 'r1',
      spaces: [
        { spaceId: 's1', status: 'confirmed' },
        { spaceId: 's2', status: 'confirmed' },
      ],
    });
    const { fixture, el } = await render([{ ...person, answers: { diet: 'veg' } } as Registration]);
    http.expectOne('/api/v1/dialogues/d1/questions').flush([
      {
        key: 'diet',
        type: 'single_choice',
        required: false,
        label: { fr: 'Régime', es: 'Régimen' },
        options: [{ value: 'veg', label: { fr: 'Végétarien', es: 'Vegetariano', en: 'Vegetarian' } }],
      },
    ]);
    await settle(fixture);

    const row = el.querySelector('tr[data-registration="r1"]')!;
    const chips = [...row.querySelectorAll('.gfmd-chip > span')].map((s) => [
      s.textContent?.trim(),
      s.getAttribute('lang'),
    ]);
    expect(chips).toEqual([
      ['Business space', null],
      ['Sociedad civil', 'es'],
    ]);
    expect(row.querySelector('dt')?.textContent).toBe('Régimen');
    expect(row.querySelector('dt')?.getAttribute('lang')).toBe('es');
    expect(row.querySelector('dd')?.textContent).toBe('Vegetarian');
    expect(row.querySelector('dd')?.hasAttribute('lang')).toBe(false);
  });

  it("names the space of a seat's approve and decline buttons in its own language, a fallback marked", async () => {
    dialogue.set(DialogueFactory.create({ id: 'd1', languages: ['es', 'fr'] }));
    spaces.set([
      SpaceFactory.create({ id: 's2', name: 'Sociedad civil', translations: { fr: { name: 'Société civile' } } }),
    ]);
    const person = RegistrationFactory.create({ id: 'r1', spaces: [{ spaceId: 's2', status: 'pending' }] });
    const { el } = await render([person]);
    const row = el.querySelector('tr[data-registration="r1"]')!;

    const approve = button(row, 'Approve for');
    expect(approve.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      `Approve for Sociedad civil ${person.firstName} ${person.lastName}`,
    );
    expect(approve.querySelector('span[lang="es"]')?.textContent).toBe('Sociedad civil');
    expect(button(row, 'Decline for').querySelector('span[lang="es"]')?.textContent).toBe('Sociedad civil');
  });

  it("marks a fallback space name in a seat's decline confirmation and in the status message (a French page)", async () => {
    const i18n = TestBed.inject(I18n);
    await i18n.loadStaff();
    await i18n.use('fr', { remember: false });
    // An English dialogue (French second) whose space is named in English only.
    dialogue.set(DialogueFactory.create({ id: 'd1', languages: ['en', 'fr'] }));
    spaces.set([SpaceFactory.create({ id: 's1', name: 'Business space', translations: {} })]);
    const person = RegistrationFactory.create({
      id: 'r1',
      firstName: 'Amina',
      lastName: 'Diallo',
      spaces: [{ spaceId: 's1', status: 'pending' }],
    });
    const { fixture, el } = await render([person]);

    button(el, 'Refuser pour', 'tr[data-registration="r1"]').click();
    await settle(fixture);
    const dialog = document.querySelector<HTMLElement>('[role="alertdialog"]')!;
    const question = dialog.querySelector('mat-dialog-content p')!;
    expect(question.textContent).toBe(
      'Amina Diallo recevra un courriel lui indiquant que sa demande pour Business space est refusée.',
    );
    expect(question.querySelector('span[lang="en"]')?.textContent).toBe('Business space');
    button(dialog, 'Refuser').click();
    await settle(fixture);

    http
      .expectOne({ method: 'POST', url: '/api/v1/registrations/r1/spaces/s1/decline' })
      .flush({ ...person, spaces: [{ spaceId: 's1', status: 'declined' }] });
    await settle(fixture);
    stats();
    const status = el.querySelector('[role="status"]')!;
    expect(status.textContent).toBe('Amina Diallo : demande pour Business space refusée.');
    expect(status.querySelector('span[lang="en"]')?.textContent).toBe('Business space');
    expect(el.querySelector('.gfmd-alert--ok span[lang="en"]')?.textContent).toBe('Business space');
  });

  it("keeps a person's row, and the answers opened in it, when the list is read again", async () => {
    const person = { ...people()[0], answers: { diet: 'veg' } } as Registration;
    const { fixture, el } = await render([person]);
    http.expectOne('/api/v1/dialogues/d1/questions').flush([]);
    await settle(fixture);
    const row = el.querySelector('tr[data-registration="r1"]')!;
    const answers = row.querySelector('details')!;
    answers.open = true;

    // Read again (as after "Add a participant"): the same person, a new object.
    void fixture.componentInstance['store'].load();
    http
      .expectOne((r) => r.url === '/api/v1/dialogues/d1/registrations')
      .flush({ items: [{ ...person, organization: 'Renamed' }], total: 1, page: 1, pageSize: 25 });
    await settle(fixture);

    const again = el.querySelector('tr[data-registration="r1"]')!;
    expect(again.textContent).toContain('Renamed');
    expect(again).toBe(row);
    expect(again.querySelector('details')?.open).toBe(true);
  });

  it('keeps the table at a desktop width: Check in apart from the decisions, Decline styled as destructive', async () => {
    const { el } = await render();

    expect(el.querySelector('table')).not.toBeNull();
    expect(el.querySelector('.cards')).toBeNull();
    const row = el.querySelector('tr[data-registration="r1"]')!;
    const checkIn = button(row, 'Check in');
    const decisions = row.querySelector('[role="group"]')!;
    expect(decisions.contains(checkIn)).toBe(false);
    expect(button(decisions, 'Decline').classList).toContain('decline');
  });

  it('asks before a decline (an email goes out, optional reason) and sends nothing when cancelled', async () => {
    const { fixture, el } = await render();

    button(el, 'Decline', 'tr[data-registration="r1"]').click();
    await settle(fixture);

    const dialog = document.querySelector<HTMLElement>('[role="alertdialog"]')!;
    expect(dialog.textContent).toContain('An email goes to Amina Diallo');
    expect(dialog.querySelector('textarea')).not.toBeNull();
    button(dialog, 'Cancel').click();
    await settle(fixture);
    http.expectNone('/api/v1/registrations/r1/decline');
  });

  it('declines with the reason, offers Undo (focused) for a few seconds, and undoes', async () => {
    const { fixture, el } = await render();

    button(el, 'Decline', 'tr[data-registration="r1"]').click();
    await settle(fixture);
    const dialog = document.querySelector<HTMLElement>('[role="alertdialog"]')!;
    const reason = dialog.querySelector('textarea')!;
    reason.value = '  Seats are kept for delegations. ';
    reason.dispatchEvent(new Event('input'));
    button(dialog, 'Decline and send the email').click();
    await settle(fixture);

    const req = http.expectOne({ method: 'POST', url: '/api/v1/registrations/r1/decline' });
    expect(req.request.body).toEqual({ reason: 'Seats are kept for delegations.' });
    req.flush({ ...people()[0], status: 'declined', undoUntil: new Date(Date.now() + 15_000).toISOString() });
    await settle(fixture);
    stats();

    const undo = el.querySelector<HTMLButtonElement>('[data-undo="r1"]')!;
    expect(undo).not.toBeNull();
    expect(document.activeElement).toBe(undo);
    expect(el.textContent).toContain('Amina Diallo is declined. You can undo it for a few seconds.');

    undo.click();
    await settle(fixture);
    http.expectOne({ method: 'POST', url: '/api/v1/registrations/r1/undo-decline' }).flush({ ...people()[0] });
    await settle(fixture);
    stats();

    expect(el.querySelector('[data-undo="r1"]')).toBeNull();
    expect(document.activeElement).toBe(el.querySelector('tr[data-registration="r1"]'));
    expect(el.textContent).toContain('The decline of Amina Diallo is undone');
  });

  it('withdraws Undo after a few seconds and gives the focus to the row', async () => {
    const { fixture, el } = await render();
    const page = fixture.debugElement.injector.get(RegistrationDecisions) as unknown as { offerUndo(id: string): void };
    jest.useFakeTimers();
    page.offerUndo('r1');
    fixture.detectChanges();
    el.querySelector<HTMLButtonElement>('[data-undo="r1"]')!.focus();

    jest.advanceTimersByTime(UNDO_VISIBLE_MS);
    fixture.detectChanges();
    jest.useRealTimers();
    await settle(fixture);

    expect(el.querySelector('[data-undo="r1"]')).toBeNull();
    expect(document.activeElement).toBe(el.querySelector('tr[data-registration="r1"]'));
  });

  it('says the dialogue is full and offers to raise the capacity when approving a waitlisted person', async () => {
    const { fixture, el } = await render();

    button(el, 'Approve', 'tr[data-registration="r2"]').click();
    http.expectOne({ method: 'POST', url: '/api/v1/registrations/r2/approve' }).flush(
      {
        type: 'https://gfmd-dialogues.org/problems/dialogue-full',
        title: 'Domain rule',
        status: 422,
        detail: 'The dialogue is full (1 of 1 seats): this person stays on the waiting list.',
      },
      { status: 422, statusText: 'Unprocessable', headers: { 'content-type': 'application/problem+json' } },
    );
    await settle(fixture);

    expect(el.textContent).toContain('The dialogue is full');
    expect(el.querySelector<HTMLAnchorElement>('.raise-capacity a')?.getAttribute('href')).toBe(
      '/console/dialogues/d1',
    );
    expect(document.activeElement).toBe(el.querySelector('tr[data-registration="r2"]'));
  });

  describe('on a phone', () => {
    beforeEach(() => narrow.next(true));

    it('shows a card per person with a large Check in, the search first and the balance after the list', async () => {
      const { fixture, el } = await render();

      expect(el.querySelector('table')).toBeNull();
      const cards = el.querySelectorAll<HTMLElement>('li.card');
      expect(cards).toHaveLength(2);
      expect(cards[0].textContent).toContain('Amina Diallo');
      expect(cards[0].textContent).toContain('Confirmed');
      const search = el.querySelector('input[type="search"]')!;
      const order = (a: Node, b: Node) => a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING;
      expect(order(search, cards[0])).toBeTruthy();
      expect(order(cards[1], el.querySelector('#balance-heading')!)).toBeTruthy();

      button(cards[0], 'Check in').click();
      http
        .expectOne({ method: 'POST', url: '/api/v1/registrations/r1/check-in' })
        .flush({ ...people()[0], checkedInAt: '2030-05-12T08:00:00Z' });
      await settle(fixture);
      stats();

      const card = el.querySelector<HTMLElement>('li[data-registration="r1"]')!;
      expect(card.querySelector('.check-in')).toBeNull();
      expect(document.activeElement).toBe(card);
    });
  });
});
