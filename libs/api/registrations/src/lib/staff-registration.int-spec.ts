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
});
