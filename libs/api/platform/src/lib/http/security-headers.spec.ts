import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { helmetOptions, inlineScriptHashes, securityHeaders } from './security-headers';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const scriptSrc = (csp: string) =>
  csp
    .split(';')
    .find((d) => d.trim().startsWith('script-src'))
    ?.trim() ?? '';

describe(inlineScriptHashes.name, () => {
  it('hashes the text of each inline script exactly, once each, and skips scripts loaded with src', () => {
    const html = `<head><script>alert(1)</script><script src="main.js"></script><SCRIPT type="module">
  x()
</SCRIPT><script>alert(1)</script></head>`;
    const sut = inlineScriptHashes(html);
    expect(sut).toEqual([sha256('alert(1)'), sha256('\n  x()\n')]);
  });

  it('finds the three inline scripts of the web app’s index.html', () => {
    const html = readFileSync(join(__dirname, '../../../../../../apps/web/src/index.html'), 'utf8');
    expect(inlineScriptHashes(html)).toHaveLength(3);
  });
});

describe(securityHeaders.name, () => {
  it('allows scripts from self and the given hashes, never unsafe-inline', () => {
    const hashes = [sha256('a'), sha256('b')];
    const sut = securityHeaders(helmetOptions(hashes));
    expect(scriptSrc(sut['content-security-policy'])).toBe(`script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`);
    expect(sut['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(scriptSrc(securityHeaders()['content-security-policy'])).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(sut['x-content-type-options']).toBe('nosniff');
    expect(sut['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
