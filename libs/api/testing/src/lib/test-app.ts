import type { DynamicModule, ForwardReference, INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AuthService } from '@gfmd/api-auth';
import { AppConfig, configureHttpApp, createHttpAdapter, runMigrationsLocked } from '@gfmd/api-platform';
import type { Role } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';

type ModuleImport = Type | DynamicModule | Promise<DynamicModule> | ForwardReference;

export interface TestApp {
  app: INestApplication;
  /** http://127.0.0.1:<port> (the app listens on a free port). */
  baseUrl: string;
  dataSource: DataSource;
  /** fetch against /api/v1 with JSON in and out. */
  api: ApiClient;
  /** Creates a staff user and returns a client authenticated as them. */
  staff(
    role: Role,
    overrides?: { email?: string; name?: string },
  ): Promise<{ id: string; email: string; client: ApiClient }>;
  close(): Promise<void>;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  withToken(token: string | undefined) {
    return new ApiClient(this.baseUrl, token);
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    if (/json/.test(res.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }
  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

/** The password of every staff user `staff()` makes. */
const STAFF_PASSWORD = 'correct-horse-battery-staple';

/**
 * Boots the given modules exactly as main.ts does (same pipes, filter, guards), on the real
 * PostgreSQL and Redis named by DATABASE_URL / REDIS_URL, after running the migrations.
 * Each spec makes its own data, so specs can run in any order and in parallel.
 *
 * `docs: true` publishes the OpenAPI document and Swagger UI (/api/docs, /api/docs-json) as
 * main.ts does; off unless a spec reads them: building the document of every route costs
 * 0.1–0.2 s of CPU per app, and no other route depends on it.
 */
export async function createTestApp(
  imports: ModuleImport[],
  options: { providers?: any[]; docs?: boolean } = {},
): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({ imports, providers: options.providers ?? [] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(new AppConfig()), {
    bodyParser: false,
    logger: false,
  });
  configureHttpApp(app, app.get(AppConfig), { docs: options.docs ?? false });
  const dataSource = app.get<DataSource>(getDataSourceToken());
  await runMigrationsLocked(dataSource);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = new ApiClient(baseUrl);
  const auth = app.get(AuthService);
  // One argon2id hash of the staff password per app, set on every staff user it makes, and their
  // token issued as sign-in issues it: a user made here signs in with STAFF_PASSWORD like any
  // other, and the many staff of the specs no longer cost two argon2 runs (~0.4 s of CPU) each.
  // Sign-in itself (the check of the password) is tested by the auth specs.
  let staffPasswordHash: Promise<string> | undefined;
  return {
    app,
    baseUrl,
    dataSource,
    api,
    async staff(role, overrides = {}) {
      const email = overrides.email ?? `${role}-${randomUUID()}@test.gfmd`;
      const name = overrides.name ?? `Test ${role}`;
      staffPasswordHash ??= auth.strongPasswordHash(
        { email: 'staff@test.gfmd', name: 'Test' },
        STAFF_PASSWORD,
        'password',
      );
      const user = await auth.createInvited({ email, name, role });
      await auth.setPasswordHash(user.id, await staffPasswordHash);
      const accessToken = await auth.issueToken(user);
      return { id: user.id, email, client: api.withToken(accessToken) };
    },
    async close() {
      await app.close();
    },
  };
}
