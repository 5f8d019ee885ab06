// The way the CSV export reads its pages (docs/performance.md, "Session 11"). Its content:
// registrations.int-spec.ts. Its memory is measured by tools/bench/process-scale (exit 1 when the
// API's RSS grows by 50 MB or more over two downloads), not here: measured inside a Jest worker,
// in the process that also reads the response, what the scavenges promote swung from 10 to 344
// bytes a row with the machine's load (the broken version: 512), a test that would flake.
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { inTransaction, PlatformModule, rowsByCallback } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, TestApp } from '@gfmd/api-testing';
import { QueryFailedError } from 'typeorm';
import { RegistrationsModule } from './registrations.module';

const MODULES = [PlatformModule, AuthModule, MailModule, DialoguesModule, SpacesModule, RegistrationsModule];

describe('RegistrationsService.csv (how it reads its pages)', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp(MODULES);
  });
  afterAll(() => sut.close());

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
