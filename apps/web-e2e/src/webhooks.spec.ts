/**
 * Webhooks, the admin's journey (desktop 1280 px and phone 390 px): create a subscription to a
 * receiver this spec starts (node:http on 127.0.0.1; the servers run with WEBHOOKS_ALLOW_PRIVATE),
 * see the secret once, send a test, and see the delivery in the log; the receiver got the ping,
 * signed with that secret. Nothing scrolls sideways; axe on every state.
 */
import type { Page } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './support/fixtures';
import { signIn } from './support/setup';
import { horizontalOverflow, open, sharedPage } from './support/ui';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

test.describe('admin: webhooks — create, secret once, test, delivery log', () => {
  test.describe.configure({ mode: 'serial' });

  let p: Page;
  let server: Server;
  let receiverUrl: string;
  let secret = '';
  const received: Received[] = [];

  test.beforeAll(async ({ browser, admin }, info) => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ path: req.url ?? '/', headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/${info.project.name}`;
    p = await sharedPage(browser);
    await signIn(p, admin, '**/console');
  });

  test.afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  test('creates a subscription and sees its secret once', async ({ axe }) => {
    await open(p, '/console/webhooks', 'Webhooks');
    await p.getByRole('button', { name: 'New webhook' }).click();
    await p.getByLabel('Receiver URL').fill(receiverUrl);
    await p.getByLabel('Description (optional)').fill('Archive of outcomes');
    // Events the other specs running alongside seldom produce: each real event they do produce
    // is delivered to this receiver too and listed in the log next to the ping.
    await p.getByRole('checkbox', { name: 'outcome.published' }).check();
    await p.getByRole('checkbox', { name: 'synthesis.published' }).check();
    await axe.expectAccessible(p, 'webhooks: the form');
    await p.getByRole('button', { name: 'Create webhook' }).click();

    const panel = p.getByTestId('webhook-secret');
    await expect(panel).toContainText('shown only now');
    secret = (await panel.locator('code').innerText()).trim();
    expect(secret).toMatch(/^whsec_/);
    await expect(p.getByRole('listitem').filter({ hasText: receiverUrl })).toContainText('Active');
    expect((await horizontalOverflow(p)).culprits).toEqual([]);
    await axe.expectAccessible(p, 'webhooks: the secret');

    await p.getByRole('button', { name: 'I have copied it' }).click();
    await expect(panel).toHaveCount(0);
    // Gone for good: the page (and the API) never show it again.
    await p.reload();
    await expect(p.getByRole('listitem').filter({ hasText: receiverUrl })).toBeVisible();
    expect(await p.content()).not.toContain(secret);
  });

  test('sends a test and sees it delivered in the log; the receiver got it, signed', async ({ axe }) => {
    const card = p.getByRole('listitem').filter({ hasText: receiverUrl });
    await card.getByRole('button', { name: /Send test/ }).click();
    const log = p.getByTestId('webhook-log');
    await expect(log).toBeVisible();
    // The ping's own row: an event published by a spec running alongside may be listed too.
    const pingRow = log.getByRole('row').filter({ has: p.getByRole('cell', { name: /(^|\s)ping$/ }) });
    await expect(pingRow).toHaveCount(1);
    await expect(async () => {
      await log.getByRole('button', { name: 'Refresh' }).click();
      await expect(pingRow.getByRole('cell', { name: 'Delivered' })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(pingRow.getByRole('cell', { name: '204' })).toBeVisible();

    const ping = received.find(
      (r) => r.path.endsWith(`/hooks/${test.info().project.name}`) && r.headers['x-gfmd-event'] === 'ping',
    );
    if (!ping) throw new Error(`the receiver got no ping (${received.length} requests)`);
    const [t, v1] = String(ping.headers['x-gfmd-signature'])
      .split(',')
      .map((kv) => kv.split('=')[1]);
    expect(createHmac('sha256', secret).update(`${t}.${ping.body}`).digest('hex')).toBe(v1);

    expect((await horizontalOverflow(p)).culprits).toEqual([]);
    await axe.expectAccessible(p, 'webhooks: the delivery log');
  });
});
