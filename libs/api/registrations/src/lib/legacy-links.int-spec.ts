import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { InvitationsModule } from '@gfmd/api-invitations';
import { MailModule } from '@gfmd/api-mail';
import { hashToken, MIGRATIONS, newToken, PlatformModule } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DialogueFactory, ownDatabaseUrl, type TestApp, withEnv } from '@gfmd/api-testing';
import { RegistrationsModule } from './registrations.module';

jest.setTimeout(60_000);

const MIGRATION = 'NoLiveTokenAtRest1765000000001';

/**
 * Rows written before links were minted at send time hold live tokens in `params` (and in stored
 * bodies and List-Unsubscribe headers). The migration scrubs those of rows already sent and turns
 * those of unsent rows into references; the links people already hold keep working.
 */
describe(MIGRATION, () => {
  let sut: TestApp;

  beforeAll(async () => {
    // Its own database: the migration is taken down and up again.
    sut = await withEnv({ DATABASE_URL: await ownDatabaseUrl('gfmd_test_legacy_links') }, () =>
      createTestApp([
        PlatformModule,
        AuthModule,
        MailModule,
        DialoguesModule,
        SpacesModule,
        RegistrationsModule,
        InvitationsModule,
      ]),
    );
    await sut.app.get(SeedService).seedProcess();
  });
  afterAll(() => sut.close());

  it('scrubs the links of sent rows, turns those of unsent rows into references, and keeps legacy links working', async () => {
    const organizer = (await sut.staff('organizer')).client;
    const d = await DialogueFactory.createPublished(organizer);
    const Migration = MIGRATIONS.find((m) => m.name === MIGRATION)!;
    const runner = sut.dataSource.createQueryRunner();
    await new Migration().down(runner);

    // The state an earlier version left: a first manage token on the registration, links in the rows.
    const manage = newToken();
    const invite = newToken();
    const q = (sql: string, params: unknown[] = []) => sut.dataSource.query(sql, params);
    const [reg] = await q(
      `INSERT INTO registrations (dialogue_id, email, email_normalized, first_name, last_name, organization, stakeholder_group,
                                  country, preferred_language, status, manage_token_hash, consent_at)
       VALUES ($1, 'legacy@test.gfmd', 'legacy@test.gfmd', 'Ana', 'Legacy', 'NGO', 'civil_society', 'CH', 'en', 'confirmed', $2, now())
       RETURNING id`,
      [d.id, hashToken(manage)],
    );
    const [inv] = await q(
      `INSERT INTO invitations (dialogue_id, email, email_normalized, token_hash, status)
       VALUES ($1, 'invitee@test.gfmd', 'invitee@test.gfmd', $2, 'sent') RETURNING id`,
      [d.id, hashToken(invite)],
    );
    const manageUrl = `http://localhost:3000/manage/${manage}`;
    const links = {
      registerUrl: `http://localhost:3000/dialogues/${d.id}/register?invitation=${invite}`,
      declineUrl: `http://localhost:3000/api/v1/invitations/decline/${invite}`,
    };
    const row = (
      key: string,
      kind: string,
      status: string,
      params: object,
      extra: { html?: string; headers?: object; inv?: boolean } = {},
    ) =>
      q(
        `INSERT INTO outbound_emails (kind, recipient, subject, html, text, params, headers, status, idempotency_key, registration_id, invitation_id, dialogue_id)
         VALUES ($1, 'legacy@test.gfmd', 'Subject', $2, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          kind,
          extra.html ?? null,
          JSON.stringify(params),
          JSON.stringify(extra.headers ?? {}),
          status,
          key,
          extra.inv ? null : reg.id,
          extra.inv ? inv.id : null,
          d.id,
        ],
      );
    await row(
      'legacy:sent',
      'confirmation',
      'sent',
      { dialogueTitle: 'T', manageUrl },
      { html: `<a href="${manageUrl}">manage</a>` },
    );
    await row('legacy:pending', 'promoted', 'pending', { dialogueTitle: 'T', manageUrl });
    await row(
      'legacy:failed',
      'reminder',
      'failed',
      { dialogueTitle: 'T', manageUrl },
      { html: `<a href="${manageUrl}">x</a>` },
    );
    const unsubscribe = {
      'List-Unsubscribe': `<${links.declineUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    };
    await row(
      'legacy:inv-sent',
      'invitation',
      'sent',
      { dialogueTitle: 'T', ...links },
      { headers: unsubscribe, inv: true },
    );
    await row(
      'legacy:inv-queued',
      'invitation',
      'queued',
      { dialogueTitle: 'T', ...links },
      { headers: unsubscribe, inv: true },
    );

    await new Migration().up(runner);
    await runner.release();

    const rows: { idempotency_key: string; params: Record<string, unknown>; html: string | null; headers: object }[] =
      await q(
        `SELECT idempotency_key, params, html, headers FROM outbound_emails WHERE idempotency_key LIKE 'legacy:%' ORDER BY idempotency_key`,
      );
    for (const r of rows) {
      expect(JSON.stringify(r)).not.toContain(manage);
      expect(JSON.stringify(r)).not.toContain(invite);
      expect(r.html).toBeNull();
      expect(r.headers).toEqual({});
    }
    const refs = Object.fromEntries(rows.map((r) => [r.idempotency_key, r.params['links'] ?? null]));
    expect(refs).toEqual({
      'legacy:failed': 'manage',
      'legacy:inv-queued': 'invitation',
      'legacy:inv-sent': null,
      'legacy:pending': 'manage',
      'legacy:sent': null,
    });
    // No live token in any column of the outbox.
    const [{ n }] = await q(
      `SELECT count(*)::int AS n FROM outbound_emails o WHERE position($1 IN o::text) > 0 OR position($2 IN o::text) > 0`,
      [manage, invite],
    );
    expect(n).toBe(0);

    // The links already delivered keep working.
    expect((await sut.api.get(`/registrations/manage/${manage}`)).body).toMatchObject({ id: reg.id });
    expect((await fetch(`${sut.baseUrl}/api/v1/invitations/decline/${invite}`)).status).toBe(200);
  });
});
