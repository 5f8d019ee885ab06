// The CSV export's memory: what it promotes to the old generation while it streams, and the way
// its pages are read (docs/performance.md, "Session 11"). Its content: registrations.int-spec.ts.
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { inTransaction, PlatformModule, rowsByCallback } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { GCProfiler } from 'node:v8';
import { QueryFailedError } from 'typeorm';
import { RegistrationsModule } from './registrations.module';

const MODULES = [PlatformModule, AuthModule, MailModule, DialoguesModule, SpacesModule, RegistrationsModule];

describe('RegistrationsService.csv (memory)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let sessionId: string;

  /** A published dialogue with `n` confirmed registrations written straight to the table. */
  const dialogueWith = async (n: number) => {
    const d = await DialogueFactory.createPublished(organizer, { informalSessionId: sessionId, capacity: 5000 });
    await sut.dataSource.query(
      `INSERT INTO registrations (dialogue_id, email, email_normalized, first_name, last_name, organization,
                                  stakeholder_group, country, status)
       SELECT $1, 'p' || i || '@csv.example', 'p' || i || '@csv.example', 'Person', 'Number ' || lpad(i::text, 6, '0'),
              'Organization ' || (i % 1500), 'academia', 'FR', 'confirmed'
         FROM generate_series(1, $2::int) i`,
      [d.id, n],
    );
    return d.id;
  };
  /** The export as a raw response. */
  const open = (dialogueId: string) =>
    new Promise<IncomingMessage>((resolve, reject) =>
      httpGet(
        `${sut.baseUrl}/api/v1/dialogues/${dialogueId}/registrations.csv`,
        { headers: { authorization: `Bearer ${organizer.token}` } },
        resolve,
      ).on('error', reject),
    );
  /** Reads a response to its end, keeping only the number of lines. */
  const lines = async (res: IncomingMessage) => {
    let n = 0;
    for await (const chunk of res as AsyncIterable<Buffer>) for (const byte of chunk) if (byte === 10) n++;
    return n;
  };

  beforeAll(async () => {
    sut = await createTestApp(MODULES);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    sessionId =
      (await organizer.get('/informal-sessions')).body[0]?.id ?? (await InformalSessionFactory.create(organizer)).id;
  });
  afterAll(() => sut.close());

  it('promotes next to nothing of the rows it exports to the old generation', async () => {
    const n = 20_000;
    const id = await dialogueWith(n);
    expect(await lines(await open(id))).toBe(n + 1); // once, for the code to be compiled
    // What each scavenge moved to the old generation while the rows streamed, whatever major
    // GC ran meanwhile: the old space's growth across each scavenge. Pages read through pg's
    // promise form promoted ~450 bytes a row (9 MB here: every row's object and strings).
    const profiler = new GCProfiler();
    profiler.start();
    expect(await lines(await open(id))).toBe(n + 1);
    const promoted = profiler
      .stop()
      .statistics.filter((gc) => gc.gcType === 'Scavenge')
      .reduce((sum, gc) => {
        const old = (phase: typeof gc.beforeGC) =>
          phase.heapSpaceStatistics.find((s) => s.spaceName === 'old_space')?.spaceUsedSize ?? 0;
        return sum + Math.max(0, old(gc.afterGC) - old(gc.beforeGC));
      }, 0);
    expect(promoted / n).toBeLessThan(100);
  });

  it('reads its pages on the current transaction, else on a pooled connection it gives back, and fails as TypeORM does', async () => {
    const txid = 'SELECT txid_current()::text AS id';
    const [outer, inner] = await inTransaction(sut.dataSource, async (manager) => [
      ((await manager.query(txid)) as { id: string }[])[0].id,
      (await rowsByCallback<{ id: string }>(sut.dataSource, txid))[0].id,
    ]);
    expect(inner).toBe(outer);
    // More statements than the pool has connections: each is given back.
    for (let i = 0; i < 30; i++)
      expect(await rowsByCallback(sut.dataSource, 'SELECT $1::int AS i', [i])).toEqual([{ i }]);
    const failed = rowsByCallback(sut.dataSource, 'SELECT 1 / $1::int', [0]);
    await expect(failed).rejects.toBeInstanceOf(QueryFailedError);
    await expect(failed).rejects.toMatchObject({ code: '22012' });
  });
});
