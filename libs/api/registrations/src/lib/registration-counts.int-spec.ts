// The registration counters behind the staff stats (table registration_counts, triggers of
// migration 1765500000601): after every kind of change they equal a fresh GROUP BY of the rows,
// under parallel registrations too, and the admission batch writes one delta per key per batch.
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule, OutboxService } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import { COMPACT_SLACK, RegistrationCountsRepository } from './registration-counts.repository';
import { RegistrationSettings } from './registration-settings';
import { RegistrationsModule } from './registrations.module';

const MODULES = [PlatformModule, AuthModule, MailModule, DialoguesModule, SpacesModule, RegistrationsModule];

const person = (over: Record<string, unknown> = {}) => ({
  email: `c-${randomUUID()}@example.org`,
  firstName: 'Amina',
  lastName: 'Diallo',
  organization: 'Migrant Forum',
  stakeholderGroup: 'civil_society',
  country: 'SN',
  preferredLanguage: 'fr',
  consent: true,
  ...over,
});

describe('registration counters', () => {
  let sut: TestApp;
  let settings: RegistrationSettings;
  let organizer: ApiClient;
  let admin: ApiClient;
  let sessionId: string;
  const q = <T = any>(sql: string, params: unknown[] = []) => sut.dataSource.query(sql, params) as Promise<T[]>;
  const published = (over: Record<string, unknown> = {}) =>
    DialogueFactory.createPublished(organizer, { informalSessionId: sessionId, ...over });
  const register = (dialogueId: string, over: Record<string, unknown> = {}) =>
    sut.api.post(`/dialogues/${dialogueId}/registrations`, person(over));

  /** Per dialogue, "status/group/attendance" → n, from the rows and from the counters (zero sums left out). */
  const fresh = async (ids: string[]) =>
    q<{ d: string; k: string; n: number }>(
      `SELECT dialogue_id AS d, status || '/' || stakeholder_group || '/' || coalesce(attendance, '-') AS k, count(*)::int AS n
         FROM registrations WHERE dialogue_id = ANY($1::uuid[]) GROUP BY 1, 2 ORDER BY 1, 2`,
      [ids],
    );
  const counted = async (ids: string[]) =>
    q<{ d: string; k: string; n: number }>(
      `SELECT dialogue_id AS d, status || '/' || stakeholder_group || '/' || coalesce(attendance, '-') AS k, sum(n)::int AS n
         FROM registration_counts WHERE dialogue_id = ANY($1::uuid[]) GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2`,
      [ids],
    );
  const expectNoDrift = async (ids: string[], step: string) => {
    const [rows, counters] = [await fresh(ids), await counted(ids)];
    expect({ step, counters }).toEqual({ step, counters: rows });
  };
  /** The stats' counts by status as the rows say (for the organizer's answer). */
  const statusesOf = async (dialogueId: string) =>
    Object.fromEntries(
      (
        await q<{ status: string; n: number }>(
          'SELECT status, count(*)::int AS n FROM registrations WHERE dialogue_id = $1 GROUP BY 1',
          [dialogueId],
        )
      ).map((r) => [r.status, r.n]),
    );
  const manageToken = async (registrationId: string) => {
    const [row] = await q<{ id: string }>(
      `SELECT id FROM outbound_emails WHERE registration_id = $1 AND kind = ANY($2) ORDER BY created_at DESC`,
      [registrationId, ['confirmation', 'waitlisted', 'pending']],
    );
    const email = await sut.app.get(OutboxService).contentOf(row.id);
    const match = /\/manage\/([A-Za-z0-9_-]{40,})/.exec(`${email?.text} ${email?.html}`);
    if (!match) throw new Error('no manage link in the email');
    return match[1];
  };

  beforeAll(async () => {
    sut = await createTestApp(MODULES);
    await sut.app.get(SeedService).seedProcess();
    settings = sut.app.get(RegistrationSettings);
    organizer = (await sut.staff('organizer')).client;
    admin = (await sut.staff('admin')).client;
    sessionId =
      (await organizer.get('/informal-sessions')).body[0]?.id ?? (await InformalSessionFactory.create(organizer)).id;
  });
  afterAll(() => sut.close());
  afterEach(() => Object.assign(settings, new RegistrationSettings()));

  it('equal a fresh GROUP BY after every kind of change, and the stats read them', async () => {
    const hybrid = await published({
      format: 'hybrid',
      onlineUrl: 'https://meet.example.org/room',
      capacity: 1,
      onlineCapacity: 1,
    });
    const approval = await published({ capacity: 1, approvalRequired: true });
    const ids = [hybrid.id, approval.id];
    const shared = `c-${randomUUID()}@example.org`;

    // Admission: confirmed, waitlisted, by mode; one person in both dialogues (erased below).
    const room = await register(hybrid.id, { attendance: 'in_person', email: shared });
    const screen = await register(hybrid.id, { attendance: 'online', stakeholderGroup: 'private_sector' });
    const waitRoom = await register(hybrid.id, { attendance: 'in_person', stakeholderGroup: 'government' });
    const waitOnline = await register(hybrid.id, { attendance: 'online' });
    expect([room, screen, waitRoom, waitOnline].map((r) => r.body.status)).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
      'waitlisted',
    ]);
    await expectNoDrift(ids, 'admission');

    // Cancellation by the participant: the first person waiting online is promoted.
    expect((await sut.api.post(`/registrations/manage/${await manageToken(screen.body.id)}/cancel`, {})).status).toBe(
      200,
    );
    await expectNoDrift(ids, 'cancellation and promotion');

    // Attendance move (the manage page): waiting in the room → waiting online.
    const moved = await sut.api.patch(`/registrations/manage/${await manageToken(waitRoom.body.id)}`, {
      attendance: 'online',
    });
    expect(moved.status).toBe(200);
    await expectNoDrift(ids, 'attendance move');

    // Check-in changes no counted field: no delta at all.
    const before = (
      await q('SELECT count(*)::int AS n FROM registration_counts WHERE dialogue_id = $1', [hybrid.id])
    )[0].n;
    expect((await organizer.post(`/registrations/${room.body.id}/check-in`)).status).toBe(200);
    expect(
      (await q('SELECT count(*)::int AS n FROM registration_counts WHERE dialogue_id = $1', [hybrid.id]))[0].n,
    ).toBe(before);

    // Approvals, declines and their undo, a staff registration, a CSV import.
    const a = await register(approval.id, { email: shared });
    const b = await register(approval.id, { stakeholderGroup: 'private_sector' });
    const c = await register(approval.id, { stakeholderGroup: 'government' });
    expect([a, b, c].map((r) => r.body.status)).toEqual(['pending', 'pending', 'pending']);
    expect((await organizer.post(`/registrations/${a.body.id}/approve`)).body.status).toBe('confirmed');
    expect((await organizer.post(`/registrations/${b.body.id}/approve`)).body.status).toBe('waitlisted');
    await expectNoDrift(ids, 'approvals');
    expect((await organizer.post(`/registrations/${c.body.id}/decline`)).status).toBe(200);
    await expectNoDrift(ids, 'decline');
    expect((await organizer.post(`/registrations/${c.body.id}/undo-decline`)).status).toBe(200);
    await expectNoDrift(ids, 'undo decline');
    expect(
      (
        await organizer.post(`/dialogues/${approval.id}/registrations/staff`, {
          ...person({ stakeholderGroup: 'academia' }),
          consent: undefined,
        })
      ).status,
    ).toBe(201);
    const csv = [
      'email,firstName,lastName,organization,stakeholderGroup,country,preferredLanguage',
      `i1-${randomUUID()}@example.org,Ana,Gómez,Forum,civil_society,SN,fr`,
      `i2-${randomUUID()}@example.org,Ana,Gómez,Forum,private_sector,SN,fr`,
      `i3-${randomUUID()}@example.org,Ana,Gómez,Forum,private_sector,SN,fr`,
    ].join('\n');
    const imported = await organizer.request(
      'POST',
      `/dialogues/${approval.id}/registrations/import?dryRun=false`,
      csv,
      {
        'content-type': 'text/csv',
      },
    );
    expect(imported.status).toBe(200);
    await expectNoDrift(ids, 'staff registration and import');

    // Erasure of a person (both dialogues) changes names, not counted fields.
    expect((await admin.delete(`/participants?email=${encodeURIComponent(shared)}`)).status).toBe(200);
    await expectNoDrift(ids, 'erasure');

    // The dialogue is cancelled: every live registration with it.
    expect((await organizer.post(`/dialogues/${hybrid.id}/cancel`)).status).toBe(200);
    await expectNoDrift(ids, 'dialogue cancelled');

    // Rows deleted (any path that deletes: one statement, several rows).
    await q(`DELETE FROM registration_spaces WHERE dialogue_id = $1`, [approval.id]);
    await q(
      `DELETE FROM registrations WHERE id IN (SELECT id FROM registrations WHERE dialogue_id = $1 ORDER BY arrival LIMIT 2)`,
      [approval.id],
    );
    await expectNoDrift(ids, 'delete');

    // The stats answer what the rows say.
    for (const id of ids) {
      const stats = (await organizer.get(`/dialogues/${id}/stats`)).body;
      expect(stats.byStatus).toEqual(await statusesOf(id));
    }

    // A compaction keeps the sums and leaves one row per key.
    await sut.app.get(RegistrationCountsRepository).compact(approval.id);
    await expectNoDrift(ids, 'compaction');
    const [{ rows, keys }] = await q(
      `SELECT count(*)::int AS rows, count(DISTINCT (status, stakeholder_group, attendance))::int AS keys
         FROM registration_counts WHERE dialogue_id = $1`,
      [approval.id],
    );
    expect(rows).toBe(keys);
  });

  it('stay exact under parallel registrations, one delta per key per admission batch', async () => {
    settings.maxBatch = 16;
    const d = await published({ capacity: 7 });
    const results = await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        register(d.id, { stakeholderGroup: ['civil_society', 'private_sector', 'government'][i % 3] }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(80).fill(201));
    await expectNoDrift([d.id], 'rush');
    const [{ deltas }] = await q('SELECT count(*)::int AS deltas FROM registration_counts WHERE dialogue_id = $1', [
      d.id,
    ]);
    // 80 registrations in batches of up to 16: at most 6 keys per batch, and far fewer rows than registrations.
    expect(deltas).toBeLessThan(80);
    const stats = (await organizer.get(`/dialogues/${d.id}/stats`)).body;
    expect(stats.byStatus).toEqual({ confirmed: 7, waitlisted: 73 });
    expect(stats.confirmedCount).toBe(7);
  });

  it('a read compacts many deltas into one row per key; parallel reads and writes lose nothing', async () => {
    settings.maxBatch = 1;
    const d = await published({ capacity: 500 });
    for (let i = 0; i < COMPACT_SLACK + 10; i++) await register(d.id);
    expect(
      (await q('SELECT count(*)::int AS n FROM registration_counts WHERE dialogue_id = $1', [d.id]))[0].n,
    ).toBeGreaterThan(COMPACT_SLACK);
    const writesAndReads = await Promise.all([
      ...Array.from({ length: 20 }, () => register(d.id)),
      ...Array.from({ length: 5 }, () => organizer.get(`/dialogues/${d.id}/stats`)),
      sut.app.get(RegistrationCountsRepository).compact(d.id),
    ]);
    expect(writesAndReads.filter((r) => r && r.status !== 200 && r.status !== 201)).toEqual([]);
    await expectNoDrift([d.id], 'parallel compaction');
    expect((await organizer.get(`/dialogues/${d.id}/stats`)).body.byStatus).toEqual({ confirmed: COMPACT_SLACK + 30 });
    expect(
      (await q('SELECT count(*)::int AS n FROM registration_counts WHERE dialogue_id = $1', [d.id]))[0].n,
    ).toBeLessThan(COMPACT_SLACK);
  });

  it('a deleted dialogue takes its counters with it (no delta for the cascade)', async () => {
    const d = await DialogueFactory.create(organizer, { informalSessionId: sessionId });
    await q(
      `INSERT INTO registrations (dialogue_id, email, email_normalized, first_name, last_name, organization, stakeholder_group, country, status)
       VALUES ($1, 'x@example.org', 'x@example.org', 'A', 'B', 'C', 'private_sector', 'SN', 'confirmed')`,
      [d.id],
    );
    expect((await counted([d.id])).map((r) => r.n)).toEqual([1]);
    await q('DELETE FROM dialogues WHERE id = $1', [d.id]);
    expect(await q('SELECT * FROM registration_counts WHERE dialogue_id = $1', [d.id])).toEqual([]);
  });
});
