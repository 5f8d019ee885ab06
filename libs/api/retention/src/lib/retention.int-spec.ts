import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { InvitationsModule } from '@gfmd/api-invitations';
import { MailModule } from '@gfmd/api-mail';
import { inTransaction, PersonalDataHooks, PlatformModule } from '@gfmd/api-platform';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { DelegationsModule } from '@gfmd/api-delegations';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DAY, DialogueFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import type { Dialogue } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { RetentionModule } from './retention.module';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

const person = (over: Record<string, unknown> = {}) => ({
  email: `p-${randomUUID()}@example.org`,
  firstName: 'Amina',
  lastName: 'Diallo',
  organization: 'Migrant Forum',
  stakeholderGroup: 'civil_society',
  country: 'SN',
  preferredLanguage: 'fr',
  consent: true,
  ...over,
});

describe('Retention (integration)', () => {
  let sut: TestApp;
  let organizer: { id: string; client: ApiClient };
  let retention: RetentionService;
  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    sut.dataSource.query(text, params) as Promise<T[]>;

  beforeAll(async () => {
    sut = await createTestApp([
      PlatformModule,
      AuthModule,
      MailModule,
      DialoguesModule,
      SpacesModule,
      InvitationsModule,
      RegistrationsModule,
      DelegationsModule,
      RetentionModule,
    ]);
    await sut.app.get(SeedService).seedProcess();
    organizer = await sut.staff('organizer');
    retention = sut.app.get(RetentionService);
  });
  afterAll(() => sut.close());

  /** A published dialogue with two participants (one from a business, checked in), an invitation, and their emails; then moved into the past. */
  async function dialogueEndedDaysAgo(days: number): Promise<{ dialogue: Dialogue; emails: string[] }> {
    const dialogue = await DialogueFactory.createPublished(organizer.client, { capacity: 10 });
    const a = person();
    const b = person({ stakeholderGroup: 'private_sector', country: 'MX', firstName: 'Carlos' });
    for (const p of [a, b]) {
      const res = await sut.api.post(`/dialogues/${dialogue.id}/registrations`, p);
      expect(res.status).toBe(201);
    }
    const invitee = `i-${randomUUID()}@example.org`;
    expect(
      (
        await organizer.client.post(`/dialogues/${dialogue.id}/invitations`, {
          recipients: [{ email: invitee, name: 'Invited Person', preferredLanguage: 'es' }],
        })
      ).status,
    ).toBe(202);
    const focalPoint = `fp-${randomUUID()}@example.org`;
    const delegation = await organizer.client.post(`/dialogues/${dialogue.id}/delegations`, {
      name: 'Republic of Ghana',
      stakeholderGroup: 'government',
      country: 'GH',
      seats: 2,
      focalPointEmail: focalPoint,
    });
    expect(delegation.status).toBe(201);
    await q(`UPDATE registrations SET checked_in_at = now() WHERE dialogue_id = $1 AND country = 'MX'`, [dialogue.id]);
    const end = new Date(Date.now() - days * DAY);
    await q(
      `UPDATE dialogues SET starts_at = $2::timestamptz - interval '6 hours', ends_at = $2,
         registration_opens_at = NULL, registration_closes_at = NULL WHERE id = $1`,
      [dialogue.id, end],
    );
    return { dialogue, emails: [a.email, b.email, invitee, focalPoint] };
  }

  const personalTraces = async (dialogueId: string, emails: string[]) => ({
    registrations: await q(
      `SELECT id FROM registrations WHERE dialogue_id = $1 AND (email = ANY($2) OR first_name <> 'Erased' OR organization <> 'Erased' OR country <> 'ZZ')`,
      [dialogueId, emails],
    ),
    tokens: await q(
      'SELECT t.registration_id FROM registration_manage_tokens t JOIN registrations r ON r.id = t.registration_id WHERE r.dialogue_id = $1',
      [dialogueId],
    ),
    invitations: await q(
      `SELECT id FROM invitations WHERE dialogue_id = $1 AND (email = ANY($2) OR name IS NOT NULL)`,
      [dialogueId, emails],
    ),
    delegations: await q(`SELECT id FROM delegations WHERE dialogue_id = $1 AND lower(focal_point_email) = ANY($2)`, [
      dialogueId,
      emails,
    ]),
    emails: await q(
      `SELECT id FROM outbound_emails WHERE dialogue_id = $1 AND (lower(recipient) = ANY($2) OR params IS NOT NULL)`,
      [dialogueId, emails],
    ),
  });

  it('registers every domain that holds personal data of a dialogue', () => {
    expect(sut.app.get(PersonalDataHooks).names).toEqual(
      expect.arrayContaining(['registrations', 'invitations', 'emails', 'delegations']),
    );
  });

  it('erases a dialogue ended RETENTION_DAYS+1 ago: nothing personal left, counts kept, an audit line', async () => {
    const { dialogue, emails } = await dialogueEndedDaysAgo(731);
    const before = await personalTraces(dialogue.id, emails);
    expect(before.registrations).toHaveLength(2);
    expect(before.invitations).toHaveLength(1);
    expect(before.delegations).toHaveLength(1);
    expect(before.emails.length).toBeGreaterThanOrEqual(3);

    const result = await retention.run();
    expect(result.erased).toContain(dialogue.id);

    expect(await personalTraces(dialogue.id, emails)).toEqual({
      registrations: [],
      tokens: [],
      invitations: [],
      delegations: [],
      emails: [],
    });
    const [kept] = await q<{ counts: { registrations: { erased: number; counts: Record<string, unknown> } } }>(
      'SELECT counts FROM dialogue_retention WHERE dialogue_id = $1 AND erased_at IS NOT NULL',
      [dialogue.id],
    );
    expect(kept.counts.registrations).toEqual({
      erased: 2,
      counts: {
        total: 2,
        byStatus: { confirmed: 2 },
        byGroup: { civil_society: { confirmed: 1 }, private_sector: { confirmed: 1 } },
        byCountry: { SN: 1, MX: 1 },
        checkedIn: { private_sector: 1 },
        checkedInByCountry: { MX: 1 },
        bySpace: {},
        // One organization ("Migrant Forum" twice), as a SHA-256 key of its normalised name: no name kept.
        organizationKeys: [expect.stringMatching(/^[0-9a-f]{64}$/)],
      },
    });
    const audit = await q<{ details: Record<string, unknown>; actor_user_id: string | null }>(
      `SELECT details, actor_user_id FROM audit_events WHERE action = 'dialogue.personal_data_erased' AND entity_id = $1`,
      [dialogue.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_user_id: null,
      details: { 'registrations.erased': 2, 'invitations.scrubbed': 1 },
    });
    // The dialogue itself and its counts stay.
    expect((await organizer.client.get(`/dialogues/${dialogue.id}`)).status).toBe(200);

    // A second run leaves it alone.
    expect((await retention.run()).erased).not.toContain(dialogue.id);
  });

  it('warns the creator and the admins once, 30 days before, and erases nothing yet', async () => {
    const admin = await sut.staff('admin');
    const { dialogue, emails } = await dialogueEndedDaysAgo(729);
    const first = await retention.run();
    expect(first.warned).toContain(dialogue.id);
    expect(first.erased).not.toContain(dialogue.id);
    const notices = await q<{ recipient: string }>(
      `SELECT recipient FROM outbound_emails WHERE kind = 'retention_notice' AND dialogue_id = $1`,
      [dialogue.id],
    );
    const users = await q<{ id: string; email: string }>('SELECT id, email FROM users WHERE id = ANY($1::uuid[])', [
      [organizer.id, admin.id],
    ]);
    expect(notices.map((n) => n.recipient)).toEqual(expect.arrayContaining(users.map((u) => u.email)));
    expect((await retention.run()).warned).not.toContain(dialogue.id);
    expect(
      await q(`SELECT 1 FROM outbound_emails WHERE kind = 'retention_notice' AND dialogue_id = $1`, [dialogue.id]),
    ).toHaveLength(notices.length);
    expect((await personalTraces(dialogue.id, emails)).registrations).toHaveLength(2);
  });

  it('leaves a dialogue that ended recently alone', async () => {
    const { dialogue, emails } = await dialogueEndedDaysAgo(600);
    const result = await retention.run();
    expect(result.warned).not.toContain(dialogue.id);
    expect(result.erased).not.toContain(dialogue.id);
    expect((await personalTraces(dialogue.id, emails)).registrations).toHaveLength(2);
  });

  it('runs once a day across replicas', async () => {
    // The claim alone, under a job name of this test's own: a whole run at a future date would
    // erase the dialogues other suites are using in the same database.
    const repo = sut.app.get(RetentionRepository);
    const name = `retention-test-${randomUUID()}`;
    const day = new Date();
    const claim = (at: Date) => inTransaction(sut.dataSource, () => repo.claimRun(name, at, DAY - 60_000));
    expect((await Promise.all([claim(day), claim(day), claim(day)])).filter(Boolean)).toHaveLength(1);
    expect(await claim(new Date(day.getTime() + 3_600_000))).toBe(false);
    expect(await claim(new Date(day.getTime() + DAY))).toBe(true);
    // The daily run itself goes through the same claim: a second call right after does nothing.
    await retention.runDaily();
    expect((await retention.runDaily()).ran).toBe(false);
  });
});
