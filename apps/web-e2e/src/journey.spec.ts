/**
 * The whole journey of issue 6, driven through the UI of the production build against the real
 * API, worker, PostgreSQL, Redis and SMTP server:
 *
 *   1. an organizer signs in, creates a dialogue ahead of an informal session, adds two spaces
 *      (one coordinated by a coordinator), builds an agenda (a plenary + one item per space,
 *      with the clash warning shown before saving) and publishes it;
 *   2. a participant registers through the public form; the confirmation email arrives in
 *      the language they chose;
 *   3. the participant opens the manage link from that email and changes a space;
 *   4. the dialogue is full and someone waits: the participant cancels (by keyboard) and the
 *      first waiting person is promoted and gets the `promoted` email;
 *   5. the organizer's registrations, invitations and the admin's outbox;
 *   6. a coordinator sees only their own space and its participants.
 *
 * axe-core runs on every screen visited; the steps share state and run in order (serial mode:
 * after a failure the rest is skipped). Step 7, on a phone, is phone.spec.ts in the phone project.
 */
import type { Page } from '@playwright/test';
import { expect, linkIn, login, test } from './support/fixtures';
import {
  arrowDownTo,
  choose,
  dayFromNow,
  open,
  pickCountry,
  screenshot,
  sharedPage,
  tabTo,
  waitForHeading,
} from './support/ui';

// serve.mjs gives every run a fresh database and inbox: names stay fixed so the screenshots do too
const DIALOGUE = 'Labour mobility and skills partnerships';
const OTHER_DIALOGUE = 'Climate change and human mobility';
const CIVIL = 'Civil society space';
const BUSINESS = 'Business Mechanism space';
const DAY = dayFromNow(30);

interface Ctx {
  adminToken: string;
  organizer: { id: string; email: string; password: string };
  coordinator: { id: string; email: string; password: string };
  sessionNumber: number;
  dialogueId: string;
  civilId: string;
  businessId: string;
  manageUrl: string;
  promotedManageUrl: string;
  otherDialogueId: string;
  otherSpaceId: string;
}
const ctx = {} as Ctx;

const participant = { email: `amina@example.org`, firstName: 'Amina', lastName: 'Diallo' };
const waiting = { email: `lucia@example.org`, firstName: 'Lucía', lastName: 'Gómez' };

function registration(email: string, firstName: string, lastName: string, extra: Record<string, unknown> = {}) {
  return {
    email,
    firstName,
    lastName,
    organization: `${lastName} Foundation`,
    stakeholderGroup: 'civil_society',
    country: 'CH',
    preferredLanguage: 'en',
    consent: true,
    ...extra,
  };
}

