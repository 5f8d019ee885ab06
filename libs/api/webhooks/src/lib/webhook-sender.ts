import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isNonPublicAddress } from './webhook-url';

export interface SendResult {
  ok: boolean;
  /** The receiver's status code; null when none came (timeout, refused, DNS). */
  status: number | null;
  durationMs: number;
  /** Why it failed, short and without the body of the answer (no personal data). */
  error: string | null;
}

export interface SendOptions {
  timeoutMs: number;
  allowPrivate: boolean;
}

/**
 * POSTs one delivery: the whole exchange within `timeoutMs`, redirects not followed (an answer
 * 3xx is a failure), only 2xx is success. The answer's body is read and dropped.
 */
export function postWebhook(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  options: SendOptions,
): Promise<SendResult> {
  const started = performance.now();
  const done = (status: number | null, error: string | null): SendResult => ({
    ok: error === null,
    status,
    durationMs: Math.round(performance.now() - started),
    error,
  });
  return new Promise<SendResult>((resolve) => {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      return resolve(done(null, 'invalid url'));
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // An address literal is never looked up: check it here.
    if (isIP(host) && !options.allowPrivate && isNonPublicAddress(host))
      return resolve(done(null, 'receiver address is not public'));
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        lookup: guardedLookup(options.allowPrivate),
        agent: false,
      },
      (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        res.resume();
        res.on('error', () => undefined);
        res.on('end', () => {
          if (status >= 200 && status < 300) finish(done(status, null));
          else if (status >= 300 && status < 400) finish(done(status, `redirect (HTTP ${status}) not followed`));
          else finish(done(status, `HTTP ${status}`));
        });
      },
    );
    const timer = setTimeout(() => {
      finish(done(null, `timed out after ${options.timeoutMs} ms`));
      req.destroy();
    }, options.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      finish(
        done(
          null,
          error.code === 'EWEBHOOKADDRESS' ? error.message : `${error.code ?? 'error'}: ${error.message}`.slice(0, 200),
        ),
      );
    });
    req.end(body);
  });
}
