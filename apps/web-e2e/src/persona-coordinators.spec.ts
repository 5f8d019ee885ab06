/**
 * The coordinators of two spaces of one dialogue, at 1280 px and on a phone (both projects):
 *
 *   - the Business Mechanism coordinator sees on their home how many requests wait, approves one
 *     and declines one (after a confirmation; another decline is undone) in the Pending approvals tab (each person is
 *     emailed), adds an agenda item to their space, and writes to their participants (the count
 *     and the message shown before sending, then delivery followed live);
 *   - the civil society coordinator sees none of the business space's requests, participants or
 *     agenda items in the UI, and the API refuses them (a test that catches a leak).
 *
 * The dialogue, its spaces and the people who asked for a seat are set up through the API.
 */
import type { Page } from '@playwright/test';
import { expect, login, test, type Api } from './support/fixtures';
import { choose, horizontalOverflow, screenshot, sharedPage, waitForHeading } from './support/ui';
import {
  confirmAddress,
  createDialogue,
  createSpace,
  publish,
  register,
  registration,
  sessionId,
  signIn,
} from './support/setup';

const BUSINESS = 'Business Mechanism space';
const CIVIL = 'Civil society space';
const AGENDA_ITEM = 'Employers and fair recruitment';
const CIVIL_ITEM = 'Civil society caucus';

interface Ctx {
  project: string;
  dialogue: string;
  dialogueId: string;
  businessId: string;
  civilId: string;
  organizerToken: string;
  business: { email: string; password: string };
  civil: { email: string; password: string };
  ids: Record<string, string>;
  emails: Record<string, string>;
}
const ctx = { ids: {}, emails: {} } as Ctx;

/** The people: three ask for a business seat, one for a civil society seat. */
const people = (project: string) => ({
  bea: {
    email: `bea.${project}@example.org`,
    firstName: 'Bea',
    lastName: 'Nakamura',
    stakeholderGroup: 'private_sector',
  },
  carl: {
    email: `carl.${project}@example.org`,
    firstName: 'Carl',
    lastName: 'Jensen',
    stakeholderGroup: 'private_sector',
  },
  dee: {
    email: `dee.${project}@example.org`,
    firstName: 'Dee',
    lastName: 'Adeyemi',
    stakeholderGroup: 'private_sector',
  },
  eve: { email: `eve.${project}@example.org`, firstName: 'Eve', lastName: 'Moreau', stakeholderGroup: 'civil_society' },
});

/**
 * Opens a tab of the space. On a phone the tabs wrap onto a second row rather than paginate:
 * every tab is whole on the screen and one tap opens it.
 */
async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  if (ctx.project === 'phone') {
    const [box, viewport] = [await tab.boundingBox(), page.viewportSize()];
    expect(box && viewport && box.x >= 0 && box.x + box.width <= viewport.width).toBe(true);
    await tab.tap();
  } else {
    await tab.click();
  }
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** The page fits the viewport (phone and desktop). */
async function fits(page: Page, viewportWidth: number): Promise<void> {
  const overflow = await horizontalOverflow(page);
  expect(overflow).toEqual({ scrollWidth: viewportWidth, clientWidth: viewportWidth, culprits: [] });
}

