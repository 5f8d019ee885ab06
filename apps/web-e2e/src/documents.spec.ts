import { createHash } from 'node:crypto';
import { expect, test } from './support/fixtures';
import { createDialogue, login, publish, sessionId, signIn } from './support/setup';
import { open, waitForHeading } from './support/ui';

/** A PDF of `bytes` bytes (padding in a comment), big enough for progress events. */
function pdf(bytes: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n%');
  const tail = Buffer.from('\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(bytes - head.length - tail.length, 0x20), tail]);
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test.describe('documents (issue 15)', () => {
  test('an organizer uploads with a progress bar, the public downloads the same bytes back', async ({
    page,
    api,
    admin,
    axe,
  }) => {
    const organizer = await admin.createStaff('organizer', 'Documents organizer');
    const token = await login(organizer.email, organizer.password);
    const session = await sessionId(api, admin.token, 93);
    const dialogueId = await createDialogue(api, token, { title: 'Documents dialogue', sessionId: session });
    await publish(api, token, dialogueId);

    await signIn(page, organizer, '**/console');
    await open(page, `/console/dialogues/${dialogueId}/documents`);
    await waitForHeading(page);
    await expect(page.getByRole('heading', { name: 'Documents', level: 2 })).toBeVisible();
    await axe.expectAccessible(page, 'console documents');

    // Slow the upload down so the progress bar is seen moving (the request still streams whole).
    const bytes = pdf(8 * 1024 * 1024);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 1024 * 1024,
    });
    await page.getByLabel('Title (optional)').fill('Concept note for the browser test');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'concept-note.pdf', mimeType: 'application/pdf', buffer: bytes });
    const bar = page.getByRole('progressbar', { name: /Uploading concept-note\.pdf/ });
    await expect(bar).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel', exact: true })).toBeVisible();
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow', { timeout: 1000 })), {
        timeout: 20_000,
        intervals: [100],
      })
      .toBeGreaterThan(0);
    await expect(page.getByText('The document was added.')).toBeVisible({ timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await expect(page.getByRole('link', { name: 'Concept note for the browser test' })).toBeVisible();
    await expect(page.getByText('8.4 MB')).toBeVisible();

    // The public dialogue page lists it; the link downloads it (inline: a PDF) with the same bytes.
    await page.context().clearCookies();
    await open(page, `/dialogues/${dialogueId}`);
    const link = page.getByRole('link', { name: 'Concept note for the browser test' });
    await expect(link).toBeVisible({ timeout: 15_000 });
    const href = await link.getAttribute('href');
    const res = await page.request.get(new URL(href ?? '', page.url()).toString());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    expect(res.headers()['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(sha(Buffer.from(await res.body()))).toBe(sha(bytes));
    await axe.expectAccessible(page, 'dialogue page with documents');
  });

  test('an upload can be cancelled, and then nothing is listed', async ({ page, api, admin }) => {
    const organizer = await admin.createStaff('organizer', 'Cancelling organizer');
    const token = await login(organizer.email, organizer.password);
    const session = await sessionId(api, admin.token, 93);
    const dialogueId = await createDialogue(api, token, { title: 'Cancel dialogue', sessionId: session });
    await signIn(page, organizer, '**/console');
    await open(page, `/console/dialogues/${dialogueId}/documents`);
    await waitForHeading(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 50,
      downloadThroughput: -1,
      uploadThroughput: 256 * 1024,
    });
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'big.pdf', mimeType: 'application/pdf', buffer: pdf(4 * 1024 * 1024) });
    await expect(page.getByRole('progressbar')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(page.getByText('Upload cancelled.')).toBeVisible();
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const listed = await api<any[]>('GET', `/dialogues/${dialogueId}/documents`, undefined, token);
    expect(listed.body).toEqual([]);
  });
});
