// Makes the test databases once per run:
//  - the template (GFMD_TEST_TEMPLATE_DB, see env-setup.cjs), made afresh and migrated here, once;
//    nothing connects to it afterwards, so every test database is a copy of it (CREATE DATABASE …
//    TEMPLATE: about a second, where migrating an empty database took 6 s on a loaded machine);
//  - the default test database (no DATABASE_URL given), dropped and copied from the template, so
//    that no run depends on what an earlier (perhaps killed) run left behind. A database named by
//    DATABASE_URL is only created (copied) when missing, never dropped.
// The test app factory (libs/api/testing) still runs the migrations under an advisory lock, which
// finds nothing to do on a copy of the template.
const defaulted = !process.env.DATABASE_URL;
require('./env-setup.cjs');
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { Client } = require('pg');

const quote = (name) => `"${name.replace(/"/g, '""')}"`;

module.exports = async function globalSetup() {
  const url = new URL(process.env.DATABASE_URL);
  const dbName = decodeURIComponent(url.pathname.slice(1));
  const template = process.env.GFMD_TEST_TEMPLATE_DB;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  try {
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${quote(template)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quote(template)}`);
    migrate(Object.assign(new URL(url), { pathname: `/${template}` }).toString());
    if (defaulted) await client.query(`DROP DATABASE IF EXISTS ${quote(dbName)} WITH (FORCE)`);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quote(dbName)} TEMPLATE ${quote(template)}`);
  } catch (error) {
    if (!/already exists/.test(String(error))) throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
};

/** The migrations, in a process of their own (TypeScript compiled on the fly by @swc-node/register). */
function migrate(databaseUrl) {
  const root = join(__dirname, '../..');
  const run = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'migrate-database.ts'), databaseUrl],
    { cwd: root, env: { ...process.env, SWC_NODE_PROJECT: join(root, 'tsconfig.base.json') }, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`migrating the test template failed: ${run.stderr || run.error}`);
}
