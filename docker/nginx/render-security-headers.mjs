#!/usr/bin/env node
// Fills the script hashes into docker/nginx/security-headers.conf for the built index.html, at
// image build time (docker/web.Dockerfile):
//   node docker/nginx/render-security-headers.mjs dist/apps/web/browser/index.html docker/nginx/security-headers.conf > out.conf
// The hashes are those the API allows when it serves the app itself (inlineScriptHashes in
// libs/api/platform/src/lib/http/security-headers.ts; apps/api/src/app/deployment.spec.ts checks
// both give the same policy), so script-src needs no 'unsafe-inline'.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script\s*>/gi;

export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    hashes.add(`'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

const [indexHtml, template] = process.argv.slice(2);
if (!indexHtml || !template) {
  console.error('usage: render-security-headers.mjs <index.html> <security-headers.conf>');
  process.exit(2);
}
const hashes = inlineScriptHashes(readFileSync(indexHtml, 'utf8'));
process.stdout.write(
  readFileSync(template, 'utf8').replaceAll('__CSP_SCRIPT_HASHES__', hashes.map((h) => ` ${h}`).join('')),
);
