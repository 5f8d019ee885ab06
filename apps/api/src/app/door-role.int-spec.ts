import { createTestApp, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';

/** What a `door` account may reach; every other route that needs a sign-in answers it 403. */
const DOOR_ROUTES = [
  'POST /api/v1/check-in/scan',
  'POST /api/v1/check-in/manual',
  'POST /api/v1/check-in/undo',
  'GET /api/v1/dialogues/{id}/check-in/search',
  'GET /api/v1/dialogues/{id}/attendance',
  'GET /api/v1/check-in/dialogues',
  'GET /api/v1/auth/me',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password',
];

const NOT_ASSIGNED = "You are not assigned to this dialogue's door.";

/*
 * The door role scans check-in codes and does nothing else: every operation of the OpenAPI
 * document, sent as a door account and as an anonymous visitor. Where a visitor must sign in
 * (401), the door account is refused (403) unless the route is one of DOOR_ROUTES; on public
 * routes it is answered exactly as a visitor. A check-in route may answer 403 only because the
 * door account is not assigned to that dialogue's door (the ids here are random).
 */
describe('door role (integration)', () => {
  let sut: TestApp;
  let door: ApiClient;
  let ops: { method: string; path: string }[];

  beforeAll(async () => {
    sut = await createTestApp([AppModule], { docs: true });
    door = (await sut.staff('door')).client;
    const doc = (await (await fetch(`${sut.baseUrl}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => ({ method: m.toUpperCase(), path })),
    );
  }, 60_000);
  afterAll(() => sut?.close());

  it('refuses door staff every signed-in route but the check-in ones', async () => {
    const send = async (client: ApiClient, method: string, path: string) => {
      const url = path.replace(/^\/api\/v1/, '').replace(/\{[^}]+\}/g, randomUUID());
      const res = await client.request(method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
      return { status: res.status, detail: (res.body as { detail?: string } | undefined)?.detail };
    };
    const wrong: string[] = [];
    let refused = 0;
    // Signing out last: it ends the door account's token.
    const ordered = [...ops].sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
    for (const op of ordered) {
      const key = `${op.method} ${op.path}`;
      const anonymous = (await send(sut.api, op.method, op.path)).status;
      const answer = await send(door, op.method, op.path);
      const asDoor = answer.status;
      if (DOOR_ROUTES.includes(key)) {
        const unassigned = asDoor === 403 && answer.detail === NOT_ASSIGNED;
        if ((asDoor === 401 || asDoor === 403) && !unassigned) wrong.push(`${key}: door refused (${asDoor})`);
      } else if (anonymous === 401) {
        if (asDoor !== 403) wrong.push(`${key}: door got ${asDoor}, expected 403`);
        else refused++;
      } else if (asDoor === 403 && anonymous !== 403) {
        wrong.push(`${key}: a public route refused door staff`);
      }
    }
    expect(wrong).toEqual([]);
    expect(refused).toBeGreaterThan(40);
  }, 120_000);
});
