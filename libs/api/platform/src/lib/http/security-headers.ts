import { createHash } from 'node:crypto';
import helmet, { type HelmetOptions } from 'helmet';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';

/** Inline `<script>` elements (no `src`) of an HTML page; the text between the tags, byte for byte. */
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script\s*>/gi;

/**
 * CSP source expressions (`'sha256-…'`) allowing exactly the inline scripts of `html` (the
 * built index.html of the web app), so script-src needs no 'unsafe-inline'. The same rule is
 * applied to the nginx image at build time (tools/web/inline-script-hashes.mjs).
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    hashes.add(`'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * The policy of every response: the app loads only its own scripts (and the inline scripts
 * whose hashes are given), styles, fonts and images. Styles keep 'unsafe-inline' (Angular
 * Material and the components set style attributes).
 */
export function helmetOptions(scriptHashes: readonly string[] = []): HelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // 'wasm-unsafe-eval': WebAssembly only (door mode's ZXing QR reader), not eval of scripts.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'", ...scriptHashes],
        styleSrc: ["'self'", "'unsafe-inline'", 'https:'],
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'", 'https:', 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  };
}

/** The policy without any inline script (the API alone, no web app served). */
export const HELMET_OPTIONS: HelmetOptions = helmetOptions();

/**
 * The headers helmet sets with these options, worked out once. They do not depend on the
 * request (hashes, not nonces), so each response gets a copy of this record instead of a run
 * through helmet's twelve middlewares.
 */
export function securityHeaders(options: HelmetOptions = HELMET_OPTIONS): Record<string, string> {
  const req = new IncomingMessage(new Socket());
  const res = new ServerResponse(req);
  let failure: unknown;
  helmet(options)(req, res, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}
