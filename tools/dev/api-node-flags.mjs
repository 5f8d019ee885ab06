// The Node flags the API runs with, wherever it is started: `npm start`, the benchmarks, the
// browser tests' servers (and, written out, docker/api.Dockerfile's CMD, which
// apps/api/src/app/deployment.spec.ts checks against the same file). Why each flag:
// docs/decisions.md, "Platform".
import { readFileSync } from 'node:fs';

/** @type {string[]} */
export const API_NODE_FLAGS = JSON.parse(
  readFileSync(new URL('../../apps/api/node-flags.json', import.meta.url), 'utf8'),
);
