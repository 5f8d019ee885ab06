import { DataSource, EntityManager } from 'typeorm';
import { withManager } from './transaction-context';

/** Work to do once the surrounding transaction has committed (e.g. enqueue jobs). */
export class AfterCommit {
  private readonly tasks: (() => Promise<unknown> | unknown)[] = [];
  add(task: () => Promise<unknown> | unknown) {
    this.tasks.push(task);
  }
  async run(): Promise<void> {
    for (const task of this.tasks) {
      try {
        await task();
      } catch {
        // After-commit work is best effort by design: the outbox sweep repairs what fails here.
      }
    }
  }
}

/**
 * Runs `work` in a transaction and then the after-commit tasks it registered. Serialization
 * failures and deadlocks are retried a few times with jitter. Inside `work`, the transaction is
 * also the current one of the async context (`currentManager`), so repositories find it alone.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager, afterCommit: AfterCommit) => Promise<T>,
  { retries = 5 }: { retries?: number } = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const afterCommit = new AfterCommit();
    try {
      const result = await dataSource.transaction((manager) => withManager(manager, () => work(manager, afterCommit)));
      await afterCommit.run();
      return result;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if ((code === '40001' || code === '40P01') && attempt < retries) {
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
        continue;
      }
      throw error;
    }
  }
}
