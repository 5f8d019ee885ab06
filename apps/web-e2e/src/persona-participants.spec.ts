/**
 * The participants' journeys (both projects; the phone one at 390 px), on a published dialogue of
 * capacity 2 with an approval space and an open space, set up through the API:
 *
 *   1. an invited participant, in French, from the email: the invitation arrives in French, its
 *      register link opens the form prefilled (email locked, name, group, language); after
 *      registering, the confirmation email arrives in French with the agenda and an .ics. A
 *      second invitee's decline link opens the app's page (not the API), in French, which asks
 *      before it declines.
 *   2. a public participant waitlisted, then promoted: the list card counts the places left, then
 *      says the dialogue is full; they join the waiting list and are told their position; the
 *      manage page of their email shows it; a confirmed person cancels, and they are promoted.
 *   3. the public pages show no staff-only "Published" chip and times in one zone format (GMT+n).
 *
 * Every state is read back through the API; every screen is checked with axe.
 */
import type { Page } from '@playwright/test';
import { expect, linkIn, login, test } from './support/fixtures';
import { choose, open, pickCountry, screenshot, sharedPage, waitForHeading } from './support/ui';
import { createDialogue, createSpace, publish, register, sessionId } from './support/setup';

const AGENDA_ITEM = 'Opening: fair recruitment in practice';

/** Zone names the app must not use: it writes offsets as GMT+n, after the venue's zone ("Europe/Zurich, GMT+1"). */
const OTHER_ZONE_FORMATS = /\b(CET|CEST|UTC)\b|Central European|heure normale|heure d’été/;