test.describe('organizer → participant → waiting list → coordinator', () => {
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async ({ admin, api }) => {
    ctx.adminToken = admin.token;
    ctx.organizer = await admin.createStaff('organizer', 'Olga Organizer');
    ctx.coordinator = await admin.createStaff('coordinator', 'Carlos Coordinator');

    // The seeded GCM sessions are in 2017: schedule an informal session two months ahead.
    const themes = await api<any>('GET', '/themes');
    const themeList = Array.isArray(themes.body) ? themes.body : themes.body.items;
    ctx.sessionNumber = 7;
    const session = await api<any>(
      'POST',
      '/informal-sessions',
      {
        number: ctx.sessionNumber,
        title: 'Labour migration and decent work',
        themeId: themeList[0].id,
        startsAt: `${dayFromNow(60)}T14:00:00Z`,
        endsAt: `${dayFromNow(61)}T22:00:00Z`,
        venue: 'United Nations Headquarters, New York',
        timeZone: 'America/New_York',
      },
      ctx.adminToken,
    );
    expect(session.status).toBe(201);
  });

  test.describe('1. the organizer', () => {
    let p: Page;
    test.beforeAll(async ({ browser }) => {
      p = await sharedPage(browser);
    });

    test('signs in and sees the console timeline', async ({ axe }) => {
      await open(p, '/login', 'Staff sign in');
      await axe.expectAccessible(p, 'login');
      await p.getByLabel('Email').fill(ctx.organizer.email);
      await p.getByLabel('Password').fill(ctx.organizer.password);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.waitForURL('**/console');
      await waitForHeading(p, 'Organizer console');
      await p.getByRole('img', { name: /Informal sessions and the dialogues ahead of them/ }).waitFor();
      await axe.expectAccessible(p, 'console timeline');
    });

    test('creates a dialogue ahead of the informal session', async ({ axe }) => {
      await p.getByRole('link', { name: 'New dialogue' }).first().click();
      await waitForHeading(p, 'New dialogue');
      await p.getByRole('textbox', { name: 'Title', exact: true }).fill(DIALOGUE);
      await p
        .getByRole('textbox', { name: 'Summary', exact: true })
        .fill('How skills partnerships and fair recruitment can widen regular pathways for labour migration.');
      await choose(p, /Informal session/, new RegExp(`Session ${ctx.sessionNumber} ·`));
      await choose(p, 'Themes', /^T1 ·/, true);
      await p.getByRole('textbox', { name: 'Starts' }).fill(`${DAY}T09:00`);
      await p.getByRole('textbox', { name: 'Ends' }).fill(`${DAY}T17:30`);
      // the lead time to the session is previewed while typing
      await p
        .getByText(/\d+ days before the informal session/)
        .first()
        .waitFor();
      await p.getByRole('textbox', { name: 'Venue' }).fill('Palais des Nations, Geneva');
      await p.getByRole('spinbutton', { name: 'Places' }).fill('3');
      await axe.expectAccessible(p, 'dialogue editor (new)');
      await p.getByRole('button', { name: 'Create draft' }).click();
      await p.waitForURL(/\/console\/dialogues\/[0-9a-f-]{36}$/);
      ctx.dialogueId = p.url().split('/').pop() as string;
      await waitForHeading(p, DIALOGUE);
      await p.getByText('Draft', { exact: true }).first().waitFor();
      await axe.expectAccessible(p, 'dialogue editor');
    });

    test('adds two spaces, one coordinated by the coordinator', async ({ api, axe }) => {
      await p.getByRole('tab', { name: 'Spaces' }).click();
      await p.getByRole('heading', { level: 2, name: 'Spaces' }).waitFor();
      await p.getByText('No space yet.').waitFor();
      await axe.expectAccessible(p, 'spaces editor (empty)');

      await p.getByRole('textbox', { name: 'Name', exact: true }).fill(CIVIL);
      await choose(p, 'Kind', 'Civil society space');
      await choose(p, /Coordinating group/, 'Civil society');
      await choose(p, 'Coordinators', /Carlos Coordinator/, true);
      await p.getByRole('textbox', { name: 'Rooms' }).fill('Room XVII');
      await p.getByRole('button', { name: 'Save' }).click();
      await p
        .getByRole('status')
        .filter({ hasText: `${CIVIL} is added.` })
        .waitFor({ state: 'attached' });
      await p
        .getByRole('row', { name: new RegExp(CIVIL) })
        .getByText('Carlos Coordinator')
        .waitFor();

      await p.getByRole('heading', { name: 'New space' }).waitFor();
      await p.getByRole('textbox', { name: 'Name', exact: true }).fill(BUSINESS);
      await choose(p, 'Kind', 'Business space');
      await choose(p, /Coordinating group/, 'Private sector');
      await p.getByRole('textbox', { name: 'Rooms' }).fill('Room XXII');
      await p.getByRole('button', { name: 'Save' }).click();
      await p
        .getByRole('status')
        .filter({ hasText: `${BUSINESS} is added.` })
        .waitFor({ state: 'attached' });
      await axe.expectAccessible(p, 'spaces editor');

      const spaces = await api<any[]>('GET', `/dialogues/${ctx.dialogueId}/spaces`, undefined, ctx.adminToken);
      const list = Array.isArray(spaces.body) ? spaces.body : (spaces.body as any).items;
      ctx.civilId = list.find((s: any) => s.name === CIVIL).id;
      ctx.businessId = list.find((s: any) => s.name === BUSINESS).id;
      expect(list.find((s: any) => s.name === CIVIL).coordinatorUserIds).toEqual([ctx.coordinator.id]);
    });

    test('builds the agenda in the day grid, seeing a clash before saving', async ({ api, axe }) => {
      await p.getByRole('tab', { name: 'Agenda' }).click();
      await p.getByRole('heading', { level: 2, name: 'Agenda builder' }).waitFor();
      await axe.expectAccessible(p, 'agenda builder (empty)');

      const item = async (title: string, kind: string, space: string, room: string, start: string, end: string) => {
        await p.getByRole('button', { name: 'New agenda item' }).click();
        await p.getByRole('heading', { name: 'New agenda item' }).waitFor();
        await p.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
        await choose(p, 'Kind', kind);
        await choose(p, 'Space', space);
        if (room) {
          // rooms come from the spaces' lists (an item for everyone may use any of them)
          await p.getByRole('combobox', { name: 'Room' }).fill(room);
          await p.keyboard.press('Escape');
        }
        await p.getByRole('textbox', { name: 'Start', exact: true }).fill(start);
        await p.getByRole('textbox', { name: 'End', exact: true }).fill(end);
      };
      const save = async (title: string) => {
        await p.getByRole('button', { name: 'Save', exact: true }).click();
        await p.getByRole('heading', { name: `Edit: ${title}` }).waitFor();
        await p.locator('.grid button.item', { hasText: title }).waitFor();
      };

      await item('Opening plenary', 'Opening', 'All participants', '', '09:00', '10:00');
      await save('Opening plenary');

      await item('Fair recruitment roundtable', 'Roundtable', CIVIL, 'Room XVII', '10:30', '12:00');
      await save('Fair recruitment roundtable');

      // Same space, overlapping time: the clash is shown and nothing is sent.
      await item('Skills partnerships panel', 'Panel', CIVIL, 'Room XXII', '11:00', '12:30');
      await p.getByText('This item clashes with others. Change it before saving:').waitFor();
      await p.getByText(/Same space as Fair recruitment roundtable/).waitFor();
      await p.getByRole('button', { name: 'Save', exact: true }).click();
      await p.getByRole('alert').filter({ hasText: 'clashes' }).waitFor();
      expect(await p.getByRole('heading', { name: 'Edit: Skills partnerships panel' }).count()).toBe(0);
      await axe.expectAccessible(p, 'agenda builder (clash)');
      // Moved to the business space, it fits.
      await choose(p, 'Space', BUSINESS);
      await p.getByText('This item clashes with others. Change it before saving:').waitFor({ state: 'detached' });
      await p.getByRole('button', { name: 'Add a speaker' }).click();
      await p.getByRole('textbox', { name: 'Name 1' }).fill('Ana Pérez');
      await p.getByRole('textbox', { name: 'Organization 1' }).fill('GFMD Business Mechanism');
      await save('Skills partnerships panel');

      const agenda = await api<any>('GET', `/dialogues/${ctx.dialogueId}/agenda`, undefined, ctx.adminToken);
      const items = Array.isArray(agenda.body) ? agenda.body : agenda.body.items;
      expect(items.map((i: any) => [i.title, i.spaceId ?? null]).sort()).toEqual(
        [
          ['Fair recruitment roundtable', ctx.civilId],
          ['Opening plenary', null],
          ['Skills partnerships panel', ctx.businessId],
        ].sort(),
      );
      await axe.expectAccessible(p, 'agenda builder');
      await screenshot(p, 'agenda-builder');
    });

    test('publishes the dialogue', async ({ api }) => {
      await p.getByRole('tab', { name: 'Details' }).click();
      await p.getByRole('heading', { name: 'Publication' }).waitFor();
      await p.getByRole('button', { name: 'Publish' }).click();
      await p.getByRole('status').filter({ hasText: 'The dialogue is published.' }).waitFor();
      await p.locator('.title-row .gfmd-chip', { hasText: 'Published' }).waitFor();
      const d = await api<any>('GET', `/dialogues/${ctx.dialogueId}`);
      expect(d.body.status).toBe('published');
      expect(d.body.leadTimeDays).toBeGreaterThanOrEqual(29);
      expect(d.body.schedulingWarnings).toEqual([]);

      // Back on the overview, the timeline places the dialogue ahead of its session.
      await p.getByRole('link', { name: 'Overview' }).click();
      await waitForHeading(p, 'Organizer console');
      await p.getByRole('link', { name: DIALOGUE }).first().waitFor();
      await screenshot(p, 'console-timeline');
    });
  });

  test.describe('2–4. the participant', () => {
    let p: Page;
    test.beforeAll(async ({ browser, api }) => {
      p = await sharedPage(browser);
      // Two people registered before: capacity 3, so the participant takes the last seat.
      for (const [email, first, last, space, group] of [
        [`kofi@example.org`, 'Kofi', 'Mensah', ctx.civilId, 'civil_society'],
        [`mei@example.org`, 'Mei', 'Tanaka', ctx.businessId, 'private_sector'],
      ]) {
        const r = await api<any>(
          'POST',
          `/dialogues/${ctx.dialogueId}/registrations`,
          registration(email, first, last, { spaceIds: [space], stakeholderGroup: group }),
        );
        expect([r.status, r.body.status, r.status === 201 ? '' : r.body]).toEqual([201, 'confirmed', '']);
      }
    });

    test('finds the dialogue by keyboard in the public list', async ({ axe }) => {
      await open(p, '/dialogues', 'Thematic dialogues');
      await p.getByRole('heading', { name: DIALOGUE }).waitFor();
      await axe.expectAccessible(p, 'public dialogue list');
      await screenshot(p, 'public-dialogues');
      const link = p.getByRole('link', { name: new RegExp(DIALOGUE) }).first();
      await tabTo(p, link, { max: 120 });
      await p.keyboard.press('Enter');
      await p.waitForURL(`**/dialogues/${ctx.dialogueId}`);
      await waitForHeading(p, DIALOGUE);
    });

    test('reads the dialogue page with its agenda and lead time', async ({ axe }) => {
      await p.getByText('Opening plenary').first().waitFor();
      await p.getByText('Skills partnerships panel').first().waitFor();
      await p
        .getByText(/\d+ days before the informal session/)
        .first()
        .waitFor();
      await expect(p.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href')).resolves.toContain(
        `/dialogues/${ctx.dialogueId}/agenda.ics`,
      );
      await axe.expectAccessible(p, 'dialogue page');
      await screenshot(p, 'dialogue-page');
    });

    test('registers through the form (inline validation first), in French', async ({ axe }) => {
      await p.getByRole('link', { name: 'Register', exact: true }).click();
      await waitForHeading(p, `Register for ${DIALOGUE}`);
      await axe.expectAccessible(p, 'registration form');

      // Submitting empty shows inline errors, not a request.
      await p.getByRole('button', { name: 'Register', exact: true }).click();
      await p.getByText('This field is required.').first().waitFor();
      await p.getByText('You must agree to continue.').waitFor();
      await axe.expectAccessible(p, 'registration form (errors)');

      await p.getByRole('textbox', { name: 'Email' }).fill(participant.email);
      await p.getByRole('textbox', { name: 'First name' }).fill(participant.firstName);
      await p.getByRole('textbox', { name: 'Last name' }).fill(participant.lastName);
      await p.getByRole('textbox', { name: 'Organization' }).fill('Migrant Workers Network');
      await choose(p, 'Stakeholder group', 'Migrant and diaspora organization');
      // The country picker searches as one types.
      await pickCountry(p, 'Country', 'Seneg', 'Senegal');
      await p.getByRole('radio', { name: 'French' }).check();
      await p.getByRole('checkbox', { name: new RegExp(CIVIL) }).check();
      await p.getByRole('checkbox', { name: /I agree that GFMD stores/ }).check();
      await screenshot(p, 'registration-form');
      await p.getByRole('button', { name: 'Register', exact: true }).click();

      await p.waitForURL(`**/dialogues/${ctx.dialogueId}/registered**`);
      await waitForHeading(p, 'You are registered');
      await p.getByText(participant.email).waitFor();
      await axe.expectAccessible(p, 'registration result');
    });

    test('gets the confirmation email in French, with a manage link', async ({ inbox }) => {
      const mail = await inbox.waitFor(participant.email, /Inscription confirmée/);
      expect(mail.subject).toContain(DIALOGUE);
      // The email is French, so its link opens the French address (docs/i18n.md, "Web addresses").
      ctx.manageUrl = linkIn(mail, '/fr/manage/');
    });

    test('opens the manage link and changes a space', async ({ api, axe }) => {
      // This participant reads the site in English: the same link at its English address.
      await p.goto(ctx.manageUrl.replace('/fr/manage/', '/en/manage/'));
      await waitForHeading(p, 'My registration');
      await p.getByText('Confirmed', { exact: true }).first().waitFor();
      await expect(p.getByRole('checkbox', { name: new RegExp(CIVIL) }).isChecked()).resolves.toBe(true);
      await axe.expectAccessible(p, 'manage portal');

      await p.getByRole('checkbox', { name: new RegExp(CIVIL) }).uncheck();
      await p.getByRole('checkbox', { name: new RegExp(BUSINESS) }).check();
      await p.getByRole('button', { name: 'Save changes' }).click();
      await p.getByRole('status').filter({ hasText: 'Your changes are saved.' }).waitFor();
      await p.getByRole('checkbox', { name: new RegExp(`${BUSINESS}.*Confirmed`) }).waitFor();
      // the personal agenda follows the chosen space
      await p.getByText('Skills partnerships panel').first().waitFor();
      await axe.expectAccessible(p, 'manage portal (changed)');
      await screenshot(p, 'manage-portal');

      const token = ctx.manageUrl.split('/manage/')[1];
      const view = await api<any>('GET', `/registrations/manage/${token}`);
      const active = view.body.spaces.filter((s: any) => s.status !== 'cancelled').map((s: any) => s.spaceId);
      expect(active).toEqual([ctx.businessId]);
    });

    test('cancels by keyboard; the first waiting person is promoted and emailed', async ({ api, inbox, axe }) => {
      // The dialogue is now full: the next person waits (in Spanish).
      const w = await api<any>(
        'POST',
        `/dialogues/${ctx.dialogueId}/registrations`,
        registration(waiting.email, waiting.firstName, waiting.lastName, {
          spaceIds: [ctx.civilId],
          preferredLanguage: 'es',
        }),
      );
      expect([w.status, w.body.status]).toEqual([201, 'waitlisted']);
      const waitlisted = await inbox.waitFor(waiting.email, /lista de espera/);
      ctx.promotedManageUrl = linkIn(waitlisted, '/manage/');

      // Keyboard only: Tab to the cancel button, Enter; in the dialog, Tab to "Yes, cancel", Space.
      await tabTo(p, p.getByRole('button', { name: 'Cancel my registration…' }), { from: p.locator('main h1') });
      await p.keyboard.press('Enter');
      const dialog = p.getByRole('alertdialog', { name: 'Cancel your registration?' });
      await dialog.waitFor();
      await axe.expectAccessible(p, 'manage portal (cancel dialog)');
      await tabTo(p, dialog.getByRole('button', { name: 'Yes, cancel' }), { from: dialog, max: 5 });
      await p.keyboard.press(' ');
      await dialog.waitFor({ state: 'detached' });
      await p.getByRole('status').filter({ hasText: 'Your registration is cancelled.' }).waitFor();
      await p.locator('.status .gfmd-chip', { hasText: 'Cancelled' }).waitFor();
      await axe.expectAccessible(p, 'manage portal (cancelled)');

      const promoted = await inbox.waitFor(waiting.email, /Ya tiene una plaza/);
      expect(promoted.subject).toContain(DIALOGUE);
      expect(linkIn(promoted, '/manage/')).toContain('/manage/');
      await inbox.waitFor(participant.email, /Inscription annulée/);
    });
  });

  test.describe('5. the organizer follows up; the admin checks the outbox', () => {
    test('sees the registrations table and the invitations page', async ({ page: p, axe }) => {
      await open(p, '/login', 'Staff sign in');
      await p.getByLabel('Email').fill(ctx.organizer.email);
      await p.getByLabel('Password').fill(ctx.organizer.password);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.waitForURL('**/console');
      await p.goto(`${p.url()}/dialogues/${ctx.dialogueId}/registrations`);
      await waitForHeading(p, DIALOGUE);
      const table = p.locator('table', { hasText: waiting.email });
      await table.waitFor();
      await expect(p.locator('tr', { hasText: waiting.email }).innerText()).resolves.toMatch(/Confirmed/);
      await expect(p.locator('tr', { hasText: participant.email }).innerText()).resolves.toMatch(/Cancelled/);
      await p.getByRole('heading', { name: 'Stakeholder balance' }).waitFor();
      await axe.expectAccessible(p, 'registrations table');
      await screenshot(p, 'registrations-table');

      // search narrows the list
      await p.getByRole('searchbox', { name: 'Search' }).fill('Mensah');
      await p.locator('tr', { hasText: waiting.email }).waitFor({ state: 'detached' });
      await p.locator('tr', { hasText: `kofi@example.org` }).waitFor();

      await p.getByRole('tab', { name: 'Invitations' }).click();
      await p.getByRole('heading', { level: 2, name: 'Invitations' }).waitFor();
      await p.getByRole('textbox', { name: /Recipients/ }).fill(`nadia@example.org, Nadia Haddad, civil_society, fr`);
      await p.getByRole('heading', { name: 'Preview: 1 ready, 0 to fix' }).waitFor();
      await axe.expectAccessible(p, 'invitations');
    });

    test('lets the admin read the outbox', async ({ page: p, admin, axe }) => {
      await open(p, '/login', 'Staff sign in');
      await p.getByLabel('Email').fill(admin.email);
      await p.getByLabel('Password').fill(admin.password);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.waitForURL('**/console');
      await p.getByRole('link', { name: 'Outbox' }).first().click();
      await waitForHeading(p, 'Outbox');
      await p.locator('tr', { hasText: waiting.email }).first().waitFor();
      await axe.expectAccessible(p, 'outbox');
    });
  });

  test.describe('6. the coordinator', () => {
    test.beforeAll(async ({ api }) => {
      // Another dialogue with its own space and participant, not coordinated by them.
      const orgToken = await login(ctx.organizer.email, ctx.organizer.password);
      const sessions = await api<any>('GET', '/informal-sessions');
      const list = Array.isArray(sessions.body) ? sessions.body : sessions.body.items;
      const session = list.find((s: any) => s.number === ctx.sessionNumber);
      const d = await api<any>(
        'POST',
        '/dialogues',
        {
          title: OTHER_DIALOGUE,
          summary: 'Not for this coordinator.',
          informalSessionId: session.id,
          startsAt: `${dayFromNow(40)}T08:00:00Z`,
          endsAt: `${dayFromNow(40)}T16:00:00Z`,
          timeZone: 'Europe/Zurich',
          venue: 'Geneva',
          format: 'in_person',
          capacity: 50,
        },
        orgToken,
      );
      expect(d.status).toBe(201);
      ctx.otherDialogueId = d.body.id;
      const s = await api<any>(
        'POST',
        `/dialogues/${ctx.otherDialogueId}/spaces`,
        { name: 'Other civil society space', kind: 'civil_society', access: 'open' },
        orgToken,
      );
      expect(s.status).toBe(201);
      ctx.otherSpaceId = s.body.id;
      expect((await api('POST', `/dialogues/${ctx.otherDialogueId}/publish`, undefined, orgToken)).status).toBe(200);
      const r = await api<any>(
        'POST',
        `/dialogues/${ctx.otherDialogueId}/registrations`,
        registration(`zed@example.org`, 'Zed', 'Outsider', { spaceIds: [ctx.otherSpaceId] }),
      );
      expect(r.status).toBe(201);
    });

    test('sees only their own space and its participants', async ({ page: p, api, inbox, axe }) => {
      await open(p, '/login', 'Staff sign in');
      await p.getByLabel('Email').fill(ctx.coordinator.email);
      await p.getByLabel('Password').fill(ctx.coordinator.password);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.waitForURL('**/workspace');
      await waitForHeading(p, 'My spaces');
      await p.getByRole('heading', { level: 2, name: DIALOGUE }).waitFor();
      const main = p.locator('main');
      await main.getByRole('link', { name: CIVIL }).waitFor();
      await expect(main.innerText()).resolves.not.toContain(BUSINESS);
      await expect(main.innerText()).resolves.not.toContain(OTHER_DIALOGUE);
      await expect(main.innerText()).resolves.not.toContain('Other civil society space');
      await axe.expectAccessible(p, 'coordinator workspace');
      await screenshot(p, 'coordinator-workspace');

      await main.getByRole('link', { name: CIVIL }).click();
      await waitForHeading(p, CIVIL);
      await p.getByRole('heading', { level: 2, name: 'Pending approvals' }).waitFor();
      await axe.expectAccessible(p, 'coordinator space (approvals)');

      await p.getByRole('tab', { name: 'Participants' }).click();
      await p.getByRole('heading', { level: 2, name: 'Registrations' }).waitFor();
      await p.locator('tr', { hasText: waiting.email }).waitFor();
      await p.locator('tr', { hasText: `kofi@example.org` }).waitFor();
      const text = await main.innerText();
      expect(text).not.toContain(`mei@example.org`); // business space
      // the participant who left this space for the business one shows only this space's (cancelled) seat
      await expect(p.locator('tr', { hasText: participant.email }).innerText()).resolves.toMatch(
        new RegExp(`${CIVIL}: Cancelled`),
      );
      expect(text).not.toContain(`${BUSINESS}:`);
      expect(text).not.toContain(`zed@example.org`); // another dialogue
      await axe.expectAccessible(p, 'coordinator space (participants)');

      await p.getByRole('tab', { name: 'Agenda' }).click();
      await p.locator('.grid button.item', { hasText: 'Fair recruitment roundtable' }).waitFor();
      expect(await p.locator('.grid button.item', { hasText: 'Skills partnerships panel' }).count()).toBe(0);
      await axe.expectAccessible(p, 'coordinator space (agenda)');

      // Kofi registered through the public form: messages reach him once he has opened the manage
      // link from his confirmation (docs/decisions.md, "Sending limits").
      const kofiConfirmation = await inbox.waitFor('kofi@example.org', /^Registration confirmed: /);
      const kofiToken = linkIn(kofiConfirmation, '/manage/').split('/manage/')[1];
      expect((await api('GET', `/registrations/manage/${kofiToken}`)).status).toBe(200);

      // A message to the participants of this space goes through the queue to them only; the
      // page first says how many people it will email.
      await p.getByRole('tab', { name: 'Message' }).click();
      await p.getByLabel('Your message').fill('The civil society room moves to Room XVIII.');
      await axe.expectAccessible(p, 'coordinator space (message)');
      await p.getByRole('button', { name: 'Check recipients' }).click();
      await p
        .getByRole('status')
        .filter({ hasText: /This will email \d+ (person|people)/ })
        .waitFor();
      await p.getByRole('button', { name: 'Confirm and send' }).click();
      await p
        .getByRole('status')
        .filter({ hasText: /Queued for \d+ participant/ })
        .waitFor();
      const note = await inbox.waitFor('kofi@example.org', /Message about|Message concernant|Mensaje sobre/);
      expect(note.text).toContain('Room XVIII');
      const meiSubjects = await inbox.subjects('mei@example.org');
      expect(meiSubjects.filter((subject) => /Message about|Message concernant|Mensaje sobre/.test(subject))).toEqual(
        [],
      );

      // Someone else's space: the page says so, and the API refuses the participants.
      await p.goto(`${p.url().split('/workspace')[0]}/workspace/${ctx.otherDialogueId}/${ctx.otherSpaceId}`);
      await p.getByText('You do not coordinate this space.').waitFor();
      await axe.expectAccessible(p, 'coordinator space (not theirs)');
      const token = await login(ctx.coordinator.email, ctx.coordinator.password);
      const other = await api('GET', `/dialogues/${ctx.otherDialogueId}/registrations`, undefined, token);
      expect(other.status).toBe(403);
      const mine = await api<any>('GET', `/dialogues/${ctx.dialogueId}/registrations?pageSize=100`, undefined, token);
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((r: any) => r.email).sort()).toEqual(
        [`kofi@example.org`, waiting.email, participant.email].sort(),
      );
      // …and of each, only the seat in their own space
      expect(mine.body.items.flatMap((r: any) => r.spaces.map((s: any) => s.spaceId))).toEqual([
        ctx.civilId,
        ctx.civilId,
        ctx.civilId,
      ]);
    });
  });
  test.describe('8. in another language', () => {
    test('switches the interface to Spanish with the keyboard', async ({ page: p, axe }) => {
      // The header's menus come in when the page is idle; until then plain buttons stand in. The
      // menus' code is held back here until the keyboard has reached the language stand-in, so
      // the swap happens under the focus every time, not only on a slow run.
      let releaseMenus: () => void = () => undefined;
      const menusReleased = new Promise<void>((resolve) => (releaseMenus = resolve));
      let menusRequested: () => void = () => undefined;
      const menusHeld = new Promise<void>((resolve) => (menusRequested = resolve));
      await p.route('**/chunk-*.js', async (route) => {
        const response = await route.fetch();
        const body = await response.text();
        if (body.includes('mat-mdc-menu-trigger')) {
          menusRequested();
          await menusReleased;
        }
        await route.fulfill({ response, body });
      });
      await open(p, `/dialogues/${ctx.dialogueId}`, DIALOGUE);
      // The page is idle and has asked for the menus: from here the stand-ins stay until released.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        menusHeld,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('the header menus were never requested')), 15_000);
        }),
      ]).finally(() => clearTimeout(timer));
      const languageButton = p.getByRole('button', { name: /^Language: EN/ });
      await tabTo(p, languageButton);
      expect(await p.locator('header .mat-mdc-menu-trigger').count()).toBe(0);

      // The menus come in: the real language button takes the focus from its stand-in.
      releaseMenus();
      await p.locator('header .mat-mdc-menu-trigger').first().waitFor({ state: 'attached' });
      await p.waitForFunction(() => {
        const focused = document.activeElement;
        return !!focused?.matches('header .mat-mdc-menu-trigger') && /Language/.test(focused.textContent ?? '');
      });
      await p.keyboard.press('Enter');
      await p.getByRole('menuitemradio', { name: 'Español' }).waitFor();
      await axe.expectAccessible(p, 'language menu');
      await arrowDownTo(p, 'Español');
      await p.keyboard.press('Enter');
      // The dialogue is full by now (step 4 filled it): the page offers the waiting list.
      await p.getByRole('link', { name: 'Unirse a la lista de espera' }).waitFor();
      await expect(p.locator('html').getAttribute('lang')).resolves.toBe('es');
      await axe.expectAccessible(p, 'dialogue page (es)');
    });
  });
});
