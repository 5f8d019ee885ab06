import { Logger } from '@nestjs/common';
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { newToken, PinoNestLogger, PlatformModule } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, type TestApp, waitUntil } from '@gfmd/api-testing';
import { Writable } from 'node:stream';
import pino from 'pino';
import { RegistrationsModule } from './registrations.module';

/**
 * What the API writes to its log, captured from its own pino logger: the request line of a
 * manage link (however its path is spelled) names the route, never the token; no query string
 * is logged; a database error logs no row values.
 */
describe('Request log (integration)', () => {
  let sut: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    sut = await createTestApp([
      PlatformModule,
      AuthModule,
      MailModule,
      DialoguesModule,
      SpacesModule,
      RegistrationsModule,
    ]);
    // The app's root logger now writes into `lines` (the request hook holds this same instance).
    const root = sut.app.get(PinoNestLogger).pino;
    root.level = 'info'; // tests run quiet by default
    Reflect.set(
      root,
      pino.symbols.streamSym,
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(...chunk.toString().split('\n').filter(Boolean));
          done();
        },
      }),
    );
  });
  afterAll(() => sut.close());
  beforeEach(() => {
    lines.length = 0;
  });

  const requestLine = () => lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request completed');

  it.each([
    ['/api/v1/registrations/MANAGE/{token}', '/api/v1/registrations/manage/:token'],
    ['/api/v1/registrations/%6danage/{token}', undefined],
    ['/api/v1/registrations/manage/{token}/agenda?%65mail=secret@example.org', undefined],
    ['/api/v1/dialogues?%65mail=secret@example.org', '/api/v1/dialogues'],
  ])('logs %s without the token or the query', async (template, pattern) => {
    const token = newToken();
    const res = await fetch(`${sut.baseUrl}${template.replace('{token}', token)}`);
    expect(res.status).toBeLessThan(500);
    // Nor does a problem answer echo it (its `instance` is the path made safe).
    expect(await res.text()).not.toContain(token);
    // Written when the response is complete, which the client may see first: wait for it (50 ms
    // was not always enough on a loaded machine).
    await waitUntil(() => requestLine() !== undefined, 10_000, 'the request line');
    const line = requestLine();
    expect(line).toBeDefined();
    if (pattern) expect(line.req.url).toBe(pattern);
    const all = lines.join('\n');
    expect(all).not.toContain(token);
    expect(all.toLowerCase()).not.toContain(token.toLowerCase());
    expect(all).not.toMatch(/secret|%65mail|email=/i);
  });

  it('logs a database constraint error without its parameters or the failing row', async () => {
    const secret = `secret-${newToken()}@example.org`;
    const error = await sut.dataSource
      .query(
        `INSERT INTO registrations (dialogue_id, email, email_normalized, first_name, last_name, organization, stakeholder_group, country, status)
         VALUES (gen_random_uuid(), $1, $1, 'Ana', NULL, 'NGO', 'civil_society', 'CH', 'confirmed')`,
        [secret],
      )
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    // As the problem filter logs an unexpected error.
    Logger.overrideLogger(sut.app.get(PinoNestLogger));
    new Logger('Problem').error({ err: error, status: 500, reqId: 'r1' }, 'unhandled error');
    Logger.overrideLogger(false);
    const logged = lines.join('\n');
    expect(logged).toContain('QueryFailedError');
    expect(logged).not.toContain(secret);
    expect(logged).not.toMatch(/Failing row|secret/i);
  });
});
