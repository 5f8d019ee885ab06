// Over 400 lines on purpose: one Nest app and database per file is the slow part of these specs, so the
// registration rules (seats, approval, manage links, staff views, erasure) share this one file and its app.
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule, OutboxService } from '@gfmd/api-mail';
import { hashToken, newToken, PlatformModule } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DAY, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import type { Dialogue } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { RegistrationSettings } from './registration-settings';
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
  consent: true,
  ...over,
});

describe(RegistrationsModule.name, () => {
  let sut: TestApp;
  let settings: RegistrationSettings;
  let admin: ApiClient;
  let organizer: ApiClient;
  let coordinator: { id: string; client: ApiClient };
  let otherCoordinator: { id: string; client: ApiClient };
  /** One informal session for every dialogue of this spec (a dialogue after it only gets a warning). */
  let sessionId: string;
  const published = (over: Record<string, unknown> = {}) =>
    DialogueFactory.createPublished(organizer, { informalSessionId: sessionId, ...over });
  const draft = () => DialogueFactory.create(organizer, { informalSessionId: sessionId });

  const q = <T = any>(sql: string, params: unknown[] = []) => sut.dataSource.query(sql, params) as Promise<T[]>;
  const register = (dialogueId: string, over: Record<string, unknown> = {}) =>
    sut.api.post(`/dialogues/${dialogueId}/registrations`, person(over));
  const statuses = async (dialogueId: string) =>
    Object.fromEntries(
      (
        await q<{ status: string; n: number }>(
          'SELECT status, count(*)::int AS n FROM registrations WHERE dialogue_id = $1 GROUP BY 1',
          [dialogueId],
        )
      ).map((r) => [r.status, r.n]),
    );
  const space = async (dialogueId: string, over: Record<string, unknown> = {}) => {
    const res = await organizer.post(`/dialogues/${dialogueId}/spaces`, {
      name: `Space ${randomUUID()}`,
      kind: 'civil_society',
      access: 'open',
      ...over,
    });
    if (res.status !== 201) throw new Error(`space: ${res.status} ${res.text}`);
    return res.body as { id: string };
  };
  /** An outbox row's email as the worker sends it (the body is rendered from the row's parameters). */
  const emailOf = async (registrationId: string, kinds: string[]) => {
    const [row] = await q<{ id: string }>(
      'SELECT id FROM outbound_emails WHERE registration_id = $1 AND kind = ANY($2)',
      [registrationId, kinds],
    );
    return row ? sut.app.get(OutboxService).contentOf(row.id) : null;
  };
  /** The manage token, as the participant reads it in their email. */
  const manageToken = async (registrationId: string) => {
    const email = await emailOf(registrationId, ['confirmation', 'waitlisted', 'pending']);
    const match = /\/manage\/([A-Za-z0-9_-]{40,})/.exec(`${email?.text} ${email?.html}`);
    if (!match) throw new Error('no manage link in the email');
    return match[1];
  };
  const emailsOf = async (registrationId: string) =>
    // Reminders have their own spec (reminders.int-spec.ts); these lists are the emails a change causes.
    (
      await q<{ kind: string }>(
        "SELECT kind FROM outbound_emails WHERE registration_id = $1 AND kind <> 'reminder' ORDER BY created_at",
        [registrationId],
      )
    ).map((r) => r.kind);
  const race = (n: number, fire: (i: number) => Promise<{ status: number; body: any }>) =>
    Promise.all(Array.from({ length: n }, (_, i) => fire(i)));

  beforeAll(async () => {
    sut = await createTestApp(MODULES);
    await sut.app.get(SeedService).seedProcess(); // themes, for InformalSessionFactory on an empty database
    settings = sut.app.get(RegistrationSettings);
    admin = (await sut.staff('admin')).client;
    organizer = (await sut.staff('organizer')).client;
    coordinator = await sut.staff('coordinator');
    otherCoordinator = await sut.staff('coordinator');
    sessionId =
      (await organizer.get('/informal-sessions')).body[0]?.id ?? (await InformalSessionFactory.create(organizer)).id;
  });
  afterAll(() => sut.close());
  afterEach(() => Object.assign(settings, new RegistrationSettings()));

  describe('registering', () => {
    it('confirms, answers {id,status,spaces} without the token, and writes the email with the manage link', async () => {
      const d = await published({ capacity: 5 });
      const res = await register(d.id, { email: '  Ana.Gomez@Example.ORG ' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), status: 'confirmed', spaces: [] });
      expect(JSON.stringify(res.body)).not.toMatch(/token/i);
      const [row] = await q(
        'SELECT email, email_normalized, manage_token_hash, consent_at FROM registrations WHERE id = $1',
        [res.body.id],
      );
      expect(row).toMatchObject({ email: 'Ana.Gomez@Example.ORG', email_normalized: 'ana.gomez@example.org' });
      expect(row.consent_at).toBeTruthy();
      // No token at rest: the row names its link, minted (hash stored) when the email is rendered.
      expect(row.manage_token_hash).toBeNull();
      const token = await manageToken(res.body.id);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      const hashes = await q('SELECT token_hash FROM registration_manage_tokens WHERE registration_id = $1', [
        res.body.id,
      ]);
      expect(hashes.map((h) => h.token_hash)).toEqual([hashToken(token)]);
      expect(await emailsOf(res.body.id)).toEqual(['confirmation']);
      expect((await sut.api.get(`/dialogues/${d.id}`)).body.confirmedCount).toBe(1);
    });

    it('refuses a second active registration of the same address, whatever its case and spaces (409)', async () => {
      const d = await published();
      expect((await register(d.id, { email: 'dup@example.org' })).status).toBe(201);
      const again = await register(d.id, { email: ' DUP@Example.org  ' });
      expect(again.status).toBe(409);
      expect(again.headers.get('content-type')).toMatch(/problem\+json/);
      expect(await statuses(d.id)).toEqual({ confirmed: 1 });
    });

    it('refuses duplicates that race each other: one registration per address', async () => {
      const d = await published();
      settings.maxBatch = 1;
      const results = await race(20, () => register(d.id, { email: 'racer@example.org' }));
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    });

    it.each([
      ['a draft', async () => draft(), 'registration-not-open'],
      [
        'a cancelled dialogue',
        async () => {
          const d = await published();
          await organizer.post(`/dialogues/${d.id}/cancel`);
          return d;
        },
        'dialogue-cancelled',
      ],
      [
        'a closed window',
        async () =>
          published({
            registrationClosesAt: new Date(Date.now() - DAY).toISOString(),
          }),
        'registration-closed',
      ],
      [
        'a window not open yet',
        async () => published({ registrationOpensAt: new Date(Date.now() + DAY).toISOString() }),
        'registration-not-open',
      ],
      [
        'closed registration',
        async () => {
          const d = await published();
          await organizer.post(`/dialogues/${d.id}/close-registration`);
          return d;
        },
        'registration-closed',
      ],
    ])('answers 422 for %s and writes nothing', async (_, make, slug) => {
      const d: Dialogue = await make();
      const res = await register(d.id);
      expect(res.status).toBe(422);
      expect(res.body.type).toMatch(new RegExp(`${slug}$`));
      expect(await statuses(d.id)).toEqual({});
    });

    it('answers 404 for an unknown or malformed dialogue id', async () => {
      expect((await register(randomUUID())).status).toBe(404);
      expect((await sut.api.post('/dialogues/nope/registrations', person())).status).toBe(404);
    });

    describe('bad input gets 400 and writes nothing', () => {
      let d: Dialogue;
      beforeAll(async () => {
        d = await published();
      });
      it.each([
        ['an unknown field', { isAdmin: true }, 'isAdmin'],
        ['no consent', { consent: false }, 'consent'],
        ['consent as a string', { consent: 'true' }, 'consent'],
        ['an absurdly long name', { firstName: 'A'.repeat(101) }, 'firstName'],
        ['an absurdly long organization', { organization: 'O'.repeat(5000) }, 'organization'],
        ['a line break in a name', { lastName: 'Evil\r\nBcc: x@y.z' }, 'lastName'],
        ['a NUL in a name', { firstName: 'Nu\u0000ll' }, 'firstName'],
        ['a blank name', { firstName: '   ' }, 'firstName'],
        ['an invalid email', { email: 'not-an-email' }, 'email'],
        ['an unknown country', { country: 'XX' }, 'country'],
        ['a three-letter country', { country: 'CHE' }, 'country'],
        ['an unknown stakeholder group', { stakeholderGroup: 'aliens' }, 'stakeholderGroup'],
        ['an unknown language', { preferredLanguage: 'de' }, 'preferredLanguage'],
        ['malformed space ids', { spaceIds: ['nope'] }, 'spaceIds'],
        ['a malformed invitation token', { invitationToken: '../../etc' }, 'invitationToken'],
      ])('refuses %s', async (_, patch, field) => {
        const res = await register(d.id, patch);
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
        expect(await statuses(d.id)).toEqual({});
      });

      it('accepts a lower-case country and stores it upper-case', async () => {
        const res = await register(d.id, { country: 'ch' });
        expect(res.status).toBe(201);
        expect((await q('SELECT country FROM registrations WHERE id = $1', [res.body.id]))[0].country).toBe('CH');
        await q('DELETE FROM registrations WHERE id = $1', [res.body.id]);
        await q('UPDATE dialogues SET confirmed_count = 0 WHERE id = $1', [d.id]);
      });
    });

    it('puts registrations for an approval dialogue in pending, takes no seat, and emails "pending"', async () => {
      const d = await published({ approvalRequired: true, capacity: 1 });
      const res = await register(d.id);
      expect(res.body.status).toBe('pending');
      expect(await emailsOf(res.body.id)).toEqual(['pending']);
      expect((await organizer.get(`/dialogues/${d.id}`)).body.confirmedCount).toBe(0);
    });

    it('refuses spaces of another dialogue, group_only spaces of other groups and invitation_only spaces without invitation (422)', async () => {
      const d = await published();
      const other = await published();
      const foreign = await space(other.id);
      const business = await space(d.id, { kind: 'business', access: 'group_only', allowedGroups: ['private_sector'] });
      const closed = await space(d.id, { kind: 'side_event', access: 'invitation_only' });
      for (const spaceIds of [[foreign.id], [business.id], [closed.id]]) {
        const res = await register(d.id, { spaceIds });
        expect(res.status).toBe(422);
        expect(res.body.errors[0].field).toBe('spaceIds');
      }
      expect((await register(d.id, { stakeholderGroup: 'private_sector', spaceIds: [business.id] })).status).toBe(201);
    });
  });

  describe('capacity under truly parallel requests (each in its own transaction)', () => {
    beforeEach(() => {
      settings.maxBatch = 1;
    });

    it('capacity 1, 50 racers: exactly 1 confirmed and 49 waitlisted, in arrival order', async () => {
      const d = await published({ capacity: 1 });
      const results = await race(50, () => register(d.id));
      expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
      expect(results.filter((r) => r.body.status === 'confirmed')).toHaveLength(1);
      expect(await statuses(d.id)).toEqual({ confirmed: 1, waitlisted: 49 });
      expect((await organizer.get(`/dialogues/${d.id}`)).body.confirmedCount).toBe(1);
      const [first] = await q('SELECT status FROM registrations WHERE dialogue_id = $1 ORDER BY arrival LIMIT 1', [
        d.id,
      ]);
      expect(first.status).toBe('confirmed');
    });

    it('space capacity 1, 50 racers: 1 seat in the space, 49 waiting for it, all 50 in the dialogue', async () => {
      const d = await published({ capacity: 100 });
      const s = await space(d.id, { capacity: 1 });
      const results = await race(50, () => register(d.id, { spaceIds: [s.id] }));
      expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
      const seats = await q<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM registration_spaces WHERE space_id = $1 GROUP BY 1 ORDER BY 1',
        [s.id],
      );
      expect(seats).toEqual([
        { status: 'confirmed', n: 1 },
        { status: 'waitlisted', n: 49 },
      ]);
      expect(await statuses(d.id)).toEqual({ confirmed: 50 });
      expect((await q('SELECT confirmed_count FROM spaces WHERE id = $1', [s.id]))[0].confirmed_count).toBe(1);
    });

    it('raising a space capacity promotes the first people waiting for it, in arrival order, with an email', async () => {
      const d = await published({ capacity: 100 });
      const s = await space(d.id, { capacity: 1 });
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push((await register(d.id, { spaceIds: [s.id] })).body.id);
      const seatOf = async (id: string) =>
        (await q('SELECT status FROM registration_spaces WHERE registration_id = $1 AND space_id = $2', [id, s.id]))[0]
          .status;
      expect(await Promise.all(ids.map(seatOf))).toEqual(['confirmed', 'waitlisted', 'waitlisted', 'waitlisted']);
      expect((await organizer.patch(`/spaces/${s.id}`, { capacity: 3 })).status).toBe(200);
      expect(await Promise.all(ids.map(seatOf))).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted']);
      expect((await q('SELECT confirmed_count FROM spaces WHERE id = $1', [s.id]))[0].confirmed_count).toBe(3);
      expect(await emailsOf(ids[1])).toContain('promoted');
      expect(await emailsOf(ids[3])).not.toContain('promoted');
    });

    it('gives the promoted person a working manage link in the promoted email; it ends with the registration', async () => {
      const d = await published({ capacity: 1 });
      const first = (await register(d.id)).body.id;
      const second = (await register(d.id)).body.id;
      expect((await sut.api.post(`/registrations/manage/${await manageToken(first)}/cancel`)).status).toBe(200);
      const promoted = await emailOf(second, ['promoted']);
      const link = /\/manage\/([A-Za-z0-9_-]{40,})/.exec(promoted!.text);
      expect(link).not.toBeNull();
      const view = await sut.api.get(`/registrations/manage/${link![1]}`);
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({ id: second, status: 'confirmed' });
      // The first link (from the waitlisted email) still works too.
      const earlier = await manageToken(second);
      expect((await sut.api.get(`/registrations/manage/${earlier}`)).status).toBe(200);
      expect((await sut.api.post(`/registrations/manage/${link![1]}/cancel`)).status).toBe(200);
      expect((await sut.api.get(`/registrations/manage/${link![1]}`)).status).toBe(404);
      expect((await sut.api.get(`/registrations/manage/${earlier}`)).status).toBe(404);
      // And an email rendered after the end carries no link at all.
      await expect(manageToken(second)).rejects.toThrow(/no manage link/);
    });

    it('a coordinator messages the confirmed participants of their own space only', async () => {
      const d = await published({ capacity: 100 });
      const mine = await space(d.id, { coordinatorUserIds: [coordinator.id] });
      const other = await space(d.id);
      const inMine = (await register(d.id, { spaceIds: [mine.id] })).body.id;
      const inOther = (await register(d.id, { spaceIds: [other.id] })).body.id;
      for (const id of [inMine, inOther]) await sut.api.get(`/registrations/manage/${await manageToken(id)}`);
      const res = await coordinator.client.post(`/spaces/${mine.id}/messages`, { message: 'Room moved to <B>' });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({
        messageId: expect.any(String),
        queued: 1,
        skipped: 0,
        skippedBy: { addressNotConfirmed: 0 },
      });
      expect(await emailsOf(inMine)).toContain('space_message');
      // Its delivery can be followed: the coordinator of the space and organizers; nobody else.
      const summary = `/spaces/${mine.id}/messages/${res.body.messageId}/summary`;
      const counted = await coordinator.client.get(summary);
      expect(counted.status).toBe(200);
      expect(counted.body.total).toBe(1);
      expect(counted.body.queued + counted.body.sending + counted.body.sent).toBe(1);
      expect((await organizer.get(summary)).status).toBe(200);
      expect((await otherCoordinator.client.get(summary)).status).toBe(403);
      expect((await sut.api.get(summary)).status).toBe(401);
      const unknown = await coordinator.client.get(`/spaces/${mine.id}/messages/${randomUUID()}/summary`);
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toMatch(/application\/problem\+json/);
      // A message of another space is not found through this one.
      expect((await organizer.get(`/spaces/${other.id}/messages/${res.body.messageId}/summary`)).status).toBe(404);
      expect(await emailsOf(inOther)).not.toContain('space_message');
      expect((await coordinator.client.post(`/spaces/${other.id}/messages`, { message: 'x' })).status).toBe(403);
      expect((await otherCoordinator.client.post(`/spaces/${mine.id}/messages`, { message: 'x' })).status).toBe(403);
      expect((await sut.api.post(`/spaces/${mine.id}/messages`, { message: 'x' })).status).toBe(401);
      expect((await coordinator.client.post(`/spaces/${mine.id}/messages`, { message: '' })).status).toBe(400);
      expect((await organizer.post(`/spaces/${other.id}/messages`, { message: 'Hello' })).body).toMatchObject({
        queued: 1,
      });
    });

    it('group quota 1, 50 racers of that group: 1 confirmed, 49 waitlisted; other groups still get in', async () => {
      const d = await published({
        capacity: 100,
        stakeholderQuotas: { government: 1 },
      });
      const results = await race(50, (i) =>
        register(d.id, { stakeholderGroup: i % 5 === 4 ? 'academia' : 'government' }),
      );
      expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
      const rows = await q<{ g: string; status: string; n: number }>(
        'SELECT stakeholder_group AS g, status, count(*)::int AS n FROM registrations WHERE dialogue_id = $1 GROUP BY 1, 2 ORDER BY 1, 2',
        [d.id],
      );
      expect(rows).toEqual([
        { g: 'academia', status: 'confirmed', n: 10 },
        { g: 'government', status: 'confirmed', n: 1 },
        { g: 'government', status: 'waitlisted', n: 39 },
      ]);
    });

    it('CONTROL: without the row lock the same race overbooks (so the tests above can fail)', async () => {
      settings.locking = false;
      settings.unguardedDelayMs = 30;
      const d = await published({ capacity: 1 });
      await race(50, () => register(d.id));
      const confirmed = (await statuses(d.id)).confirmed ?? 0;
      expect(confirmed).toBeGreaterThan(1);
    });
  });

  it('holds capacity across two API processes admitting in batches', async () => {
    const second = await createTestApp(MODULES);
    try {
      const d = await published({ capacity: 7 });
      const apis = [sut.api, second.api];
      const results = await race(120, (i) => apis[i % 2].post(`/dialogues/${d.id}/registrations`, person()));
      expect(results.map((r) => r.status)).toEqual(Array(120).fill(201));
      expect(await statuses(d.id)).toEqual({ confirmed: 7, waitlisted: 113 });
      expect((await organizer.get(`/dialogues/${d.id}`)).body.confirmedCount).toBe(7);
    } finally {
      await second.close();
    }
  });

  describe('waiting list', () => {
    it('promotes the first waiting person when a confirmed one cancels, and emails both', async () => {
      const d = await published({ capacity: 1 });
      const a = (await register(d.id)).body;
      const b = (await register(d.id)).body;
      const c = (await register(d.id)).body;
      expect([a.status, b.status, c.status]).toEqual(['confirmed', 'waitlisted', 'waitlisted']);
      const token = await manageToken(a.id);
      const cancelled = await sut.api.post(`/registrations/manage/${token}/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');
      expect(await statuses(d.id)).toEqual({ cancelled: 1, confirmed: 1, waitlisted: 1 });
      expect((await q('SELECT status FROM registrations WHERE id = $1', [b.id]))[0].status).toBe('confirmed');
      expect(await emailsOf(a.id)).toEqual(['confirmation', 'cancelled']);
      expect(await emailsOf(b.id)).toEqual(['waitlisted', 'promoted']);
      expect(await emailsOf(c.id)).toEqual(['waitlisted']);
      expect((await sut.api.get(`/registrations/manage/${token}`)).status).toBe(404);
      // The address may register again once its registration is cancelled.
      const [{ email }] = await q('SELECT email FROM registrations WHERE id = $1', [a.id]);
      expect((await register(d.id, { email })).body.status).toBe('waitlisted');
    });

    it('shows visitors the places left and "full", and each waiting person their place in the line', async () => {
      const d = await published({ capacity: 2 });
      const seen = async () => (await sut.api.get(`/dialogues/${d.id}`)).body;
      expect(await seen()).toMatchObject({ placesLeft: 2, availability: 'open' });
      const a = (await register(d.id)).body;
      expect(await seen()).toMatchObject({ placesLeft: 1, availability: 'open' });
      await register(d.id);
      const c = (await register(d.id)).body;
      const e = (await register(d.id)).body;
      expect([c.status, c.waitlistPosition, e.status, e.waitlistPosition]).toEqual(['waitlisted', 1, 'waitlisted', 2]);
      // Registrations admitted together (one batch) each get their own place, in arrival order,
      // the same place the manage page then shows.
      const together = (await Promise.all(Array.from({ length: 6 }, () => register(d.id)))).map((r) => r.body);
      const places = together.map((r) => r.waitlistPosition as number).sort((x, y) => x - y);
      expect(places).toEqual([3, 4, 5, 6, 7, 8]);
      for (const r of together)
        expect((await sut.api.get(`/registrations/manage/${await manageToken(r.id)}`)).body.waitlistPosition).toBe(
          r.waitlistPosition,
        );
      expect(await seen()).toMatchObject({ placesLeft: 0, availability: 'full' });
      // Nothing personal in the public view.
      expect(JSON.stringify(await seen())).not.toMatch(/@|waitlistPosition/);
      const tokenE = await manageToken(e.id);
      expect((await sut.api.get(`/registrations/manage/${tokenE}`)).body).toMatchObject({
        status: 'waitlisted',
        waitlistPosition: 2,
      });
      // The first waiting person is promoted when a seat frees: the next one moves up.
      await sut.api.post(`/registrations/manage/${await manageToken(a.id)}/cancel`);
      expect((await sut.api.get(`/registrations/manage/${tokenE}`)).body.waitlistPosition).toBe(1);
      expect((await sut.api.get(`/registrations/manage/${await manageToken(c.id)}`)).body).toMatchObject({
        status: 'confirmed',
        waitlistPosition: null,
      });
      const closed = await published({
        capacity: 2,
        registrationClosesAt: new Date(Date.now() + 60_000).toISOString(),
      });
      await q("UPDATE dialogues SET registration_closes_at = now() - interval '1 minute' WHERE id = $1", [closed.id]);
      expect((await sut.api.get(`/dialogues/${closed.id}`)).body).toMatchObject({
        placesLeft: 2,
        availability: 'closed',
      });
    });

    it('skips waiting people whose group quota is full and promotes the first who fits', async () => {
      const d = await published({ capacity: 2, stakeholderQuotas: { government: 1 } });
      const g1 = (await register(d.id, { stakeholderGroup: 'government' })).body;
      const x = (await register(d.id, { stakeholderGroup: 'academia' })).body;
      const g2 = (await register(d.id, { stakeholderGroup: 'government' })).body;
      const y = (await register(d.id, { stakeholderGroup: 'academia' })).body;
      expect([g1.status, x.status, g2.status, y.status]).toEqual([
        'confirmed',
        'confirmed',
        'waitlisted',
        'waitlisted',
      ]);
      await sut.api.post(`/registrations/manage/${await manageToken(x.id)}/cancel`);
      expect((await q('SELECT status FROM registrations WHERE id = $1', [g2.id]))[0].status).toBe('waitlisted');
      expect((await q('SELECT status FROM registrations WHERE id = $1', [y.id]))[0].status).toBe('confirmed');
    });

    it('promotes when an organizer declines a confirmed person, raises capacity or a quota', async () => {
      const d = await published({ capacity: 1, stakeholderQuotas: { government: 1 } });
      const regs = [];
      for (let i = 0; i < 5; i++) regs.push((await register(d.id, { stakeholderGroup: 'government' })).body);
      const declined = await organizer.post(`/registrations/${regs[0].id}/decline`);
      expect(declined.status).toBe(200);
      expect(declined.body.status).toBe('declined');
      expect(await emailsOf(regs[0].id)).toEqual(['confirmation', 'declined']);
      expect(await emailsOf(regs[1].id)).toEqual(['waitlisted', 'promoted']);
      expect((await organizer.patch(`/dialogues/${d.id}`, { capacity: 3 })).status).toBe(200);
      expect(await statuses(d.id)).toMatchObject({ confirmed: 1, waitlisted: 3 }); // quota still 1
      expect((await organizer.patch(`/dialogues/${d.id}`, { stakeholderQuotas: { government: 2 } })).status).toBe(200);
      expect(await statuses(d.id)).toMatchObject({ confirmed: 2, waitlisted: 2 });
      expect((await organizer.patch(`/dialogues/${d.id}`, { stakeholderQuotas: null })).status).toBe(200);
      expect(await statuses(d.id)).toMatchObject({ confirmed: 3, waitlisted: 1 });
      expect(await emailsOf(regs[3].id)).toEqual(['waitlisted', 'promoted']);
      expect((await organizer.get(`/dialogues/${d.id}`)).body.confirmedCount).toBe(3);
    });

    it('gives a freed space seat to the first person waiting for that space', async () => {
      const d = await published({ capacity: 10 });
      const s = await space(d.id, { capacity: 1 });
      const a = (await register(d.id, { spaceIds: [s.id] })).body;
      const b = (await register(d.id, { spaceIds: [s.id] })).body;
      expect([a.spaces[0].status, b.spaces[0].status]).toEqual(['confirmed', 'waitlisted']);
      const changed = await sut.api.patch(`/registrations/manage/${await manageToken(a.id)}`, { spaceIds: [] });
      expect(changed.status).toBe(200);
      expect(changed.body.spaces).toEqual([{ spaceId: s.id, name: expect.any(String), status: 'cancelled' }]);
      expect((await q('SELECT status FROM registration_spaces WHERE registration_id = $1', [b.id]))[0].status).toBe(
        'confirmed',
      );
      expect(await emailsOf(b.id)).toEqual(['confirmation', 'promoted']);
    });

    it('tells every registrant when the dialogue is cancelled', async () => {
      const d = await published({ capacity: 1 });
      const a = (await register(d.id)).body;
      const b = (await register(d.id)).body;
      await organizer.post(`/dialogues/${d.id}/cancel`);
      expect(await statuses(d.id)).toEqual({ cancelled: 2 });
      expect(await emailsOf(a.id)).toEqual(['confirmation', 'cancelled']);
      expect(await emailsOf(b.id)).toEqual(['waitlisted', 'cancelled']);
    });
  });

  describe('invitations', () => {
    const invite = async (dialogueId: string, email: string, spaceIds: string[] = []) => {
      const token = newToken();
      await q(
        `INSERT INTO invitations (dialogue_id, email, email_normalized, token_hash, status, space_ids) VALUES ($1, $2, lower($2), $3, 'sent', $4)`,
        [dialogueId, email, hashToken(token), spaceIds],
      );
      return token;
    };

    it('skips approval and the quota, never capacity; is used once; opens the invitation_only spaces it names', async () => {
      const d = await published({
        capacity: 2,
        approvalRequired: true,
        stakeholderQuotas: { government: 0 },
      });
      const closed = await space(d.id, { kind: 'side_event', access: 'invitation_only' });
      const t1 = await invite(d.id, 'guest1@example.org', [closed.id]);
      const ok = await register(d.id, {
        email: 'guest1@example.org',
        stakeholderGroup: 'government',
        invitationToken: t1,
        spaceIds: [closed.id],
      });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ status: 'confirmed', spaces: [{ spaceId: closed.id, status: 'confirmed' }] });
      const [inv] = await q('SELECT status, registration_id FROM invitations WHERE token_hash = $1', [hashToken(t1)]);
      expect(inv).toEqual({ status: 'registered', registration_id: ok.body.id });
      expect((await register(d.id, { email: 'guest1@example.org', invitationToken: t1 })).status).toBe(409);
      expect((await register(d.id, { email: 'someone.else@example.org', invitationToken: t1 })).status).toBe(422);
      expect((await register(d.id, { invitationToken: newToken() })).status).toBe(422);
      const uninvited = await register(d.id, { stakeholderGroup: 'government' });
      expect(uninvited.body.status).toBe('pending');
      await register(d.id, { email: 'guest2@example.org', invitationToken: await invite(d.id, 'guest2@example.org') });
      const t3 = await invite(d.id, 'guest3@example.org');
      expect((await register(d.id, { email: 'guest3@example.org', invitationToken: t3 })).body.status).toBe(
        'waitlisted',
      );
    });
  });

  describe('approval', () => {
    it('lets organizers approve a pending registration (or waitlist it when full) and coordinators approve seats in their space', async () => {
      const d = await published({ capacity: 1, approvalRequired: true });
      const s = await space(d.id, { access: 'approval', capacity: 5, coordinatorUserIds: [coordinator.id] });
      const a = (await register(d.id, { spaceIds: [s.id] })).body;
      const b = (await register(d.id)).body;
      expect(a).toMatchObject({ status: 'pending', spaces: [{ status: 'pending' }] });
      expect((await coordinator.client.post(`/registrations/${a.id}/approve`, { spaceId: s.id })).status).toBe(422);
      const approved = await organizer.post(`/registrations/${a.id}/approve`);
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'confirmed', spaces: [{ spaceId: s.id, status: 'pending' }] });
      expect((await otherCoordinator.client.post(`/registrations/${a.id}/approve`, { spaceId: s.id })).status).toBe(
        404,
      );
      const seat = await coordinator.client.post(`/registrations/${a.id}/approve`, { spaceId: s.id });
      expect(seat.status).toBe(200);
      expect(seat.body.spaces).toEqual([{ spaceId: s.id, status: 'confirmed', name: expect.any(String) }]);
      expect(await emailsOf(a.id)).toEqual(['pending', 'approved', 'approved']);
      expect((await organizer.post(`/registrations/${b.id}/approve`)).body.status).toBe('waitlisted');
      const full = await organizer.request('POST', `/registrations/${b.id}/approve`, {}, { 'accept-language': 'fr' });
      expect(full.status).toBe(422);
      expect(full.body.type).toBe('https://gfmd-dialogues.org/problems/dialogue-full');
      expect(full.body.detail).toMatch(/complet.*capacité/);
      const fullEn = await organizer.post(`/registrations/${b.id}/approve`);
      expect(fullEn.body.detail).toMatch(/The dialogue is full \(1 of 1 seats\).*Raise the dialogue's capacity/);
      expect((await coordinator.client.post(`/registrations/${b.id}/approve`)).status).toBe(404);
    });

    it('lets a coordinator decline a seat in their space, which goes to the next in line', async () => {
      const d = await published({ capacity: 10 });
      const s = await space(d.id, { capacity: 1, coordinatorUserIds: [coordinator.id] });
      const a = (await register(d.id, { spaceIds: [s.id] })).body;
      const b = (await register(d.id, { spaceIds: [s.id] })).body;
      const res = await coordinator.client.post(`/registrations/${a.id}/decline`, { spaceId: s.id });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'confirmed', spaces: [{ status: 'declined' }] });
      expect((await q('SELECT status FROM registration_spaces WHERE registration_id = $1', [b.id]))[0].status).toBe(
        'confirmed',
      );
      const token = await manageToken(a.id);
      expect((await sut.api.patch(`/registrations/manage/${token}`, { spaceIds: [s.id] })).status).toBe(422);
    });
  });

  describe('decline: reason and undo', () => {
    const declinedRow = async (registrationId: string) =>
      (
        await q<{ id: string; status: string; sendAfter: Date; sentAt: Date | null; params: Record<string, unknown> }>(
          `SELECT id, status, send_after AS "sendAfter", sent_at AS "sentAt", params FROM outbound_emails
            WHERE registration_id = $1 AND kind = 'declined' ORDER BY created_at`,
          [registrationId],
        )
      ).at(-1);

    it('puts the reason in the email, held back past the undo window; refuses a reason with bidi overrides, null or too long', async () => {
      const d = await published({ capacity: 5 });
      const a = (await register(d.id, { preferredLanguage: 'en' })).body;
      expect((await organizer.post(`/registrations/${a.id}/decline`, { reason: 'x'.repeat(1001) })).status).toBe(400);
      expect((await organizer.post(`/registrations/${a.id}/decline`, { reason: 'moc.\u202Elive' })).status).toBe(400);
      expect((await organizer.post(`/registrations/${a.id}/decline`, { reason: null })).status).toBe(400);
      const res = await organizer.post(`/registrations/${a.id}/decline`, {
        reason: '  The seats are kept for government delegates.  ',
      });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('declined');
      const undoUntil = new Date(res.body.undoUntil).getTime();
      expect(undoUntil).toBeGreaterThan(Date.now());
      const row = await declinedRow(a.id);
      expect(row).toMatchObject({ status: 'pending', sentAt: null });
      expect(row!.params['reason']).toBe('The seats are kept for government delegates.');
      expect(new Date(row!.sendAfter).getTime()).toBeGreaterThan(undoUntil);
      const email = await emailOf(a.id, ['declined']);
      expect(email?.text).toContain('Reason: The seats are kept for government delegates.');
    });

    it('undo within the window restores the previous status and seat, and no decline email goes out', async () => {
      const d = await published({ capacity: 1 });
      const s = await space(d.id, { capacity: 1 });
      const a = (await register(d.id, { spaceIds: [s.id] })).body;
      expect(a.status).toBe('confirmed');
      expect((await organizer.post(`/registrations/${a.id}/decline`)).status).toBe(200);
      expect((await organizer.get(`/dialogues/${d.id}`)).body.confirmedCount).toBe(0);
      expect((await coordinator.client.post(`/registrations/${a.id}/undo-decline`)).status).toBe(403);

      const undone = await organizer.post(`/registrations/${a.id}/undo-decline`);

      expect(undone.status).toBe(200);
      expect(undone.body).toMatchObject({ status: 'confirmed', spaces: [{ spaceId: s.id, status: 'confirmed' }] });
      expect((await organizer.get(`/dialogues/${d.id}`)).body.confirmedCount).toBe(1);
      expect((await q('SELECT confirmed_count FROM spaces WHERE id = $1', [s.id]))[0].confirmed_count).toBe(1);
      expect(await declinedRow(a.id)).toMatchObject({ status: 'cancelled', sentAt: null });
      // A second undo has nothing to undo; a new decline writes (and holds) a new email.
      expect((await organizer.post(`/registrations/${a.id}/undo-decline`)).status).toBe(409);
      expect((await organizer.post(`/registrations/${a.id}/decline`, { reason: 'Second thoughts' })).status).toBe(200);
      expect(await declinedRow(a.id)).toMatchObject({
        status: 'pending',
        params: expect.objectContaining({ reason: 'Second thoughts' }),
      });
      expect(await emailsOf(a.id)).toEqual(['confirmation', 'declined', 'declined']);
    });

    it('undo gives back the reminder the decline cancelled (one reminder per registration, ever)', async () => {
      const d = await published({ capacity: 5 });
      const a = (await register(d.id)).body;
      // A reminder written by the round and not sent yet (its moment is ahead).
      await q(
        `INSERT INTO outbound_emails (kind, recipient, language, subject, idempotency_key, dialogue_id, registration_id, send_after)
         VALUES ('reminder', 'someone@example.org', 'en', 'Reminder', $1, $2, $3, now() + interval '1 hour')`,
        [`reminder:${a.id}`, d.id, a.id],
      );
      const reminder = async () =>
        (
          await q<{ status: string }>(`SELECT status FROM outbound_emails WHERE idempotency_key = $1`, [
            `reminder:${a.id}`,
          ])
        )[0]?.status;
      expect((await organizer.post(`/registrations/${a.id}/decline`)).status).toBe(200);
      expect(await reminder()).toBe('cancelled');

      expect((await organizer.post(`/registrations/${a.id}/undo-decline`)).status).toBe(200);

      expect(await reminder()).toBe('pending');
      // A decline that stands cancels it again.
      expect((await organizer.post(`/registrations/${a.id}/decline`)).status).toBe(200);
      expect(await reminder()).toBe('cancelled');
    });

    it('undo leaves alone a reminder cancelled before the decline', async () => {
      const d = await published({ capacity: 5 });
      const a = (await register(d.id)).body;
      await q(
        `INSERT INTO outbound_emails (kind, recipient, language, subject, idempotency_key, dialogue_id, registration_id, status, updated_at)
         VALUES ('reminder', 'someone@example.org', 'en', 'Reminder', $1, $2, $3, 'cancelled', now() - interval '1 hour')`,
        [`reminder:${a.id}`, d.id, a.id],
      );
      expect((await organizer.post(`/registrations/${a.id}/decline`)).status).toBe(200);
      expect((await organizer.post(`/registrations/${a.id}/undo-decline`)).status).toBe(200);
      const [row] = await q(`SELECT status FROM outbound_emails WHERE idempotency_key = $1`, [`reminder:${a.id}`]);
      expect(row.status).toBe('cancelled');
    });

    it('after the window: 409 problem+json (localized), the decline stands and its email stays due', async () => {
      const d = await published({ capacity: 5 });
      const a = (await register(d.id)).body;
      expect((await organizer.post(`/registrations/${a.id}/decline`)).status).toBe(200);
      await q(`UPDATE registrations SET declined_at = now() - interval '1 minute' WHERE id = $1`, [a.id]);

      const late = await organizer.request(
        'POST',
        `/registrations/${a.id}/undo-decline`,
        {},
        { 'accept-language': 'fr' },
      );

      expect(late.status).toBe(409);
      expect(late.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(late.body.type).toBe('https://gfmd-dialogues.org/problems/undo-expired');
      expect(late.body.detail).toMatch(/ne peut plus être annulé/);
      expect((await organizer.get(`/registrations/${a.id}`)).body.status).toBe('declined');
      expect(await declinedRow(a.id)).toMatchObject({ status: 'pending' });
    });

    it('undo answers 409 seat-taken once the freed seat went to the next in line', async () => {
      const d = await published({ capacity: 1 });
      const a = (await register(d.id)).body;
      const b = (await register(d.id)).body;
      expect(b.status).toBe('waitlisted');
      expect((await organizer.post(`/registrations/${a.id}/decline`)).status).toBe(200);
      const res = await organizer.post(`/registrations/${a.id}/undo-decline`);
      expect(res.status).toBe(409);
      expect(res.body.type).toMatch(/seat-taken$/);
      expect(await declinedRow(a.id)).toMatchObject({ status: 'pending' });
    });
  });

  describe('role rules', () => {
    let d: Dialogue;
    let mine: { id: string };
    let theirs: { id: string };
    let inMine: string;
    let inTheirs: string;
    let elsewhere: string;
    beforeAll(async () => {
      d = await published({ capacity: 50 });
      mine = await space(d.id, { coordinatorUserIds: [coordinator.id] });
      theirs = await space(d.id, { kind: 'business', coordinatorUserIds: [otherCoordinator.id] });
      inMine = (await register(d.id, { spaceIds: [mine.id], firstName: 'Mine' })).body.id;
      inTheirs = (await register(d.id, { spaceIds: [theirs.id], firstName: 'Theirs' })).body.id;
      elsewhere = (await register(d.id, { firstName: 'Nowhere' })).body.id;
    });

    it('keeps every staff route from anonymous visitors (401)', async () => {
      for (const path of [
        `/dialogues/${d.id}/registrations`,
        `/dialogues/${d.id}/registrations.csv`,
        `/dialogues/${d.id}/stats`,
        `/participants/export?email=a@b.org`,
      ]) {
        expect((await sut.api.get(path)).status).toBe(401);
      }
      for (const action of ['approve', 'decline', 'undo-decline', 'check-in'])
        expect((await sut.api.post(`/registrations/${inMine}/${action}`)).status).toBe(401);
      expect((await sut.api.delete('/participants?email=a@b.org')).status).toBe(401);
    });

    it('shows organizers and admins everything, coordinators only registrations in their spaces', async () => {
      for (const client of [organizer, admin]) {
        const res = await client.get(`/dialogues/${d.id}/registrations`);
        expect(res.status).toBe(200);
        expect(res.body.total).toBe(3);
      }
      const own = await coordinator.client.get(`/dialogues/${d.id}/registrations`);
      expect(own.body.items.map((r: { id: string }) => r.id)).toEqual([inMine]);
      expect(own.body.items[0].spaces.map((s: { spaceId: string }) => s.spaceId)).toEqual([mine.id]);
      expect((await coordinator.client.get(`/dialogues/${d.id}/registrations?spaceId=${theirs.id}`)).status).toBe(403);
      const csv = await coordinator.client.get(`/dialogues/${d.id}/registrations.csv`);
      expect(csv.text).toContain('Mine');
      expect(csv.text).not.toContain('Theirs');
      const stats = await coordinator.client.get(`/dialogues/${d.id}/stats`);
      expect(stats.body.byStatus).toEqual({ confirmed: 1 });
      expect(Object.keys(stats.body.bySpace)).toEqual([mine.id]);
      const other = await published();
      expect((await coordinator.client.get(`/dialogues/${other.id}/registrations`)).status).toBe(403);
      expect((await coordinator.client.get(`/dialogues/${other.id}/stats`)).status).toBe(403);
    });

    it('lets coordinators act only on registrations in their spaces (404 otherwise), organizers and admins on all', async () => {
      expect((await coordinator.client.post(`/registrations/${inTheirs}/check-in`)).status).toBe(404);
      expect((await coordinator.client.post(`/registrations/${elsewhere}/decline`)).status).toBe(404);
      expect((await coordinator.client.post(`/registrations/${inTheirs}/approve`)).status).toBe(404);
      expect((await coordinator.client.post(`/registrations/${inMine}/decline`, { spaceId: theirs.id })).status).toBe(
        404,
      );
      const checked = await coordinator.client.post(`/registrations/${inMine}/check-in`);
      expect(checked.status).toBe(200);
      expect(checked.body.checkedInAt).toEqual(expect.any(String));
      const again = await coordinator.client.post(`/registrations/${inMine}/check-in`);
      expect(again.body.checkedInAt).toBe(checked.body.checkedInAt);
      expect((await organizer.post(`/registrations/${elsewhere}/check-in`)).status).toBe(200);
      expect((await admin.post(`/registrations/${inTheirs}/check-in`)).status).toBe(200);
      expect((await organizer.post(`/registrations/${randomUUID()}/check-in`)).status).toBe(404);
    });

    it('keeps participant export and erasure to admins', async () => {
      for (const client of [organizer, coordinator.client]) {
        expect((await client.get('/participants/export?email=a@b.org')).status).toBe(403);
        expect((await client.delete('/participants?email=a@b.org')).status).toBe(403);
      }
      expect((await admin.get('/participants/export?email=not-an-email')).status).toBe(400);
      expect((await admin.delete('/participants')).status).toBe(400);
    });
  });

  describe('staff lists', () => {
    it('filters by status, group, space and free text, pages, and counts', async () => {
      const d = await published({ capacity: 2 });
      const s = await space(d.id);
      await register(d.id, {
        firstName: 'Zoë',
        organization: 'IOM',
        stakeholderGroup: 'international_organization',
        spaceIds: [s.id],
      });
      await register(d.id, { lastName: 'Okafor_100%', stakeholderGroup: 'academia' });
      await register(d.id, { email: 'late@example.org' });
      const all = await organizer.get(`/dialogues/${d.id}/registrations?pageSize=2`);
      expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(all.body.items).toHaveLength(2);
      expect((await organizer.get(`/dialogues/${d.id}/registrations?page=2&pageSize=2`)).body.items).toHaveLength(1);
      expect((await organizer.get(`/dialogues/${d.id}/registrations?status=waitlisted`)).body.items[0].email).toBe(
        'late@example.org',
      );
      expect((await organizer.get(`/dialogues/${d.id}/registrations?stakeholderGroup=academia`)).body.total).toBe(1);
      expect((await organizer.get(`/dialogues/${d.id}/registrations?spaceId=${s.id}`)).body.items[0].firstName).toBe(
        'Zoë',
      );
      expect((await organizer.get(`/dialogues/${d.id}/registrations?q=iom`)).body.total).toBe(1);
      expect(
        (await organizer.get(`/dialogues/${d.id}/registrations?q=${encodeURIComponent('_100%')}`)).body.total,
      ).toBe(1);
      expect((await organizer.get(`/dialogues/${d.id}/registrations?q=${encodeURIComponent('%')}`)).body.total).toBe(1);
      expect((await organizer.get(`/dialogues/${d.id}/registrations?status=bogus`)).status).toBe(400);
      expect((await organizer.get(`/dialogues/${randomUUID()}/registrations`)).status).toBe(404);
      const stats = await organizer.get(`/dialogues/${d.id}/stats`);
      expect(stats.body).toMatchObject({
        byStatus: { confirmed: 2, waitlisted: 1 },
        byGroup: {
          academia: { confirmed: 1 },
          international_organization: { confirmed: 1 },
          civil_society: { waitlisted: 1 },
        },
        bySpace: { [s.id]: { confirmed: 1 } },
        capacity: 2,
        confirmedCount: 2,
      });
    });

    it('exports CSV with formula cells neutralised', async () => {
      const d = await published();
      await register(d.id, {
        firstName: '=HYPERLINK("evil.example","x")', // names refuse links; formulas are neutralised
        lastName: '+SUM(1)',
        organization: '-2+3',
        jobTitle: '@cmd',
      });
      const res = await organizer.get(`/dialogues/${d.id}/registrations.csv`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(/attachment/);
      const line = res.text.replace(/^\uFEFF/, '').split('\r\n')[1];
      expect(line).toContain(`"'=HYPERLINK(""evil.example"",""x"")"`);
      expect(line).toContain("'+SUM(1)");
      expect(line).toContain("'-2+3");
      expect(line).toContain("'@cmd");
    });
  });

  it('streams a CSV of any size in keyset pages: every row once, in arrival order', async () => {
    const d = await published({ capacity: 5000 });
    // 2,345 rows (three pages of the export) written straight to the table: the export is under test, not admission.
    await q(
      `INSERT INTO registrations (dialogue_id, email, email_normalized, first_name, last_name, organization,
                                  stakeholder_group, country, status)
       SELECT $1, 'p' || i || '@csv.example', 'p' || i || '@csv.example', 'Person', 'Number ' || lpad(i::text, 5, '0'),
              'Org', 'academia', 'FR', 'confirmed'
         FROM generate_series(1, 2345) i`,
      [d.id],
    );
    const res = await organizer.get(`/dialogues/${d.id}/registrations.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    const rows = res.text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(1, -1);
    const numbers = rows.map((line) => Number(/Number (\d{5})/.exec(line)?.[1]));
    expect(numbers).toEqual(Array.from({ length: 2345 }, (_, i) => i + 1));
  });

  it("exports CSV with headers and labels in the reader's language, named after the dialogue and its day", async () => {
    const d = await published({ title: 'Dialogue régional : migration & climat' });
    await register(d.id, { firstName: 'Zoé', stakeholderGroup: 'local_authority' });
    const res = await organizer.request('GET', `/dialogues/${d.id}/registrations.csv`, undefined, {
      'accept-language': 'fr-CH, fr;q=0.9, en;q=0.5',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-language')).toBe('fr');
    const [header, line] = res.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(
      'Identifiant,Statut,E-mail,Civilité,Prénom,Nom,Organisation,Fonction,Groupe de parties prenantes,Pays,' +
        "Langue préférée,Besoins d'accessibilité,Espaces,Invité,Présence enregistrée le,Inscrit le,Délégation,Réponses",
    );
    expect(line).toContain(',Confirmée,');
    expect(line).toContain('Autorité locale');
    expect(line).not.toContain('local_authority');
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: d.timeZone }).format(new Date(d.startsAt));
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toContain(`filename="inscriptions-dialogue-regional-migration-climat-${day}.csv"`);
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent(`inscriptions - Dialogue régional migration & climat - ${day}.csv`)}`,
    );
    expect(disposition).not.toContain(d.id);
    const en = await organizer.get(`/dialogues/${d.id}/registrations.csv`);
    expect(en.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^ID,Status,Email,Title,First name,Last name,/);
  });

  describe('sending limits', () => {
    const spaceMessages = async (spaceId: string) =>
      (await q<{ n: number }>('SELECT count(*)::int AS n FROM space_messages WHERE space_id = $1', [spaceId]))[0].n;

    it('a public registration is mailed its confirmation only, until the manage link is opened', async () => {
      const d = await published({ capacity: 100 });
      const s = await space(d.id, { coordinatorUserIds: [coordinator.id] });
      const id = (await register(d.id, { spaceIds: [s.id] })).body.id;
      const [before] = await q('SELECT email_confirmed_at FROM registrations WHERE id = $1', [id]);
      expect(before.email_confirmed_at).toBeNull();

      // A dry run counts, writes nothing; the message itself skips the unconfirmed address.
      // This dialogue's emails only: suites running in parallel write to the same table.
      const emails = async () =>
        (await q<{ n: number }>('SELECT count(*)::int AS n FROM outbound_emails WHERE dialogue_id = $1', [d.id]))[0].n;
      const emailsBefore = await emails();
      const dry = await coordinator.client.post(`/spaces/${s.id}/messages?dryRun=true`, { message: 'Hello' });
      expect(dry.status).toBe(202);
      expect(dry.body).toEqual({ wouldSend: 0, skipped: { addressNotConfirmed: 1 }, remainingToday: 5 });
      expect(await emails()).toBe(emailsBefore);
      expect(await spaceMessages(s.id)).toBe(0);
      const skipped = await coordinator.client.post(`/spaces/${s.id}/messages`, { message: 'Hello' });
      expect(skipped.body).toEqual({ messageId: null, queued: 0, skipped: 1, skippedBy: { addressNotConfirmed: 1 } });
      expect(await emailsOf(id)).toEqual(['confirmation']);

      // Opening the manage link proves the address; the next message reaches it.
      expect((await sut.api.get(`/registrations/manage/${await manageToken(id)}`)).status).toBe(200);
      const [after] = await q('SELECT email_confirmed_at FROM registrations WHERE id = $1', [id]);
      expect(after.email_confirmed_at).not.toBeNull();
      const sent = await coordinator.client.post(`/spaces/${s.id}/messages`, { message: 'Hello again' });
      expect(sent.body).toEqual({
        messageId: expect.any(String),
        queued: 1,
        skipped: 0,
        skippedBy: { addressNotConfirmed: 0 },
      });
      expect(await emailsOf(id)).toEqual(['confirmation', 'space_message']);
    });

    it('a registration made with a valid invitation has its address confirmed at once', async () => {
      const d = await published({ capacity: 100 });
      const email = `inv-${randomUUID()}@example.org`;
      const token = newToken();
      await q(
        `INSERT INTO invitations (dialogue_id, email, email_normalized, token_hash, status) VALUES ($1, $2, $2, $3, 'sent')`,
        [d.id, email, hashToken(token)],
      );
      const res = await register(d.id, { email, invitationToken: token });
      expect(res.status).toBe(201);
      const [row] = await q('SELECT email_confirmed_at FROM registrations WHERE id = $1', [res.body.id]);
      expect(row.email_confirmed_at).not.toBeNull();
    });

    it('a space sends 5 messages in 24 hours at most (429 after, nothing written), and concurrent sends cannot pass the cap', async () => {
      const d = await published({ capacity: 100 });
      const s = await space(d.id, { coordinatorUserIds: [coordinator.id] });
      const id = (await register(d.id, { spaceIds: [s.id] })).body.id;
      await sut.api.get(`/registrations/manage/${await manageToken(id)}`);
      const results = await race(8, (i) =>
        coordinator.client.post(`/spaces/${s.id}/messages`, { message: `News ${i}` }),
      );
      expect(results.map((r) => r.status).sort()).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
      const refused = results.find((r) => r.status === 429)!;
      expect(refused.body).toMatchObject({ type: 'https://gfmd-dialogues.org/problems/space-message-limit' });
      expect(await spaceMessages(s.id)).toBe(5);
      expect((await emailsOf(id)).filter((k) => k === 'space_message')).toHaveLength(5);
      expect(
        (await coordinator.client.post(`/spaces/${s.id}/messages?dryRun=true`, { message: 'x' })).body,
      ).toMatchObject({
        wouldSend: 1,
        remainingToday: 0,
      });
      // The cap is per space: another space of the dialogue still may.
      const t = await space(d.id, { coordinatorUserIds: [coordinator.id] });
      expect((await coordinator.client.post(`/spaces/${t.id}/messages`, { message: 'x' })).status).toBe(202);
    });
  });

  describe('manage link', () => {
    it('shows, changes details and spaces, and cancels; unknown or malformed tokens get 404', async () => {
      const d = await published({ capacity: 5 });
      const s = await space(d.id);
      const reg = (await register(d.id)).body;
      const token = await manageToken(reg.id);
      const view = await sut.api.get(`/registrations/manage/${token}`);
      expect(view.status).toBe(200);
      expect(view.headers.get('cache-control')).toMatch(/no-store/);
      expect(view.body).toMatchObject({
        id: reg.id,
        status: 'confirmed',
        dialogue: { id: d.id, title: d.title },
        spaces: [],
      });
      const changed = await sut.api.patch(`/registrations/manage/${token}`, {
        jobTitle: 'Advisor',
        country: 'fr',
        spaceIds: [s.id],
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        jobTitle: 'Advisor',
        country: 'FR',
        spaces: [{ spaceId: s.id, status: 'confirmed' }],
      });
      expect((await sut.api.patch(`/registrations/manage/${token}`, { email: 'x@y.org' })).status).toBe(400);
      expect((await sut.api.patch(`/registrations/manage/${token}`, { stakeholderGroup: 'government' })).status).toBe(
        400,
      );
      expect((await sut.api.patch(`/registrations/manage/${token}`, { firstName: 'A\nB' })).status).toBe(400);
      expect((await sut.api.get(`/registrations/manage/${newToken()}`)).status).toBe(404);
      expect((await sut.api.get('/registrations/manage/short')).status).toBe(404);
      expect((await sut.api.post(`/registrations/manage/${newToken()}/cancel`)).status).toBe(404);
      expect((await sut.api.patch(`/registrations/manage/${newToken()}`, { jobTitle: 'x' })).status).toBe(404);
      expect((await sut.api.post(`/registrations/manage/${token}/cancel`)).status).toBe(200);
      expect((await sut.api.post(`/registrations/manage/${token}/cancel`)).status).toBe(404);
      expect((await q('SELECT confirmed_count FROM spaces WHERE id = $1', [s.id]))[0].confirmed_count).toBe(0);
    });
  });

  describe('participants', () => {
    it('exports everything held about an address and erases it everywhere, keeping seat counts right', async () => {
      const email = `erase-${randomUUID()}@example.org`;
      const d = await published({ capacity: 1 });
      const other = await published({ capacity: 3 });
      const mine = (await register(d.id, { email })).body;
      const next = (await register(d.id)).body;
      const elsewhere = (await register(other.id, { email: email.toUpperCase() })).body;
      await q(
        `INSERT INTO invitations (dialogue_id, email, email_normalized, token_hash, status, name) VALUES ($1, $2, $2, $3, 'sent', 'Ana')`,
        [other.id, email, hashToken(newToken())],
      );

      const exported = await admin.get(`/participants/export?email=${encodeURIComponent(email)}`);
      expect(exported.status).toBe(200);
      expect(exported.body.registrations.map((r: { id: string }) => r.id).sort()).toEqual(
        [mine.id, elsewhere.id].sort(),
      );
      expect(exported.body.registrations[0]).toMatchObject({
        dialogueTitle: expect.any(String),
        consentAt: expect.any(String),
      });
      expect(exported.body.invitations).toHaveLength(1);
      expect(exported.body.emails.length).toBeGreaterThanOrEqual(2);

      const erased = await admin.delete(`/participants?email=${encodeURIComponent(email)}`);
      expect(erased.status).toBe(200);
      expect(erased.body).toMatchObject({ registrations: 2, invitations: 1, cancelled: 2 });
      const rows = await q('SELECT * FROM registrations WHERE id = ANY($1::uuid[])', [[mine.id, elsewhere.id]]);
      for (const r of rows) {
        expect(r).toMatchObject({
          first_name: 'Erased',
          last_name: 'Erased',
          status: 'cancelled',
          manage_token_hash: null,
          job_title: null,
        });
        expect(r.email).toBe(`erased-${r.id}@invalid`);
      }
      expect((await q('SELECT status FROM registrations WHERE id = $1', [next.id]))[0].status).toBe('confirmed');
      expect((await organizer.get(`/dialogues/${d.id}`)).body.confirmedCount).toBe(1);
      expect((await organizer.get(`/dialogues/${other.id}`)).body.confirmedCount).toBe(0);
      const leftovers = await q(
        `SELECT count(*)::int AS n FROM outbound_emails WHERE lower(recipient) = $1 OR html ILIKE $2 OR text ILIKE $2 OR params::text ILIKE $2`,
        [email, `%${email}%`],
      );
      expect(leftovers[0].n).toBe(0);
      const scrubbed = await q(
        'SELECT recipient, subject, html, status FROM outbound_emails WHERE registration_id = $1',
        [mine.id],
      );
      expect(
        scrubbed.every((e) => e.recipient.endsWith('@invalid') && e.html === null && e.subject === '[erased]'),
      ).toBe(true);
      expect((await q('SELECT count(*)::int AS n FROM invitations WHERE email_normalized = $1', [email]))[0].n).toBe(0);
      expect((await admin.get(`/participants/export?email=${encodeURIComponent(email)}`)).body).toMatchObject({
        registrations: [],
        invitations: [],
        emails: [],
      });
    });
  });
});

describe('registration rate limit', () => {
  it('answers 429 with problem+json once a client exceeds the registration limit', async () => {
    const saved = { limit: process.env.RATE_LIMIT_REGISTER_PER_MINUTE, prefix: process.env.QUEUE_PREFIX };
    process.env.RATE_LIMIT_REGISTER_PER_MINUTE = '3';
    process.env.QUEUE_PREFIX = `{rl-test-${randomUUID()}}`;
    const app = await createTestApp(MODULES);
    try {
      const organizer = (await app.staff('organizer')).client;
      const sessionId = (await organizer.get('/informal-sessions')).body[0]?.id;
      const d = await DialogueFactory.createPublished(organizer, sessionId ? { informalSessionId: sessionId } : {});
      const results = [];
      for (let i = 0; i < 5; i++) results.push(await app.api.post(`/dialogues/${d.id}/registrations`, person()));
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 429, 429]);
      expect(results[3].headers.get('content-type')).toMatch(/problem\+json/);
      expect(results[3].headers.get('retry-after')).toBeTruthy();
      const [{ n }] = await app.dataSource.query(
        'SELECT count(*)::int AS n FROM registrations WHERE dialogue_id = $1',
        [d.id],
      );
      expect(n).toBe(3);
    } finally {
      await app.close();
      process.env.RATE_LIMIT_REGISTER_PER_MINUTE = saved.limit;
      if (saved.prefix === undefined) delete process.env.QUEUE_PREFIX;
      else process.env.QUEUE_PREFIX = saved.prefix;
    }
  });
});
