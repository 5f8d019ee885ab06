import { expect, test } from './support/fixtures';

test.describe('web app smoke', () => {
  test('serves the app shell from the API origin and lists dialogues', async ({ page, axe }) => {
    const res = await page.goto('/', { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    await expect(page).toHaveTitle(/GFMD/i);
    await axe.expectAccessible(page, 'home');
  });

  test('lets staff sign in', async ({ page, admin, axe }) => {
    await page.goto('/login', { waitUntil: 'networkidle' });
    await page.getByLabel(/email/i).fill(admin.email);
    await page.getByLabel(/password/i).fill(admin.password);
    await axe.expectAccessible(page, 'login');
    await page.getByRole('button', { name: /sign in|log in/i }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  });
});