test.describe('participants: invited in French, waitlisted then promoted', () => {
  test.describe.configure({ mode: 'serial' });

  let fr: Page;
  let en: Page;
  let token: string;
  let dialogueId: string;
  let title: string;
  let shot: (name: string) => string;
  // addresses of their own per project: both projects run on one database
  let claire: { email: string; firstName: string; lastName: string };
  let paul: { email: string; firstName: string; lastName: string };
  let ivan: { email: string; firstName: string; lastName: string };
  let wanda: { email: string; firstName: string; lastName: string };
  let wandaManageUrl: string;

  test.beforeAll(async ({ browser, admin, api }, info) => {
    const project = info.project.name;
    shot = (name) => (project === 'phone' ? `phone-${name}` : name);
    const person = (first: string, last: string) => ({
      email: `${first.toLowerCase()}.${project}@participants.example.org`,
      firstName: first,
      lastName: last,
    });
    claire = person('Claire', 'Dubois');
    paul = person('Paul', 'Girard');
    ivan = person('Ivan', 'Petrov');
    wanda = person('Wanda', 'Nowak');

    title = `Fair recruitment of young workers (${project})`;
    const organizer = await admin.createStaff('organizer', 'Olga Organizer');
    token = await login(organizer.email, organizer.password);
    dialogueId = await createDialogue(api, token, {
      title,
      sessionId: await sessionId(api, admin.token, 9),
      capacity: 2,
      day: project === 'phone' ? 44 : 43,
    });
    await createSpace(api, token, dialogueId, { name: 'Civil society space', kind: 'civil_society', access: 'open' });
    await createSpace(api, token, dialogueId, { name: 'Business space', kind: 'business', access: 'approval' });
    const day = (await api<any>('GET', `/dialogues/${dialogueId}`, undefined, token)).body.startsAt.slice(0, 10);
    const item = await api(
      'POST',
      `/dialogues/${dialogueId}/agenda-items`,
      { title: AGENDA_ITEM, kind: 'opening', startsAt: `${day}T08:30:00Z`, endsAt: `${day}T09:30:00Z` },
      token,
    );
    expect(item.status).toBe(201);
    await publish(api, token, dialogueId);
    const invited = await api<any>(
      'POST',
      `/dialogues/${dialogueId}/invitations`,
      {
        recipients: [claire, paul].map((p) => ({
          email: p.email,
          name: `${p.firstName} ${p.lastName}`,
          stakeholderGroup: 'civil_society',
          preferredLanguage: 'fr',
        })),
      },
      token,
    );
    expect([invited.status, invited.body.queued]).toEqual([202, 2]);

    // The invitees' browsers are English: the invitation's pages speak its language (French)
    // all the same, since nobody chose a language on this device.
    fr = await sharedPage(browser, { locale: 'en-GB' });
    en = await sharedPage(browser);
  });

  /** Zone labels on the page: offsets as GMT+n only, and a zone's name always with its offset. */
  async function expectOneZoneFormat(p: Page): Promise<void> {
    const text = await p.locator('main').innerText();
    expect(text).toMatch(/GMT[+−-]\d/);
    expect(text).not.toMatch(OTHER_ZONE_FORMATS);
    expect(text.match(/Europe\/Zurich(?!, GMT[+−-]\d)/g)).toBeNull();
  }

  test.describe('1. invited, in French, from the email', () => {
    test('the invitation arrives in French; its link opens the form prefilled', async ({ inbox, axe }) => {
      const mail = await inbox.waitFor(claire.email, /^Invitation : /);
      expect(mail.subject).toBe(`Invitation : ${title}`);
      const url = linkIn(mail, '/register?invitation=');
      await fr.goto(url);
      await waitForHeading(fr, `Inscription : ${title}`);
      await expect(fr.locator('html')).toHaveAttribute('lang', 'fr');
      await fr.getByText('Vous vous inscrivez avec une invitation personnelle.').waitFor();
      const email = fr.getByRole('textbox', { name: 'Courriel' });
      await expect(email).toHaveValue(claire.email);
      await expect(email).toBeDisabled();
      await expect(fr.getByRole('textbox', { name: 'Prénom' })).toHaveValue('Claire');
      await expect(fr.getByRole('textbox', { name: 'Nom', exact: true })).toHaveValue('Dubois');
      await expect(fr.getByRole('combobox', { name: "Groupe d'acteurs" })).toContainText('Société civile');
      await expect(fr.getByRole('radio', { name: 'Français' })).toBeChecked();
      await expect(fr.locator('main')).not.toContainText('Publié');
      await axe.expectAccessible(fr, 'register, prefilled from the invitation (fr)');
      await screenshot(fr, shot('register-prefilled-fr'));
    });

    test('registers and sees the confirmation page', async ({ api, axe }) => {
      await fr.getByRole('textbox', { name: 'Organisation' }).fill('Réseau des jeunes travailleurs');
      await pickCountry(fr, 'Pays', 'Suis', 'Suisse');
      await fr.getByRole('checkbox', { name: /J'accepte que le FMMD/ }).check();
      await fr.getByRole('button', { name: "S'inscrire", exact: true }).click();
      await fr.waitForURL(`**/dialogues/${dialogueId}/registered**`);
      await waitForHeading(fr, 'Vous êtes inscrit·e');
      await fr.getByText(claire.email).first().waitFor();
      await axe.expectAccessible(fr, 'registration result (fr)');

      const res = await api<any>('GET', `/dialogues/${dialogueId}/invitations?q=${claire.email}`, undefined, token);
      expect(res.body.items.map((i: any) => i.status)).toEqual(['registered']);
    });

    test('the confirmation email arrives in French, with the agenda and an .ics', async ({ inbox }) => {
      const mail = await inbox.waitFor(claire.email, /^Inscription confirmée : /);
      expect(mail.subject).toBe(`Inscription confirmée : ${title}`);
      expect(mail.text).toContain(AGENDA_ITEM);
      expect(mail.attachments?.map((a) => [a.filename.endsWith('.ics'), a.contentType.split(';')[0]])).toContainEqual([
        true,
        'text/calendar',
      ]);
      expect(linkIn(mail, '/manage/')).toBeTruthy();
    });

    test('a second invitee declines from the email: the app asks first, in French', async ({ api, inbox, axe }) => {
      const mail = await inbox.waitFor(paul.email, /^Invitation : /);
      const url = linkIn(mail, '/invitations/decline/');
      expect(new URL(url).pathname).toMatch(/^\/fr\/invitations\/decline\//);
      await fr.goto(url);
      await waitForHeading(fr, "Décliner l'invitation");
      await fr.getByText(`Voulez-vous décliner l'invitation à ${title} ?`).waitFor();
      // opening the page changes nothing
      const status = async () =>
        (
          await api<any>('GET', `/dialogues/${dialogueId}/invitations?q=${paul.email}`, undefined, token)
        ).body.items.map((i: any) => i.status);
      expect(await status()).toEqual(['sent']);
      await axe.expectAccessible(fr, 'decline an invitation (fr)');

      await fr.getByRole('button', { name: "Décliner l'invitation" }).click();
      await fr.getByText(`Vous avez décliné l'invitation à ${title}.`).waitFor();
      expect(await status()).toEqual(['declined']);
      await axe.expectAccessible(fr, 'invitation declined (fr)');
    });
  });

  test.describe('2. public, waitlisted then promoted', () => {
    const card = () => en.locator('li.card', { hasText: title });

    test('the list card counts the places left, then says the dialogue is full', async ({ api, axe }) => {
      await open(en, '/dialogues', 'Dialogues');
      await expect(card()).toContainText('1 place left');
      await expect(card()).not.toContainText('Published');
      await axe.expectAccessible(en, 'dialogue list');

      // the last place goes to someone registering through the API
      expect((await register(api, dialogueId, ivan)).status).toBe('confirmed');
      await en.reload();
      await waitForHeading(en, 'Dialogues');
      await expect(card()).toContainText('Full — join the waiting list');
      await axe.expectAccessible(en, 'dialogue list (full)');
    });

    test('the dialogue page offers the waiting list; no staff chip; one zone format', async ({ axe }) => {
      await card().getByRole('link', { name: title, exact: true }).click();
      await waitForHeading(en, title);
      await en.getByText(AGENDA_ITEM).first().waitFor();
      await expect(en.getByRole('link', { name: 'Register', exact: true })).toHaveCount(0);
      await expect(en.getByRole('link', { name: 'Join the waiting list' })).toBeVisible();
      await expect(en.locator('main')).not.toContainText('Published');
      await expectOneZoneFormat(en);
      await axe.expectAccessible(en, 'dialogue page (full)');
    });

    test('joins the waiting list and is told the position', async ({ axe }) => {
      await en.getByRole('link', { name: 'Join the waiting list' }).click();
      await waitForHeading(en, `Register for ${title}`);
      await en.getByText('The dialogue is full: you will join the waiting list').waitFor();
      await en.getByRole('textbox', { name: 'Email' }).fill(wanda.email);
      await en.getByRole('textbox', { name: 'First name' }).fill(wanda.firstName);
      await en.getByRole('textbox', { name: 'Last name' }).fill(wanda.lastName);
      await en.getByRole('textbox', { name: 'Organization' }).fill('Migrant Workers Network');
      await choose(en, 'Stakeholder group', 'Civil society');
      await pickCountry(en, 'Country', 'Pola', 'Poland');
      await en.getByRole('checkbox', { name: /I agree that GFMD stores/ }).check();
      await axe.expectAccessible(en, 'register (waiting list)');
      await en.getByRole('button', { name: 'Join the waiting list' }).click();

      await en.waitForURL(`**/dialogues/${dialogueId}/registered**`);
      await waitForHeading(en, 'You are on the waiting list');
      await en.getByText('You are number 1 on the waiting list.').waitFor();
      await axe.expectAccessible(en, 'registration result (waitlisted)');
      await screenshot(en, shot('waitlist-position'));
    });

    test('the manage page of the email shows the position and offers to leave the list', async ({ inbox, axe }) => {
      const mail = await inbox.waitFor(wanda.email, /^You are on the waiting list: /);
      wandaManageUrl = linkIn(mail, '/manage/');
      await en.goto(wandaManageUrl);
      await waitForHeading(en, 'My registration');
      await en.getByText('You are number 1 on the waiting list.').waitFor();
      await en.getByRole('heading', { name: 'Leave the waiting list' }).waitFor();
      await expect(en.getByRole('button', { name: 'Leave the waiting list…' })).toBeVisible();
      await expect(en.getByRole('button', { name: 'Cancel my registration…' })).toHaveCount(0);
      await expectOneZoneFormat(en);
      await axe.expectAccessible(en, 'manage (waitlisted)');
    });

    test('a confirmed person cancels: the first waiting is promoted and emailed', async ({ api, inbox, axe }) => {
      const confirmation = await inbox.waitFor(ivan.email, /^Registration confirmed: /);
      const ivanToken = linkIn(confirmation, '/manage/').split('/manage/')[1];
      expect((await api('POST', `/registrations/manage/${ivanToken}/cancel`)).status).toBe(200);

      const promoted = await inbox.waitFor(wanda.email, /^A seat is now yours: /);
      expect(promoted.subject).toBe(`A seat is now yours: ${title}`);

      await en.goto(wandaManageUrl);
      await waitForHeading(en, 'My registration');
      await en.locator('.status').getByText('Confirmed', { exact: true }).waitFor();
      await expect(en.getByText(/You are number \d+ on the waiting list/)).toHaveCount(0);
      await expect(en.getByRole('heading', { name: 'Leave the waiting list' })).toHaveCount(0);
      await expect(en.getByRole('button', { name: 'Cancel my registration…' })).toBeVisible();
      await axe.expectAccessible(en, 'manage (promoted)');
    });
  });

  test.describe('3. the register form in French: focus, tabbing, a refusal of the server', () => {
    let page: Page;

    test('a click leaves no box around the heading; the keyboard shows a ring', async ({ browser }) => {
      page = await sharedPage(browser, { locale: 'fr-FR' });
      await open(page, `/dialogues/${dialogueId}`, title);
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await page.getByRole('link', { name: "Rejoindre la liste d'attente" }).click();
      await page.waitForURL(`**/dialogues/${dialogueId}/register**`);
      const heading = page.getByRole('heading', { level: 1, name: `Inscription : ${title}` });
      await heading.waitFor();
      // no dashed box after a click, focused or not (the heading is outlined for keyboard users only)
      await expect(heading).toHaveCSS('outline-style', 'none');
      expect(await heading.evaluate((h) => h.matches(':focus-visible'))).toBe(false);

      // On with the keyboard: the next control wears a visible focus ring.
      const seen: string[] = [];
      let ring = false;
      for (let i = 0; i < 12 && !ring; i++) {
        await page.keyboard.press('Tab');
        const state = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return { what: 'body', ring: false };
          const css = getComputedStyle(el);
          const outlined = css.outlineStyle !== 'none' && parseFloat(css.outlineWidth) >= 2;
          return {
            what: `${el.tagName.toLowerCase()}${el.matches(':focus-visible') ? ':focus-visible' : ''} ${css.outlineStyle} ${css.outlineWidth}`,
            ring: el.matches(':focus-visible') && outlined,
          };
        });
        seen.push(state.what);
        ring = state.ring;
      }
      expect(ring, `focused on the way: ${seen.join(' | ')}`).toBe(true);
    });

    test('tabbing through the empty fields marks none of them red', async () => {
      await page.getByRole('textbox', { name: 'Courriel' }).focus();
      for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
      const form = page.locator('main form');
      await expect(form.locator('.mat-form-field-invalid')).toHaveCount(0);
      await expect(form.locator('[aria-invalid="true"]')).toHaveCount(0);
      await expect(form.locator('mat-error')).toHaveCount(0);
    });

    test('an address already registered: the server’s refusal, in French, under the email field', async ({ axe }) => {
      await page.getByRole('textbox', { name: 'Courriel' }).fill(claire.email);
      await page.getByRole('textbox', { name: 'Prénom' }).fill('Claire');
      await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Dubois');
      await page.getByRole('textbox', { name: 'Organisation' }).fill('Réseau des jeunes travailleurs');
      await choose(page, "Groupe d'acteurs", 'Société civile');
      await pickCountry(page, 'Pays', 'Suis', 'Suisse');
      await page.getByRole('checkbox', { name: /J'accepte que le FMMD/ }).check();
      await page.getByRole('button', { name: "Rejoindre la liste d'attente" }).click();

      const email = page.getByRole('textbox', { name: 'Courriel' });
      const field = page.locator('mat-form-field', { has: email });
      await expect(field.locator('mat-error')).toContainText('Cette adresse est déjà inscrite à ce dialogue.');
      await expect(email).toHaveAttribute('aria-invalid', 'true');
      // the message is the field's description, so a screen reader reads it with the field
      const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
      const described = await page.evaluate(
        (ids) => ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
        describedBy.split(/\s+/).filter(Boolean),
      );
      expect(described).toContain('Cette adresse est déjà inscrite');
      await expect(page.locator('main')).not.toContainText(/already registered|must be an email/);
      expect(page.url()).toContain('/register');
      await axe.expectAccessible(page, 'register: server refusal (fr)');
    });
  });
});
