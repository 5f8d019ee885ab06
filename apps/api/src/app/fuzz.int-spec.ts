import { SeedService } from '@gfmd/api-dialogues';
import { OutboxService } from '@gfmd/api-mail';
import {
  createTestApp,
  DialogueFactory,
  InformalSessionFactory,
  ownDatabaseUrl,
  TestApp,
  withEnv,
} from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { AppModule } from './app.module';

/*
 * Property-based fuzzing of the whole HTTP API, driven by its OpenAPI document: every
 * operation, as every role, with path ids of real rows and made-up ones, and bodies and query
 * strings generated from the schemas and then spoilt (nulls, wrong types, huge strings, lone
 * surrogates, nested arrays, deep nesting, unknown fields, control characters…).
 * What must hold for every request: no 5xx; every 4xx is problem+json with type, title and
 * status; and a refused request changes no row of the main tables.
 *
 * `npm test` runs a fixed seed and a bounded count. A longer run: tools/fuzz/run.mjs
 * (FUZZ_RUNS, FUZZ_SEED; the figures go to FUZZ_REPORT and nothing fails on a violation).
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 400);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261206);
const REPORT = process.env['FUZZ_REPORT'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: Json[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  allOf?: Schema[];
  nullable?: boolean;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
}
interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>
  >;
  components?: { schemas?: Record<string, Schema> };
}

type Role = 'anonymous' | 'participant' | 'door' | 'coordinator' | 'organizer' | 'admin';
const ROLES: Role[] = ['anonymous', 'participant', 'door', 'coordinator', 'organizer', 'admin'];

interface FuzzRequest {
  op: Operation;
  role: Role;
  path: string;
  query: string;
  /** Raw text sent as application/json, or undefined for no body. */
  body: string | undefined;
}

interface Violation {
  request: string;
  status: number;
  why: string;
}

/** Routes that answer a browser with an HTML page by design (the invitation decline page). */
const HTML_ROUTES = [/^GET \/api\/v1\/invitations\/decline\//];

const CONTROL = ['\u0000', '\r\nBcc: x@evil.example', '\u001b[31m', '\u007f', '\u0085', '\u202e', '\u2066', '\u2028'];
const WEIRD_STRINGS = [
  '',
  ' ',
  '\ud800',
  '\udfff@example.org',
  'a\ud800b',
  'x'.repeat(100_000),
  '😀'.repeat(300),
  'https://evil.example',
  'www.evil.example',
  'a@b.c',
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '=HYPERLINK("https://evil.example")',
  '../../etc/passwd',
  '%00',
  'null',
  '0',
  '-1',
  '1e309',
  '2030-02-30T25:61:00Z',
  '__proto__',
  ...CONTROL.map((c) => `Ana${c}Pérez`),
];
const WRONG_TYPES: Json[] = [
  null,
  0,
  -1,
  1.5,
  2 ** 53,
  -(2 ** 31),
  true,
  false,
  {},
  [],
  [[]],
  [null],
  { a: { b: [] } },
  'x',
];

/** A path segment; a lone surrogate becomes the bytes of one (invalid UTF-8, as a hostile client sends it). */
const pathSegment = (value: string) =>
  /\p{Cs}/u.test(value) ? `${encodeURIComponent(value.replace(/\p{Cs}/gu, ''))}%ED%A0%80` : encodeURIComponent(value);

/** JSON text nested `depth` levels deep. */
const deepJson = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);