test.describe('coordinators of two spaces', () => {
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async ({ admin, api, inbox }, testInfo) => {
    ctx.project = testInfo.project.name;
    // the same title in both projects (the pictures read well); the people's addresses differ
    ctx.dialogue = 'Private sector and labour migration';
    const organizer = await admin.createStaff('organizer', 'Ines Organizer');
    ctx.organizerToken = await login(organizer.email, organizer.password);
    const businessCoordinator = await admin.createStaff('coordinator', 'Bruno Business');
    const civilCoordinator = await admin.createStaff('coordinator', 'Cecilia Civil');
    ctx.business = businessCoordinator;
    ctx.civil = civilCoordinator;
    ctx.dialogueId = await createDialogue(api, ctx.organizerToken, {
      title: ctx.dialogue,
      sessionId: await sessionId(api, admin.token, 9),
    });
    ctx.businessId = await createSpace(api, ctx.organizerToken, ctx.dialogueId, {
      name: BUSINESS,
      kind: 'business',
      access: 'approval',
      coordinatorUserIds: [businessCoordinator.id],
      rooms: ['Room XXII'],
    });
    ctx.civilId = await createSpace(api, ctx.organizerToken, ctx.dialogueId, {
      name: CIVIL,
      kind: 'civil_society',
      access: 'open',
      coordinatorUserIds: [civilCoordinator.id],
      rooms: ['Room XVII'],
    });
    await publish(api, ctx.organizerToken, ctx.dialogueId);
    const who = people(ctx.project);
    for (const [key, person] of Object.entries(who)) {
      const r = await register(api, ctx.dialogueId, person, [key === 'eve' ? ctx.civilId : ctx.businessId]);
      ctx.ids[key] = r.id;
      ctx.emails[key] = person.email;
    }
    // Bea will be written to: she opened the manage link of her confirmation (her address is confirmed)
    await confirmAddress(api, inbox, who.bea.email);
  });

  test.describe('the Business Mechanism coordinator', () => {
    let p: Page;
    let width: number;
    test.beforeAll(async ({ browser }) => {
      p = await sharedPage(browser);
    });

    test('sees on their home how many requests wait', async ({ axe }) => {
      width = p.viewportSize()?.width ?? 1280;
      await signIn(p, ctx.business, '**/workspace');
      await waitForHeading(p, 'My spaces');
      await p.getByRole('status').filter({ hasText: '3 requests wait for your approval.' }).waitFor();
      const main = p.locator('main');
      await main.getByRole('link', { name: '3 approvals waiting' }).waitFor();
      await expect(main).not.toContainText(CIVIL);
      await fits(p, width);
      await axe.expectAccessible(p, `coordinator home (${ctx.project})`);
    });

    test('lists the requests in Pending approvals; approves one, declines one after confirming', async ({
      api,
      inbox,
      axe,
    }) => {
      await p.locator('main').getByRole('link', { name: '3 approvals waiting' }).click();
      await waitForHeading(p, BUSINESS);
      await p.getByRole('heading', { level: 2, name: 'Pending approvals' }).waitFor();
      const cards = p.locator('main li', { has: p.getByRole('heading', { level: 3 }) });
      await expect(cards).toHaveCount(3);
      await expect(p.locator('main')).not.toContainText(ctx.emails['eve']);
      await fits(p, width);
      await axe.expectAccessible(p, `coordinator approvals (${ctx.project})`);
      if (ctx.project === 'desktop') await screenshot(p, 'coordinator-approvals');
      else await screenshot(p, 'phone-coordinator-approvals');

      await p.getByRole('button', { name: 'Approve Bea Nakamura' }).click();
      await p
        .getByRole('status')
        .filter({ hasText: `Bea Nakamura is approved for ${BUSINESS}.` })
        .waitFor({ state: 'attached' });
      await expect(cards).toHaveCount(2);

      await p.getByRole('button', { name: 'Decline Carl Jensen' }).click();
      const dialog = p.getByRole('alertdialog', { name: "Decline Carl Jensen's request?" });
      await expect(dialog).toContainText(`Carl Jensen will get an email saying that their request for ${BUSINESS}`);
      await axe.expectAccessible(p, `coordinator decline confirmation (${ctx.project})`);
      await dialog.getByRole('button', { name: 'Decline' }).click();
      await p
        .getByRole('status')
        .filter({ hasText: `Carl Jensen's request for ${BUSINESS} is declined.` })
        .waitFor({ state: 'attached' });
      await expect(cards).toHaveCount(1);
      await p.getByRole('button', { name: 'Approve Dee Adeyemi' }).waitFor();
      await expect(p.getByRole('button', { name: 'Undo Carl Jensen' })).toBeFocused();

      // A decline can be undone for a few seconds (Undo takes the focus): Dee's request comes back.
      await p.getByRole('button', { name: 'Decline Dee Adeyemi' }).click();
      await p
        .getByRole('alertdialog', { name: "Decline Dee Adeyemi's request?" })
        .getByRole('button', { name: 'Decline' })
        .click();
      const undo = p.getByRole('button', { name: 'Undo Dee Adeyemi' });
      await expect(undo).toBeFocused();
      await expect(cards).toHaveCount(0);
      await undo.click();
      await p
        .getByRole('status')
        .filter({ hasText: `The decline of Dee Adeyemi's request for ${BUSINESS} is undone` })
        .waitFor({ state: 'attached' });
      await p.getByRole('button', { name: 'Approve Dee Adeyemi' }).waitFor();
      await expect(cards).toHaveCount(1);

      const seat = async (key: string) =>
        (await registration(api, ctx.organizerToken, ctx.ids[key])).spaces.find(
          (s: any) => s.spaceId === ctx.businessId,
        ).status;
      expect([await seat('bea'), await seat('carl'), await seat('dee')]).toEqual(['confirmed', 'declined', 'pending']);
      const approved = await inbox.waitFor(ctx.emails['bea'], /^Registration approved: /);
      expect(approved.text).toContain(BUSINESS);
      // held back for the undo window (15 s, plus a margin), then sent
      await inbox.waitFor(ctx.emails['carl'], /declined/i, 60_000);

      // the home counts what is left
      await p.locator('main').getByRole('link', { name: 'My spaces', exact: true }).click();
      await waitForHeading(p, 'My spaces');
      await p.getByRole('status').filter({ hasText: '1 request waits for your approval.' }).waitFor();
    });

    test('adds an agenda item in their space', async ({ api, axe }) => {
      await p.locator('main').getByRole('link', { name: BUSINESS }).click();
      await waitForHeading(p, BUSINESS);
      await openTab(p, 'Agenda');
      await p.getByRole('heading', { level: 2, name: 'Agenda builder' }).waitFor();
      await p.getByRole('button', { name: 'New agenda item' }).click();
      await p.getByRole('heading', { name: 'New agenda item' }).waitFor();
      await p.getByRole('textbox', { name: 'Title', exact: true }).fill(AGENDA_ITEM);
      await choose(p, 'Kind', 'Roundtable');
      await expect(p.getByRole('combobox', { name: 'Space' })).toContainText(BUSINESS);
      await p.getByRole('textbox', { name: 'Start', exact: true }).fill('14:00');
      await p.getByRole('textbox', { name: 'End', exact: true }).fill('15:00');
      await p.getByRole('button', { name: 'Save', exact: true }).click();
      await p.getByRole('heading', { name: `Edit: ${AGENDA_ITEM}` }).waitFor();
      await p.locator('.grid button.item', { hasText: AGENDA_ITEM }).waitFor();
      await axe.expectAccessible(p, `coordinator agenda (${ctx.project})`);

      const agenda = await api<any>('GET', `/dialogues/${ctx.dialogueId}/agenda`);
      const items = Array.isArray(agenda.body) ? agenda.body : agenda.body.items;
      expect(items.filter((i: any) => i.title === AGENDA_ITEM).map((i: any) => i.spaceId)).toEqual([ctx.businessId]);
    });

    test('writes to the participants: count and preview first, then live delivery', async ({ inbox, axe }) => {
      await openTab(p, 'Message');
      await p.getByRole('heading', { level: 2, name: 'Message' }).waitFor();
      const text = 'The business caucus meets in Room XXII at 13:30.';
      await p.getByRole('textbox', { name: 'Your message' }).fill(text);
      await p.getByRole('button', { name: 'Check recipients' }).click();
      const preview = p.getByRole('region', { name: 'Before sending' });
      await preview.getByRole('status').filter({ hasText: 'This will email 1 person.' }).waitFor();
      await expect(preview.locator('blockquote')).toHaveText(text);
      // nothing has gone out yet
      expect((await inbox.subjects(ctx.emails['bea'])).filter((s) => s.startsWith('Message about'))).toEqual([]);
      await fits(p, width);
      await axe.expectAccessible(p, `coordinator message preview (${ctx.project})`);

      await preview.getByRole('button', { name: 'Confirm and send' }).click();
      await p.getByRole('status').filter({ hasText: 'Queued for 1 participant.' }).waitFor();
      // the field is emptied for the next message, not marked as an error
      await expect(p.getByRole('textbox', { name: 'Your message' })).toHaveValue('');
      await expect(
        p.locator('mat-form-field', { has: p.getByRole('textbox', { name: 'Your message' }) }),
      ).not.toHaveClass(/mat-form-field-invalid/);
      await expect(p.getByText('1 of 1 sent')).toBeVisible({ timeout: 45_000 });
      await expect(p.getByRole('list', { name: 'Delivery' })).toContainText('Sent 1');
      await axe.expectAccessible(p, `coordinator message sent (${ctx.project})`);
      if (ctx.project === 'desktop') await screenshot(p, 'coordinator-message-delivery');

      const mail = await inbox.waitFor(ctx.emails['bea'], /^Message about /);
      expect(mail.text).toContain(text);
      for (const other of ['carl', 'dee', 'eve']) {
        expect((await inbox.subjects(ctx.emails[other])).filter((s) => s.startsWith('Message about'))).toEqual([]);
      }
    });
  });

  test.describe('the civil society coordinator', () => {
    test.beforeAll(async ({ api }) => {
      // their own item, so their agenda is not empty
      const token = await login(ctx.civil.email, ctx.civil.password);
      const day = (await api<any>('GET', `/dialogues/${ctx.dialogueId}`)).body.startsAt.slice(0, 10);
      const res = await api(
        'POST',
        `/dialogues/${ctx.dialogueId}/agenda-items`,
        {
          title: CIVIL_ITEM,
          kind: 'roundtable',
          spaceId: ctx.civilId,
          startsAt: `${day}T09:00:00Z`,
          endsAt: `${day}T10:00:00Z`,
        },
        token,
      );
      expect(res.status).toBe(201);
    });

    test('sees nothing of the business space in the UI', async ({ page: p, axe }) => {
      const width = p.viewportSize()?.width ?? 1280;
      await signIn(p, ctx.civil, '**/workspace');
      await waitForHeading(p, 'My spaces');
      const main = p.locator('main');
      await main.getByRole('link', { name: CIVIL }).waitFor();
      await p.getByRole('status').filter({ hasText: 'No request waits for your approval.' }).waitFor();
      await expect(main).not.toContainText(BUSINESS);

      await main.getByRole('link', { name: CIVIL }).click();
      await waitForHeading(p, CIVIL);
      await p.getByText('No request waits for your approval.').first().waitFor();
      await expect(main).not.toContainText('Dee Adeyemi');

      await openTab(p, 'Participants');
      await p.getByRole('heading', { level: 2, name: 'Registrations' }).waitFor();
      await main.getByText('Eve Moreau').first().waitFor();
      for (const name of ['Bea Nakamura', 'Carl Jensen', 'Dee Adeyemi', BUSINESS]) {
        await expect(main).not.toContainText(name);
      }
      await fits(p, width);
      await axe.expectAccessible(p, `civil coordinator participants (${ctx.project})`);

      await openTab(p, 'Agenda');
      await p.locator('.grid button.item', { hasText: CIVIL_ITEM }).waitFor();
      await expect(p.locator('.grid button.item', { hasText: AGENDA_ITEM })).toHaveCount(0);

      // the business space's own address
      await p.goto(`/workspace/${ctx.dialogueId}/${ctx.businessId}`);
      await p.getByText('You do not coordinate this space.').waitFor();
      await expect(p.getByRole('heading', { level: 1, name: BUSINESS })).toHaveCount(0);
      await expect(main).not.toContainText('Dee Adeyemi');
      await axe.expectAccessible(p, `civil coordinator, business space (${ctx.project})`);
      for (const tab of ['participants', 'agenda', 'message']) {
        await p.goto(`/workspace/${ctx.dialogueId}/${ctx.businessId}/${tab}`);
        await p.getByText('You do not coordinate this space.').waitFor();
        await expect(p.getByRole('heading', { level: 1, name: BUSINESS })).toHaveCount(0);
        await expect(main).not.toContainText('Bea Nakamura');
      }
    });

    test('gets 403/404 from the API for the business space', async ({ api }) => {
      const token = await login(ctx.civil.email, ctx.civil.password);
      const d = ctx.dialogueId;
      const business = ctx.businessId;

      // the list of the business space: refused, or empty of its people
      const list = await api<any>(
        'GET',
        `/dialogues/${d}/registrations?spaceId=${business}&pageSize=100`,
        undefined,
        token,
      );
      expect([403, 404]).toContain(list.status);
      const pending = await api<any>(
        'GET',
        `/dialogues/${d}/registrations?awaiting=space&spaceId=${business}&pageSize=100`,
        undefined,
        token,
      );
      expect([403, 404]).toContain(pending.status);
      // their own list holds only their space's people and seats
      const mine = await api<any>('GET', `/dialogues/${d}/registrations?pageSize=100`, undefined, token);
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((r: any) => r.email)).toEqual([ctx.emails['eve']]);
      expect(mine.body.items.flatMap((r: any) => r.spaces.map((s: any) => s.spaceId))).toEqual([ctx.civilId]);
      const csv = await api<string>('GET', `/dialogues/${d}/registrations.csv?spaceId=${business}`, undefined, token);
      expect([403, 404]).toContain(csv.status);
      const allCsv = await api<string>('GET', `/dialogues/${d}/registrations.csv`, undefined, token);
      for (const key of ['bea', 'carl', 'dee']) expect(String(allCsv.body)).not.toContain(ctx.emails[key]);
      // the counts of what waits: theirs only
      const stats = await api<any>('GET', `/dialogues/${d}/stats`, undefined, token);
      expect(stats.status).toBe(200);
      expect(Object.keys(stats.body.awaiting?.bySpace ?? {})).not.toContain(business);

      // one business person, one business request
      expect([403, 404]).toContain((await api('GET', `/registrations/${ctx.ids['dee']}`, undefined, token)).status);
      for (const action of ['approve', 'decline']) {
        const res = await api('POST', `/registrations/${ctx.ids['dee']}/spaces/${business}/${action}`, {}, token);
        // 404 rather than the 403 docs/http-contract.md names: the request is not theirs to see at all
        expect([action, [403, 404].includes(res.status)]).toEqual([action, true]);
      }
      const approveWhole = await api('POST', `/registrations/${ctx.ids['dee']}/approve`, { spaceId: business }, token);
      expect([403, 404]).toContain(approveWhole.status);
      const checkIn = await api('POST', `/registrations/${ctx.ids['bea']}/check-in`, undefined, token);
      expect([403, 404]).toContain(checkIn.status);

      // the business agenda: no new item, no change, no deletion
      const agenda = await api<any>('GET', `/dialogues/${d}/agenda`);
      const items = Array.isArray(agenda.body) ? agenda.body : agenda.body.items;
      const item = items.find((i: any) => i.title === AGENDA_ITEM);
      const day = item.startsAt.slice(0, 10);
      const add = await api(
        'POST',
        `/dialogues/${d}/agenda-items`,
        {
          title: 'Hijacked',
          kind: 'panel',
          spaceId: business,
          startsAt: `${day}T12:00:00Z`,
          endsAt: `${day}T13:00:00Z`,
        },
        token,
      );
      expect(add.status).toBe(403);
      expect((await api('PATCH', `/agenda-items/${item.id}`, { title: 'Hijacked' }, token)).status).toBe(403);
      expect((await api('DELETE', `/agenda-items/${item.id}`, undefined, token)).status).toBe(403);

      // the business space: no message to its people, no edit
      const message = await api('POST', `/spaces/${business}/messages?dryRun=true`, { message: 'Hello' }, token);
      expect([403, 404]).toContain(message.status);
      expect((await api('PATCH', `/spaces/${business}`, { description: 'Hijacked' }, token)).status).toBe(403);
      expect(await seatOf(api, ctx.ids['dee'])).toBe('pending');
    });
  });
});

async function seatOf(api: Api, id: string): Promise<string> {
  return (await registration(api, ctx.organizerToken, id)).spaces.find((s: any) => s.spaceId === ctx.businessId).status;
}
