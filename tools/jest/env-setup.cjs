// Defaults for tests: the machine's PostgreSQL and Redis on loopback, unless set.
process.env.NODE_ENV = process.env.NODE_ENV || 'test';
// GFMD_TEST_NS keeps the databases and queue prefixes of runs that share one machine apart
// (two working copies testing at the same time): gfmd_test_<ns>, {gfmd-jest-<ns>}.
const ns = process.env.GFMD_TEST_NS ? `_${process.env.GFMD_TEST_NS.replace(/[^a-z0-9_]/gi, '')}` : '';
process.env.DATABASE_URL = process.env.DATABASE_URL || `postgres://postgres@127.0.0.1:5432/gfmd_test${ns}`;
// The migrated database every test database is copied from (made by global-setup.cjs).
process.env.GFMD_TEST_TEMPLATE_DB = process.env.GFMD_TEST_TEMPLATE_DB || `gfmd_test_template${ns}`;
process.env.REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
process.env.JWT_SECRET = process.env.JWT_SECRET || 'test-secret-that-is-long-enough-for-hs256-0123456789';
process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'silent';
process.env.SEED_DEMO = process.env.SEED_DEMO || 'false';
// Jobs of specs that run no worker go under a prefix of their own (emptied by global-teardown.cjs).
process.env.QUEUE_PREFIX = process.env.QUEUE_PREFIX || `{gfmd-jest${ns.replace('_', '-')}}`;
process.env.PUBLIC_URL = process.env.PUBLIC_URL || 'http://localhost:3000';
// Tests fire many requests from 127.0.0.1: rate limits are lifted unless a spec sets its own.
process.env.RATE_LIMIT_PER_MINUTE = process.env.RATE_LIMIT_PER_MINUTE || '1000000';
process.env.RATE_LIMIT_LOGIN_PER_MINUTE = process.env.RATE_LIMIT_LOGIN_PER_MINUTE || '1000000';
process.env.RATE_LIMIT_REGISTER_PER_MINUTE = process.env.RATE_LIMIT_REGISTER_PER_MINUTE || '1000000';
