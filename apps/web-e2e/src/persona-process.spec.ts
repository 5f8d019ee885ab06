/**
 * A new organizer sets up a 2027 process from the console alone (issue 13), at 1280 px:
 *
 *   - the admin invites them from the Staff page; the set-password link arrives by email, they
 *     choose a password and sign in;
 *   - they create the process with its dates, two phases, a milestone, a theme of its own and
 *     two informal sessions (each in its venue's time zone), all through the screens;
 *   - they create a dialogue ahead of the first session, add an agenda item and publish it;
 *   - they move the first session by a week: the dialogue is listed with its new lead time, they
 *     move it by the same amount, its dates and agenda follow (read through the API), and the
 *     registered participant gets exactly one agenda update with an .ics;
 *   - the public timeline of the process shows its phases and the dialogue with its lead time,
 *     as a chart or a table, and as a list at 390 px, in French too.
 *
 * Only the participant's registration is made through the API.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, linkIn, login, test } from './support/fixtures';
import { horizontalOverflow, open, screenshot, sharedPage, waitForHeading } from './support/ui';
import { confirmAddress, register, signIn } from './support/setup';

const PROCESS = 'Global Compact review 2027';
const SLUG = 'gcm-review-2027';
const THEME = { code: 'GCR', title: 'Reviewing the Global Compact' };
const SESSION_1 = 'Regular pathways and the Compact';
const SESSION_2 = 'Returns and reintegration';
const DIALOGUE = 'Regular pathways: what the regions say';
const ITEM = 'Opening of the regional dialogue';
const PARTICIPANT = { email: 'pia.participant@example.org', firstName: 'Pia', lastName: 'Participant' };
const WEEK_MS = 7 * 86_400_000;

/** Picks an option of a Material select found within `scope` (several forms share labels). */
async function pick(page: Page, scope: Locator, field: string | RegExp, option: string | RegExp): Promise<void> {
  // `has` is matched inside each field: a locator from the page, not from the scope
  const select = page.getByRole('combobox', { name: field });
  await scope.locator('mat-form-field').filter({ has: select }).locator('.mat-mdc-text-field-wrapper').click();
  await page.getByRole('option', { name: option }).click();
  await page.locator('.cdk-overlay-pane mat-option').first().waitFor({ state: 'detached' });
}

/** Types a zone into the time-zone field within `scope` (a known zone is taken as typed: the list then shows every zone). */
async function zone(page: Page, scope: Locator, name: string): Promise<void> {
  const field = scope.getByRole('combobox', { name: 'Time zone of the venue' });
  await field.fill(name);
  await page.keyboard.press('Escape');
  await expect(field).toHaveValue(name);
  await expect(field).toHaveAttribute('aria-invalid', 'false');
}

