/**
 * A focal point runs their delegation from the email's private link (issue 16), on a phone at
 * 390 px: the organizer creates a delegation of 3 seats through the API; the focal point opens
 * the link of the email caught by the SMTP sink, names two delegates (each gets their own
 * confirmation), replaces one by another (the replaced person is told) and withdraws one (the
 * seat comes back). Every state is read back through the API; every screen is checked with axe.
 */
import type { Page } from '@playwright/test';
import { type Api, expect, linkIn, login, test } from './support/fixtures';
import { choose, horizontalOverflow, open, screenshot, sharedPage } from './support/ui';
import { createDialogue, publish, sessionId, signIn } from './support/setup';

test.describe('a focal point names, replaces and withdraws delegates', () => {
  test.describe.configure({ mode: 'serial' });

  let p: Page;
  let token: string;
  let delegationId: string;
  let focalPoint: string;
  let project: string;
  let dialogueId: string;
  let organizer: { email: string; password: string };
  const who = (first: string) => `${first.toLowerCase()}.${project}@mission.example.org`;

  test.beforeAll(async ({ browser, admin, api }, info) => {
    project = info.project.name;
    focalPoint = `focal.${project}@mission.example.org`;
    organizer = await admin.createStaff('organizer', 'Olga Organizer');
    token = await login(organizer.email, organizer.password);
    dialogueId = await createDialogue(api, token, {
      title: `Labour mobility corridors (${project})`,
      sessionId: await sessionId(api, admin.token, 9),
      capacity: 20,
      day: project === 'phone' ? 46 : 45,
    });
    await publish(api, token, dialogueId);
    const res = await api<any>(
      'POST',
      `/dialogues/${dialogueId}/delegations`,
      {
        name: 'Republic of Ghana',
        stakeholderGroup: 'government',
        country: 'GH',
        seats: 3,
        focalPointEmail: focalPoint,
      },
      token,
    );
    expect(res.status).toBe(201);
    delegationId = res.body.id;
    p = await sharedPage(browser);
  });

  const delegation = async (api: Api) => (await api<any>('GET', `/delegations/${delegationId}`, undefined, token)).body;

  const nameDelegate = async (first: string, last: string, role: string, submit = 'Name this delegate') => {
    await p.getByRole('textbox', { name: 'First name' }).fill(first);
    await p.getByRole('textbox', { name: 'Last name' }).fill(last);
    await p.getByRole('textbox', { name: 'Email' }).fill(who(first));
    await choose(p, 'Role in the delegation', role);
    await p.getByRole('checkbox', { name: /This person agreed/ }).check();
    await p.getByRole('button', { name: submit, exact: true }).click();
  };

  test('opens the link of the email: the delegation, its 3 seats, none named', async ({ inbox, axe }) => {
    const mail = await inbox.waitFor(focalPoint, /^Your delegation to /);
    const url = linkIn(mail, '/delegations/');
    await open(p, url.replace(/^https?:\/\/[^/]+/, ''), 'Delegation: Republic of Ghana');
    await p.getByText('0 of 3 seats named').waitFor();
    await p.getByText('No delegate named yet.').waitFor();
    expect((await horizontalOverflow(p)).culprits).toEqual([]);
    await axe.expectAccessible(p, 'focal point: delegation page');
    await screenshot(p, `${project === 'phone' ? 'phone-' : ''}delegation-focal-point`);
  });

  test('names two delegates; each is confirmed and emailed', async ({ api, inbox, axe }) => {
    await nameDelegate('Kofi', 'Mensah', 'Head of delegation');
    await p.getByText('Kofi Mensah is registered').first().waitFor();
    await nameDelegate('Ama', 'Owusu', 'Adviser');
    await p.getByText('2 of 3 seats named').waitFor();
    await axe.expectAccessible(p, 'focal point: two delegates');
    const d = await delegation(api);
    expect(d.delegates.map((x: any) => [x.firstName, x.role, x.status])).toEqual([
      ['Kofi', 'head_of_delegation', 'confirmed'],
      ['Ama', 'adviser', 'confirmed'],
    ]);
    await inbox.waitFor(who('Kofi'), /^Registration confirmed: /);
    await inbox.waitFor(who('Ama'), /^Registration confirmed: /);
  });

  test('replaces one delegate by another in the same seat; the replaced person is told', async ({ api, inbox }) => {
    await p.getByRole('button', { name: 'Replace Ama Owusu' }).click();
    await p.getByRole('heading', { name: 'Replace Ama Owusu' }).waitFor();
    await nameDelegate('Yaw', 'Boateng', 'Adviser', 'Replace');
    await p.getByText('Yaw Boateng now has the seat').first().waitFor();
    await p.getByText('2 of 3 seats named').waitFor();
    const d = await delegation(api);
    expect(d).toMatchObject({ seats: 3, used: 2 });
    expect(d.delegates.find((x: any) => x.firstName === 'Ama').status).toBe('cancelled');
    await inbox.waitFor(who('Ama'), /cancel/i);
  });

  test('withdraws a delegate: the seat comes back to the delegation', async ({ api, axe }) => {
    await p.getByRole('button', { name: 'Withdraw Kofi Mensah' }).click();
    const dialog = p.getByRole('alertdialog', { name: 'Withdraw this delegate?' });
    await dialog.waitFor();
    await axe.expectAccessible(p, 'focal point: withdraw dialog');
    await dialog.getByRole('button', { name: 'Withdraw' }).click();
    await dialog.waitFor({ state: 'detached' });
    await p.getByText('1 of 3 seats named').waitFor();
    const d = await delegation(api);
    expect(d).toMatchObject({ seats: 3, used: 1 });
    expect(d.delegates.find((x: any) => x.firstName === 'Kofi').status).toBe('cancelled');
    expect((await horizontalOverflow(p)).culprits).toEqual([]);
    await axe.expectAccessible(p, 'focal point: after withdrawing');
  });

  test('the organizer creates another delegation in the console and sees it in the list', async ({
    browser,
    api,
    axe,
  }) => {
    const staff = await sharedPage(browser);
    await signIn(staff, organizer, '**/console');
    await open(staff, `/console/dialogues/${dialogueId}/delegations`);
    await staff.getByRole('heading', { name: 'Delegations', level: 2 }).waitFor();
    await staff.getByRole('textbox', { name: 'Delegation' }).fill('Kingdom of Morocco');
    // Governments are the default group of a new delegation.
    await expect(staff.getByRole('combobox', { name: 'Stakeholder group' })).toContainText('Government');
    await staff.getByRole('textbox', { name: /Country code/ }).fill('MA');
    await staff.getByRole('spinbutton', { name: 'Seats' }).fill('2');
    await staff.getByRole('textbox', { name: 'Focal point’s email' }).fill(`focal.ma.${project}@mission.example.org`);
    await staff.getByRole('button', { name: 'Hold the seats and email the focal point' }).click();
    await staff
      .getByText('Kingdom of Morocco: the seats are held and the focal point has been emailed.')
      .first()
      .waitFor();
    const row = staff.locator('tr', { hasText: 'Kingdom of Morocco' });
    await expect(row).toContainText('0 named of 2');
    await axe.expectAccessible(staff, 'console: delegations after creating one');
    const list = (await api<any>('GET', `/dialogues/${dialogueId}/delegations`, undefined, token)).body;
    expect(list.items.map((x: any) => [x.name, x.seats, x.used])).toEqual(
      expect.arrayContaining([
        ['Republic of Ghana', 3, 1],
        ['Kingdom of Morocco', 2, 0],
      ]),
    );
    await staff.close();
  });
});
