// Makes the test database once per run. The default one (no DATABASE_URL given) is dropped and
// made afresh, so that no run depends on what an earlier (perhaps killed) run left behind; a
// database named by DATABASE_URL is only created when missing, never dropped.
// Migrations run from the test app factory (libs/api/testing) under an advisory lock.
const defaulted = !process.env.DATABASE_URL;
require('./env-setup.cjs');
const { Client } = require('pg');

module.exports = async function globalSetup() {
  const url = new URL(process.env.DATABASE_URL);
  const dbName = decodeURIComponent(url.pathname.slice(1));
  const quoted = `"${dbName.replace(/"/g, '""')}"`;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  try {
    await client.connect();
    if (defaulted) await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoted}`);
  } catch (error) {
    if (!/already exists/.test(String(error))) throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
};
