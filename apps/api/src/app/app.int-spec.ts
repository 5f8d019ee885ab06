import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { PlatformModule } from '@gfmd/api-platform';
import { createTestApp, TestApp } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';

describe('API platform (integration)', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp([AppModule], { docs: true });
  });
  afterAll(() => sut.close());

  it('reports health of the database and Redis', async () => {
    const res = await sut.api.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', db: 'up', redis: 'up' });
  });

  it('publishes the OpenAPI document and Swagger UI', async () => {
    const json = await fetch(`${sut.baseUrl}/api/docs-json`);
    expect(json.status).toBe(200);
    const doc = (await json.json()) as { paths: Record<string, unknown> };
    for (const path of [
      '/api/v1/health',
      '/api/v1/auth/login',
      '/api/v1/dialogues',
      '/api/v1/dialogues/{id}/publish',
      '/api/v1/dialogues/{id}/invitations/summary',
      '/api/v1/outbox/summary',
      '/api/v1/spaces/{id}/messages/{messageId}/summary',
      '/api/v1/dialogues/{id}/outcome',
      '/api/v1/dialogues/{id}/outcome/diff',
      '/api/v1/recommendations',
      '/api/v1/recommendations/{reference}',
      '/api/v1/dialogues/{id}/delegations',
      '/api/v1/delegations/manage/{token}/delegates/{registrationId}',
      '/api/v1/dialogues/{id}/questions',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect((await fetch(`${sut.baseUrl}/api/docs`)).status).toBe(200);
  });

  it('sets security headers, a request id, and no CORS by default', async () => {
    const res = await fetch(`${sut.baseUrl}/api/v1/themes`, { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('keeps a sane incoming request id and replaces a hostile one', async () => {
    const kept = await fetch(`${sut.baseUrl}/api/v1/themes`, { headers: { 'x-request-id': 'trace-123' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-123');
    const replaced = await fetch(`${sut.baseUrl}/api/v1/themes`, { headers: { 'x-request-id': 'a b<script>' } });
    expect(replaced.headers.get('x-request-id')).not.toContain('<');
  });

  it('answers unknown routes with problem+json 404', async () => {
    const res = await sut.api.get('/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  describe('bad bodies get problem+json and change nothing', () => {
    const post = (path: string, body: string | Buffer, contentType = 'application/json') =>
      fetch(`${sut.baseUrl}/api/v1${path}`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: body as unknown as BodyInit,
      });

    it.each([
      ['malformed JSON', '{"email": "a@b.cd", ', 400, 'not valid JSON'],
      ['a JSON string instead of an object', '"hello"', 400, 'must be a JSON object'],
      ['a JSON number', '42', 400, 'must be a JSON object'],
      ['a __proto__ key', '{"email":"a@b.cd","password":"x","__proto__":{"admin":true}}', 400, 'not valid JSON'],
    ])('%s', async (_, body, status, detail) => {
      const res = await post('/auth/login', body);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((await res.json()) as { detail: string }).toMatchObject({
        status,
        detail: expect.stringContaining(detail),
      });
    });

    it('refuses a body over the limit with 413', async () => {
      const res = await post('/auth/login', JSON.stringify({ email: 'a@b.cd', password: 'x'.repeat(2 * 1024 * 1024) }));
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ status: 413, type: expect.stringContaining('payload-too-large') });
    });

    it('takes a larger body on the bulk invitations route only (then answers as that route does)', async () => {
      const recipients = Array.from({ length: 20_000 }, (_, i) => ({
        email: `bulk-${i}@example.org`,
        name: 'x'.repeat(60),
      }));
      const body = JSON.stringify({ recipients });
      expect(body.length).toBeGreaterThan(1024 * 1024);
      const res = await post(`/dialogues/${randomUUID()}/invitations`, body);
      expect(res.status).toBe(401); // past the body limit: the route's own rules answer (staff only)
    });

    it('refuses other media types with 415', async () => {
      const res = await post('/auth/login', 'email=a@b.cd', 'text/plain');
      expect(res.status).toBe(415);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    });

    it('treats an empty JSON body as no body', async () => {
      const res = await post('/auth/login', '');
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(
        expect.arrayContaining(['email', 'password']),
      );
    });
  });

  it('matches paths regardless of case and of a trailing slash, as before', async () => {
    expect((await fetch(`${sut.baseUrl}/api/v1/Themes`)).status).toBe(200);
    expect((await fetch(`${sut.baseUrl}/api/v1/themes/`)).status).toBe(200);
  });

  it('logs in staff and refuses wrong passwords without saying which part was wrong', async () => {
    const { email } = await sut.staff('organizer');
    const ok = await sut.api.post('/auth/login', {
      email: email.toUpperCase(),
      password: 'correct-horse-battery-staple',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ accessToken: expect.any(String), user: { email, role: 'organizer' } });
    const me = await sut.api.withToken(ok.body.accessToken).get('/auth/me');
    expect(me.body).toMatchObject({ email, role: 'organizer' });
    const wrong = await sut.api.post('/auth/login', { email, password: 'nope' });
    const unknown = await sut.api.post('/auth/login', { email: `x-${randomUUID()}@test.gfmd`, password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect((await sut.api.get('/auth/me')).status).toBe(401);
  });
});

describe('rate limits (integration)', () => {
  let sut: TestApp;
  const saved = { ...process.env };

  beforeAll(async () => {
    process.env.RATE_LIMIT_LOGIN_PER_MINUTE = '3';
    process.env.QUEUE_PREFIX = `{rl-${randomUUID()}}`; // its own Redis keys
    sut = await createTestApp([PlatformModule, AuthModule, DialoguesModule]);
    await sut.app.get(SeedService).seedProcess();
  });
  afterAll(async () => {
    process.env = saved;
    await sut.close();
  });

  it('limits login attempts per client across the shared Redis counter (429 with Retry-After)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await sut.api.post('/auth/login', { email: 'a@b.cd', password: 'x' })).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const limited = await sut.api.post('/auth/login', { email: 'a@b.cd', password: 'x' });
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.body).toMatchObject({ status: 429, type: expect.stringContaining('too-many-requests') });
    // Other routes have their own bucket.
    expect((await sut.api.get('/themes')).status).toBe(200);
  });
});
