import type { Browser, Page } from 'playwright-core';
import { ADMIN, BASE_URL, describeViolations, launchBrowser, seriousA11yViolations } from './support/e2e';

describe('web app smoke', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(() => browser?.close());

  it('serves the app shell from the API origin and lists dialogues', async () => {
    const res = await page.goto(`${BASE_URL}/`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    await expect(page.title()).resolves.toMatch(/GFMD/i);
    expect(describeViolations(await seriousA11yViolations(page))).toEqual([]);
  });

  it('lets staff sign in', async () => {
    await page.goto(`${BASE_URL}/login`, { waitUntil: 'networkidle' });
    await page.getByLabel(/email/i).fill(ADMIN.email);
    await page.getByLabel(/password/i).fill(ADMIN.password);
    expect(describeViolations(await seriousA11yViolations(page))).toEqual([]);
    await page.getByRole('button', { name: /sign in|log in/i }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15000 });
  });
});
