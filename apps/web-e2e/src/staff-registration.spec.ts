/**
 * Staff registering someone on their behalf (issue 16): on the console's registrations screen an
 * organizer adds a participant with "Add a participant" (no approval step even though the
 * dialogue asks for it; the person gets the usual confirmation email), then a second one, who
 * goes to the waiting list because the dialogue is full; then imports a 3-row CSV after its
 * preview (one row refused as already registered). Each state is read back through the API;
 * the screens are checked with axe at 1280 px and at 390 px.
 */
import type { Page } from '@playwright/test';
import { expect, login, test } from './support/fixtures';
import { createDialogue, publish, sessionId, signIn } from './support/setup';
import { choose, horizontalOverflow, open, pickCountry, sharedPage, waitForHeading } from './support/ui';

test.describe('staff registration', () => {
  test.describe.configure({ mode: 'serial' });

  let staff: Page;
  let token: string;
  let dialogueId: string;
  const title = 'Labour mobility partnerships (staff registration)';

  test.beforeAll(async ({ browser, admin, api }) => {
    const organizer = await admin.createStaff('organizer', 'Sara Staffadd');
    token = await login(organizer.email, organizer.password);
    dialogueId = await createDialogue(api, token, {
      title,
      sessionId: await sessionId(api, admin.token, 10),
      capacity: 1,
      day: 52,
    });
    expect((await api('PATCH', `/dialogues/${dialogueId}`, { approvalRequired: true }, token)).status).toBe(200);
    await publish(api, token, dialogueId);
    staff = await sharedPage(browser);
    await signIn(staff, organizer, '**/console');
  });

  async function addParticipant(email: string, first: string, last: string) {
    await staff.getByRole('button', { name: 'Add a participant' }).click();
    const dialog = staff.getByRole('dialog', { name: 'Add a participant' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Email' }).fill(email);
    await dialog.getByRole('textbox', { name: 'First name' }).fill(first);
    await dialog.getByRole('textbox', { name: 'Last name' }).fill(last);
    await dialog.getByRole('textbox', { name: 'Organization' }).fill('Ministry of Labour');
    await choose(staff, 'Stakeholder group', 'Government');
    await pickCountry(staff, 'Country', 'Keny', 'Kenya');
    return dialog;
  }

  test('an organizer adds a participant: confirmed at once although the dialogue asks for approval', async ({
    api,
    axe,
    inbox,
  }) => {
    await open(staff, `/console/dialogues/${dialogueId}/registrations`);
    await waitForHeading(staff);
    const email = 'wanjiru.kamau@labour.example.org';
    const dialog = await addParticipant(email, 'Wanjiru', 'Kamau');
    await expect(dialog.getByRole('checkbox', { name: /I agree/ })).toHaveCount(0);
    await axe.expectAccessible(staff, 'console: add a participant');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(dialog).toBeHidden();
    await staff.getByText('Wanjiru Kamau is registered and confirmed.').first().waitFor();
    await expect(staff.getByText('wanjiru.kamau@labour.example.org').first()).toBeVisible();

    const list = (await api<any>('GET', `/dialogues/${dialogueId}/registrations`, undefined, token)).body;
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ email, status: 'confirmed', stakeholderGroup: 'government', country: 'KE' });
    await inbox.waitFor(email, /^Registration confirmed: /);
  });

  test('a second one goes to the waiting list (the dialogue is full); a duplicate address is refused', async ({
    api,
    axe,
  }) => {
    await staff.setViewportSize({ width: 390, height: 844 });
    const dialog = await addParticipant('otieno.odhiambo@labour.example.org', 'Otieno', 'Odhiambo');
    expect((await horizontalOverflow(staff)).culprits).toEqual([]);
    await axe.expectAccessible(staff, 'console: add a participant (390 px)');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(dialog).toBeHidden();
    await staff.getByText('Otieno Odhiambo is registered on the waiting list').first().waitFor();

    const again = await addParticipant('wanjiru.kamau@labour.example.org', 'Wanjiru', 'Kamau');
    await again.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(again.getByText('already registered').first()).toBeVisible();
    await again.getByRole('button', { name: 'Cancel' }).click();
    await staff.setViewportSize({ width: 1280, height: 800 });

    const list = (await api<any>('GET', `/dialogues/${dialogueId}/registrations`, undefined, token)).body;
    expect(list.items.map((r: any) => r.status).sort()).toEqual(['confirmed', 'waitlisted']);
  });

  test('an organizer imports a 3-row CSV after its preview', async ({ api, axe }) => {
    await staff.getByRole('button', { name: 'Import from CSV' }).click();
    const dialog = staff.getByRole('dialog', { name: 'Import registrations from CSV' });
    await dialog.waitFor();
    await axe.expectAccessible(staff, 'console: import from CSV');
    const csv = [
      'email,firstName,lastName,organization,stakeholderGroup,country,preferredLanguage',
      'amina.diallo@forum.example.org,Amina,Diallo,Migrant Forum,civil_society,SN,fr',
      'wanjiru.kamau@labour.example.org,Wanjiru,Kamau,Ministry of Labour,government,KE,en',
      'lucia.perez@cities.example.org,Lucía,Pérez,"Mayors Mechanism, Quito",local_authority,EC,es',
    ].join('\n');
    await dialog
      .getByLabel('CSV file')
      .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await dialog
      .getByText('Preview: 0 would be confirmed, 2 would go to the waiting list, 1 would be refused.')
      .waitFor();
    const rows = dialog.locator('tbody tr');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText('Already registered for this dialogue');
    await expect(rows.nth(2)).toContainText('Would go to the waiting list');
    await axe.expectAccessible(staff, 'console: import preview');
    // The preview wrote nothing.
    let list = (await api<any>('GET', `/dialogues/${dialogueId}/registrations`, undefined, token)).body;
    expect(list.items).toHaveLength(2);

    await dialog.getByRole('button', { name: 'Import 2 rows' }).click();
    await dialog.getByText('Imported: 0 confirmed, 2 on the waiting list, 1 refused.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(staff.getByText('lucia.perez@cities.example.org').first()).toBeVisible();
    list = (await api<any>('GET', `/dialogues/${dialogueId}/registrations`, undefined, token)).body;
    expect(list.items).toHaveLength(4);
    expect(list.items.filter((r: any) => r.status === 'waitlisted')).toHaveLength(3);
  });
});