test.describe('a new organizer sets up the 2027 process from the console alone', () => {
  test.describe.configure({ mode: 'serial' });

  let p: Page;
  const organizer = { email: `olga-${Date.now()}@e2e.gfmd`, password: 'Lantern-orchard-42-quietly' };
  let processId: string;
  let dialogueId: string;
  let before: { startsAt: string; endsAt: string; leadTimeDays: number; itemStartsAt: string };

  test.beforeAll(async ({ browser }) => {
    p = await sharedPage(browser);
  });

  test('the admin invites the organizer, who sets a password from the email and signs in', async ({
    page,
    admin,
    inbox,
    axe,
  }) => {
    await signIn(page, admin, '**/console');
    await page.goto('/console/staff');
    await waitForHeading(page, 'Staff accounts');
    await page.getByRole('button', { name: 'Invite a staff member' }).click();
    const invite = page.getByRole('region', { name: 'Invite a staff member' });
    await invite.getByRole('textbox', { name: 'Name', exact: true }).fill('Olga Organizer');
    await invite.getByRole('textbox', { name: 'Email' }).fill(organizer.email);
    await pick(page, invite, 'Role', 'Organizer');
    await axe.expectAccessible(page, 'staff (invite)');
    await invite.getByRole('button', { name: 'Send the invitation' }).click();
    await expect(page.getByText(`Invitation sent to ${organizer.email}.`).first()).toBeAttached();
    await expect(page.locator('li.staff-card', { hasText: organizer.email })).toContainText('Invitation pending');

    const mail = await inbox.waitFor(organizer.email, /^Your GFMD Dialogues staff account/);
    await p.goto(linkIn(mail, '/set-password'));
    await waitForHeading(p);
    await p.getByLabel('New password', { exact: true }).fill(organizer.password);
    await p.getByLabel('Repeat the new password').fill(organizer.password);
    await axe.expectAccessible(p, 'set password');
    await p.getByRole('button', { name: 'Save my password' }).click();
    await p.getByText('Your password is saved. You can now sign in.').waitFor();

    await signIn(p, organizer, '**/console');
    await axe.expectAccessible(p, 'console home (new organizer)');
  });

  test('creates the process with dates, two phases, a milestone, a theme and two sessions', async ({ api, axe }) => {
    await open(p, '/console/processes', 'Processes');
    const form = p.locator('form', { has: p.getByRole('button', { name: 'Create the process' }) });
    await form.getByRole('textbox', { name: 'Title', exact: true }).fill(PROCESS);
    await form.getByRole('textbox', { name: 'Short name' }).fill(SLUG);
    await form.getByLabel('First day').fill('2027-01-04');
    await form.getByLabel('Last day').fill('2027-12-17');
    await axe.expectAccessible(p, 'processes (new)');
    await form.getByRole('button', { name: 'Create the process' }).click();
    await p.waitForURL(/\/console\/processes\/[0-9a-f-]{36}$/);
    processId = p.url().split('/').pop() as string;
    await waitForHeading(p, PROCESS);

    const saved = () => p.getByRole('status').filter({ hasText: 'Saved' }).waitFor({ state: 'attached' });
    const phases = p.getByRole('region', { name: 'Phases' });
    for (const phase of [
      { kind: 'Consultation', title: 'Regional consultations', from: '2027-01-04', to: '2027-06-30' },
      { kind: 'Stocktaking', title: 'Stocktaking and synthesis', from: '2027-07-01', to: '2027-12-17' },
    ]) {
      await pick(p, phases, 'Kind', phase.kind);
      await phases.getByRole('textbox', { name: 'Title', exact: true }).fill(phase.title);
      await phases.getByLabel('First day').fill(phase.from);
      await phases.getByLabel('Last day').fill(phase.to);
      await phases.getByRole('button', { name: 'Add' }).click();
      await phases.getByRole('listitem').filter({ hasText: phase.title }).waitFor();
      // the emptied form is ready for the next one, without an error on every field
      await expect(phases.getByText('This field is required')).toHaveCount(0);
    }

    const milestones = p.getByRole('region', { name: 'Milestones' });
    await pick(p, milestones, 'Kind', 'Intergovernmental conference');
    await milestones.getByRole('textbox', { name: 'Title', exact: true }).fill('Review conference');
    await zone(p, milestones, 'Europe/Zurich');
    await milestones.getByLabel('Starts').fill('2027-11-22T09:00');
    await milestones.getByLabel(/^Ends/).fill('2027-11-23T18:00');
    await milestones.getByRole('textbox', { name: 'Venue (optional)', exact: true }).fill('Palais des Nations, Geneva');
    await milestones.getByRole('button', { name: 'Add' }).click();
    await milestones.getByRole('listitem').filter({ hasText: 'Review conference' }).waitFor();

    const themes = p.getByRole('region', { name: 'Themes' });
    await themes.getByRole('textbox', { name: 'Code' }).fill(THEME.code);
    await themes.getByRole('textbox', { name: 'Title', exact: true }).fill(THEME.title);
    await themes.getByRole('button', { name: 'Add' }).click();
    await themes.getByRole('listitem').filter({ hasText: THEME.title }).waitFor();
    await saved();

    const sessions = p.getByRole('region', { name: 'Informal sessions' });
    for (const s of [
      {
        n: '1',
        title: SESSION_1,
        zone: 'America/New_York',
        from: '2027-05-10T10:00',
        to: '2027-05-11T18:00',
        venue: 'United Nations Headquarters, New York',
      },
      {
        n: '2',
        title: SESSION_2,
        zone: 'Europe/Zurich',
        from: '2027-09-13T10:00',
        to: '2027-09-14T17:00',
        venue: 'Palais des Nations, Geneva',
      },
    ]) {
      await sessions.getByRole('spinbutton', { name: 'Number' }).fill(s.n);
      await sessions.getByRole('textbox', { name: 'Title', exact: true }).fill(s.title);
      await pick(p, sessions, 'Theme', new RegExp(`${THEME.code} · ${THEME.title}`));
      await zone(p, sessions, s.zone);
      await sessions.getByLabel('Starts').fill(s.from);
      await sessions.getByLabel('Ends').fill(s.to);
      await sessions.getByRole('textbox', { name: 'Venue', exact: true }).fill(s.venue);
      await sessions.getByRole('button', { name: 'Add' }).click();
      await sessions.getByRole('listitem').filter({ hasText: s.title }).waitFor();
    }
    await expect(sessions.getByRole('listitem').filter({ hasText: SESSION_1 })).toContainText('(America/New_York)');
    await axe.expectAccessible(p, 'process editor (set up)');
    await screenshot(p, 'console-process-editor');

    const token = await login(organizer.email, organizer.password);
    const process = (await api<any>('GET', `/processes/${processId}`, undefined, token)).body;
    expect(process).toMatchObject({ title: PROCESS, slug: SLUG });
    expect(process.phases.map((x: any) => x.title)).toEqual(['Regional consultations', 'Stocktaking and synthesis']);
    expect(process.milestones.map((x: any) => x.title)).toEqual(['Review conference']);
  });

  test('creates a dialogue for the first session, adds an agenda item and publishes it', async ({ api, axe }) => {
    await open(p, '/console/dialogues/new', 'New dialogue');
    const form = p.locator('main form');
    await form.getByRole('textbox', { name: 'Title', exact: true }).fill(DIALOGUE);
    await form
      .getByRole('textbox', { name: 'Summary', exact: true })
      .fill('What the regional consultations say about regular pathways.');
    await pick(p, form, 'Informal session', new RegExp(SESSION_1));
    await zone(p, form, 'Europe/Zurich');
    await form.getByLabel('Starts').fill('2027-04-12T09:00');
    await form.getByLabel('Ends').fill('2027-04-12T17:00');
    await form.getByRole('textbox', { name: 'Venue' }).fill('Palais des Nations, Geneva');
    await form.getByRole('spinbutton', { name: 'Places' }).fill('40');
    await axe.expectAccessible(p, 'dialogue editor (new, for a session)');
    await form.getByRole('button', { name: 'Create draft' }).click();
    await p.waitForURL(/\/console\/dialogues\/[0-9a-f-]{36}$/);
    dialogueId = p.url().split('/').pop() as string;
    await waitForHeading(p, DIALOGUE);

    await p.getByRole('tab', { name: 'Agenda', exact: true }).click();
    await p.getByRole('heading', { level: 2, name: 'Agenda builder' }).waitFor();
    await p.getByRole('button', { name: 'New agenda item' }).click();
    await p.getByRole('heading', { name: 'New agenda item' }).waitFor();
    await p.getByRole('textbox', { name: 'Title', exact: true }).fill(ITEM);
    await pick(p, p.locator('main'), 'Kind', 'Opening');
    await p.getByRole('textbox', { name: 'Start', exact: true }).fill('09:30');
    await p.getByRole('textbox', { name: 'End', exact: true }).fill('10:00');
    await p.getByRole('button', { name: 'Save', exact: true }).click();
    await p.getByRole('heading', { name: `Edit: ${ITEM}` }).waitFor();
    await axe.expectAccessible(p, 'agenda builder (organizer)');

    await p.getByRole('tab', { name: 'Details', exact: true }).click();
    await p.getByRole('button', { name: 'Publish' }).click();
    await p.getByRole('status').filter({ hasText: 'The dialogue is published.' }).waitFor({ state: 'attached' });

    const dialogue = (await api<any>('GET', `/dialogues/${dialogueId}`)).body;
    expect(dialogue.status).toBe('published');
    const agenda = (await api<any>('GET', `/dialogues/${dialogueId}/agenda`)).body;
    const item = (Array.isArray(agenda) ? agenda : agenda.items).find((i: any) => i.title === ITEM);
    expect(item).toBeTruthy();
    before = {
      startsAt: dialogue.startsAt,
      endsAt: dialogue.endsAt,
      leadTimeDays: dialogue.leadTimeDays,
      itemStartsAt: item.startsAt,
    };
    expect(before.leadTimeDays).toBeGreaterThan(0);
  });

  test('moves the first session by a week and the dialogue with it; the participant is told once', async ({
    api,
    inbox,
    axe,
  }) => {
    const reg = await register(api, dialogueId, PARTICIPANT);
    expect(reg.status).toBe('confirmed');
    // agenda updates go to confirmed addresses: the participant opens the manage link first
    await confirmAddress(api, inbox, PARTICIPANT.email);

    await open(p, `/console/processes/${processId}`, PROCESS);
    const sessions = p.getByRole('region', { name: 'Informal sessions' });
    await sessions.getByRole('listitem').filter({ hasText: SESSION_1 }).getByRole('button', { name: 'Edit' }).click();
    await sessions.getByRole('heading', { name: 'Edit the informal session' }).waitFor();
    await sessions.getByLabel('Starts').fill('2027-05-17T10:00');
    await sessions.getByLabel('Ends').fill('2027-05-18T18:00');
    await sessions.getByRole('button', { name: 'Save', exact: true }).click();

    const move = p.getByRole('region', { name: 'Informal session 1 moved' });
    const row = move.getByRole('listitem').filter({ hasText: DIALOGUE });
    await expect(row).toContainText(`Lead time: ${before.leadTimeDays + 7} days before the informal session`);
    await axe.expectAccessible(p, 'process editor (session moved)');
    await row.getByRole('button', { name: /^Move by the same amount/ }).click();
    await expect(row).toContainText('Moved: its participants are told.');

    const dialogue = (await api<any>('GET', `/dialogues/${dialogueId}`)).body;
    expect(Date.parse(dialogue.startsAt) - Date.parse(before.startsAt)).toBe(WEEK_MS);
    expect(Date.parse(dialogue.endsAt) - Date.parse(before.endsAt)).toBe(WEEK_MS);
    expect(dialogue.leadTimeDays).toBe(before.leadTimeDays);
    const agenda = (await api<any>('GET', `/dialogues/${dialogueId}/agenda`)).body;
    const item = (Array.isArray(agenda) ? agenda : agenda.items).find((i: any) => i.title === ITEM);
    expect(Date.parse(item.startsAt) - Date.parse(before.itemStartsAt)).toBe(WEEK_MS);

    const mail = await inbox.waitFor(PARTICIPANT.email, /^Agenda updated: /);
    expect((mail.attachments ?? []).some((a) => a.filename.endsWith('.ics'))).toBe(true);
    // nothing else follows (a second update would come within a few seconds of the first)
    await p.waitForTimeout(3_000);
    expect((await inbox.subjects(PARTICIPANT.email)).filter((s) => s.startsWith('Agenda updated'))).toHaveLength(1);
  });

  test('the public timeline shows the phases and the dialogue with its lead time; a table; a list at 390 px in French', async ({
    axe,
  }) => {
    await open(p, `/timeline?process=${SLUG}`);
    await expect(p.getByRole('combobox').or(p.locator('#timeline-process')).first()).toBeAttached();
    const lead = `${before.leadTimeDays} days before Informal session 1`;
    await expect(p.getByRole('listitem', { name: /^Phase: Regional consultations/ })).toBeVisible();
    await expect(p.getByRole('listitem', { name: /^Phase: Stocktaking and synthesis/ })).toBeVisible();
    await expect(p.getByRole('link', { name: new RegExp(`^Dialogue: ${DIALOGUE}, .*${lead}`) })).toBeVisible();
    await axe.expectAccessible(p, 'process timeline (chart)');

    await p.getByRole('button', { name: 'Show as table' }).click();
    const table = p.getByRole('table', { name: `Phases, milestones, informal sessions and dialogues of ${PROCESS}` });
    await expect(table.getByRole('row').filter({ hasText: DIALOGUE })).toContainText(lead);
    await expect(table.getByRole('row').filter({ hasText: 'Regional consultations' })).toContainText('Phase');
    await expect(table.getByRole('row').filter({ hasText: 'Review conference' })).toContainText('Milestone');
    await axe.expectAccessible(p, 'process timeline (table)');
    await p.getByRole('button', { name: 'Show as table' }).click();

    await p.setViewportSize({ width: 390, height: 844 });
    await p.getByRole('button', { name: /^Language: EN/ }).click();
    await p.getByRole('menuitemradio', { name: 'Français' }).click();
    await expect(p.locator('html')).toHaveAttribute('lang', 'fr');
    const list = p.locator('.list');
    await expect(list).toBeVisible();
    // a phase's last day is the one entered (its range ends at the next day's midnight)
    await expect(list.getByRole('heading', { level: 2, name: /Regional consultations/ })).toContainText(
      '4 janv. 2027 – 30 juin 2027',
    );
    await expect(
      list.getByRole('link', { name: new RegExp(`^Dialogue : ${DIALOGUE}|^Dialogue: ${DIALOGUE}`) }),
    ).toContainText(DIALOGUE);
    await expect(list).toContainText(`${before.leadTimeDays} jours avant la session informelle 1`);
    await expect(list).toContainText('Session informelle');
    await expect(p.getByRole('button', { name: 'Afficher sous forme de tableau' })).toBeVisible();
    const overflow = await horizontalOverflow(p);
    expect(overflow.culprits).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
    await axe.expectAccessible(p, 'process timeline (fr, 390 px)');
    await screenshot(p, 'timeline-process-fr-390');
  });
});
