// Creates the test database once per run when it does not exist yet.
// Migrations run from the test app factory (libs/api/testing) under an advisory lock.
require('./env-setup.cjs');
const { Client } = require('pg');

module.exports = async function globalSetup() {
  const url = new URL(process.env.DATABASE_URL);
  const dbName = decodeURIComponent(url.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  try {
    await client.connect();
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${dbName.replace(/"/g, '""')}"`);
    }
  } catch (error) {
    if (!/already exists/.test(String(error))) throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
};
