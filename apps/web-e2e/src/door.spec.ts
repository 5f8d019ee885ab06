/**
 * Door mode on a phone (phone project, 390 × 844): a door staff account signs in and lands on door
 * mode, chooses the dialogue, types the check-in code a participant's manage page shows, sees
 * the green answer with the name and group, types it again and sees the amber "already checked in",
 * gets the red answer for a badge of another dialogue, checks someone in by name and undoes it.
 * Every state is read back through the API; nothing scrolls sideways; axe on every state.
 * The same door in French: its hint, its answers and its counts in the staff member's language.
 * Room mode: the door chooses an agenda item; a participant with a seat in its space is green, a
 * second scan there amber, a participant registered only for another space amber; the organizer's
 * attendance tab (also at 390 px) shows the room's count change without a reload.
 * Offline: scans made while the phone has no network wait on it ("saved offline"), are sent when
 * it returns and count once; a participant saves the offline pass from their manage page and it
 * opens with no network, QR and code in it.
 * Then the camera: a Chromium whose camera plays a video of a badge's QR code
 * (`--use-file-for-fake-video-capture`); headless Chromium on Linux has no QR-reading
 * BarcodeDetector, so this is the ZXing polyfill's path, its .wasm from the app's own origin.
 */
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeQrVideo } from './support/fake-camera';
import { BASE_URL, expect, linkIn, login, test, type Api } from './support/fixtures';
import { choose, horizontalOverflow, sharedPage, waitForHeading } from './support/ui';
import { createDialogue, createSpace, publish, register, registration, sessionId, signIn } from './support/setup';

/** Door accounts scan only for the dialogues an organizer assigned them to (PUT …/door-staff). */
async function assignDoorStaff(api: Api, token: string, dialogueId: string, userIds: string[]): Promise<void> {
  expect((await api('PUT', `/dialogues/${dialogueId}/door-staff`, { userIds }, token)).status).toBe(200);
}

const DIALOGUE = 'Door check-in dialogue';
const OTHER = 'Another dialogue at the same venue';
const lena = { email: 'lena.door@example.org', firstName: 'Lena', lastName: 'Haddad', stakeholderGroup: 'academia' };
const omar = { email: 'omar.door@example.org', firstName: 'Omar', lastName: 'Sy' };
const pia = { email: 'pia.door@example.org', firstName: 'Pia', lastName: 'Kowalska' };

