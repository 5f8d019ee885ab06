/**
 * The shared bits of the browser tests, as Playwright fixtures (worker-scoped: usable in
 * beforeAll hooks too):
 *
 *   api     a client of the HTTP API (the same contract a real client uses)
 *   admin   the seeded admin's credentials and a token, and a helper that creates staff
 *   inbox   the in-process SMTP catcher's JSON inbox (waits for an email)
 *   axe     axe-core on the current screen: no serious or critical violation
 *
 * The server's and the inbox's URLs and the admin's credentials come from playwright.config.ts
 * (through process.env, which the workers inherit from the runner).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export { expect };

export const BASE_URL = process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:3000';
export const MAIL_URL = process.env['E2E_MAIL_URL'] ?? 'http://127.0.0.1:1080';

// ── API ───────────────────────────────────────────────────────────────────────────────────

export interface ApiResponse<T> {
  status: number;
  body: T;
}

export type Api = <T = any>(method: string, path: string, body?: unknown, token?: string) => Promise<ApiResponse<T>>;

const api: Api = async <T = any>(method: string, path: string, body?: unknown, token?: string) => {
  const res = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text) as T,
  };
};

/** Signs in through the API; resolves the access token. */
export async function login(email: string, password: string): Promise<string> {
  const res = await api<{ accessToken: string }>('POST', '/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
  return res.body.accessToken;
}

export interface Staff {
  id: string;
  email: string;
  password: string;
}

export interface Admin {
  email: string;
  password: string;
  token: string;
  /** A new organizer, coordinator or door account (a unique address every call). */
  createStaff(role: 'organizer' | 'coordinator' | 'door', name: string): Promise<Staff>;
}

// ── Mail ──────────────────────────────────────────────────────────────────────────────────

export interface CaughtMail {
  id: number;
  subject: string;
  to: { address: string }[] | string;
  text?: string;
  html?: string;
  attachments?: { filename: string; contentType: string }[];
}

export interface Inbox {
  /** Waits for a message to `to` whose subject matches; resolves it in full. */
  waitFor(to: string, subject: RegExp, timeoutMs?: number): Promise<CaughtMail>;
  /** The subjects of the messages to `to` caught so far, newest first. */
  subjects(to: string): Promise<string[]>;
}

async function listMail(to: string): Promise<{ id: number; subject: string }[]> {
  const res = await fetch(`${MAIL_URL}/api/messages?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { items: { id: number; subject: string }[] }).items;
}

const inbox: Inbox = {
  async waitFor(to, subject, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const hit = (await listMail(to)).find((m) => subject.test(m.subject));
      if (hit) return (await (await fetch(`${MAIL_URL}/api/messages/${hit.id}`)).json()) as CaughtMail;
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(`no email to ${to} matching ${subject} within ${timeoutMs} ms`);
  },
  async subjects(to) {
    return (await listMail(to)).map((m) => m.subject);
  },
};

/** The first URL in a message's text that contains `fragment`. */
export function linkIn(mail: CaughtMail, fragment: string): string {
  const urls = `${mail.text ?? ''} ${mail.html ?? ''}`.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
  // A document listed in an agenda email opens through the manage token (…/api/v1/registrations/manage/<token>/documents/…):
  // a page link is asked for unless the fragment names the API.
  const url =
    urls.find((u) => u.includes(fragment) && (fragment.includes('/api/') || !u.includes('/api/v1/'))) ??
    urls.find((u) => u.includes(fragment));
  if (!url) throw new Error(`no link with ${fragment} in "${mail.subject}"`);
  return url.replace(/&amp;/g, '&');
}

// ── Accessibility ─────────────────────────────────────────────────────────────────────────

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

export interface Axe {
  /** The serious and critical violations (WCAG 2.x A/AA rules and best practices) on the page. */
  seriousViolations(page: Page): Promise<AxeViolation[]>;
  /** Fails the test when the screen has a serious or critical violation. */
  expectAccessible(page: Page, screen: string): Promise<void>;
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol rather than as a <script>: the app's Content-Security-Policy
  // (script-src 'self' plus hashes, no 'unsafe-inline') rightly blocks inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(`${axeSource}\n;undefined`);
  }
  // Colours caught halfway through a transition (a button turning enabled as the check runs)
  // made color-contrast fail one run in a few: transitions and animations are switched off for
  // the check, and a violation must still be there a moment later to count.
  await page.evaluate(async () => {
    if (!document.getElementById('e2e-no-motion')) {
      const style = document.createElement('style');
      style.id = 'e2e-no-motion';
      style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
      document.head.appendChild(style);
    }
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  const first = await runAxe(page);
  if (!first.length) return first;
  await page.waitForTimeout(500);
  const again = await runAxe(page);
  return again.filter((v) => first.some((f) => f.id === v.id));
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations;
  })) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A compact description of violations for assertion messages. */
export const describeViolations = (vs: AxeViolation[]) =>
  vs.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

const axe: Axe = {
  seriousViolations,
  async expectAccessible(page, screen) {
    await base.step(`axe: ${screen}`, async () => {
      const violations = describeViolations(await seriousViolations(page));
      expect({ screen, violations }).toEqual({ screen, violations: [] });
    });
  },
};

// ── The test function ─────────────────────────────────────────────────────────────────────

export const test = base.extend<object, { api: Api; admin: Admin; inbox: Inbox; axe: Axe }>({
  api: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => use(api),
    { scope: 'worker' },
  ],
  admin: [
    async ({ api }, use) => {
      const email = process.env['E2E_ADMIN_EMAIL'] ?? '';
      const password = process.env['E2E_ADMIN_PASSWORD'] ?? '';
      const token = await login(email, password);
      await use({
        email,
        password,
        token,
        async createStaff(role, name) {
          const staffEmail = `${role}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@e2e.gfmd`;
          const staffPassword = 'e2e-password-long-enough';
          const res = await api<{ id: string }>(
            'POST',
            '/users',
            { email: staffEmail, name, role, password: staffPassword },
            token,
          );
          if (res.status !== 201) throw new Error(`create ${role}: ${res.status} ${JSON.stringify(res.body)}`);
          return { id: res.body.id, email: staffEmail, password: staffPassword };
        },
      });
    },
    { scope: 'worker' },
  ],
  inbox: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => use(inbox),
    { scope: 'worker' },
  ],
  axe: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => use(axe),
    { scope: 'worker' },
  ],
});
