import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from './transaction';
import { currentManager, withManager } from './transaction-context';

const manager = (name: string) => ({ name }) as Partial<EntityManager> as EntityManager;

describe('transaction context', () => {
  const outside = manager('outside');
  const inside = manager('inside');
  const dataSource = {
    manager: outside,
    transaction: <T>(work: (m: EntityManager) => Promise<T>) => work(inside),
  } as Partial<DataSource> as DataSource;

  it('gives the transaction of inTransaction to code that does not receive it, and the plain manager after', async () => {
    const seen: EntityManager[] = [];
    const deeper = async () => {
      await Promise.resolve();
      seen.push(currentManager(dataSource));
    };
    await inTransaction(dataSource, async (_m, afterCommit) => {
      await deeper();
      afterCommit.add(() => seen.push(currentManager(dataSource)));
    });
    seen.push(currentManager(dataSource));
    expect(seen).toEqual([inside, outside, outside]);
  });

  it('withManager makes a given manager current for its work only', async () => {
    const given = manager('given');
    const seen = await withManager(given, async () => currentManager(dataSource));
    expect(seen).toBe(given);
    expect(currentManager(dataSource)).toBe(outside);
  });
});
