import { AuthModule } from '@gfmd/api-auth';
import { PlatformModule } from '@gfmd/api-platform';
import { createTestApp, TestApp, withEnv } from '@gfmd/api-testing';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const INDEX = readFileSync(join(__dirname, '../../../web/src/index.html'), 'utf8');
const scriptSrc = (csp: string | null) =>
  (csp ?? '')
    .split(';')
    .find((d) => d.trim().startsWith('script-src'))
    ?.trim() ?? '';

describe('The web app served by the API (integration)', () => {
  let sut: TestApp;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'gfmd-web-'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'main-ABCD1234.js'), 'console.log(1)');
    sut = await withEnv({ WEB_DIST: dist }, () => createTestApp([PlatformModule, AuthModule]));
  });
  afterAll(async () => {
    await sut?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('allows index.html’s inline scripts by their sha256, without unsafe-inline, on every response', async () => {
    const expected = [...INDEX.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
      (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
    );
    expect(expected).toHaveLength(3); // the locale warm-up, the early API calls, the start on interaction (painted pages);
    for (const path of [
      '/',
      '/dialogues/7f1c1c52-9d3e-4f57-9a43-1c1f0d1c2b3a',
      '/main-ABCD1234.js',
      '/api/v1/health/live',
    ]) {
      const res = await fetch(`${sut.baseUrl}${path}`);
      expect(res.status).toBe(200);
      const policy = scriptSrc(res.headers.get('content-security-policy'));
      // 'wasm-unsafe-eval': WebAssembly only (the door's QR reader polyfill), never eval.
      expect(policy).toBe(`script-src 'self' 'wasm-unsafe-eval' ${expected.join(' ')}`);
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toMatch(/'unsafe-eval'/);
    }
  });
});
