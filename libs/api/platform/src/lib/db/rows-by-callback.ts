import type { PoolClient, QueryResult } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import { currentManager } from './transaction-context';

/**
 * A statement's rows through node-postgres's callback form, on the current transaction's
 * connection or, outside one, a pooled connection held for this statement only.
 *
 * For statements that read many rows in a row (the registrations CSV export, keyset page after
 * keyset page): TypeORM's `query` calls pg's promise form, `client.query(text, values)`, and with
 * it Node 20's V8 promotes nearly every row of each result to the old generation (97 % of what a
 * scavenge saw survived the next one), where it stays as garbage until the next major GC — about
 * +50 MB of the process's memory for 100,000 exported rows. The callback form, with the same
 * rows, promotes almost nothing (docs/performance.md, "Session 11").
 */
export async function rowsByCallback<T>(dataSource: DataSource, text: string, params: unknown[] = []): Promise<T[]> {
  const inTransaction = currentManager(dataSource).queryRunner;
  const runner = inTransaction ?? dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    return await new Promise<T[]>((resolve, reject) =>
      client.query(text, params, (error: Error | null, result: QueryResult) =>
        // As TypeORM's `query` fails: the problem filter reads the driver's code from it.
        error ? reject(new QueryFailedError(text, params, error)) : resolve(result.rows as T[]),
      ),
    );
  } finally {
    if (!inTransaction) await runner.release();
  }
}
