import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AuthModule, AuthService } from '@gfmd/api-auth';
import { PlatformModule, runMigrationsLocked } from '@gfmd/api-platform';
import { createTestApp, ownDatabaseUrl, TestApp, withEnv } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';

jest.setTimeout(60_000);

const STRONG = 'correct-horse-battery-staple';

describe('Staff sessions (integration)', () => {
  let sut: TestApp;

  beforeAll(async () => {
    // A database of its own: the last-admin rule counts every admin in it.
    const databaseUrl = await ownDatabaseUrl('gfmd_test_sessions');
    sut = await withEnv({ DATABASE_URL: databaseUrl, QUEUE_PREFIX: `{sessions-${randomUUID().slice(0, 8)}}` }, () =>
      createTestApp([AppModule]),
    );
  });
  afterAll(() => sut?.close());

  describe('Cache-Control', () => {
    it('is no-store on every response to a request with a Bearer token, whatever the route set', async () => {
      const { client } = await sut.staff('organizer');
      const anonymous = await sut.api.get('/dialogues');
      expect(anonymous.headers.get('cache-control')).not.toBe('no-store');
      const staff = await client.get('/dialogues');
      expect(staff.status).toBe(200);
      expect(staff.headers.get('cache-control')).toBe('no-store');
      // A route that sets its own policy (the calendar: no-cache) is still no-store for staff.
      const ics = await client.get(`/dialogues/${randomUUID()}/agenda.ics`);
      expect(ics.headers.get('cache-control')).toBe('no-store');
      expect((await client.get('/auth/me')).headers.get('cache-control')).toBe('no-store');
      // Errors too (403, and 401 for a token that is not valid).
      expect((await client.post('/users', {})).headers.get('cache-control')).toBe('no-store');
      expect((await sut.api.withToken('not-a-token').get('/auth/me')).headers.get('cache-control')).toBe('no-store');
    });

    it('is no-store on sign-in (success and failure) and on routes keyed by a secret token', async () => {
      const { email } = await sut.staff('coordinator');
      const ok = await sut.api.post('/auth/login', { email, password: STRONG });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('cache-control')).toBe('no-store');
      const wrong = await sut.api.post('/auth/login', { email, password: 'wrong-password' });
      expect(wrong.headers.get('cache-control')).toBe('no-store');
      const manage = await sut.api.get(`/registrations/manage/${'x'.repeat(43)}`);
      expect(manage.status).toBe(404);
      expect(manage.headers.get('cache-control')).toBe('no-store');
      const decline = await sut.api.post(`/invitations/decline/${'x'.repeat(43)}`);
      expect(decline.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('POST /auth/logout', () => {
    it('revokes the token it is called with, from the next request on, and only that token', async () => {
      const { email, client } = await sut.staff('organizer');
      const other = (await sut.api.post('/auth/login', { email, password: STRONG })).body.accessToken as string;
      expect((await client.get('/auth/me')).status).toBe(200);

      const out = await client.post('/auth/logout');
      expect(out.status).toBe(204);
      const after = await client.get('/auth/me');
      expect(after.status).toBe(401);
      expect(after.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((await client.get('/users')).status).toBe(401);
      // On a public route the revoked token is simply not a session: staff-only data is not shown.
      expect((await client.get('/dialogues')).status).toBe(200);
      // Signing out twice is harmless; the token stays refused.
      expect((await client.post('/auth/logout')).status).toBe(401);
      // The same person's other session is untouched.
      expect((await sut.api.withToken(other).get('/auth/me')).status).toBe(200);
    });

    it('needs a token (401)', async () => {
      expect((await sut.api.post('/auth/logout')).status).toBe(401);
    });
  });

  describe('PATCH /users/:id', () => {
    it('deactivation takes effect on the very next request, and sign-in is refused until reactivated', async () => {
      const admin = await sut.staff('admin');
      const { id, email, client } = await sut.staff('organizer');
      expect((await client.get('/users')).status).toBe(200);

      const res = await admin.client.patch(`/users/${id}`, { active: false });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, active: false, role: 'organizer' });
      expect(res.body.passwordHash).toBeUndefined();

      expect((await client.get('/users')).status).toBe(401);
      expect((await sut.api.post('/auth/login', { email, password: STRONG })).status).toBe(401);

      expect((await admin.client.patch(`/users/${id}`, { active: true })).status).toBe(200);
      expect((await sut.api.post('/auth/login', { email, password: STRONG })).status).toBe(200);
    });

    it('a changed role takes effect on the next request of a token issued before', async () => {
      const admin = await sut.staff('admin');
      const { id, client } = await sut.staff('organizer');
      expect((await client.get('/users')).status).toBe(200);
      expect((await admin.client.patch(`/users/${id}`, { role: 'coordinator' })).body).toMatchObject({
        role: 'coordinator',
      });
      expect((await client.get('/users')).status).toBe(403);
      expect((await client.get('/auth/me')).body).toMatchObject({ role: 'coordinator' });
    });

    it('is for admins only, and refuses bad input with problem+json', async () => {
      const admin = await sut.staff('admin');
      const organizer = await sut.staff('organizer');
      expect((await organizer.client.patch(`/users/${admin.id}`, { active: false })).status).toBe(403);
      expect((await sut.api.patch(`/users/${admin.id}`, { active: false })).status).toBe(401);
      for (const body of [{}, { role: 'root' }, { active: 'no' }, { email: 'x@y.z', active: true }]) {
        const res = await admin.client.patch(`/users/${organizer.id}`, body);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      }
      expect((await admin.client.patch(`/users/${randomUUID()}`, { active: false })).status).toBe(404);
      expect((await admin.client.patch('/users/not-a-uuid', { active: false })).status).toBe(404);
      expect((await organizer.client.get('/auth/me')).body).toMatchObject({ role: 'organizer', active: true });
    });

    it('never leaves no active admin: the last one can be neither deactivated nor demoted (422), even by two admins at once', async () => {
      // Deactivate every other admin, so that exactly two remain.
      const a = await sut.staff('admin');
      const b = await sut.staff('admin');
      const others = (await a.client.get('/users?role=admin')).body.items.filter(
        (u: { id: string; active: boolean }) => u.active && u.id !== a.id && u.id !== b.id,
      );
      for (const u of others) expect((await a.client.patch(`/users/${u.id}`, { active: false })).status).toBe(200);

      // Each demotes the other at the same moment: one wins, the other is refused.
      const [ab, ba] = await Promise.all([
        a.client.patch(`/users/${b.id}`, { role: 'organizer' }),
        b.client.patch(`/users/${a.id}`, { active: false }),
      ]);
      // One wins; the other is refused: 422 when both checks overlap, else its own guard already
      // sees the change (403 demoted, 401 deactivated). Either way one active admin remains.
      expect([ab.status, ba.status].filter((status) => status === 200)).toHaveLength(1);
      expect([401, 403, 422]).toContain(ab.status === 200 ? ba.status : ab.status);
      const survivor = ab.status === 200 ? a : b;
      const admins = (await survivor.client.get('/users?role=admin')).body.items.filter(
        (u: { active: boolean }) => u.active,
      );
      expect(admins.map((u: { id: string }) => u.id)).toEqual([survivor.id]);
      for (const body of [{ active: false }, { role: 'organizer' }, { role: 'coordinator', active: true }]) {
        const res = await survivor.client.patch(`/users/${survivor.id}`, body);
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({
          type: expect.stringContaining('last-admin'),
          detail: expect.stringContaining('last active admin'),
        });
      }
      // Keeping the role (or making an admin of someone else first) is fine.
      expect((await survivor.client.patch(`/users/${survivor.id}`, { role: 'admin', active: true })).status).toBe(200);
      const loser = survivor === a ? b : a;
      expect((await survivor.client.patch(`/users/${loser.id}`, { role: 'admin', active: true })).status).toBe(200);
      expect((await survivor.client.patch(`/users/${survivor.id}`, { role: 'organizer' })).status).toBe(200);
    });
  });

  describe('password rule', () => {
    it.each([
      ['a common password', 'password1234', 'common'],
      ['a keyboard pattern', 'qwertyuiop123', ''],
      ['the person’s own email', 'new-staff-member@test.gfmd', ''],
      ['the person’s own name', 'Wilhelmina Oyelaran-Smith', ''],
    ])('refuses %s with problem+json and its reason, and creates nothing', async (_, password, reason) => {
      const admin = await sut.staff('admin');
      const email = `new-staff-member@test.gfmd`;
      const res = await admin.client.post('/users', {
        email,
        name: 'Wilhelmina Oyelaran-Smith',
        role: 'organizer',
        password,
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({
        type: expect.stringContaining('weak-password'),
        errors: [{ field: 'password' }],
      });
      expect(res.body.detail).toMatch(/too easy to guess\. \S/);
      if (reason) expect(res.body.detail.toLowerCase()).toContain(reason);
      expect((await sut.api.post('/auth/login', { email, password })).status).toBe(401);
    });

    it('applies to POST /auth/password, where the current password must be right', async () => {
      const { email, client } = await sut.staff('coordinator', { name: 'Quentin Abernathy' });
      const weak = await client.post('/auth/password', { currentPassword: STRONG, newPassword: 'quentin-abernathy' });
      expect(weak.status).toBe(400);
      expect(weak.body).toMatchObject({
        type: expect.stringContaining('weak-password'),
        errors: [{ field: 'newPassword' }],
      });
      const wrong = await client.post('/auth/password', {
        currentPassword: 'not-it-at-all',
        newPassword: 'plum-orbit-lantern-97',
      });
      expect(wrong.status).toBe(403);
      expect((await sut.api.post('/auth/login', { email, password: STRONG })).status).toBe(200);
      expect(
        (await sut.api.post('/auth/password', { currentPassword: STRONG, newPassword: 'plum-orbit-lantern-97' }))
          .status,
      ).toBe(401);

      expect(
        (await client.post('/auth/password', { currentPassword: STRONG, newPassword: 'plum-orbit-lantern-97' })).status,
      ).toBe(204);
      expect((await sut.api.post('/auth/login', { email, password: STRONG })).status).toBe(401);
      expect((await sut.api.post('/auth/login', { email, password: 'plum-orbit-lantern-97' })).status).toBe(200);
    });

    it('accepts a strong password', async () => {
      const admin = await sut.staff('admin');
      const email = `strong-${randomUUID()}@test.gfmd`;
      const res = await admin.client.post('/users', {
        email,
        name: 'Strong',
        role: 'coordinator',
        password: 'plum-orbit-lantern-97',
      });
      expect(res.status).toBe(201);
      expect((await sut.api.post('/auth/login', { email, password: 'plum-orbit-lantern-97' })).status).toBe(200);
    });
  });
});

describe('First admin from ADMIN_EMAIL / ADMIN_PASSWORD (integration)', () => {
  /** The auth module on an empty database of its own, with the given environment. */
  async function firstAdmin(env: Record<string, string>) {
    const databaseUrl = await ownDatabaseUrl(`gfmd_test_first_admin_${env['NODE_ENV']}`);
    const moduleRef = await withEnv({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', ...env }, () =>
      Test.createTestingModule({ imports: [PlatformModule, AuthModule] }).compile(),
    );
    moduleRef.useLogger(false);
    await runMigrationsLocked(moduleRef.get<DataSource>(getDataSourceToken()));
    return moduleRef;
  }

  it('refuses to boot in production with a weak ADMIN_PASSWORD, and creates no account', async () => {
    const moduleRef = await firstAdmin({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      PUBLIC_URL: 'https://gfmd.example.org',
      SMTP_URL: 'smtp://127.0.0.1:1025',
      ADMIN_EMAIL: 'admin@gfmd.example.org',
      ADMIN_PASSWORD: 'Password1234',
    });
    try {
      const auth = moduleRef.get(AuthService);
      await expect(auth.ensureFirstAdmin()).rejects.toThrow(/ADMIN_PASSWORD is too easy to guess/);
      await expect(auth.login('admin@gfmd.example.org', 'Password1234')).rejects.toMatchObject({ status: 401 });
    } finally {
      await moduleRef.close();
    }
  });

  it('only warns outside production (the account is created)', async () => {
    const moduleRef = await firstAdmin({
      NODE_ENV: 'development',
      ADMIN_EMAIL: 'admin@gfmd.local',
      ADMIN_PASSWORD: 'Password1234',
    });
    try {
      const auth = moduleRef.get(AuthService);
      await auth.ensureFirstAdmin();
      await expect(auth.login('admin@gfmd.local', 'Password1234')).resolves.toMatchObject({ user: { role: 'admin' } });
    } finally {
      await moduleRef.close();
    }
  });
});
