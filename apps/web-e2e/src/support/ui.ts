import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const SCREENSHOTS = join(__dirname, '../../../../docs/screenshots');

/**
 * A page of its own (fresh context: own sessionStorage/localStorage) that several tests of a
 * serial describe share, opened in its beforeAll. The project's options (viewport, locale, base
 * URL…) apply (`options` override them, e.g. a French browser's locale), and traces and failure screenshots cover it like the `page` fixture.
 */
export async function sharedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

/** Navigates within the app and waits for the page heading (the SPA has rendered the route). */
export async function open(page: Page, path: string, heading?: string | RegExp): Promise<void> {
  await page.goto(path);
  await waitForHeading(page, heading);
}

export async function waitForHeading(page: Page, heading?: string | RegExp): Promise<void> {
  const h1 = heading ? page.getByRole('heading', { level: 1, name: heading }) : page.locator('main h1');
  await h1.first().waitFor({ state: 'visible' });
  // A page the server painted (public dialogue page, list) starts the app when the reader interacts.
  if (await startApp(page)) await h1.first().waitFor({ state: 'visible' });
  // no loading state left on the page
  await page
    .locator('gfmd-loading-state')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

/**
 * On a page the server painted (the public dialogue page and the list), the app starts when the
 * reader first interacts with it: this is the reader pressing Shift, then waits until the app has
 * replaced the painted part. False (nothing done) on any other page.
 */
export async function startApp(page: Page): Promise<boolean> {
  const painted = page.locator('.gfmd-prerender');
  if (!(await painted.count())) return false;
  await page.keyboard.press('Shift');
  await painted.waitFor({ state: 'detached' });
  return true;
}

/** Picks an option of a Material select (single or multiple) by the field's label. */
/**
 * Picks a country in the country field (a Material autocomplete) as a person does: types the start
 * and clicks the option. The autocomplete gives the focus back to its input after the click, and a
 * focus event may open the panel again (seen in CI: at 390 px the open panel then covers the button
 * below it), so an open panel is closed with Escape, which closes only the panel, as a person would.
 */
export async function pickCountry(page: Page, field: string, typed: string, option: string): Promise<void> {
  const input = page.getByRole('combobox', { name: field });
  await input.fill(typed);
  await page.getByRole('option', { name: option }).click();
  await expect(input).toHaveValue(option);
  const panel = page.locator('.mat-mdc-autocomplete-panel');
  if (await panel.isVisible()) await input.press('Escape');
  await panel.waitFor({ state: 'detached' });
  await expect(input).toHaveValue(option);
}

export async function choose(
  page: Page,
  field: string | RegExp,
  option: string | RegExp,
  multiple = false,
): Promise<void> {
  // Material opens a select on any click in its field (the floating label covers the trigger).
  const select = page.getByRole('combobox', { name: field });
  await page.locator('mat-form-field').filter({ has: select }).locator('.mat-mdc-text-field-wrapper').click();
  await page.getByRole('option', { name: option }).click();
  if (multiple) {
    await page.keyboard.press('Escape');
  }
  await page.locator('.cdk-overlay-pane mat-option').first().waitFor({ state: 'detached' });
}

/**
 * Presses Tab until `target` (or something inside it) has the focus; fails after `max` presses.
 * Proves the control is reachable from the keyboard in document order.
 *
 * Tabbing starts from a known point: `from` when given (focused first), else the top of the
 * page, whatever had the focus before. The target is looked up again after every press, never
 * held: a control may be rendered anew while the keys are pressed (the header's plain stand-in
 * buttons make way for the real menu buttons once those are loaded).
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { from, max = 80 }: { from?: Locator; max?: number } = {},
): Promise<void> {
  if (from) {
    await from.focus();
  } else {
    await focusTopOfPage(page);
  }
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await target.evaluate(
      (el) => !!document.activeElement && (el === document.activeElement || el.contains(document.activeElement)),
    );
    if (focused) return;
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
  throw new Error(`tabTo: ${target} not reached with ${max} Tab presses (the focus is on ${focused})`);
}

/**
 * In a menu just opened with the keyboard, moves the focus down to the item named `name`, one
 * ArrowDown at a time, as a person does. Angular Material focuses the first item once the menu
 * has opened, and that undoes an arrow pressed before it: seen in CI, three quick presses landed on
 * the second item after the first ("Español" for "العربية"). So this waits for a menu item to have
 * the focus, then checks after each press that the focus moved.
 */
export async function arrowDownTo(page: Page, name: string, max = 10): Promise<void> {
  const focused = () =>
    page.evaluate(() => ({
      role: document.activeElement?.getAttribute('role') ?? '',
      text: document.activeElement?.textContent?.trim() ?? '',
    }));
  await expect.poll(async () => (await focused()).role).toMatch(/^menuitem/);
  for (let i = 0; i < max; i++) {
    const { text } = await focused();
    if (text === name) return;
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focused()).text).not.toBe(text);
  }
  throw new Error(`arrowDownTo: ${name} not reached with ${max} ArrowDown presses`);
}

/**
 * Puts the focus before the first element of the page: the next Tab reaches the first focusable
 * element (the skip link), as after loading a page.
 */
async function focusTopOfPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const start = document.createElement('span');
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
    start.addEventListener('blur', () => start.remove(), { once: true });
  });
}

/** True when the page scrolls sideways (content wider than the viewport). */
export async function horizontalOverflow(
  page: Page,
): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const culprits: string[] = [];
    if (doc.scrollWidth > doc.clientWidth) {
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
        const r = el.getBoundingClientRect();
        if (r.right > doc.clientWidth + 1 && r.width > 0) {
          culprits.push(`${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} (${Math.round(r.right)}px)`);
          if (culprits.length > 5) break;
        }
      }
    }
    return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, culprits };
  });
}

/** YYYY-MM-DD of a date `days` from now (UTC calendar). */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A screenshot for docs/screenshots (no focus ring) of the viewport: scrolled to the top, or to
 * the element `of` (just below the sticky header) when given. The picture is written only with
 * E2E_SCREENSHOTS=true (one worker, see playwright.config.ts); the page is left as it would be.
 */
export async function screenshot(page: Page, name: string, of?: Locator): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  if (of) {
    await of.evaluate((el) => {
      const header = document.querySelector('header')?.getBoundingClientRect().height ?? 0;
      window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - header - 16);
    });
  } else {
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  if (process.env['E2E_SCREENSHOTS'] !== 'true') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}
