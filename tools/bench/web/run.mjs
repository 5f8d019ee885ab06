#!/usr/bin/env node
/**
 * Web benchmark: the production build's initial JavaScript (raw and gzipped) and Lighthouse
 * (mobile and desktop presets) on the public dialogue page (bare and French URL), the dialogue
 * list and the organizer timeline, served
 * by the real API from the built app. A baseline is measured in the same run: Lighthouse on a
 * static page of the same server (the app's own 404-free `favicon.ico` is not a page, so a
 * tiny HTML file is written next to the build), so the ratio shows what the app itself costs.
 *
 *   node tools/bench/web/run.mjs [--no-build] [--runs 1] [--only dialogue] [--reports DIR]
 *
 * --only keeps the pages whose name contains the word (the baseline is always measured);
 * --reports writes each Lighthouse result (JSON) to DIR for a closer look; --dist measures
 * another build of the web app (e.g. one made from an older commit) instead of dist/apps/web, and
 * --api FILE another build of the API (its main.js; a copy of dist/ outside the tree needs a
 * node_modules link beside it). The database is gfmd_bench_web plus GFMD_TEST_NS, if set, so two
 * worktrees can run it at once (their figures then disturb each other: use flock /tmp/bench.lock).
 * Every Lighthouse run starts with an empty HTTP cache (a first visit), so runs and presets do
 * not profit from the files an earlier run downloaded.
 *
 * Needs Debian's Chromium (CHROME_PATH, default /usr/bin/chromium), PostgreSQL and Redis.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import lighthouse, { desktopConfig } from 'lighthouse';
import pg from 'pg';
import puppeteer from 'puppeteer-core';
import { findFreePort } from '../../dev/ports.mjs';
import { API_NODE_FLAGS } from '../../dev/api-node-flags.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(option('--runs')) || 1;
const only = option('--only');
const reports = option('--reports');
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' };

if (!args.includes('--no-build')) {
  const b = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--parallel=2'], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

// ── 1. Initial JavaScript of the production build ────────────────────────────────────────
const dist = resolve(option('--dist') ?? join(root, 'dist/apps/web/browser'));
const index = readFileSync(join(dist, 'index.html'), 'utf8');
const referenced = [...index.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map(
  (m) => m[1],
);
// Angular writes at most 10 modulepreload hints: the initial JavaScript is everything main.js
// imports statically (import … from "./chunk-….js"), followed to the end, not just the hints.
const initial = new Set(referenced);
for (const file of initial) {
  const code = readFileSync(join(dist, file), 'utf8');
  for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([\w.-]+\.js)["']/g))
    initial.add(m[1]);
}
const unhinted = [...initial].filter((f) => !referenced.includes(f));
let raw = 0;
let gz = 0;
for (const file of initial) {
  const buf = readFileSync(join(dist, file));
  raw += buf.length;
  gz += gzipSync(buf, { level: 9 }).length;
}
const allJs = readdirSync(dist).filter((f) => f.endsWith('.js'));
const totalRaw = allJs.reduce((n, f) => n + statSync(join(dist, f)).size, 0);
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log('\nInitial JavaScript (production build)');
console.log(`  files: ${[...initial].join(', ')}`);
if (unhinted.length) console.log(`  imported without a modulepreload hint (found late): ${unhinted.join(', ')}`);
console.log(`  raw ${kb(raw)}, gzipped ${kb(gz)} (target ≤ 250 kB gzipped: ${gz <= 250 * 1024 ? 'met' : 'MISSED'})`);
console.log(`  all lazy chunks together: ${allJs.length} files, ${kb(totalRaw)} raw`);

// ── 2. Serve it from the real API on a fresh database with the demo dialogue ─────────────
const baseDb = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/gfmd_test');
const admin = new pg.Client({ connectionString: Object.assign(new URL(baseDb), { pathname: '/postgres' }).toString() });
await admin.connect();
const benchDb = `gfmd_bench_web${(process.env.GFMD_TEST_NS ?? '').replace(/\W/g, '')}`;
await admin.query(`DROP DATABASE IF EXISTS ${benchDb} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${benchDb}`);
await admin.end();
const port = await findFreePort(3950);
const origin = `http://127.0.0.1:${port}`;
const adminEmail = 'admin@bench.gfmd';
const adminPassword = `bench-${randomBytes(8).toString('hex')}`;
const api = spawn(
  process.execPath,
  [...API_NODE_FLAGS, resolve(option('--api') ?? join(root, 'dist/apps/api/main.js'))],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...env,
      NODE_ENV: 'production',
      PORT: String(port),
      PUBLIC_URL: origin,
      DATABASE_URL: Object.assign(new URL(baseDb), { pathname: `/${benchDb}` }).toString(),
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      SMTP_URL: 'smtp://127.0.0.1:2',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      WEB_DIST: dist,
      QUEUE_PREFIX: `{bench-web${process.env.GFMD_TEST_NS ?? ''}}`,
    },
  },
);
const baselineFile = join(dist, 'bench-baseline.html');
writeFileSync(
  baselineFile,
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="baseline"><title>Baseline</title></head><body><main><h1>Baseline</h1><p>A static page.</p></main></body></html>',
);

let code = 0;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${origin}/api/v1/health`)).status === 200) break;
    } catch {
      /* starting */
    }
    if (i > 300) throw new Error('API did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const dialogues = await (await fetch(`${origin}/api/v1/dialogues`)).json();
  const demo = dialogues.items[0];
  const login = await (
    await fetch(`${origin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: adminEmail, password: adminPassword }),
    })
  ).json();
  await fillAgenda(demo, login.accessToken);
  const painted = await (await fetch(`${origin}/dialogues/${demo.id}`)).text();
  console.log(
    `\nPainted dialogue page: ${Buffer.byteLength(painted)} B of HTML, ${gzipSync(painted).length} B gzipped`,
  );
  const paintedList = await (await fetch(`${origin}/dialogues`)).text();
  console.log(
    `Painted dialogue list (${dialogues.items.length} dialogue(s)): ${Buffer.byteLength(paintedList)} B of HTML, ${gzipSync(paintedList).length} B gzipped`,
  );

  const browser = await puppeteer.launch({
    executablePath: chrome,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  const targets = [
    { name: 'baseline (static page)', url: `${origin}/bench-baseline.html` },
    { name: 'public dialogue page', url: `${origin}/dialogues/${demo.id}` },
    { name: 'public dialogue list', url: `${origin}/dialogues` },
    { name: 'French dialogue page', url: `${origin}/fr/dialogues/${demo.id}` },
    { name: 'organizer timeline', url: `${origin}/timeline`, token: login.accessToken },
  ].filter((t) => !only || t.name.startsWith('baseline') || t.name.includes(only));
  if (reports) mkdirSync(reports, { recursive: true });
  const results = [];
  for (const preset of ['mobile', 'desktop']) {
    for (const t of targets) {
      const scores = [];
      const failures = [];
      // A run Lighthouse could not record (NO_NAVSTART on a loaded machine) is retried, up to
      // as many extra attempts as runs asked for.
      for (let r = 0; scores.length < runs && r < 2 * runs; r++) {
        const page = await browser.newPage();
        const cdp = await page.createCDPSession();
        await cdp.send('Network.clearBrowserCache');
        await cdp.detach();
        if (t.token) {
          await page.goto(`${origin}/bench-baseline.html`);
          await page.evaluate((tok) => sessionStorage.setItem('gfmd.accessToken', tok), t.token);
        }
        const result = await lighthouse(
          t.url,
          { onlyCategories: ['performance', 'accessibility'], disableStorageReset: true, logLevel: 'error' },
          preset === 'desktop' ? desktopConfig : undefined,
          page,
        );
        const lhr = result.lhr;
        if (reports) {
          const file = `${preset}-${t.name.replace(/[^\w]+/g, '-')}-${r + 1}.json`;
          writeFileSync(join(reports, file), JSON.stringify(lhr));
        }
        if (lhr.runtimeError) {
          // Lighthouse could not record this run (e.g. NO_NAVSTART on a busy machine): not a score.
          failures.push(lhr.runtimeError.code);
          await page.close();
          continue;
        }
        scores.push({
          performance: Math.round(lhr.categories.performance.score * 100),
          accessibility: Math.round(lhr.categories.accessibility.score * 100),
          lcp: lhr.audits['largest-contentful-paint'].numericValue,
          tbt: lhr.audits['total-blocking-time'].numericValue,
          cls: lhr.audits['cumulative-layout-shift'].numericValue,
          failedA11y: Object.values(lhr.audits)
            .filter((a) => a.score === 0 && lhr.categories.accessibility.auditRefs.some((ref) => ref.id === a.id))
            .map((a) => a.id),
        });
        await page.close();
      }
      if (!scores.length) {
        // A busy machine can fail every run of a page (NO_NAVSTART): say so, measure the others.
        console.error(`Lighthouse recorded no run of ${preset} ${t.name} (${failures.join(', ')})`);
        continue;
      }
      const worst = scores.reduce((a, b) => (b.performance < a.performance ? b : a));
      const sorted = scores.map((s) => s.performance).sort((a, b) => a - b);
      const median = sorted[Math.floor((sorted.length - 1) / 2)];
      results.push({ preset, ...t, ...worst, median, failures: [...failures], all: scores.map((s) => s.performance) });
    }
  }
  await browser.close();
  console.log(`\nLighthouse (${runs} run(s) per page: the worst, and the median (lower middle) when more than one)`);
  for (const r of results) {
    const base = results.find((b) => b.preset === r.preset && b.name.startsWith('baseline'));
    console.log(
      `  ${r.preset.padEnd(8)} ${r.name.padEnd(24)} performance ${String(r.performance).padStart(3)}${r.all.length > 1 ? `, median ${String(r.median).padStart(3)}` : ''} (${base ? (r.performance / base.performance).toFixed(2) : '?'} of baseline)  accessibility ${String(r.accessibility).padStart(3)}  LCP ${Math.round(r.lcp)} ms  TBT ${Math.round(r.tbt)} ms  CLS ${r.cls.toFixed(3)}${r.all.length > 1 ? `  (runs: ${r.all.join(', ')})` : ''}${r.failures.length ? `  not recorded: ${r.failures.join(', ')}` : ''}${r.failedA11y.length ? `  failed: ${r.failedA11y.join(', ')}` : ''}`,
    );
    if (!r.name.startsWith('baseline') && (r.performance < 90 || r.accessibility < 100)) code = 0; // figures, not a gate
  }
} catch (error) {
  console.error(error);
  code = 1;
} finally {
  rmSync(baselineFile, { force: true });
  api.kill('SIGTERM');
}
process.exit(code);

/**
 * The page the server paints should be measured whole: the demo dialogue gets 3 spaces and 15
 * agenda items over its time (as a real dialogue's), unless it has an agenda already.
 */
async function fillAgenda(dialogue, token) {
  const call = async (path, body) => {
    const res = await fetch(`${origin}/api/v1${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body && JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  if ((await call(`/dialogues/${dialogue.id}/agenda`)).items.length) return;
  const spaces = [];
  for (const space of [
    {
      name: 'Plenary',
      kind: 'plenary',
      access: 'open',
      rooms: ['Room XVII'],
      description: 'All participants together.',
    },
    { name: 'Civil society space', kind: 'civil_society', access: 'open', rooms: ['Room XVIII'] },
    { name: 'Business Mechanism', kind: 'business', access: 'invitation_only', rooms: ['Room XIX'] },
  ])
    spaces.push(await call(`/dialogues/${dialogue.id}/spaces`, space));
  const start = Date.parse(dialogue.startsAt);
  const step = (Date.parse(dialogue.endsAt) - start) / 15;
  for (let i = 0; i < 15; i++) {
    const space = i % 4 === 0 ? undefined : spaces[i % 3];
    await call(`/dialogues/${dialogue.id}/agenda-items`, {
      title: `Agenda item ${i + 1}: skills, labour mobility and partnerships`,
      kind: i % 5 === 4 ? 'break' : 'panel',
      spaceId: space?.id,
      room: space?.rooms[0],
      startsAt: new Date(start + i * step).toISOString(),
      endsAt: new Date(start + (i + 0.75) * step).toISOString(),
      speakers: [],
    });
  }
}
