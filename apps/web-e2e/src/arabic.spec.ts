/**
 * Arabic, right to left (issue 17), at 390 px and 1280 px: a visitor opens the public list of
 * dialogues in English, switches the interface to العربية with the keyboard (the page becomes
 * `<html lang="ar" dir="rtl">`), registers for a dialogue, reaches the confirmation and her manage
 * page, axe clean on each. At 1280 px the process timeline and the organizer's agenda grid are
 * mirrored: what comes first is on the right. The phone run takes docs/screenshots/ar-*.png.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, linkIn, login, test } from './support/fixtures';
import { createDialogue, createSpace, publish, sessionId, signIn } from './support/setup';
import {
  arrowDownTo,
  horizontalOverflow,
  open,
  pickCountry,
  screenshot,
  sharedPage,
  tabTo,
  waitForHeading,
} from './support/ui';

const DIALOGUE = 'Migrant workers and decent work';

/** The right edge of an element on the page. */
async function right(element: Locator): Promise<number> {
  const box = await element.boundingBox();
  expect(box).not.toBeNull();
  return (box?.x ?? 0) + (box?.width ?? 0);
}

/** The page is written right to left, in Arabic, and has no horizontal scroll. */
async function expectArabic(p: Page): Promise<void> {
  await expect(p.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(p.locator('html')).toHaveAttribute('lang', 'ar');
  expect((await horizontalOverflow(p)).culprits).toEqual([]);
}

test.describe('Arabic, right to left', () => {
  test.describe.configure({ mode: 'serial' });

  let p: Page;
  let dialogueId: string;
  let organizer: { email: string; password: string };
  let email: string;

  test.beforeAll(async ({ browser, admin, api }, info) => {
    organizer = await admin.createStaff('organizer', `Amal Organizer ${info.project.name}`);
    const token = await login(organizer.email, organizer.password);
    dialogueId = await createDialogue(api, token, {
      title: `${DIALOGUE} (${info.project.name})`,
      sessionId: await sessionId(api, admin.token, 11),
      day: 50,
    });
    await createSpace(api, token, dialogueId, { name: 'Common space', kind: 'common_space', access: 'open' });
    await createSpace(api, token, dialogueId, { name: 'Civil society space', kind: 'civil_society', access: 'open' });
    const day = (await api<any>('GET', `/dialogues/${dialogueId}`, undefined, token)).body.startsAt.slice(0, 10);
    const item = await api(
      'POST',
      `/dialogues/${dialogueId}/agenda-items`,
      { title: 'Opening plenary', kind: 'opening', startsAt: `${day}T08:00:00Z`, endsAt: `${day}T09:00:00Z` },
      token,
    );
    expect(item.status).toBe(201);
    await publish(api, token, dialogueId);
    email = `amina.${info.project.name}@example.org`;
    p = await sharedPage(browser);
  });

  test('a visitor switches to العربية with the keyboard and the page turns right to left', async ({ axe }, info) => {
    await open(p, '/dialogues', 'Thematic dialogues');
    await expect(p.locator('html')).toHaveAttribute('dir', 'ltr');
    // the real menu button, once the header's menus are in (the stand-in would open it too)
    await p.locator('header .mat-mdc-menu-trigger').first().waitFor({ state: 'attached' });
    await tabTo(p, p.getByRole('button', { name: /^Language: EN/ }));
    await p.keyboard.press('Enter');
    await p.getByRole('menuitemradio', { name: 'العربية' }).waitFor();
    // English, Français, Español, then العربية: three presses, each checked (arrowDownTo).
    await arrowDownTo(p, 'العربية');
    await p.keyboard.press('Enter');

    await waitForHeading(p, 'الحوارات المواضيعية');
    await expectArabic(p);
    await expect(p.getByRole('button', { name: /^اللغة: AR/ })).toBeVisible();
    await axe.expectAccessible(p, 'dialogue list (ar)');
    if (info.project.name === 'phone') await screenshot(p, 'ar-dialogues');
  });

  test('she registers for a dialogue in Arabic and reaches the confirmation', async ({ api, admin, axe }, info) => {
    const title = `${DIALOGUE} (${info.project.name})`;
    await open(p, `/dialogues/${dialogueId}`, title);
    await expectArabic(p);
    await p.getByText('Opening plenary').first().waitFor();
    await axe.expectAccessible(p, 'dialogue page (ar)');
    if (info.project.name === 'phone') await screenshot(p, 'ar-dialogue');

    await p.getByRole('link', { name: 'التسجيل', exact: true }).first().click();
    await waitForHeading(p, `التسجيل في ${title}`);
    await p.getByRole('textbox', { name: 'البريد الإلكتروني' }).fill(email);
    await p.getByRole('textbox', { name: 'الاسم الأول' }).fill('أمينة');
    await p.getByRole('textbox', { name: 'اسم العائلة' }).fill('الحسني');
    await p.getByRole('textbox', { name: 'المنظمة' }).fill('شبكة المهاجرين');
    const group = p.getByRole('combobox', { name: 'فئة أصحاب المصلحة' });
    await p.locator('mat-form-field').filter({ has: group }).locator('.mat-mdc-text-field-wrapper').click();
    await p.getByRole('option', { name: 'المجتمع المدني' }).click();
    await pickCountry(p, 'البلد', 'المغ', 'المغرب');
    await p.getByRole('checkbox', { name: /أوافق على أن يحفظ المنتدى العالمي/ }).check();
    await expectArabic(p);
    await axe.expectAccessible(p, 'registration form (ar)');
    if (info.project.name === 'phone') await screenshot(p, 'ar-register');

    await p.getByRole('button', { name: 'تسجيل', exact: true }).click();
    await p.waitForURL(/\/registered/);
    await waitForHeading(p, 'تم تسجيلك');
    await expectArabic(p);
    await axe.expectAccessible(p, 'registration received (ar)');
    if (info.project.name === 'phone') await screenshot(p, 'ar-registered');

    const list = (await api<any>('GET', `/dialogues/${dialogueId}/registrations`, undefined, admin.token)).body;
    const mine = list.items.find((r: any) => r.email === email);
    // the interface language where the API takes it: Arabic once the contracts list it, else English
    expect(['ar', 'en']).toContain(mine.preferredLanguage);
    expect(mine.status).toBe('confirmed');
  });

  test('her manage page opens in Arabic from the link of her email', async ({ inbox, axe }, info) => {
    const mail = await inbox.waitFor(email, /.+/);
    await open(p, new URL(linkIn(mail, '/manage/')).pathname, 'تسجيلي');
    await expectArabic(p);
    await expect(p.getByText('مؤكَّد').first()).toBeVisible();
    await axe.expectAccessible(p, 'manage page (ar)');
    if (info.project.name === 'phone') await screenshot(p, 'ar-manage');
  });

  test('the process timeline runs right to left: its first item is to the right of its last', async ({ axe }, info) => {
    test.skip(info.project.name === 'phone', 'phones show the timeline as a list');
    await open(p, '/timeline', 'الجدول الزمني');
    await expectArabic(p);
    const items = p.locator('.chart [data-tl-item]');
    expect(await items.count()).toBeGreaterThan(1);
    expect(await right(items.first())).toBeGreaterThan(await right(items.last()));
    await axe.expectAccessible(p, 'process timeline (ar)');
  });

  test("the organizer's agenda grid runs right to left: the hours on the right, spaces to their left", async ({
    axe,
  }, info) => {
    test.skip(info.project.name === 'phone', 'the agenda builder is a desktop screen');
    const staff = await sharedPage(p.context().browser()!);
    await signIn(staff, organizer, '**/console');
    await staff.evaluate(() => localStorage.setItem('gfmd.language', 'ar'));
    await staff.goto(`/console/dialogues/${dialogueId}/agenda`);
    await staff.getByRole('heading', { level: 2, name: 'إعداد جدول الأعمال' }).waitFor();
    await expectArabic(staff);
    const columns = staff.locator('.grid .col-head');
    expect(await columns.count()).toBeGreaterThan(1);
    expect(await right(staff.locator('.grid .hour').first())).toBeGreaterThan(await right(columns.first()));
    expect(await right(columns.first())).toBeGreaterThan(await right(columns.last()));
    await axe.expectAccessible(staff, 'agenda builder (ar)');
    await staff.context().close();
  });
});
