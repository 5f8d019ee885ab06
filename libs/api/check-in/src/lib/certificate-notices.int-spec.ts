// Certificate notices (real PostgreSQL): after a dialogue ends, its checked-in participants (and
// nobody else) get one `certificate_available` email each, in their language, with a manage link
// to the page that has their certificate; a second run, a concurrent run, or a run within the
// hour writes nothing more; a cancelled or not yet ended dialogue gets none.
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule, OutboxService } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DAY, DialogueFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import type { Dialogue } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { CertificateNotices, CertificateNoticesModule } from './certificate-notices.service';
import { CheckInModule } from './check-in.module';

describe('certificate notices (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let notices: CertificateNotices;
  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    sut.dataSource.query(text, params) as Promise<T[]>;

  beforeAll(async () => {
    sut = await createTestApp([
      PlatformModule,
      AuthModule,
      MailModule,
      DialoguesModule,
      SpacesModule,
      RegistrationsModule,
      CheckInModule,
      CertificateNoticesModule,
    ]);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    notices = sut.app.get(CertificateNotices);
  });
  afterAll(() => sut.close());

  /** A dialogue with three participants (languages fr, es, en), the first two checked in, ended `daysAgo` days ago. */
  async function dialogue(daysAgo: number): Promise<{ d: Dialogue; ids: string[] }> {
    const d = await DialogueFactory.createPublished(organizer, { capacity: 10 });
    const ids: string[] = [];
    for (const preferredLanguage of ['fr', 'es', 'en']) {
      const res = await sut.api.post(`/dialogues/${d.id}/registrations`, {
        email: `p-${randomUUID()}@example.org`,
        firstName: 'Nadia',
        lastName: 'Haddad',
        organization: 'Diaspora Network',
        stakeholderGroup: 'civil_society',
        country: 'LB',
        preferredLanguage,
        consent: true,
      });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    await q('UPDATE registrations SET checked_in_at = now() WHERE id = ANY($1::uuid[])', [ids.slice(0, 2)]);
    const end = new Date(Date.now() - daysAgo * DAY);
    await q(
      `UPDATE dialogues SET starts_at = $2::timestamptz - interval '6 hours', ends_at = $2,
         registration_opens_at = NULL, registration_closes_at = NULL WHERE id = $1`,
      [d.id, end],
    );
    return { d, ids };
  }
  const noticesOf = (dialogueId: string) =>
    q<{ id: string; registration_id: string; language: string; subject: string }>(
      `SELECT id, registration_id, language, subject FROM outbound_emails
        WHERE dialogue_id = $1 AND kind = 'certificate_available' ORDER BY language`,
      [dialogueId],
    );

  it('tells each checked-in participant once, in their language, with a link to their manage page', async () => {
    const { d, ids } = await dialogue(1);
    await Promise.all([notices.run(), notices.run(), notices.run()]);
    const rows = await noticesOf(d.id);
    expect(rows.map((r) => [r.registration_id, r.language])).toEqual([
      [ids[1], 'es'],
      [ids[0], 'fr'],
    ]);
    expect(rows[0].subject).toBe(`Su certificado de asistencia: ${d.title}`);
    const content = await sut.app.get(OutboxService).contentOf(rows[1].id);
    expect(content?.text).toContain('attestation de participation');
    expect(content?.text).toMatch(/\/manage\/[A-Za-z0-9_-]{40,}/);
    await notices.run();
    expect(await noticesOf(d.id)).toHaveLength(2);
    // Someone checked in later (an undo put right) is told on the next run, the others not again.
    await q('UPDATE registrations SET checked_in_at = now() WHERE id = $1', [ids[2]]);
    await notices.run();
    expect((await noticesOf(d.id)).map((r) => r.language)).toEqual(['en', 'es', 'fr']);
  });

  it('tells nobody before the dialogue has ended, or for a cancelled one', async () => {
    const { d: upcoming } = await dialogue(-1);
    const { d: cancelled } = await dialogue(2);
    await q(`UPDATE dialogues SET status = 'cancelled' WHERE id = $1`, [cancelled.id]);
    await notices.run();
    expect(await noticesOf(upcoming.id)).toEqual([]);
    expect(await noticesOf(cancelled.id)).toEqual([]);
  });

  it('runs at most once an hour across replicas (maintenance_runs)', async () => {
    await q(`DELETE FROM maintenance_runs WHERE name = 'certificate-notices'`);
    const { d } = await dialogue(3);
    const now = new Date();
    const written = await Promise.all([notices.runPeriodic(now), notices.runPeriodic(now)]);
    expect(written.filter((n) => n > 0).length).toBeLessThanOrEqual(1);
    expect(await noticesOf(d.id)).toHaveLength(2);
    expect(await notices.runPeriodic(new Date(now.getTime() + 10 * 60_000))).toBe(0);
  });
});
