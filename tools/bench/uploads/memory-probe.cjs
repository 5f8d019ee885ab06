// Preloaded into the API by tools/bench/uploads/run.mjs (node --require): samples
// process.memoryUsage() every 20 ms and, on an IPC message 'phase' (a signal would be taken by
// Nest's shutdown hooks), answers {start, now, peak} since the last one, then starts a new phase
// (after a GC when --expose-gc is on).
const KEYS = ['rss', 'heapUsed', 'heapTotal', 'external', 'arrayBuffers'];
const snapshot = () => {
  const m = process.memoryUsage();
  return Object.fromEntries(KEYS.map((k) => [k, m[k]]));
};
let start = snapshot();
let peak = { ...start };
const sample = () => {
  const m = snapshot();
  for (const k of KEYS) peak[k] = Math.max(peak[k], m[k]);
};
setInterval(sample, 20).unref();
process.on('message', (message) => {
  if (message !== 'phase') return;
  sample();
  const report = { start, now: snapshot(), peak };
  if (typeof global.gc === 'function') global.gc();
  start = snapshot();
  peak = { ...start };
  process.send({ ...report, next: start });
});
// The IPC channel must not keep the API alive on its own.
process.channel?.unref();