test.describe('door staff on a phone: code entry, second scan, wrong dialogue, search and undo', () => {
  test.describe.configure({ mode: 'serial' });

  let p: Page;
  let door: { id: string; email: string; password: string };
  let organizerToken: string;
  let dialogueId: string;
  let otherId: string;
  const ids: Record<string, string> = {};
  const codes: Record<string, string> = {};
  const manageLinks: Record<string, string> = {};

  test.beforeAll(async ({ browser, admin, api, inbox }) => {
    const organizer = await admin.createStaff('organizer', 'Olga Organizer');
    organizerToken = await login(organizer.email, organizer.password);
    door = await admin.createStaff('door', 'Dora Door');
    const session = await sessionId(api, admin.token, 3);
    dialogueId = await createDialogue(api, organizerToken, { title: DIALOGUE, sessionId: session });
    await publish(api, organizerToken, dialogueId);
    await assignDoorStaff(api, organizerToken, dialogueId, [door.id]);
    otherId = await createDialogue(api, organizerToken, { title: OTHER, sessionId: session });
    await publish(api, organizerToken, otherId);
    for (const [person, where] of [
      [lena, dialogueId],
      [pia, dialogueId],
      [omar, otherId],
    ] as const) {
      ids[person.firstName] = (await register(api, where, person)).id;
      const mail = await inbox.waitFor(person.email, /^Registration confirmed/);
      const token = linkIn(mail, '/manage/').split('/manage/')[1];
      manageLinks[person.firstName] = `/manage/${token}`;
      const view = await api<{ checkInCode: string }>('GET', `/registrations/manage/${token}`);
      codes[person.firstName] = view.body.checkInCode;
    }
    p = await sharedPage(browser);
  });

  const result = () => p.getByTestId('door-result');
  const typeCode = async (code: string) => {
    await p.getByLabel('Check-in code').fill(code);
    await p.getByRole('button', { name: 'Check in', exact: true }).first().click();
  };

  test('signs in, lands on door mode and chooses the dialogue', async ({ axe }) => {
    await signIn(p, door, '**/door');
    await waitForHeading(p, 'Door');
    // Only the dialogue this door account is assigned to is offered.
    await expect(p.getByRole('link', { name: OTHER })).toHaveCount(0);
    await p.getByRole('link', { name: DIALOGUE }).click();
    await waitForHeading(p, 'Door');
    await expect(p.getByText(DIALOGUE)).toBeVisible();
    await expect(p.getByTestId('door-counts')).toHaveText('0 of 2 arrived');
    expect((await horizontalOverflow(p)).culprits).toEqual([]);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await axe.expectAccessible(p, 'door mode (phone)');
  });

  test('types a code: green, with the name and the group; the API has the check-in', async ({ axe, api }) => {
    await typeCode(codes['Lena']);
    await expect(result()).toHaveClass(/result--in/);
    await expect(result()).toContainText('Checked in');
    await expect(result()).toContainText('Lena Haddad');
    await expect(result()).toContainText('Academia');
    expect((await registration(api, organizerToken, ids['Lena'])).checkedInAt).not.toBeNull();
    await expect(p.getByTestId('door-counts')).toHaveText('1 of 2 arrived', { timeout: 15_000 });
    await axe.expectAccessible(p, 'door mode: checked in');
  });

  test('types the same code again: amber, already checked in, nothing counted twice', async ({ axe, api }) => {
    const before = (await registration(api, organizerToken, ids['Lena'])).checkedInAt;
    await typeCode(codes['Lena']);
    await expect(result()).toHaveClass(/result--again/);
    await expect(result()).toContainText('Already checked in');
    await expect(result()).toContainText(/Arrived at/);
    expect((await registration(api, organizerToken, ids['Lena'])).checkedInAt).toBe(before);
    await axe.expectAccessible(p, 'door mode: second scan');
  });

  test('types a code of another dialogue: red, with the reason', async ({ axe, api }) => {
    await typeCode(codes['Omar']);
    await expect(result()).toHaveClass(/result--refused/);
    await expect(result()).toContainText('This badge is for another dialogue.');
    expect((await registration(api, organizerToken, ids['Omar'])).checkedInAt).toBeNull();
    await typeCode(`${codes['Pia'].slice(0, -4)}AAAA`);
    await expect(result()).toContainText('Unknown or revoked code.');
    await axe.expectAccessible(p, 'door mode: refused');
  });

  test('finds a person by name, checks them in and undoes it', async ({ api }) => {
    await p.getByLabel('Name, organization or email').fill('kowal');
    await p.getByRole('button', { name: 'Search' }).click();
    await p.getByRole('button', { name: 'Check in: Pia Kowalska' }).click();
    await expect(result()).toContainText('Pia Kowalska');
    await expect(result()).toHaveClass(/result--in/);
    await p.getByRole('button', { name: 'Undo this check-in' }).click();
    await expect(result()).toContainText('Check-in undone');
    expect((await registration(api, organizerToken, ids['Pia'])).checkedInAt).toBeNull();
    expect((await horizontalOverflow(p)).culprits).toEqual([]);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
  test('types the short code the participant’s page shows, as a person types it: green', async ({ browser, api }) => {
    // The participant's phone: the eight characters under the QR.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    let desk: string;
    try {
      const page = await phone.newPage();
      await page.goto(`/fr${manageLinks['Pia']}`);
      await waitForHeading(page, 'Mon inscription');
      await expect(
        page.getByText('Si la caméra ne peut pas le lire, le personnel peut saisir ce code :'),
      ).toBeVisible();
      desk = ((await page.getByTestId('check-in-desk-code').textContent()) ?? '').trim();
      expect(desk).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect((await horizontalOverflow(page)).culprits).toEqual([]);
    } finally {
      await phone.close();
    }
    await expect(p.getByText(/eight characters under the person’s QR code/)).toBeVisible();
    await typeCode(desk.toLowerCase().replace('-', ' '));
    await expect(result()).toHaveClass(/result--in/);
    await expect(result()).toContainText('Pia Kowalska');
    expect((await registration(api, organizerToken, ids['Pia'])).checkedInAt).not.toBeNull();
  });

  test('opens a dialogue it is not assigned to: a clear message, nothing to scan', async ({ axe }) => {
    await p.goto(`/door/${otherId}`);
    await expect(p.getByTestId('door-not-assigned')).toContainText("You are not assigned to this dialogue's door.");
    await expect(p.getByLabel('Check-in code')).toHaveCount(0);
    await axe.expectAccessible(p, 'door mode: not assigned');
  });

  // Last of this group: the page keeps French from here on (the language is remembered).
  test('the door in French: the hint, the answers and the counts in the staff member’s language', async ({
    axe,
    api,
  }) => {
    await p.goto(`/fr/door/${dialogueId}`);
    await waitForHeading(p, 'Accueil');
    await expect(p.getByText(/Les huit caractères sous le code QR de la personne/)).toBeVisible();
    await expect(p.getByTestId('door-counts')).toHaveText('2 arrivé·e·s sur 2');
    const typeInFrench = async (code: string) => {
      await p.getByLabel('Code d’enregistrement').fill(code);
      await p.getByRole('button', { name: 'Enregistrer', exact: true }).first().click();
    };
    await typeInFrench(codes['Lena']);
    await expect(result()).toHaveClass(/result--again/);
    await expect(result()).toContainText('Déjà enregistré·e');
    await typeInFrench(codes['Omar']);
    await expect(result()).toHaveClass(/result--refused/);
    await expect(result()).toContainText('Ce badge est celui d’un autre dialogue.');
    expect((await registration(api, organizerToken, ids['Omar'])).checkedInAt).toBeNull();
    expect((await horizontalOverflow(p)).culprits).toEqual([]);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await axe.expectAccessible(p, 'door mode in French (phone)');
  });
});

test.describe('door staff on a phone: the camera reads a badge (ZXing polyfill, offline of the Internet)', () => {
  const sam = {
    email: 'sam.camera@example.org',
    firstName: 'Sam',
    lastName: 'Okafor',
    stakeholderGroup: 'private_sector',
  };

  test('scans the QR code the camera sees: green, then amber while the badge stays in front of it', async ({
    admin,
    api,
    inbox,
  }) => {
    const organizer = await admin.createStaff('organizer', 'Camille Camera');
    const organizerToken = await login(organizer.email, organizer.password);
    const door = await admin.createStaff('door', 'Dario Door');
    const dialogueId = await createDialogue(api, organizerToken, {
      title: 'Camera check-in dialogue',
      sessionId: await sessionId(api, admin.token, 3),
    });
    await publish(api, organizerToken, dialogueId);
    await assignDoorStaff(api, organizerToken, dialogueId, [door.id]);
    const { id } = await register(api, dialogueId, sam);
    const mail = await inbox.waitFor(sam.email, /^Registration confirmed/);
    const token = linkIn(mail, '/manage/').split('/manage/')[1];
    const code = (await api<{ checkInCode: string }>('GET', `/registrations/manage/${token}`)).body.checkInCode;

    const video = join(mkdtempSync(join(tmpdir(), 'gfmd-camera-')), 'badge.y4m');
    writeQrVideo(video, code);
    const browser = await chromium.launch({
      executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    try {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        locale: 'en-GB',
        permissions: ['camera'],
      });
      const page = await context.newPage();
      const elsewhere: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(BASE_URL) && !r.url().startsWith('data:')) elsewhere.push(r.url());
      });
      await signIn(page, door, '**/door');
      await page.goto(`/door/${dialogueId}`);
      await waitForHeading(page, 'Door');
      await page.getByRole('button', { name: 'Start the camera' }).click();
      await expect(page.getByTestId('door-reader')).toHaveAttribute('data-reader', 'polyfill');
      const result = page.getByTestId('door-result');
      await expect(result).toHaveClass(/result--in/, { timeout: 30_000 });
      await expect(result).toContainText('Sam Okafor');
      expect((await registration(api, organizerToken, id)).checkedInAt).not.toBeNull();
      // The same badge still in front of the camera is read again after 3 s: a second scan.
      await expect(result).toHaveClass(/result--again/, { timeout: 30_000 });
      await expect(result).toContainText('Already checked in');
      expect(elsewhere).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

test.describe('door staff on a phone: room mode, and the organizer’s live counts', () => {
  test.describe.configure({ mode: 'serial' });
  const ana = { email: 'ana.room@example.org', firstName: 'Ana', lastName: 'Lima', stakeholderGroup: 'academia' };
  const ben = { email: 'ben.room@example.org', firstName: 'Ben', lastName: 'Adeyemi' };
  const WORKSHOP = 'Workshop on skills partnerships';

  let door: Page;
  let live: Page;
  let dialogueId: string;
  const codes: Record<string, string> = {};

  test.beforeAll(async ({ browser, admin, api, inbox }) => {
    const organizer = await admin.createStaff('organizer', 'Rosa Rooms');
    const organizerToken = await login(organizer.email, organizer.password);
    const doorStaff = await admin.createStaff('door', 'Rui Room');
    dialogueId = await createDialogue(api, organizerToken, {
      title: 'Room check-in dialogue',
      sessionId: await sessionId(api, admin.token, 3),
    });
    const skills = await createSpace(api, organizerToken, dialogueId, {
      name: 'Skills space',
      kind: 'civil_society',
      access: 'open',
    });
    const other = await createSpace(api, organizerToken, dialogueId, {
      name: 'Business space',
      kind: 'business',
      access: 'open',
    });
    const d = (await api<{ startsAt: string }>('GET', `/dialogues/${dialogueId}`, undefined, organizerToken)).body;
    const item = await api(
      'POST',
      `/dialogues/${dialogueId}/agenda-items`,
      {
        spaceId: skills,
        title: WORKSHOP,
        kind: 'working_group',
        startsAt: new Date(Date.parse(d.startsAt) + 3_600_000).toISOString(),
        endsAt: new Date(Date.parse(d.startsAt) + 7_200_000).toISOString(),
        speakers: [],
      },
      organizerToken,
    );
    expect(item.status).toBe(201);
    await publish(api, organizerToken, dialogueId);
    await assignDoorStaff(api, organizerToken, dialogueId, [doorStaff.id]);
    for (const [person, spaceId] of [
      [ana, skills],
      [ben, other],
    ] as const) {
      await register(api, dialogueId, person, [spaceId]);
      const mail = await inbox.waitFor(person.email, /^Registration confirmed/);
      const token = linkIn(mail, '/manage/').split('/manage/')[1];
      codes[person.firstName] = (
        await api<{ checkInCode: string }>('GET', `/registrations/manage/${token}`)
      ).body.checkInCode;
    }
    door = await sharedPage(browser);
    await signIn(door, doorStaff, '**/door');
    live = await sharedPage(browser);
    await signIn(live, organizer, '**/console');
  });

  const result = () => door.getByTestId('door-result');
  const typeCode = async (code: string) => {
    await door.getByLabel('Check-in code').fill(code);
    await door.getByRole('button', { name: 'Check in', exact: true }).first().click();
  };
  const workshopRow = () => live.getByTestId('attendance-rooms').getByRole('row', { name: new RegExp(WORKSHOP) });

  test('the organizer opens the live counts: nobody in the workshop yet', async ({ axe }) => {
    await live.goto(`/console/dialogues/${dialogueId}/attendance`);
    await expect(workshopRow()).toContainText(/0\s*1/);
    // The door staff section: the door account assigned through the API is ticked.
    const staff = live.getByTestId('door-staff');
    await expect(staff.getByRole('heading', { name: 'Door staff' })).toBeVisible();
    await expect(staff.getByRole('checkbox', { name: /Rui Room/ })).toBeChecked();
    expect(await live.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await axe.expectAccessible(live, 'attendance with rooms (phone)');
  });

  test('the door chooses the workshop as its room', async ({ axe }) => {
    await door.goto(`/door/${dialogueId}`);
    await waitForHeading(door, 'Door');
    await choose(door, 'Room', new RegExp(WORKSHOP));
    await expect(door).toHaveURL(/room=agenda_item/);
    await expect(door.getByTestId('door-counts')).toHaveText(`0 of 1 arrived at ${WORKSHOP} (Skills space)`);
    expect((await horizontalOverflow(door)).culprits).toEqual([]);
    await axe.expectAccessible(door, 'door mode: room chosen');
  });

  test('scans a participant of the space: green, in the room; the live counts follow without a reload', async () => {
    await typeCode(codes['Ana']);
    await expect(result()).toHaveClass(/result--in/);
    await expect(result()).toContainText(`Scanned in at ${WORKSHOP}`);
    await expect(door.getByTestId('door-counts')).toHaveText(`1 of 1 arrived at ${WORKSHOP} (Skills space)`, {
      timeout: 15_000,
    });
    await expect(workshopRow()).toContainText(/1\s*1/, { timeout: 20_000 });
  });

  test('the same badge again in the room: amber, not counted twice', async ({ axe }) => {
    await typeCode(codes['Ana']);
    await expect(result()).toHaveClass(/result--again/);
    await expect(result()).toContainText(`Already scanned in at ${WORKSHOP}`);
    await axe.expectAccessible(door, 'door mode: again in the room');
  });

  test('a participant registered only for another space: amber, not counted in the room', async () => {
    await typeCode(codes['Ben']);
    await expect(result()).toHaveClass(/result--again/);
    await expect(result()).toContainText('Not registered here');
    await expect(result()).toContainText(`No seat in ${WORKSHOP}`);
    await expect(door.getByTestId('door-counts')).toHaveText(`1 of 1 arrived at ${WORKSHOP} (Skills space)`);
    expect(await door.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test.describe('offline: door scans kept on the phone, and the participant’s offline pass', () => {
  test.describe.configure({ mode: 'serial' });
  const eva = { email: 'eva.offline@example.org', firstName: 'Eva', lastName: 'Moreau' };
  let p: Page;
  let organizerToken: string;
  let dialogueId: string;
  let id: string;
  let code: string;
  let desk: string;
  let manage: string;

  test.beforeAll(async ({ browser, admin, api, inbox }) => {
    const organizer = await admin.createStaff('organizer', 'Odile Offline');
    organizerToken = await login(organizer.email, organizer.password);
    const door = await admin.createStaff('door', 'Ivo Offline');
    dialogueId = await createDialogue(api, organizerToken, {
      title: 'Offline check-in dialogue',
      sessionId: await sessionId(api, admin.token, 3),
    });
    await publish(api, organizerToken, dialogueId);
    await assignDoorStaff(api, organizerToken, dialogueId, [door.id]);
    id = (await register(api, dialogueId, eva)).id;
    const mail = await inbox.waitFor(eva.email, /^Registration confirmed/);
    manage = linkIn(mail, '/manage/');
    const token = manage.split('/manage/')[1];
    const view = await api<{ checkInCode: string; deskCode: string }>('GET', `/registrations/manage/${token}`);
    code = view.body.checkInCode;
    desk = view.body.deskCode;
    p = await sharedPage(browser);
    await signIn(p, door, '**/door');
    await p.goto(`/door/${dialogueId}`);
    await waitForHeading(p, 'Door');
  });

  test('two scans of the same badge while offline wait on the phone, then count once', async ({ api }) => {
    await p.context().setOffline(true);
    for (let i = 0; i < 2; i++) {
      await p.getByLabel('Check-in code').fill(code);
      await p.getByRole('button', { name: 'Check in', exact: true }).first().click();
      await expect(p.getByTestId('door-result')).toHaveClass(/result--queued/);
    }
    await expect(p.getByText('2 scans saved on this device')).toBeVisible();
    expect((await registration(api, organizerToken, id)).checkedInAt).toBeNull();
    await p.context().setOffline(false);
    await expect(p.getByText(/scans saved on this device/)).toHaveCount(0, { timeout: 30_000 });
    expect((await registration(api, organizerToken, id)).checkedInAt).not.toBeNull();
    const counts = await api<{ arrived: number }>(
      'GET',
      `/dialogues/${dialogueId}/attendance`,
      undefined,
      organizerToken,
    );
    expect(counts.body.arrived).toBe(1);
    await expect(p.getByTestId('door-counts')).toHaveText('1 of 1 arrived', { timeout: 15_000 });
  });

  test('the participant saves the offline pass, which opens with no network', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    try {
      const page = await context.newPage();
      await page.goto(manage.replace(/^https?:\/\/[^/]+/, ''));
      await waitForHeading(page, 'My registration');
      // The QR is drawn (the encoder is a lazy chunk of the production build).
      await expect(page.getByTestId('check-in-qr')).toBeVisible();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Save for offline use' }).click(),
      ]);
      const html = readFileSync((await download.path()) as string, 'utf8');
      await context.setOffline(true);
      const pass = await context.newPage();
      await pass.setContent(html);
      await expect(pass.getByRole('img', { name: 'Your check-in code' })).toBeVisible();
      // The code to type at the door, the short one (the QR holds the long one).
      await expect(pass.locator('code')).toHaveText(desk);
      await expect(pass.getByText('Eva Moreau')).toBeVisible();
      await expect(pass.getByText('Offline check-in dialogue')).toBeVisible();
    } finally {
      await context.close();
    }
  });
});
