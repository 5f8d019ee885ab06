/**
 * An organizer at 1280 px, in English: publishes a dialogue and finds the link to share with
 * Copy, closes and reopens registration (the state read back through the API), invites 30
 * people by pasting a list and watches delivery live (the bar reaches "30 of 30 sent" without a
 * reload); the admin's outbox shows the counts. The draft dialogue is made through the API.
 */
import type { Page } from '@playwright/test';
import { expect, login, test } from './support/fixtures';
import { screenshot, sharedPage, waitForHeading } from './support/ui';
import { createDialogue, createSpace, sessionId, signIn } from './support/setup';

const DIALOGUE = 'Digital tools for safe and regular migration';
const INVITED = 30;

test.describe('organizer at 1280 px: share link, close and reopen, invite 30 by paste with live delivery', () => {
  test.describe.configure({ mode: 'serial' });

  let p: Page;
  let organizer: { email: string; password: string };
  let dialogueId: string;

  test.beforeAll(async ({ browser, admin, api }) => {
    organizer = await admin.createStaff('organizer', 'Omar Organizer');
    const token = await login(organizer.email, organizer.password);
    dialogueId = await createDialogue(api, token, { title: DIALOGUE, sessionId: await sessionId(api, admin.token, 9) });
    await createSpace(api, token, dialogueId, { name: 'Common space', kind: 'common_space', access: 'open' });
    p = await sharedPage(browser);
  });

  test('publishes, then finds the link to share with Copy', async ({ api, axe }) => {
    await signIn(p, organizer, '**/console');
    await p.goto(`/console/dialogues/${dialogueId}`);
    await waitForHeading(p, DIALOGUE);
    await p.getByRole('heading', { name: 'Publication' }).waitFor();
    await expect(p.getByRole('textbox', { name: 'Link to share' })).toHaveCount(0);
    await p.getByRole('button', { name: 'Publish' }).click();
    await p.getByRole('status').filter({ hasText: 'The dialogue is published.' }).waitFor({ state: 'attached' });
    expect((await api<any>('GET', `/dialogues/${dialogueId}`)).body.status).toBe('published');

    const link = p.getByRole('textbox', { name: 'Link to share' });
    await expect(link).toHaveValue(new RegExp(`^https?://[^/]+/dialogues/${dialogueId}$`));
    await p.getByRole('button', { name: 'Copy link' }).click();
    await p.getByRole('status').filter({ hasText: 'Link copied.' }).waitFor({ state: 'attached' });
    await expect(p.getByRole('link', { name: 'View public page' })).toHaveAttribute(
      'href',
      new RegExp(`^(/en)?/dialogues/${dialogueId}$`),
    );
    await axe.expectAccessible(p, 'dialogue details (published)');
    await screenshot(p, 'dialogue-share-link');
  });

  test('a 30-minute agenda item shows its title in the day grid', async ({ api, axe }) => {
    const token = await login(organizer.email, organizer.password);
    const day = (await api<any>('GET', `/dialogues/${dialogueId}`, undefined, token)).body.startsAt.slice(0, 10);
    const title = 'Coffee with the co-facilitators';
    const item = await api(
      'POST',
      `/dialogues/${dialogueId}/agenda-items`,
      { title, kind: 'break', startsAt: `${day}T10:00:00Z`, endsAt: `${day}T10:30:00Z` },
      token,
    );
    expect(item.status).toBe(201);
    // made behind the page's back: load the workspace again
    await p.reload();
    await waitForHeading(p, DIALOGUE);
    await p.getByRole('tab', { name: 'Agenda' }).click();
    await p.getByRole('heading', { level: 2, name: 'Agenda builder' }).waitFor();
    const cell = p.locator('.grid button.item', { hasText: title });
    const words = cell.locator('.item__title');
    await expect(words).toBeVisible();
    // the title has room on the line next to the time (cut short with an ellipsis at most)
    const box = await words.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(40);
    expect(await words.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(8);
    await expect(cell).toHaveAttribute('title', new RegExp(`${title}$`));
    await axe.expectAccessible(p, 'agenda builder (30-minute item)');
    await p.getByRole('tab', { name: 'Details' }).click();
    await p.getByRole('heading', { name: 'Publication' }).waitFor();
  });

  test('closes registration, then reopens it', async ({ api, axe }) => {
    await p.getByRole('button', { name: 'Close registration' }).click();
    await p.getByRole('status').filter({ hasText: 'Registration is closed.' }).waitFor({ state: 'attached' });
    expect((await api<any>('GET', `/dialogues/${dialogueId}`)).body.status).toBe('registration_closed');
    // the public form refuses now
    const refused = await api('POST', `/dialogues/${dialogueId}/registrations`, {
      email: 'late@example.org',
      firstName: 'Late',
      lastName: 'Comer',
      organization: 'Comer Network',
      stakeholderGroup: 'civil_society',
      country: 'CH',
      preferredLanguage: 'en',
      consent: true,
    });
    expect(refused.status).toBe(422);
    await axe.expectAccessible(p, 'dialogue details (registration closed)');

    await p.getByRole('button', { name: 'Reopen registration' }).click();
    await p.getByRole('status').filter({ hasText: 'Registration is open again.' }).waitFor({ state: 'attached' });
    await p.getByRole('button', { name: 'Close registration' }).waitFor();
    expect((await api<any>('GET', `/dialogues/${dialogueId}`)).body.status).toBe('published');
  });

  test(`invites ${INVITED} people by paste and watches delivery live`, async ({ api, inbox, axe }) => {
    await p.getByRole('tab', { name: 'Invitations' }).click();
    await p.getByRole('heading', { level: 2, name: 'Invitations' }).waitFor();
    // the app's own group labels are accepted as well as the codes
    const lines = Array.from({ length: INVITED }, (_, i) => {
      const n = String(i + 1).padStart(2, '0');
      return i % 2
        ? `guest${n}@example.org, Guest ${n}, civil_society, fr`
        : `guest${n}@example.org, Guest ${n}, Migrant and diaspora organization, en`;
    });
    await p.getByRole('textbox', { name: /Recipients/ }).fill(lines.join('\n'));
    await p.getByRole('heading', { name: `Preview: ${INVITED} ready, 0 to fix` }).waitFor();
    await axe.expectAccessible(p, 'invitations (preview)');
    await p.getByRole('button', { name: 'Check recipients' }).click();
    await p
      .getByRole('status')
      .filter({ hasText: `This will email ${INVITED} people.` })
      .waitFor();
    await p.getByRole('button', { name: 'Confirm and send' }).click();
    await p
      .getByRole('status')
      .filter({ hasText: `${INVITED} queued for sending, 0 skipped` })
      .waitFor();

    // no reload: the bar and the counts follow the worker
    const delivery = p.getByRole('region', { name: 'Delivery status' });
    await expect(delivery.getByText(`${INVITED} of ${INVITED} sent`)).toBeVisible({ timeout: 60_000 });
    await expect(delivery.getByRole('list', { name: 'Delivery' })).toContainText(`Sent ${INVITED}`);
    await expect(p.getByRole('progressbar', { name: `${INVITED} of ${INVITED} sent` })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    await axe.expectAccessible(p, 'invitations (delivered)');
    await screenshot(p, 'invitations-delivery', delivery);

    const organizerToken = await login(organizer.email, organizer.password);
    const summary = await api<any>('GET', `/dialogues/${dialogueId}/invitations/summary`, undefined, organizerToken);
    expect(summary.body).toMatchObject({ total: INVITED, sent: INVITED, failed: 0 });
    await inbox.waitFor('guest01@example.org', /^Invitation: /);
    await inbox.waitFor('guest02@example.org', /^Invitation : /);
  });

  test('the admin sees the counts in the outbox', async ({ page, admin, axe }) => {
    await signIn(page, admin, '**/console');
    await page.goto('/console/outbox');
    await waitForHeading(page, 'Outbox');
    const counts = page.getByRole('list', { name: 'Delivery' });
    await expect(counts).toContainText(/Sent \d+/);
    const sent = Number(/Sent\s+([\d,]+)/.exec(await counts.innerText())?.[1].replace(/,/g, ''));
    expect(sent).toBeGreaterThanOrEqual(INVITED);
    await page.locator('tr', { hasText: 'guest30@example.org' }).first().waitFor();
    await axe.expectAccessible(page, 'outbox (counts)');
  });
});
