// Removes what the specs left in Redis under the shared test queue prefix (jobs enqueued by
// specs that run no worker). Specs with a worker in process use prefixes of their own and clean up.
require('./env-setup.cjs');
const Redis = require('ioredis');

module.exports = async function globalTeardown() {
  const redis = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${process.env.QUEUE_PREFIX}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } catch {
    // Redis down at the end of a run: nothing to clean that matters.
  } finally {
    redis.disconnect();
  }
};
