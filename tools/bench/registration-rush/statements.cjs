// Preloaded into the API by `run.mjs --statements` (node -r): records, per database connection,
// the statements of each transaction (by their first words; `[LOCK]` marks a FOR UPDATE) and
// writes the commonest shapes to BENCH_STATEMENTS_OUT when the API stops. A count that does not
// depend on the machine's load: each statement after the dialogue lock is a round trip that
// every admission batch queued behind it waits for.
const { appendFileSync } = require('node:fs');
const pg = require(require.resolve('pg', { paths: [process.cwd()] }));

const shapes = new Map();
const nameOf = (text) => {
  const t = text.replace(/\s+/g, ' ').trim();
  const m = t.match(
    /^(START TRANSACTION|COMMIT|ROLLBACK|BEGIN|WITH \w+|INSERT INTO \w+|UPDATE \w+|DELETE FROM \w+|SELECT .{0,40}?FROM \w+|SELECT .{0,30})/i,
  );
  return (m ? m[1] : t.slice(0, 40)) + (/FOR UPDATE/i.test(t) ? ' [LOCK]' : '');
};
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, ...rest) {
  const text = typeof config === 'string' ? config : config?.text;
  if (typeof text === 'string') {
    const name = nameOf(text);
    if (/^(START TRANSACTION|BEGIN)/i.test(name)) this.benchStatements = [];
    if (this.benchStatements) this.benchStatements.push(name);
    if (/^(COMMIT|ROLLBACK)/i.test(name) && this.benchStatements) {
      const key = this.benchStatements.join(' | ');
      shapes.set(key, (shapes.get(key) ?? 0) + 1);
      this.benchStatements = undefined;
    }
  }
  return query.call(this, config, ...rest);
};
let written = false;
const write = () => {
  if (written || !process.env.BENCH_STATEMENTS_OUT) return;
  written = true;
  const rows = [...shapes].filter(([k]) => k.includes('[LOCK]')).sort((a, b) => b[1] - a[1]);
  appendFileSync(process.env.BENCH_STATEMENTS_OUT, JSON.stringify(rows) + '\n');
};
process.prependListener('SIGTERM', write);
process.on('exit', write);
