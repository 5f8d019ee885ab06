// Staff registering someone on their behalf (POST /dialogues/:id/registrations/staff): the public
// admission path with approval skipped, never capacity.
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import { RegistrationsModule } from './registrations.module';

const MODULES = [PlatformModule, AuthModule, MailModule, DialoguesModule, SpacesModule, RegistrationsModule];

const person = (over: Record<string, unknown> = {}) => ({
  email: `p-${randomUUID()}@example.org`,
  firstName: 'Amina',
  lastName: 'Diallo',
  organization: 'Migrant Forum',
  stakeholderGroup: 'civil_society',
  country: 'SN',
  preferredLanguage: 'fr',
  ...over,
});

describe('staff registration', () => {
  let sut: TestApp;
  let organizer: { id: string; client: ApiClient };
  let coordinator: ApiClient;
  let door: ApiClient;
  let sessionId: string;
  const published = (over: Record<string, unknown> = {}) =>
    DialogueFactory.createPublished(organizer.client, { informalSessionId: sessionId, ...over });
  const q = <T = any>(sql: string, params: unknown[] = []) => sut.dataSource.query(sql, params) as Promise<T[]>;
  const add = (dialogueId: string, over: Record<string, unknown> = {}, client?: ApiClient) =>
    (client ?? organizer.client).post(`/dialogues/${dialogueId}/registrations/staff`, person(over));
  const emailKinds = async (registrationId: string) =>
    (
      await q<{ kind: string }>(
        "SELECT kind FROM outbound_emails WHERE registration_id = $1 AND kind <> 'reminder' ORDER BY created_at",
        [registrationId],
      )
    ).map((r) => r.kind);

  beforeAll(async () => {
    sut = await createTestApp(MODULES);
    await sut.app.get(SeedService).seedProcess();
    organizer = await sut.staff('organizer');
    coordinator = (await sut.staff('coordinator')).client;
    door = (await sut.staff('door')).client;
    sessionId =
      (await organizer.client.get('/informal-sessions')).body[0]?.id ??
      (await InformalSessionFactory.create(organizer.client)).id;
  });
  afterAll(() => sut.close());

  it('confirms when a seat is free, without a consent box, with the usual email and an audit line', async () => {
    const d = await published({ capacity: 2 });
    const res = await add(d.id);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), status: 'confirmed', spaces: [] });
    expect(await emailKinds(res.body.id)).toEqual(['confirmation']);
    const [row] = await q('SELECT consent_at FROM registrations WHERE id = $1', [res.body.id]);
    expect(row.consent_at).toBeNull();
    const audit = await q(
      "SELECT actor_user_id, details FROM audit_events WHERE action = 'registration.created_by_staff' AND entity_id = $1",
      [res.body.id],
    );
    expect(audit).toEqual([{ actor_user_id: organizer.id, details: { status: 'confirmed' } }]);
    expect((await organizer.client.get(`/dialogues/${d.id}`)).body.confirmedCount).toBe(1);
  });

  it('waitlists when the dialogue is full, even though staff asked', async () => {
    const d = await published({ capacity: 1 });
    expect((await add(d.id)).body.status).toBe('confirmed');
    const res = await add(d.id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await emailKinds(res.body.id)).toEqual(['waitlisted']);
    expect((await organizer.client.get(`/dialogues/${d.id}`)).body.confirmedCount).toBe(1);
  });

  it('never leaves a registration pending when the dialogue requires approval', async () => {
    const d = await published({ capacity: 1, approvalRequired: true });
    expect((await add(d.id)).body.status).toBe('confirmed');
    expect((await add(d.id)).body.status).toBe('waitlisted');
    // The public form still waits for approval.
    const pub = await sut.api.post(`/dialogues/${d.id}/registrations`, person({ consent: true }));
    expect(pub.body.status).toBe('pending');
  });

  it('refuses an address already registered (409 problem+json)', async () => {
    const d = await published();
    expect((await add(d.id, { email: 'same@example.org' })).status).toBe(201);
    const again = await add(d.id, { email: ' SAME@example.org ' });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/problem\+json/);
    expect(again.body.type).toMatch(/duplicate-registration/);
  });

  it('is for organizers only: coordinators and door staff are refused, the public too', async () => {
    const d = await published();
    expect((await add(d.id, {}, coordinator)).status).toBe(403);
    expect((await add(d.id, {}, door)).status).toBe(403);
    expect((await sut.api.post(`/dialogues/${d.id}/registrations/staff`, person())).status).toBe(401);
    expect(await q('SELECT id FROM registrations WHERE dialogue_id = $1', [d.id])).toEqual([]);
  });

  it('answers bad input with problem+json 400 and writes nothing', async () => {
    const d = await published();
    for (const over of [{ email: 'not-an-email' }, { country: 'XX1' }, { firstName: '' }, { stakeholderGroup: 'x' }]) {
      const res = await add(d.id, over);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
    expect((await add(randomUUID())).status).toBe(404);
    expect(await q('SELECT id FROM registrations WHERE dialogue_id = $1', [d.id])).toEqual([]);
  });

  describe('CSV import', () => {
    const HEADER = 'email,firstName,lastName,organization,stakeholderGroup,country,preferredLanguage,spaces';
    const line = (email: string, over: Partial<Record<'group' | 'country' | 'spaces', string>> = {}) =>
      `${email},Ana,"Gómez, Jr",Migrant Forum,${over.group ?? 'civil_society'},${over.country ?? 'SN'},fr,${over.spaces ?? ''}`;
    const importCsv = (dialogueId: string, csv: string, dryRun: boolean, client?: ApiClient) =>
      (client ?? organizer.client).request(
        'POST',
        `/dialogues/${dialogueId}/registrations/import?dryRun=${dryRun}`,
        csv,
        { 'content-type': 'text/csv' },
      );
    const count = async (dialogueId: string) =>
      (await q<{ n: number }>('SELECT count(*)::int AS n FROM registrations WHERE dialogue_id = $1', [dialogueId]))[0]
        .n;

    it('previews each row without writing anything, then imports exactly what the preview said', async () => {
      const d = await published({ capacity: 2, approvalRequired: true });
      const s = await organizer.client.post(`/dialogues/${d.id}/spaces`, {
        name: 'Business Mechanism',
        kind: 'business',
        access: 'open',
      });
      expect(s.status).toBe(201);
      expect((await add(d.id, { email: 'already@example.org' })).status).toBe(201);
      const csv = [
        HEADER,
        line('a@example.org', { spaces: 'business mechanism' }),
        line('not-an-email'),
        line('b@example.org', { country: 'XX' }),
        line('A@Example.org'),
        line('already@example.org'),
        line('c@example.org', { spaces: 'Nowhere' }),
        line('d@example.org'),
        line('e@example.org'),
      ].join('\r\n');
      const preview = await importCsv(d.id, csv, true);
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ dryRun: true, total: 8, confirmed: 1, waitlisted: 2, refused: 5 });
      expect(preview.body.rows.map((r: any) => [r.row, r.outcome, r.reason ?? null])).toEqual([
        [2, 'confirmed', null],
        [3, 'refused', 'invalid-input'],
        [4, 'refused', 'invalid-input'],
        [5, 'refused', 'duplicate-in-file'],
        [6, 'refused', 'duplicate-registration'],
        [7, 'refused', 'unknown-space'],
        [8, 'waitlisted', null],
        [9, 'waitlisted', null],
      ]);
      expect(preview.body.rows[0]).toMatchObject({ email: 'a@example.org', name: 'Ana Gómez, Jr' });
      // Nothing written, nothing sent, no audit line.
      expect(await count(d.id)).toBe(1);
      expect((await organizer.client.get(`/dialogues/${d.id}`)).body.confirmedCount).toBe(1);
      const mails = await q(
        'SELECT e.id FROM outbound_emails e JOIN registrations r ON r.id = e.registration_id WHERE r.dialogue_id = $1',
        [d.id],
      );
      expect(mails).toHaveLength(1);

      const done = await importCsv(d.id, csv, false);
      expect(done.status).toBe(200);
      const strip = (rows: any[]) => rows.map(({ id: _id, ...r }) => r);
      expect(strip(done.body.rows)).toEqual(strip(preview.body.rows));
      expect(done.body).toMatchObject({ dryRun: false, confirmed: 1, waitlisted: 2, refused: 5 });
      expect(done.body.rows[0].id).toEqual(expect.any(String));
      expect(await count(d.id)).toBe(4);
      const [seat] = await q('SELECT status FROM registration_spaces WHERE registration_id = $1', [
        done.body.rows[0].id,
      ]);
      expect(seat.status).toBe('confirmed');
      expect(await emailKinds(done.body.rows[6].id)).toEqual(['waitlisted']);
      const audit = await q(
        "SELECT count(*)::int AS n FROM audit_events WHERE action = 'registration.created_by_staff' AND dialogue_id = $1",
        [d.id],
      );
      expect(audit[0].n).toBe(4);
    });

    it('waitlists the overflow of a full dialogue, in file order', async () => {
      const d = await published({ capacity: 2 });
      const csv = [HEADER, ...[1, 2, 3, 4].map((i) => line(`row${i}@example.org`))].join('\n');
      const res = await importCsv(d.id, csv, false);
      expect(res.body.rows.map((r: any) => [r.outcome, r.waitlistPosition ?? null])).toEqual([
        ['confirmed', null],
        ['confirmed', null],
        ['waitlisted', 1],
        ['waitlisted', 2],
      ]);
    });

    it('refuses a malformed file, a missing column, too many rows, JSON, and non-organizers', async () => {
      const d = await published();
      for (const csv of [
        '',
        'email,firstName\na@example.org,Ana',
        `${HEADER},shoeSize\n${line('a@example.org')},42`,
        `${HEADER}\n"a@example.org,Ana`,
        `${HEADER}\n${Array.from({ length: 2001 }, (_, i) => line(`m${i}@example.org`)).join('\n')}`,
      ]) {
        const res = await importCsv(d.id, csv, true);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/problem\+json/);
        expect(res.body.type).toMatch(/invalid-csv/);
      }
      const json = await organizer.client.post(`/dialogues/${d.id}/registrations/import`, { csv: HEADER });
      expect(json.status).toBe(415);
      expect((await importCsv(d.id, HEADER, false, coordinator)).status).toBe(403);
      expect((await importCsv(randomUUID(), `${HEADER}\n${line('z@example.org')}`, false)).status).toBe(404);
      // text/csv is read on the import route only.
      const other = await organizer.client.request('PATCH', `/dialogues/${d.id}`, 'capacity\n3', {
        'content-type': 'text/csv',
      });
      expect(other.status).toBe(415);
      expect(await count(d.id)).toBe(0);
    });
  });
});
