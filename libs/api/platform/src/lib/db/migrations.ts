import { InitialSchema1764300000000 } from './migrations/1764300000000-initial-schema';

/**
 * Every migration, in order. Listed explicitly because the API and the worker are bundled:
 * add each new migration here (generate with `npx nx run api:migration-generate`).
 */
export const MIGRATIONS = [InitialSchema1764300000000];