describe('HTTP API fuzzing (integration)', () => {
  let sut: TestApp;
  let ops: Operation[];
  const clients = {} as Record<Role, ApiClient>;
  const ids: string[] = [];
  /** Ids of real rows by table, for path ids and id fields that name that table. */
  const idsOf: Record<string, string[]> = {};
  const tokens: string[] = [];
  const emails: string[] = [];

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    sut.dataSource.query(sql, params) as Promise<T[]>;

  /** One checksum over the rows of the main tables (users: ids and addresses only). */
  const TABLES = [
    'themes',
    'informal_sessions',
    'dialogues',
    'spaces',
    'agenda_items',
    'invitations',
    'registrations',
    'registration_spaces',
    'outbound_emails',
    'reminder_rounds',
    'processes',
    'phases',
    'milestones',
    'seat_holds',
    'delegations',
    'delegation_members',
    'check_in_codes',
    'check_in_scans',
    'documents',
    'contributions',
    'contribution_windows',
  ];
  const CHECKSUM_SQL = `SELECT md5(concat_ws('|', ${TABLES.map(
    (t) => `(SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM ${t} t)`,
  ).join(', ')}, (SELECT md5(string_agg(u.id::text || u.email, ',' ORDER BY u.id)) FROM users u))) AS sum`;
  const checksum = async () => (await q<{ sum: string }>(CHECKSUM_SQL))[0].sum;

  const emailText = async (where: string, params: unknown[]) => {
    const rows = await q<{ id: string }>(`SELECT id FROM outbound_emails WHERE ${where}`, params);
    const out: string[] = [];
    for (const row of rows) {
      const content = await sut.app.get(OutboxService).contentOf(row.id);
      out.push(`${content?.text} ${content?.html}`);
    }
    return out.join(' ');
  };

  beforeAll(async () => {
    // A database of its own: other spec files write to the shared one at the same time, which
    // would change the checksum between a request and its check.
    const databaseUrl = await ownDatabaseUrl('gfmd_test_fuzz');
    sut = await withEnv({ DATABASE_URL: databaseUrl }, () => createTestApp([AppModule], { docs: true }));
    await sut.app.get(SeedService).seedProcess();
    const admin = await sut.staff('admin');
    const organizer = await sut.staff('organizer');
    const coordinator = await sut.staff('coordinator');
    const door = await sut.staff('door');
    clients.anonymous = sut.api;
    clients.door = door.client;
    clients.participant = sut.api;
    clients.admin = admin.client;
    clients.organizer = organizer.client;
    clients.coordinator = coordinator.client;
    emails.push(admin.email, organizer.email, coordinator.email, door.email);

    // Rows for the path ids: a session, a published dialogue and a draft, a space the
    // coordinator coordinates, an agenda item, registrations, invitations.
    const session = await InformalSessionFactory.create(organizer.client);
    const dialogue = await DialogueFactory.createPublished(organizer.client, { informalSessionId: session.id });
    await DialogueFactory.create(organizer.client, { informalSessionId: session.id });
    // Door staff work only at the doors of the dialogues they are assigned to.
    await organizer.client.request('PUT', `/dialogues/${dialogue.id}/door-staff`, { userIds: [door.id] });
    const space = await organizer.client.post(`/dialogues/${dialogue.id}/spaces`, {
      name: 'Civil society space',
      kind: 'civil_society',
      capacity: 20,
      rooms: ['Room A'],
      coordinatorUserIds: [coordinator.id],
    });
    await organizer.client.post(`/dialogues/${dialogue.id}/agenda-items`, {
      title: 'Opening',
      kind: 'opening',
      startsAt: dialogue.startsAt,
      endsAt: new Date(new Date(dialogue.startsAt).getTime() + 3_600_000).toISOString(),
      spaceId: space.body.id,
    });
    for (let i = 0; i < 3; i++) {
      const email = `fuzz-${i}-${randomUUID()}@example.org`;
      emails.push(email);
      const reg = await sut.api.post(`/dialogues/${dialogue.id}/registrations`, {
        email,
        firstName: 'Amina',
        lastName: 'Diallo',
        organization: 'Migrant Forum',
        stakeholderGroup: 'civil_society',
        country: 'SN',
        preferredLanguage: 'fr',
        consent: true,
        spaceIds: [space.body.id],
      });
      const text = await emailText('registration_id = $1', [reg.body.id]);
      tokens.push(...[...text.matchAll(/\/manage\/([A-Za-z0-9_-]{40,})/g)].map((m) => m[1]));
    }
    const invited = `invited-${randomUUID()}@example.org`;
    emails.push(invited);
    await organizer.client.post(`/dialogues/${dialogue.id}/invitations`, {
      recipients: [{ email: invited, name: 'Ana' }],
    });
    const text = await emailText("kind = 'invitation' AND recipient = $1", [invited]);
    tokens.push(...[...text.matchAll(/\/decline\/([A-Za-z0-9_-]{20,})/g)].map((m) => m[1]));
    const focalPoint = `focal-${randomUUID()}@example.org`;
    emails.push(focalPoint);
    await organizer.client.post(`/dialogues/${dialogue.id}/delegations`, {
      name: 'Mission of Senegal',
      stakeholderGroup: 'government',
      seats: 2,
      focalPointEmail: focalPoint,
    });
    const focalText = await emailText("kind = 'delegation' AND recipient = $1", [focalPoint]);
    tokens.push(...[...focalText.matchAll(/\/delegations\/([A-Za-z0-9_-]{40,})/g)].map((m) => m[1]));

    for (const table of [
      'themes',
      'informal_sessions',
      'dialogues',
      'spaces',
      'agenda_items',
      'registrations',
      'invitations',
      'outbound_emails',
      'users',
      'processes',
      'phases',
      'milestones',
      'delegations',
    ]) {
      idsOf[table] = (await q<{ id: string }>(`SELECT id::text FROM ${table} ORDER BY id LIMIT 5`)).map((r) => r.id);
      ids.push(...idsOf[table]);
    }

    const res = await fetch(`${sut.baseUrl}/api/docs-json`);
    const doc = (await res.json()) as OpenApiDocument;
    ops = operationsOf(doc);
  }, 60_000);
  afterAll(() => sut?.close());

  function operationsOf(doc: OpenApiDocument): Operation[] {
    const resolve = (s: Schema | undefined, seen = 0): Schema | undefined => {
      if (!s || seen > 10) return s;
      if (s.$ref) return resolve(doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')], seen + 1);
      if (s.allOf?.length) return resolve(s.allOf[0], seen + 1);
      const out: Schema = { ...s };
      if (s.items) out.items = resolve(s.items, seen + 1);
      if (s.properties)
        out.properties = Object.fromEntries(
          Object.entries(s.properties).map(([k, v]) => [k, resolve(v, seen + 1) ?? {}]),
        );
      return out;
    };
    const out: Operation[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const body = op.requestBody?.content?.['application/json']?.schema;
        out.push({
          method: method.toUpperCase(),
          path,
          parameters: (op.parameters ?? []).map((p) => ({ ...p, schema: resolve(p.schema) })),
          body: resolve(body),
        });
      }
    }
    return out.sort((a, b) => `${a.method} ${a.path}`.localeCompare(`${b.method} ${b.path}`));
  }

  // ── generators ────────────────────────────────────────────────────────────────────────

  const weird = (maxLength = Infinity) =>
    fc.oneof(
      fc.constantFrom(...WEIRD_STRINGS.filter((w) => w.length <= maxLength)),
      fc.string({ maxLength: 20, unit: 'binary' }),
    );
  /** The table a path (its first segment) or an id field (its name) points to. */
  const TABLE_OF: [RegExp, string][] = [
    [/^(dialogues|dialogueId)$/, 'dialogues'],
    [/^(spaces|spaceIds?)$/, 'spaces'],
    [/^agenda-items$/, 'agenda_items'],
    [/^registrations$/, 'registrations'],
    [/^(informal-sessions|informalSessionId)$/, 'informal_sessions'],
    [/^(themes|themeIds?)$/, 'themes'],
    [/^(processes|processId)$/, 'processes'],
    [/^phases$/, 'phases'],
    [/^milestones$/, 'milestones'],
    [/^outbox$/, 'outbound_emails'],
    [/^(users|coordinatorUserIds)$/, 'users'],
    [/^delegations$/, 'delegations'],
    [/^documents$/, 'documents'],
    [/^contributions$/, 'contributions'],
  ];
  const idArb = (hint = '') => {
    const table = TABLE_OF.find(([re]) => re.test(hint))?.[1];
    const own = table && idsOf[table]?.length ? idsOf[table] : ids;
    return fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...own) },
      { weight: 2, arbitrary: fc.constantFrom(...ids) },
      { weight: 2, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: weird(1000) },
    );
  };

  /** A value that fits the schema more or less as a client would send it. */
  function valueOf(schema: Schema | undefined, name: string, depth = 0): fc.Arbitrary<Json> {
    if (!schema || depth > 4) return fc.constantFrom<Json>('x', 1, null);
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    if (/Ids?$/.test(name) && schema.type === 'array') return fc.array(idArb(name), { maxLength: 3 });
    switch (schema.type) {
      case 'string':
        if (schema.format === 'uuid' || /Id$/.test(name)) return idArb(name);
        if (schema.format === 'date-time' || /At$/.test(name))
          return fc
            .date({
              min: new Date(Date.now() - 400 * 86_400_000),
              max: new Date(Date.now() + 800 * 86_400_000),
              noInvalidDate: true,
            })
            .map((d) => d.toISOString());
        if (/email/i.test(name)) return fc.oneof(fc.constantFrom(...emails), fc.emailAddress());
        if (/timeZone/.test(name)) return fc.constantFrom('Europe/Zurich', 'UTC', 'America/New_York', 'Mars/Olympus');
        if (/country/.test(name)) return fc.constantFrom('CH', 'SN', 'ZZ', 'ch');
        if (/url/i.test(name)) return fc.webUrl();
        return fc.oneof(
          fc.constantFrom('Ana', 'Room A', 'Geneva', 'Civil society space', 'Migrant Forum'),
          fc.string({ minLength: 1, maxLength: Math.min(schema.maxLength ?? 40, 40) }),
        );
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -5, max: Math.min(schema.maximum ?? 500, 500) });
      case 'number':
        return fc.double({ noNaN: true, min: -1000, max: 1000 });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(valueOf(schema.items, name, depth + 1), { maxLength: 3 });
      case 'object': {
        const props = schema.properties ?? {};
        const keys = Object.keys(props);
        if (!keys.length)
          return fc.dictionary(fc.string({ maxLength: 8 }), fc.integer({ min: 0, max: 100 }), { maxKeys: 3 });
        const required = (schema.required ?? []).filter((k) => keys.includes(k));
        return fc.record(Object.fromEntries(keys.map((k) => [k, valueOf(props[k], k, depth + 1)])), {
          requiredKeys: required,
        });
      }
      default:
        return fc.constantFrom<Json>('x', 1, true, null);
    }
  }

  /** A spoilt value: what a careless or hostile client sends instead. */
  const badValue = (): fc.Arbitrary<Json> =>
    fc.oneof(
      fc.constantFrom(...WRONG_TYPES),
      weird(),
      fc.constantFrom<Json>([[[[]]]], { x: [[{}]] }, [{ email: null }]),
      fc.integer(),
      fc.double(),
      fc.array(fc.constantFrom<Json>(null, 1, 'x', [], {}), { maxLength: 4 }),
    );

  /** The text of a body: fitting, then maybe spoilt in one or more places. */
  function bodyText(schema: Schema | undefined): fc.Arbitrary<string | undefined> {
    const fitting = schema ? valueOf(schema, 'body') : fc.constant<Json>({});
    const spoilField = (value: Json) =>
      value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length
        ? fc.tuple(fc.constantFrom(...Object.keys(value)), badValue()).map(([k, v]) => ({ ...value, [k]: v }) as Json)
        : badValue();
    return fc.oneof(
      { weight: 3, arbitrary: fitting.map((v) => JSON.stringify(v)) },
      { weight: 6, arbitrary: fitting.chain(spoilField).map((v) => JSON.stringify(v)) },
      {
        weight: 2,
        arbitrary: fitting
          .chain(spoilField)
          .chain(spoilField)
          .map((v) => JSON.stringify(v)),
      },
      {
        weight: 1,
        arbitrary: fitting.map((v) =>
          JSON.stringify(v && typeof v === 'object' && !Array.isArray(v) ? { ...v, unknownField: 1 } : v),
        ),
      },
      {
        weight: 1,
        arbitrary: fitting.chain((v) =>
          fc
            .constantFrom(3, 40, 5000, 20_000)
            .map((d) =>
              JSON.stringify(
                v && typeof v === 'object' && !Array.isArray(v) ? { ...v, deep: '§' } : { deep: '§' },
              ).replace('"§"', d % 2 ? deepJson(d) : deepJson(d, '{"a":', '}').replace('{"a":}', '{"a":1}')),
            ),
        ),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          undefined,
          '',
          'null',
          '"x"',
          '42',
          '[]',
          '[[[]]]',
          '{"a":',
          '{"__proto__":{"admin":true}}',
          '{"constructor":{"prototype":{"admin":true}}}',
          deepJson(5000),
          '\ud800',
          '{"email":"\\ud800@example.org","password":"x"}',
        ),
      },
    );
  }

  function requestOf(op: Operation): fc.Arbitrary<FuzzRequest> {
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const queryParams = op.parameters.filter((p) => p.in === 'query');
    const pathArb = fc.tuple(
      ...pathParams.map((p) =>
        (p.name === 'token'
          ? fc.oneof(
              fc.constantFrom(...tokens),
              fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('base64url')),
              weird(1000),
            )
          : idArb(op.path.split('/')[3])
        ).map((v) => [p.name, v] as const),
      ),
    );
    // (Query strings stay under Node's 16 KB limit of a request head: beyond it Node answers 431 itself.)
    const queryArb = fc.tuple(
      ...queryParams.map((p) =>
        fc
          .option(
            fc.oneof(
              valueOf(p.schema, p.name).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
              weird(1000),
            ),
            {
              nil: undefined,
            },
          )
          .map((v) => [p.name, v] as const),
      ),
    );
    return fc
      .record({
        role: fc.constantFrom(...ROLES),
        path: pathArb,
        query: queryArb,
        body: op.body || op.method !== 'GET' ? bodyText(op.body) : fc.constant(undefined),
      })
      .map(({ role, path, query, body }) => {
        let url = op.path;
        for (const [name, value] of path) {
          const token = role === 'participant' && name === 'token' && tokens.length ? tokens[0] : value;
          url = url.replace(`{${name}}`, pathSegment(token));
        }
        const search = new URLSearchParams();
        for (const [name, value] of query) if (value !== undefined) search.append(name, value);
        return { op, role, path: url, query: search.toString(), body: op.method === 'GET' ? undefined : body };
      });
  }

  // ── the property ──────────────────────────────────────────────────────────────────────

  it('no request reaches a 5xx; refusals are problem+json and change nothing', async () => {
    const violations: Violation[] = [];
    const statuses: Record<string, number> = {};
    let tried = 0;
    let before = await checksum();

    const send = async (r: FuzzRequest) => {
      const client = clients[r.role];
      const url = `${r.path}${r.query ? `?${r.query}` : ''}`;
      const res = await fetch(`${sut.baseUrl}${url}`, {
        method: r.op.method,
        headers: {
          ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
        },
        body: r.body,
      });
      const text = await res.text();
      return { status: res.status, type: res.headers.get('content-type') ?? '', text };
    };

    const check = async (r: FuzzRequest): Promise<Violation | undefined> => {
      tried++;
      const { status, type, text } = await send(r);
      statuses[`${Math.floor(status / 100)}xx`] = (statuses[`${Math.floor(status / 100)}xx`] ?? 0) + 1;
      const after = await checksum();
      const changed = after !== before;
      before = after;
      const line = `${r.op.method} ${r.path.slice(0, 200)}${r.query ? `?${r.query.slice(0, 200)}` : ''} as ${r.role} body=${(r.body ?? '').slice(0, 300)}`;
      if (status >= 500) return { request: line, status, why: `5xx: ${text.slice(0, 200)}` };
      if (status >= 400) {
        if (changed) return { request: line, status, why: 'a refused request changed rows' };
        if (HTML_ROUTES.some((re) => re.test(`${r.op.method} ${r.path}`))) return undefined;
        if (!/^application\/problem\+json/.test(type)) return { request: line, status, why: `content-type ${type}` };
        let problem: { type?: unknown; title?: unknown; status?: unknown };
        try {
          problem = JSON.parse(text);
        } catch {
          return { request: line, status, why: 'problem body is not JSON' };
        }
        if (typeof problem.type !== 'string' || typeof problem.title !== 'string' || problem.status !== status) {
          return { request: line, status, why: `problem lacks type/title/status: ${text.slice(0, 200)}` };
        }
      }
      return undefined;
    };

    const arb = fc.constantFrom(...ops).chain(requestOf);
    await fc.assert(
      fc.asyncProperty(arb, async (r) => {
        const violation = await check(r);
        if (!violation) return true;
        violations.push(violation);
        // Every violation is counted (and reported below, shortly); the run goes on.
        return true;
      }),
      { seed: SEED, numRuns: RUNS },
    );

    if (REPORT) {
      writeFileSync(
        REPORT,
        JSON.stringify(
          {
            seed: SEED,
            runs: RUNS,
            operations: ops.length,
            requests: tried,
            statuses,
            fiveHundreds: violations.filter((v) => v.status >= 500).length,
            violations: violations.slice(0, 50),
          },
          null,
          2,
        ),
      );
    }
    expect(violations.slice(0, 5)).toEqual([]);
    expect(ops.length).toBeGreaterThan(30);
  }, 600_000);
});
