/**
 * Step 7 of the journey, in the phone project (390 × 844, touch): every public page without
 * horizontal scrolling, accessibly. Its own published dialogue (with an agenda and a space) and
 * a registration whose manage link comes by email are set up through the API first.
 */
import { expect, linkIn, login, test } from './support/fixtures';
import { dayFromNow, horizontalOverflow, open, waitForHeading } from './support/ui';

const DIALOGUE = 'Regular pathways and family reunification';

test.describe('7. on a phone (390 px wide)', () => {
  let dialogueId: string;
  let manageUrl: string;

  test.beforeAll(async ({ admin, api, inbox }) => {
    const organizer = await admin.createStaff('organizer', 'Pedro Phone');
    const token = await login(organizer.email, organizer.password);
    const themes = await api<any>('GET', '/themes');
    const themeList = Array.isArray(themes.body) ? themes.body : themes.body.items;
    const session = await api<any>(
      'POST',
      '/informal-sessions',
      {
        number: 8,
        title: 'Family reunification and regular pathways',
        themeId: themeList[0].id,
        startsAt: `${dayFromNow(90)}T14:00:00Z`,
        endsAt: `${dayFromNow(91)}T22:00:00Z`,
        venue: 'United Nations Headquarters, New York',
        timeZone: 'America/New_York',
      },
      admin.token,
    );
    expect(session.status).toBe(201);
    const startsAt = `${dayFromNow(45)}T08:00:00Z`;
    const d = await api<any>(
      'POST',
      '/dialogues',
      {
        title: DIALOGUE,
        summary: 'How regular pathways can keep families together.',
        informalSessionId: session.body.id,
        startsAt,
        endsAt: `${dayFromNow(45)}T16:00:00Z`,
        timeZone: 'Europe/Zurich',
        venue: 'Palais des Nations, Geneva',
        format: 'in_person',
        capacity: 50,
      },
      token,
    );
    expect(d.status).toBe(201);
    dialogueId = d.body.id;
    const space = await api<any>(
      'POST',
      `/dialogues/${dialogueId}/spaces`,
      { name: 'Civil society space', kind: 'civil_society', access: 'open', rooms: ['Room XVII'] },
      token,
    );
    expect(space.status).toBe(201);
    const item = await api(
      'POST',
      `/dialogues/${dialogueId}/agenda-items`,
      {
        title: 'Opening plenary',
        kind: 'opening',
        startsAt,
        endsAt: `${dayFromNow(45)}T09:00:00Z`,
      },
      token,
    );
    expect(item.status).toBe(201);
    expect((await api('POST', `/dialogues/${dialogueId}/publish`, undefined, token)).status).toBe(200);

    const email = 'samira@example.org';
    const r = await api<any>('POST', `/dialogues/${dialogueId}/registrations`, {
      email,
      firstName: 'Samira',
      lastName: 'Haddad',
      organization: 'Haddad Foundation',
      stakeholderGroup: 'civil_society',
      country: 'MA',
      preferredLanguage: 'en',
      consent: true,
      spaceIds: [space.body.id],
    });
    expect(r.status).toBe(201);
    manageUrl = linkIn(await inbox.waitFor(email, /^Registration confirmed: /), '/manage/');
  });

  test('shows every public page without horizontal scrolling, accessibly', async ({ page: p, axe }) => {
    const screens: [string, string, string | RegExp][] = [
      ['public dialogue list', '/dialogues', 'Thematic dialogues'],
      ['dialogue page', `/dialogues/${dialogueId}`, DIALOGUE],
      ['registration form', `/dialogues/${dialogueId}/register`, `Register for ${DIALOGUE}`],
      ['manage portal', new URL(manageUrl).pathname, 'My registration'],
      ['public timeline', '/timeline', 'Timeline'],
      ['login', '/login', 'Staff sign in'],
    ];
    for (const [screen, path, heading] of screens) {
      await open(p, path, heading);
      if (screen === 'dialogue page') await p.getByText('Opening plenary').first().waitFor();
      const overflow = await horizontalOverflow(p);
      expect({ screen, ...overflow }).toEqual({
        screen,
        scrollWidth: overflow.clientWidth,
        clientWidth: 390,
        culprits: [],
      });
      await axe.expectAccessible(p, `${screen} (phone)`);
    }
    // the narrow navigation menu opens and leads to the timeline
    await p.getByRole('button', { name: 'Menu' }).click();
    await p.getByRole('menuitem', { name: 'Timeline' }).waitFor();
    await axe.expectAccessible(p, 'navigation menu (phone)');
    await p.getByRole('menuitem', { name: 'Timeline' }).click();
    await waitForHeading(p, 'Timeline');
  });
});
