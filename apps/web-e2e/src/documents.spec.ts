import { createHash } from 'node:crypto';
import { BASE_URL, expect, linkIn, test } from './support/fixtures';
import { createDialogue, login, publish, register, sessionId, signIn } from './support/setup';
import { horizontalOverflow, open, waitForHeading } from './support/ui';

/** A PDF of `bytes` bytes (padding in a comment), big enough for progress events. */
function pdf(bytes: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n%');
  const tail = Buffer.from('\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(bytes - head.length - tail.length, 0x20), tail]);
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** POST /documents as the browser's FormData would send it; resolves the document's id. */
async function uploadThroughApi(token: string, fields: Record<string, string>, name: string): Promise<string> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(pdf(4096))], { type: 'application/pdf' }), name);
  const res = await fetch(`${BASE_URL}/api/v1/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

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

  test('every document screen reads at 390 px and 1280 px, without horizontal scrolling, and passes axe', async ({
    page,
    api,
    admin,
    inbox,
    axe,
  }) => {
    test.setTimeout(180_000);
    const organizer = await admin.createStaff('organizer', 'Screens organizer');
    const rapporteur = await admin.createStaff('coordinator', 'Screens rapporteur');
    const token = await login(organizer.email, organizer.password);
    const rapporteurToken = await login(rapporteur.email, rapporteur.password);
    const session = await sessionId(api, admin.token, 94);
    const dialogueId = await createDialogue(api, token, {
      title: 'Skills partnerships and a title long enough to wrap on a phone',
      sessionId: session,
      day: 41,
    });
    await publish(api, token, dialogueId);
    const dialogue = (await api<any>('GET', `/dialogues/${dialogueId}`, undefined, token)).body;
    const item = await api<any>(
      'POST',
      `/dialogues/${dialogueId}/agenda-items`,
      {
        title: 'Opening panel on skills recognition',
        kind: 'panel',
        speakers: [],
        startsAt: dialogue.startsAt,
        endsAt: new Date(new Date(dialogue.startsAt).getTime() + 3_600_000).toISOString(),
      },
      token,
    );
    expect(item.status).toBe(201);
    const owner = { ownerType: 'agenda_item', ownerId: item.body.id, kind: 'presentation', language: 'en' };
    await uploadThroughApi(token, { ...owner, visibility: 'public', title: 'Panel background paper' }, 'paper.pdf');
    await uploadThroughApi(token, { ...owner, visibility: 'registrants', title: 'Speakers’ slides' }, 'slides.pdf');
    await uploadThroughApi(token, { ...owner, visibility: 'staff', title: 'Run sheet' }, 'run.pdf');
    const window = await api(
      'PUT',
      `/dialogues/${dialogueId}/contribution-window`,
      { contributionsCloseAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
      token,
    );
    expect(window.status).toBe(200);

    // Two confirmed contributions: one accepted (public, and cited), one waiting in the moderation queue.
    const contribute = async (title: string, email: string) => {
      const res = await api<any>('POST', `/dialogues/${dialogueId}/contributions`, {
        title,
        text: 'Recognition of skills across borders makes labour mobility fairer.',
        organization: 'Migrant Forum in Asia',
        stakeholderGroup: 'civil_society',
        email,
        name: 'Amina Diallo',
        language: 'en',
        consentToPublish: true,
        consent: true,
      });
      expect(res.status).toBe(202);
      const mail = await inbox.waitFor(email, /contribution/i);
      const confirmToken = linkIn(mail, '/contributions/confirm/').split('/contributions/confirm/')[1];
      expect((await api('POST', `/contributions/confirm/${confirmToken}`)).status).toBe(200);
      return res.body.id as string;
    };
    const accepted = await contribute('Portable skills', `skills-${Date.now()}@example.org`);
    await contribute('Waiting contribution', `waiting-${Date.now()}@example.org`);
    expect((await api('POST', `/contributions/${accepted}/accept`, {}, token)).status).toBe(200);

    // An outcome whose recommendation cites the accepted contribution, published.
    const themes = (await api<any[]>('GET', '/themes')).body;
    const put = await api<any>(
      'PUT',
      `/dialogues/${dialogueId}/outcome`,
      {
        rapporteurUserIds: [rapporteur.id],
        summary: 'What the dialogue said.',
        keyMessages: [],
        recommendations: [
          {
            text: 'Recognize skills across borders.',
            kind: 'policy_recommendation',
            themeIds: [themes[0].id],
            addressedTo: ['government'],
          },
        ],
        version: 0,
      },
      token,
    );
    expect(put.status).toBe(200);
    const recommendationId = put.body.recommendations[0].id;
    const linked = await api(
      'PUT',
      `/dialogues/${dialogueId}/outcome/recommendations/${recommendationId}/contributions`,
      { contributionIds: [accepted] },
      rapporteurToken,
    );
    expect(linked.status).toBe(200);
    expect((await api('POST', `/dialogues/${dialogueId}/outcome/submit`, undefined, rapporteurToken)).status).toBe(200);
    expect((await api('POST', `/dialogues/${dialogueId}/outcome/approve`, undefined, token)).status).toBe(200);
    const published = await api<any>('POST', `/dialogues/${dialogueId}/outcome/publish`, undefined, token);
    expect(published.status).toBe(200);
    const reference = published.body.recommendations[0].reference as string;

    // A participant: their manage link from the confirmation email, which lists the documents as links.
    const participant = `reader-${Date.now()}@example.org`;
    await register(api, dialogueId, { email: participant, firstName: 'Rui', lastName: 'Reader' });
    const confirmation = await inbox.waitFor(participant, /^Registration confirmed/);
    // The manage link itself (the registrants' documents' links go through the same token, under /api/v1).
    const manageToken = /\/manage\/([A-Za-z0-9_-]{20,})(?![A-Za-z0-9_/-])/.exec(confirmation.text ?? '')?.[1] ?? '';
    expect(manageToken).not.toBe('');
    expect(confirmation.text).toContain(`/api/v1/registrations/manage/${manageToken}/documents/`);
    expect(confirmation.text).toContain('Panel background paper');
    expect(confirmation.text).toContain('Speakers’ slides');
    expect(confirmation.text).not.toContain('Run sheet');
    expect((confirmation.attachments ?? []).map((a) => a.filename)).toEqual(['agenda.ics']);

    const widths = [390, 1280];
    const check = async (screen: string) => {
      const overflow = await horizontalOverflow(page);
      expect(overflow.culprits, `${screen}: sideways scrolling`).toEqual([]);
      await axe.expectAccessible(page, screen);
    };

    // Public: the dialogue page (documents beside the agenda item, contributions, the form).
    for (const width of widths) {
      await page.setViewportSize({ width, height: 844 });
      await open(page, `/dialogues/${dialogueId}`);
      const beside = page.getByRole('list', { name: /Documents for “Opening panel on skills recognition”/ });
      await expect(beside).toBeVisible({ timeout: 15_000 });
      await expect(beside.getByRole('link', { name: 'Panel background paper' })).toBeVisible();
      await expect(beside.getByRole('link', { name: 'Speakers’ slides' })).toHaveCount(0);
      await expect(page.getByRole('heading', { name: 'Portable skills' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Waiting contribution' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: /Send/ }).first()).toBeVisible();
      await check(`dialogue page with documents and the contribution form (${width} px)`);

      // The contribution's page names the recommendation that cites it; the recommendation, the contribution.
      await page.getByRole('link', { name: 'Portable skills' }).click();
      await expect(page.getByRole('heading', { name: 'Portable skills', level: 1 })).toBeVisible();
      await expect(page.getByRole('link', { name: reference })).toBeVisible();
      await check(`contribution page (${width} px)`);
      await page.getByRole('link', { name: reference }).click();
      await expect(page.getByRole('heading', { name: 'The contributions it draws on' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Portable skills' })).toBeVisible();
      await check(`recommendation page with its contributions (${width} px)`);

      // The participant's page: public and registrants' documents beside the item, through the manage link.
      await open(page, `/manage/${manageToken}`);
      const mine = page.getByRole('list', { name: /Documents for “Opening panel on skills recognition”/ });
      await expect(mine.getByRole('link', { name: 'Speakers’ slides' })).toBeVisible({ timeout: 15_000 });
      await expect(mine.getByRole('link', { name: 'Panel background paper' })).toBeVisible();
      await expect(page.getByText('Run sheet')).toHaveCount(0);
      const slides = await mine.getByRole('link', { name: 'Speakers’ slides' }).getAttribute('href');
      expect((await page.request.get(new URL(slides ?? '', page.url()).toString())).status()).toBe(200);
      await check(`participant page with documents (${width} px)`);
    }

    // Staff: the upload zone, the list and the moderation queue; the agenda builder's item documents.
    await signIn(page, organizer, '**/console');
    for (const width of widths) {
      await page.setViewportSize({ width, height: 844 });
      await open(page, `/console/dialogues/${dialogueId}/documents`);
      await waitForHeading(page);
      await expect(page.getByRole('heading', { name: 'Waiting contribution' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Accept' })).toBeVisible();
      await check(`console documents, upload and moderation (${width} px)`);

      await open(page, `/console/dialogues/${dialogueId}/agenda`);
      await waitForHeading(page);
      await page.getByRole('button', { name: /Opening panel on skills recognition/ }).click();
      await expect(itemDocs(page).getByRole('link', { name: 'Run sheet' })).toBeVisible();
      await expect(itemDocs(page).getByRole('link', { name: 'Speakers’ slides' })).toBeVisible();
      await check(`agenda builder, an item's documents (${width} px)`);
    }

    // The organizer attaches a document to the item from the builder.
    await itemDocs(page).getByLabel('Title (optional)').fill('Attached from the builder');
    await itemDocs(page)
      .locator('input[type=file]')
      .setInputFiles({ name: 'builder.pdf', mimeType: 'application/pdf', buffer: pdf(2048) });
    await expect(itemDocs(page).getByRole('link', { name: 'Attached from the builder' })).toBeVisible({
      timeout: 15_000,
    });
    const listed = await api<any[]>('GET', `/dialogues/${dialogueId}/documents`, undefined, token);
    expect(listed.body.find((d) => d.title.en === 'Attached from the builder')).toMatchObject({
      ownerType: 'agenda_item',
      ownerId: item.body.id,
    });
  });
});

const itemDocs = (page: import('@playwright/test').Page) =>
  page.getByRole('region', { name: 'Documents of this item' });
