import { currentManager } from '@gfmd/api-platform';
import type { DataSource } from 'typeorm';

/** Runs SQL in the transaction of the async context (or autocommit) and answers its rows. */
export async function sql<T>(dataSource: DataSource, text: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await currentManager(dataSource).query(text, params);
  // TypeORM's postgres driver answers UPDATE/DELETE … RETURNING with [rows, count].
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
