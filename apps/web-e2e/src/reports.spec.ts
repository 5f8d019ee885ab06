/**
 * Issue 19, reports across a process: an organizer opens the process's report, sees the balance
 * as charts (images with accessible names), switches to the table view, and downloads the CSV;
 * the same at 390 px without sideways scrolling (desktop and phone projects). Set-up (a process,
 * two dialogues, a returning organization) through the API.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';
import { createDialogue, login, publish, signIn } from './support/setup';
import { dayFromNow, horizontalOverflow, open, waitForHeading } from './support/ui';

test.describe('an organizer reads the stakeholder balance of a process', () => {
  test.describe.configure({ mode: 'serial' });

  let organizer: { email: string; password: string };
  let processId: string;

  test('set-up: a process with two dialogues and a returning organization', async ({ api, admin }) => {
    organizer = await admin.createStaff('organizer', 'Rania Reports');
    const token = await login(organizer.email, organizer.password);
    const stamp = Date.now();
    const process = await api<any>(
      'POST',
      '/processes',
      {
        slug: `reports-${stamp}`,
        title: `Reports process ${stamp}`,
        startsAt: `${dayFromNow(-30)}T00:00:00Z`,
        endsAt: `${dayFromNow(300)}T00:00:00Z`,
      },
      token,
    );
    expect(process.status).toBe(201);
    processId = process.body.id;
    const themes = (await api<any[]>('GET', '/themes')).body;
    const session = await api<any>(
      'POST',
      `/processes/${processId}/informal-sessions`,
      {
        number: 1,
        title: 'Reports session',
        themeId: themes[0].id,
        startsAt: `${dayFromNow(90)}T14:00:00Z`,
        endsAt: `${dayFromNow(91)}T22:00:00Z`,
        venue: 'Geneva',
        timeZone: 'Europe/Zurich',
      },
      token,
    );
    expect(session.status).toBe(201);
    const people = [
      { organization: 'Migrant Forum', stakeholderGroup: 'civil_society', country: 'SN' },
      { organization: 'Ministry of Labour', stakeholderGroup: 'government', country: 'PH' },
    ];
    for (const [i, day] of [40, 60].entries()) {
      const dialogue = await createDialogue(api, token, {
        title: `Reports dialogue ${i + 1} ${stamp}`,
        sessionId: session.body.id,
        day,
      });
      await publish(api, token, dialogue);
      for (const [j, p] of (i === 0 ? people : [people[0]]).entries()) {
        const res = await api<any>('POST', `/dialogues/${dialogue}/registrations`, {
          email: `reports-${stamp}-${i}-${j}@e2e.gfmd`,
          firstName: 'Ana',
          lastName: `Person ${j}`,
          preferredLanguage: 'en',
          consent: true,
          ...p,
          // The same organization, spelled differently the second time.
          organization: i === 1 ? p.organization.toUpperCase() + '.' : p.organization,
        });
        expect(res.status).toBe(201);
      }
    }
  });

  test('opens the report, switches to the tables and downloads the CSV', async ({ page, axe }, testInfo) => {
    await signIn(page, organizer, '**/console');
    await open(page, `/console/processes/${processId}`);
    await waitForHeading(page);
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.waitForURL(`**/console/processes/${processId}/reports`);
    await waitForHeading(page, 'Reports across the process');

    const byGroup = page.getByRole('img', { name: /^By stakeholder group\./ });
    await expect(byGroup).toBeVisible();
    await expect(byGroup).toHaveAttribute('aria-label', /Civil society: 2 confirmed/);
    await expect(page.getByRole('img', { name: /^By region \(UN M49\)\..*Africa: 2 confirmed/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /Returning: 1/ })).toBeVisible();
    await axe.expectAccessible(page, `reports charts (${testInfo.project.name})`);

    await page.getByRole('radio', { name: 'Tables' }).click();
    await expect(page.getByRole('img', { name: /^By stakeholder group\./ })).toHaveCount(0);
    const groups = page.getByRole('table', { name: 'By stakeholder group' });
    await expect(groups.getByRole('row', { name: /Civil society\s+2\s+0/ })).toBeVisible();
    const regions = page.getByRole('table', { name: 'By region (UN M49)' });
    await expect(regions.getByRole('row', { name: /South-eastern Asia\s+1/ })).toBeVisible();
    await axe.expectAccessible(page, `reports tables (${testInfo.project.name})`);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`balance-${processId}.csv`);
    const csv = readFileSync((await file.path()) as string, 'utf8');
    expect(csv).toContain('group,civil_society,,,,2,0,,');
    expect(csv).toMatch(/totals,all,Reports process \d+,,,3,0,2,1/);

    const overflow = await horizontalOverflow(page);
    expect(overflow.culprits).toEqual([]);
  });
});
