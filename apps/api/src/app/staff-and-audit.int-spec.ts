import { SeedService } from '@gfmd/api-dialogues';
import { OutboxService } from '@gfmd/api-mail';
import { AuditService, hashToken, inTransaction } from '@gfmd/api-platform';
import { ApiClient, createTestApp, DialogueFactory, ownDatabaseUrl, TestApp, withEnv } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';

jest.setTimeout(60_000);

const STRONG = 'correct-horse-battery-staple';
const NEW_PASSWORD = 'plum-orbit-lantern-97';

describe('Staff accounts and audit log (integration)', () => {
  let sut: TestApp;
  let admin: { id: string; email: string; client: ApiClient };

  const q = <T = any>(sql: string, params: unknown[] = []) => sut.dataSource.query(sql, params) as Promise<T[]>;
  /** The last staff email to an address, as the worker would send it (the link minted now). */
  const lastEmail = async (to: string, kind: string) => {
    const [row] = await q<{ id: string; params: Record<string, unknown> }>(
      `SELECT id, params FROM outbound_emails WHERE recipient = $1 AND kind = $2 ORDER BY created_at DESC LIMIT 1`,
      [to, kind],
    );
    if (!row) return null;
    const content = await sut.app.get(OutboxService).contentOf(row.id);
    const token = /\/set-password\?token=([A-Za-z0-9_-]{20,})/.exec(content?.text ?? '')?.[1];
    return { row, content, token };
  };
  const emailCount = async (to: string) =>
    (await q<{ n: number }>(`SELECT count(*)::int AS n FROM outbound_emails WHERE recipient = $1`, [to]))[0].n;
  const auditOf = (entityId: string) =>
    q<{ action: string; actor_user_id: string | null; details: Record<string, unknown>; dialogue_id: string | null }>(
      `SELECT action, actor_user_id, details, dialogue_id FROM audit_events WHERE entity_id = $1 ORDER BY at, id`,
      [entityId],
    );
  const login = (email: string, password: string) => sut.api.post('/auth/login', { email, password });

  beforeAll(async () => {
    // A database of its own: the last-admin rule counts every admin in it.
    const databaseUrl = await ownDatabaseUrl('gfmd_test_staff_audit');
    sut = await withEnv({ DATABASE_URL: databaseUrl, QUEUE_PREFIX: `{staff-${randomUUID().slice(0, 8)}}` }, () =>
      createTestApp([AppModule]),
    );
    await sut.app.get(SeedService).seedProcess();
    admin = await sut.staff('admin');
  });
  afterAll(() => sut?.close());

  describe('POST /users/invitations', () => {
    it('creates the account without a password and emails a single-use link; the person sets their password once', async () => {
      const email = `invitee-${randomUUID()}@test.gfmd`;
      const res = await admin.client.post('/users/invitations', {
        email,
        name: 'Ifeoma Okafor',
        role: 'organizer',
        language: 'fr',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ email, role: 'organizer', active: true, invitationPending: true });
      const userId = res.body.id as string;
      expect((await login(email, STRONG)).status).toBe(401);

      const mail = await lastEmail(email, 'staff_invitation');
      // The row names its link; the link itself (and its token) is never stored.
      expect(mail?.row.params).toMatchObject({ links: 'staff' });
      expect(JSON.stringify(mail?.row.params)).not.toMatch(/set-password|token=/);
      expect(mail?.content?.subject).toContain('GFMD');
      expect(mail?.token).toBeDefined();
      const token = mail!.token!;
      const [link] = await q<{ token_hash: string }>(`SELECT token_hash FROM staff_password_links WHERE user_id = $1`, [
        userId,
      ]);
      expect(link.token_hash).toBe(hashToken(token));

      // A weak password is refused and the link still works.
      const weak = await sut.api.post('/auth/password-reset/confirm', { token, password: 'ifeoma-okafor' });
      expect(weak.status).toBe(400);
      expect(weak.body).toMatchObject({
        type: expect.stringContaining('weak-password'),
        errors: [{ field: 'password' }],
      });

      expect((await sut.api.post('/auth/password-reset/confirm', { token, password: NEW_PASSWORD })).status).toBe(204);
      expect((await login(email, NEW_PASSWORD)).status).toBe(200);
      const again = await sut.api.post('/auth/password-reset/confirm', { token, password: 'another-lantern-orbit-42' });
      expect(again.status).toBe(410);
      expect(again.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(again.body.type).toContain('password-link-gone');
      expect((await login(email, NEW_PASSWORD)).status).toBe(200);

      const list = (await admin.client.get('/users')).body.items as { id: string; invitationPending?: boolean }[];
      expect(list.find((u) => u.id === userId)?.invitationPending).toBeUndefined();
      expect(await auditOf(userId)).toEqual([
        { action: 'user.invited', actor_user_id: admin.id, details: { role: 'organizer' }, dialogue_id: null },
      ]);
    });

    it('refuses bad input with problem+json and creates nothing', async () => {
      const organizer = await sut.staff('organizer');
      const before = (await q<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0].n;
      const email = `bad-${randomUUID()}@test.gfmd`;
      for (const body of [
        { email, name: 'X', role: 'root' },
        { email: 'not-an-email', name: 'X', role: 'organizer' },
        { email, name: '', role: 'organizer' },
        { email, name: 'X', role: 'organizer', password: STRONG },
        { email, name: 'X', role: 'organizer', language: 'de' },
      ]) {
        const res = await admin.client.post('/users/invitations', body);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      }
      const duplicate = await admin.client.post('/users/invitations', {
        email: organizer.email.toUpperCase(),
        name: 'X',
        role: 'organizer',
      });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.type).toContain('duplicate-user');
      expect((await q<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0].n).toBe(before);
      expect(await emailCount(email)).toBe(0);
    });

    it('an expired link is refused (410) and sets nothing', async () => {
      const email = `expired-${randomUUID()}@test.gfmd`;
      const { body } = await admin.client.post('/users/invitations', {
        email,
        name: 'Late Comer',
        role: 'coordinator',
      });
      const { token } = (await lastEmail(email, 'staff_invitation'))!;
      await q(`UPDATE staff_password_links SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [body.id]);
      const res = await sut.api.post('/auth/password-reset/confirm', { token, password: NEW_PASSWORD });
      expect(res.status).toBe(410);
      expect((await login(email, NEW_PASSWORD)).status).toBe(401);
      for (const bad of [{ token: 'short', password: NEW_PASSWORD }, { token: 'x'.repeat(43) }, {}]) {
        expect((await sut.api.post('/auth/password-reset/confirm', bad)).status).toBe(400);
      }
      expect(
        (await sut.api.post('/auth/password-reset/confirm', { token: 'x'.repeat(43), password: NEW_PASSWORD })).status,
      ).toBe(410);
    });
  });

  describe('password resets', () => {
    it('POST /users/:id/password-reset (admin) emails a link; the old password works until it is used', async () => {
      const staff = await sut.staff('coordinator');
      const res = await admin.client.post(`/users/${staff.id}/password-reset`, { language: 'es' });
      expect(res.status).toBe(202);
      const mail = (await lastEmail(staff.email, 'password_reset'))!;
      expect(mail.content?.subject).toMatch(/contraseña/);
      expect((await login(staff.email, STRONG)).status).toBe(200);
      expect(
        (await sut.api.post('/auth/password-reset/confirm', { token: mail.token, password: NEW_PASSWORD })).status,
      ).toBe(204);
      expect((await login(staff.email, STRONG)).status).toBe(401);
      expect((await login(staff.email, NEW_PASSWORD)).status).toBe(200);
      expect(await auditOf(staff.id)).toEqual([
        { action: 'user.password_reset', actor_user_id: admin.id, details: { by: 'admin' }, dialogue_id: null },
      ]);

      expect((await admin.client.post(`/users/${randomUUID()}/password-reset`)).status).toBe(404);
      expect((await admin.client.post(`/users/${staff.id}/password-reset`, { language: 'xx' })).status).toBe(400);
      expect((await admin.client.patch(`/users/${staff.id}`, { active: false })).status).toBe(200);
      const inactive = await admin.client.post(`/users/${staff.id}/password-reset`);
      expect(inactive.status).toBe(422);
      expect(inactive.body.type).toContain('user-inactive');
    });

    it('POST /auth/password-reset answers 202 whatever the email, and emails only an active account, once', async () => {
      const staff = await sut.staff('organizer');
      const unknown = `nobody-${randomUUID()}@test.gfmd`;
      const a = await sut.api.post('/auth/password-reset', { email: unknown });
      const b = await sut.api.post('/auth/password-reset', { email: staff.email.toUpperCase() });
      expect([a.status, b.status]).toEqual([202, 202]);
      expect(a.text).toBe(b.text);
      expect(await emailCount(unknown)).toBe(0);
      expect(await emailCount(staff.email)).toBe(1);
      // Asked again at once: still 202, no second email.
      expect((await sut.api.post('/auth/password-reset', { email: staff.email })).status).toBe(202);
      expect(await emailCount(staff.email)).toBe(1);
      expect((await auditOf(staff.id)).map((e) => [e.action, e.actor_user_id, e.details])).toEqual([
        ['user.password_reset', null, { by: 'self' }],
      ]);
      expect((await sut.api.post('/auth/password-reset', { email: 'not-an-email' })).status).toBe(400);
      // A deactivated account gets nothing, and its pending link stops working.
      const { token } = (await lastEmail(staff.email, 'password_reset'))!;
      expect((await admin.client.patch(`/users/${staff.id}`, { active: false })).status).toBe(200);
      expect((await sut.api.post('/auth/password-reset/confirm', { token, password: NEW_PASSWORD })).status).toBe(410);
    });
  });

  describe('PATCH /users/:id', () => {
    it('a token issued before deactivation gets 401 on its next call; role changes and deactivation are audited', async () => {
      const staff = await sut.staff('organizer');
      expect((await staff.client.get('/auth/me')).status).toBe(200);
      expect((await admin.client.patch(`/users/${staff.id}`, { role: 'coordinator' })).status).toBe(200);
      expect((await admin.client.patch(`/users/${staff.id}`, { active: false })).status).toBe(200);
      const next = await staff.client.get('/auth/me');
      expect(next.status).toBe(401);
      expect(next.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((await auditOf(staff.id)).map((e) => [e.action, e.actor_user_id, e.details])).toEqual([
        ['user.role_changed', admin.id, { fields: ['role'], from: 'organizer', to: 'coordinator' }],
        ['user.deactivated', admin.id, { fields: ['active'] }],
      ]);
      // A role that does not exist: 400, nothing changed, no audit line.
      expect((await admin.client.patch(`/users/${staff.id}`, { role: 'superuser' })).status).toBe(400);
      expect(await auditOf(staff.id)).toHaveLength(2);
    });
  });

  describe('audit log', () => {
    it('an audited change that fails and rolls back leaves no audit line; outside a transaction record refuses', async () => {
      const audit = sut.app.get(AuditService);
      const entityId = randomUUID();
      await expect(
        inTransaction(sut.dataSource, async () => {
          await audit.record({ actorUserId: admin.id, action: 'space.deleted', entityType: 'space', entityId });
          throw new Error('the change fails after its audit line');
        }),
      ).rejects.toThrow('fails');
      expect(await auditOf(entityId)).toEqual([]);
      await expect(
        audit.record({ actorUserId: admin.id, action: 'space.deleted', entityType: 'space', entityId }),
      ).rejects.toThrow(/inside the transaction/);
      await expect(
        inTransaction(sut.dataSource, () =>
          audit.record({
            actorUserId: admin.id,
            action: 'space.deleted',
            entityType: 'space',
            entityId,
            details: { note: 'someone@example.org' },
          }),
        ),
      ).rejects.toThrow(/only ids and field names/);
      expect(await auditOf(entityId)).toEqual([]);
    });

    it('a refused dialogue change (HTTP) writes no line; an accepted one names the changed fields only', async () => {
      const organizer = await sut.staff('organizer');
      const d = await DialogueFactory.create(organizer.client);
      expect((await organizer.client.patch(`/dialogues/${d.id}`, { endsAt: '2000-01-01T00:00:00Z' })).status).toBe(400);
      expect(
        (await organizer.client.patch(`/dialogues/${d.id}`, { title: 'A new title', venue: d.venue })).status,
      ).toBe(200);
      expect((await organizer.client.post(`/dialogues/${d.id}/publish`)).status).toBe(200);
      expect((await organizer.client.post(`/dialogues/${d.id}/cancel`)).status).toBe(200);
      expect((await auditOf(d.id)).map((e) => [e.action, e.actor_user_id, e.dialogue_id, e.details])).toEqual([
        ['dialogue.created', organizer.id, d.id, {}],
        ['dialogue.changed', organizer.id, d.id, { fields: ['title'] }],
        ['dialogue.published', organizer.id, d.id, { fields: ['status'] }],
        ['dialogue.cancelled', organizer.id, d.id, { fields: ['status'] }],
      ]);
    });

    it('registration decisions and erasure are audited with ids only: no name, no email', async () => {
      const organizer = await sut.staff('organizer');
      const d = await DialogueFactory.createPublished(organizer.client, { approvalRequired: true });
      const email = `amina-${randomUUID()}@example.org`;
      const reg = await sut.api.post(`/dialogues/${d.id}/registrations`, {
        email,
        firstName: 'Amina',
        lastName: 'Diallo',
        organization: 'Migrant Forum',
        stakeholderGroup: 'civil_society',
        country: 'SN',
        preferredLanguage: 'fr',
        consent: true,
      });
      expect(reg.status).toBe(201);
      const id = reg.body.id as string;
      expect((await organizer.client.post(`/registrations/${id}/approve`, {})).status).toBe(200);
      expect((await organizer.client.post(`/registrations/${id}/check-in`)).status).toBe(200);
      expect((await admin.client.delete(`/participants?email=${encodeURIComponent(email)}`)).status).toBe(200);

      const lines = await q<{ action: string; details: unknown; entity_id: string }>(
        `SELECT action, details, entity_id FROM audit_events WHERE dialogue_id = $1 ORDER BY at, id`,
        [d.id],
      );
      expect(lines.map((l) => l.action)).toEqual([
        'dialogue.created',
        'dialogue.published',
        'registration.approved',
        'registration.checked_in',
        'participant.erased',
      ]);
      const text = JSON.stringify(lines);
      for (const personal of ['Amina', 'Diallo', email, 'Migrant Forum']) expect(text).not.toContain(personal);
      expect(lines[4].details).toMatchObject({ registrationIds: [id] });

      // GET /audit, filtered by dialogue and by person, with the actor's name.
      const byDialogue = await admin.client.get(`/audit?dialogueId=${d.id}&pageSize=2`);
      expect(byDialogue.status).toBe(200);
      expect(byDialogue.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
      expect(byDialogue.body.items[0]).toMatchObject({
        action: 'participant.erased',
        actorUserId: admin.id,
        actorName: 'Test admin',
        dialogueId: d.id,
      });
      const byActor = await admin.client.get(`/audit?actor=${organizer.id}`);
      expect(byActor.body.items.map((e: { action: string }) => e.action).sort()).toEqual(
        ['dialogue.created', 'dialogue.published', 'registration.approved', 'registration.checked_in'].sort(),
      );
      const page2 = await admin.client.get(`/audit?dialogueId=${d.id}&pageSize=2&page=3`);
      expect(page2.body.items).toHaveLength(1);
    });

    it('invitations sent (and sent again) are audited with counts, never addresses', async () => {
      const organizer = await sut.staff('organizer');
      const d = await DialogueFactory.createPublished(organizer.client);
      const emails = [`inv-a-${randomUUID()}@example.org`, `inv-b-${randomUUID()}@example.org`];
      const sent = await organizer.client.post(`/dialogues/${d.id}/invitations`, {
        recipients: emails.map((email) => ({ email, name: 'Invited Person' })),
      });
      expect(sent.status).toBe(202);
      const [{ id: invitationId }] = await q<{ id: string }>(
        'SELECT id FROM invitations WHERE dialogue_id = $1 LIMIT 1',
        [d.id],
      );
      expect((await organizer.client.post(`/invitations/${invitationId}/resend`)).status).toBe(202);
      const lines = (await auditOf(d.id)).filter((l) => l.action === 'invitations.sent');
      expect(lines.map((l) => [l.actor_user_id, l.details])).toEqual([
        [organizer.id, { count: 2, spaceIds: [] }],
        [organizer.id, { count: 1, mode: 'resend' }],
      ]);
      expect(JSON.stringify(lines)).not.toMatch(/@|Invited Person/);
    });

    it('GET /audit refuses bad filters with problem+json', async () => {
      for (const query of [
        'actor=me',
        'dialogueId=1',
        'page=0',
        'pageSize=1000',
        'action=dialogue.deleted',
        'foo=bar',
      ]) {
        const res = await admin.client.get(`/audit?${query}`);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      }
    });
  });

  describe('role matrix', () => {
    type Who = 'anonymous' | 'coordinator' | 'organizer' | 'admin';
    let clients: Record<Who, ApiClient>;
    beforeAll(async () => {
      clients = {
        anonymous: sut.api,
        coordinator: (await sut.staff('coordinator')).client,
        organizer: (await sut.staff('organizer')).client,
        admin: admin.client,
      };
    });
    it.each<{
      name: string;
      call: (c: ApiClient, target: string) => Promise<{ status: number }>;
      expected: Record<Who, number>;
    }>([
      {
        name: 'GET /audit',
        call: (c) => c.get('/audit'),
        expected: { anonymous: 401, coordinator: 403, organizer: 403, admin: 200 },
      },
      {
        name: 'POST /users/invitations',
        call: (c) =>
          c.post('/users/invitations', { email: `m-${randomUUID()}@test.gfmd`, name: 'Matrix', role: 'coordinator' }),
        expected: { anonymous: 401, coordinator: 403, organizer: 403, admin: 201 },
      },
      {
        name: 'PATCH /users/:id',
        call: (c, target) => c.patch(`/users/${target}`, { role: 'coordinator' }),
        expected: { anonymous: 401, coordinator: 403, organizer: 403, admin: 200 },
      },
      {
        name: 'POST /users/:id/password-reset',
        call: (c, target) => c.post(`/users/${target}/password-reset`),
        expected: { anonymous: 401, coordinator: 403, organizer: 403, admin: 202 },
      },
      {
        name: 'POST /auth/password',
        call: (c) => c.post('/auth/password', { currentPassword: 'wrong-one-entirely', newPassword: NEW_PASSWORD }),
        expected: { anonymous: 401, coordinator: 403, organizer: 403, admin: 403 },
      },
      {
        name: 'POST /auth/password-reset',
        call: (c) => c.post('/auth/password-reset', { email: `x-${randomUUID()}@test.gfmd` }),
        expected: { anonymous: 202, coordinator: 202, organizer: 202, admin: 202 },
      },
      {
        name: 'POST /auth/password-reset/confirm',
        call: (c) => c.post('/auth/password-reset/confirm', { token: 'y'.repeat(43), password: NEW_PASSWORD }),
        expected: { anonymous: 410, coordinator: 410, organizer: 410, admin: 410 },
      },
    ])('$name', async ({ call, expected }) => {
      const target = (await sut.staff('coordinator')).id;
      const actual: Partial<Record<Who, number>> = {};
      for (const who of Object.keys(clients) as Who[]) actual[who] = (await call(clients[who], target)).status;
      expect(actual).toEqual(expected);
    });
  });
});
