// The producer's CPU for the send jobs of an admission batch, in one process, the two ways
// alternated: one BullMQ job per outbox row (addBulk, as the API did until session 12) against one
// release job carrying the rows' ids (MailQueue.release: the worker adds the send jobs). Same job
// options as the mail and maintenance queues; an AsyncLocalStorage enabled, as in the API. Prints
// the CPU µs per row (median of 10 rounds of 60 batches of 30 rows); deletes its keys at the end.
//   node tools/bench/registration-rush/enqueue-cost.cjs [redis-url]
const { Queue } = require('bullmq');
const Redis = require('ioredis');
const { randomUUID } = require('crypto');
const { AsyncLocalStorage } = require('async_hooks');
new AsyncLocalStorage().enterWith({}); // the API has stores enabled: promise hooks on
(async () => {
  const conn = new Redis(process.argv[2] ?? 'redis://127.0.0.1:6379', {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
  await new Promise((r) => conn.once('ready', r));
  const prefix = `{gfmd-enqueue-cost-${process.pid}}`;
  const mail = new Queue('mail', {
    connection: conn,
    prefix,
    defaultJobOptions: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 2000, jitter: 0.5 },
      removeOnComplete: { count: 1000, age: 86400 },
      removeOnFail: { count: 5000, age: 7 * 86400 },
    },
  });
  const maint = new Queue('maintenance', {
    connection: conn,
    prefix,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { count: 100 },
      removeOnFail: { count: 1000, age: 7 * 86400 },
    },
  });
  const B = 30,
    BATCHES = 60;
  const modes = {
    perRow: (rows) =>
      mail.addBulk(rows.map((id) => ({ name: 'send-email', data: { outboxId: id }, opts: { jobId: id } }))),
    release: (rows) =>
      maint.add('release-emails', { rows: rows.map((id) => ({ id })) }, { jobId: `release-${rows[0]}` }),
  };
  const res = { perRow: [], release: [] };
  for (let round = 0; round < 12; round++)
    for (const [name, fn] of Object.entries(modes)) {
      const c0 = process.cpuUsage();
      for (let i = 0; i < BATCHES; i++) await fn(Array.from({ length: B }, () => randomUUID()));
      const c = process.cpuUsage(c0);
      if (round >= 2) res[name].push((c.user + c.system) / (B * BATCHES));
    }
  const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  console.log(
    `per row, median of 10 rounds: one job per row ${med(res.perRow).toFixed(1)} µs, one release per ${B} rows ${med(res.release).toFixed(1)} µs (rounds: ${res.perRow.map((x) => x.toFixed(0)).join('/')} vs ${res.release.map((x) => x.toFixed(0)).join('/')})`,
  );
  await mail.obliterate({ force: true });
  await maint.obliterate({ force: true });
  await mail.close();
  await maint.close();
  conn.disconnect();
})();
