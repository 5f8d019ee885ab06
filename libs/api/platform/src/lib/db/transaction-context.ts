import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The transaction a piece of work runs in, carried by the async context: `inTransaction` sets it
 * once per transaction, and repositories read it with `currentManager(dataSource)` instead of
 * taking an `EntityManager` parameter from every layer above them (docs/architecture.md,
 * "Transactions"). Outside a transaction they get the data source's own manager (autocommit).
 */
const transactionContext = new AsyncLocalStorage<EntityManager>();

/** The manager of the transaction under way in this async context, or the data source's one. */
export function currentManager(dataSource: DataSource): EntityManager {
  return transactionContext.getStore() ?? dataSource.manager;
}

/** Whether this async context runs inside a transaction (`inTransaction` or `withManager`). */
export function inCurrentTransaction(): boolean {
  return transactionContext.getStore() !== undefined;
}

/**
 * Runs `work` with `manager` as the current transaction. For code that receives a manager from a
 * domain still passing them explicitly (hooks of other domains); a no-op when it is current already.
 */
export function withManager<T>(manager: EntityManager, work: () => T): T {
  return transactionContext.getStore() === manager ? work() : transactionContext.run(manager, work);
}
