/**
 * Issue 14, the synthesis: an organizer builds the synthesis of an informal session from the
 * published recommendations (sections, order by keyboard, introduction), publishes it after
 * confirming; a subscriber who confirmed their address from the email's link receives the
 * publication email; the public page lists the numbered recommendations and downloads the PDF;
 * it fits 390 px. Set-up (dialogue, published outcome) through the API.
 */
import { readFileSync } from 'node:fs';
import { expect, linkIn, test } from './support/fixtures';
import { createDialogue, login, publish, sessionId, signIn } from './support/setup';
import { horizontalOverflow, open, waitForHeading } from './support/ui';

test.describe('an organizer builds and publishes a synthesis; a subscriber is told; the public downloads it', () => {
  test.describe.configure({ mode: 'serial' });

  const subscriber = `subscriber-${Date.now()}@e2e.gfmd`;
  let session: string;
  let references: string[] = [];
  let organizer: { email: string; password: string };

  test('set-up: a published dialogue with a published outcome of three recommendations', async ({ api, admin }) => {
    const author = await admin.createStaff('organizer', 'Aïcha Author');
    const reviewer = await admin.createStaff('organizer', 'Rui Reviewer');
    organizer = author;
    const authorToken = await login(author.email, author.password);
    const reviewerToken = await login(reviewer.email, reviewer.password);
    session = await sessionId(api, admin.token, 700 + Math.floor(Math.random() * 200));
    const dialogue = await createDialogue(api, authorToken, {
      title: `Synthesis dialogue ${Date.now()}`,
      sessionId: session,
    });
    await publish(api, authorToken, dialogue);
    const themes = (await api<any[]>('GET', '/themes')).body;
    const put = await api<any>(
      'PUT',
      `/dialogues/${dialogue}/outcome`,
      {
        summary: 'What the dialogue said.',
        keyMessages: [],
        recommendations: ['Portable social protection', 'Fair recruitment', 'Skills recognition'].map((t) => ({
          text: `${t} for migrant workers.`,
          kind: 'policy_recommendation',
          themeIds: [themes[0].id],
          addressedTo: ['government'],
        })),
        version: 0,
      },
      authorToken,
    );
    expect(put.status).toBe(200);
    expect((await api('POST', `/dialogues/${dialogue}/outcome/submit`, undefined, authorToken)).status).toBe(200);
    expect((await api('POST', `/dialogues/${dialogue}/outcome/approve`, undefined, reviewerToken)).status).toBe(200);
    expect((await api('POST', `/dialogues/${dialogue}/outcome/publish`, undefined, reviewerToken)).status).toBe(200);
    const outcome = (await api<any>('GET', `/dialogues/${dialogue}/outcome`, undefined, authorToken)).body;
    references = outcome.recommendations.map((r: { reference: string }) => r.reference);
    expect(references).toHaveLength(3);
  });

  test('a reader subscribes and confirms the address from the email', async ({ api, inbox, page }) => {
    const res = await api('POST', `/informal-sessions/${session}/synthesis/subscribe`, { email: subscriber });
    expect(res.status).toBe(202);
    const mail = await inbox.waitFor(subscriber, /Confirm your subscription/);
    await page.goto(linkIn(mail, '/subscriptions/confirm/').replace(/^https?:\/\/[^/]+/, ''));
    await waitForHeading(page, 'Subscription');
    await expect(page.getByRole('status')).toContainText('Your subscription is confirmed');
  });

  test('the organizer builds the synthesis, orders it with the keyboard, and publishes it', async ({ page, axe }) => {
    await signIn(page, organizer, '**/console');
    await open(page, `/console/syntheses/informal-sessions/${session}`, /Informal thematic session/);
    await page.getByLabel('Introduction', { exact: true }).fill('The recommendations of the GFMD on labour mobility.');
    await page.getByRole('button', { name: 'Add a section' }).click();
    for (const ref of references) await page.getByRole('button', { name: `Add ${ref} to section 1` }).click();
    await page.getByRole('button', { name: `Move ${references[0]} down` }).click();
    await expect(page.locator('.ref strong').first()).toHaveText(references[1]);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await axe.expectAccessible(page, 'synthesis builder');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  });

  test('the subscriber receives the publication email with the page and an unsubscribe link', async ({ inbox }) => {
    const mail = await inbox.waitFor(subscriber, /Synthesis published/);
    expect(linkIn(mail, `/syntheses/informal-sessions/${session}`)).toBeTruthy();
    expect(linkIn(mail, '/subscriptions/leave/')).toBeTruthy();
  });

  test('the public page shows the numbered recommendations, downloads the PDF, and fits 390 px', async ({
    page,
    axe,
  }) => {
    await open(page, `/syntheses/informal-sessions/${session}`, /Informal thematic session/);
    await expect(page.getByText('1.1')).toBeVisible();
    for (const ref of references) await expect(page.getByRole('link', { name: ref })).toBeVisible();
    await axe.expectAccessible(page, 'public synthesis');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'PDF (English)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^gfmd-synthesis-.*\.pdf$/);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await horizontalOverflow(page);
    expect(overflow.culprits).toEqual([]);
    await axe.expectAccessible(page, 'public synthesis at 390 px');
  });
});
