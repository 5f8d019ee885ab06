import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const BASE_URL = process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:3000';
export const MAIL_URL = process.env['E2E_MAIL_URL'] ?? 'http://127.0.0.1:1080';
export const ADMIN = { email: process.env['E2E_ADMIN_EMAIL'] ?? '', password: process.env['E2E_ADMIN_PASSWORD'] ?? '' };
export const SCREENSHOTS = join(__dirname, '../../../../docs/screenshots');

/** Debian's Chromium, headless, with the flags this sandbox needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Runs axe-core on the page; returns the serious and critical violations (WCAG 2.x A/AA rules). */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
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

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // no focus ring from the last action in the pictures
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

// ── API helpers (the same HTTP contract a real client uses) ──────────────────────────────

export async function api<T = any>(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: T }> {
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
}

export async function login(email: string, password: string): Promise<string> {
  const res = await api<{ accessToken: string }>('POST', '/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
  return res.body.accessToken;
}

export async function createStaff(adminToken: string, role: 'organizer' | 'coordinator', name: string) {
  const email = `${role}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@e2e.gfmd`;
  const password = 'e2e-password-long-enough';
  const res = await api<{ id: string }>('POST', '/users', { email, name, role, password }, adminToken);
  if (res.status !== 201) throw new Error(`create ${role}: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, email, password };
}

// ── Mail helpers (the in-process SMTP server's JSON inbox) ───────────────────────────────

export interface CaughtMail {
  id: number;
  subject: string;
  to: { address: string }[] | string;
  text?: string;
  html?: string;
  attachments?: { filename: string; contentType: string }[];
}

/** Waits for a message to `to` whose subject matches; returns it in full. */
export async function waitForMail(to: string, subject: RegExp, timeoutMs = 30000): Promise<CaughtMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const list = (await (await fetch(`${MAIL_URL}/api/messages?to=${encodeURIComponent(to)}`)).json()) as {
      items: { id: number; subject: string }[];
    };
    const hit = list.items.find((m) => subject.test(m.subject));
    if (hit) return (await (await fetch(`${MAIL_URL}/api/messages/${hit.id}`)).json()) as CaughtMail;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no email to ${to} matching ${subject} within ${timeoutMs} ms`);
}

/** The first URL in a message's text that contains `fragment`. */
export function linkIn(mail: CaughtMail, fragment: string): string {
  const urls = `${mail.text ?? ''} ${mail.html ?? ''}`.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
  const url = urls.find((u) => u.includes(fragment));
  if (!url) throw new Error(`no link with ${fragment} in "${mail.subject}"`);
  return url.replace(/&amp;/g, '&');
}
